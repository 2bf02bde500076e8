/**
 * The one door to the browser: the only module that imports webextension-polyfill.
 * Everything else takes what it needs from here, so tests can replace it and a
 * Firefox build gets the same promise-based API.
 *
 * One exception, on purpose: the content script runs on every SmartErgo page and frame
 * and needs only runtime.sendMessage, which both browsers answer with a promise natively;
 * it takes that from shared/runtime.ts instead of loading the polyfill on each page.
 */
import browser, { type WebRequest } from 'webextension-polyfill';

export type { Runtime, Tabs, Cookies, Storage, WebRequest, DeclarativeNetRequest, Scripting } from 'webextension-polyfill';
export { browser };

/** Chromium's contentSettings.cookies (no Firefox equivalent; the polyfill has no types for it). */
export interface CookieContentSettings {
  clear(details: { scope?: 'regular' }): Promise<void>;
  set(details: { primaryPattern: string; secondaryPattern?: string; setting: 'allow' | 'block' | 'session_only'; scope?: 'regular' }): Promise<void>;
  get(details: { primaryUrl: string; secondaryUrl?: string }): Promise<{ setting: string }>;
}

/** Chromium's declarativeNetRequest.getMatchedRules (needs declarativeNetRequestFeedback). */
export type GetMatchedRules = (filter: { tabId?: number; minTimeStamp?: number }) => Promise<{
  rulesMatchedInfo: { rule: { ruleId: number; rulesetId: string }; tabId: number; timeStamp: number }[];
}>;

interface ChromiumOnly {
  contentSettings?: { cookies?: CookieContentSettings };
  declarativeNetRequest?: { getMatchedRules?: GetMatchedRules };
  webRequest?: { OnHeadersReceivedOptions?: { EXTRA_HEADERS?: string } };
}

const chromium = (globalThis as unknown as { chrome?: ChromiumOnly }).chrome;

/** Browser APIs only Chromium has: undefined elsewhere, so callers degrade rather than throw. */
export const chromiumOnly = {
  cookieContentSettings: chromium?.contentSettings?.cookies,
  getMatchedRules: chromium?.declarativeNetRequest?.getMatchedRules?.bind(chromium.declarativeNetRequest),
  /** Chromium shows Set-Cookie to webRequest only with "extraHeaders"; Firefox rejects the word. */
  responseHeaderOptions: (chromium?.webRequest?.OnHeadersReceivedOptions?.EXTRA_HEADERS
    ? ['responseHeaders', 'extraHeaders']
    : ['responseHeaders']) as WebRequest.OnHeadersReceivedOptions[],
};
