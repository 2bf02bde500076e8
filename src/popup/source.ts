/**
 * Everything the popup needs from the browser, behind one interface so tests pass
 * a fake (and the popup never imports the browser API directly). Through
 * shared/runtime.ts, not the polyfill: all of it is needed before the first screen,
 * and the polyfill is then ~10 KB more to compile (only the controls load it, later).
 */
import type { PageRecord } from '../core/model';
import type { PageView } from '../core/page-view';
import type { FirstScreenResponse, GetPageMessage, GetPageResponse } from '../shared/messages';
import { unpackPage } from '../shared/page-wire';
import { isRecord } from '../shared/validate';
import { activeTabId, getMessage, sendMessage, watchSessionKey } from '../shared/runtime';
import { pageKey } from '../shared/storage-keys';
import type { FirstRequest } from './first-request';
import { tabIdFromQuery } from './tab-query';

export { tabIdFromQuery };

export interface PopupSource {
  /** The tab the popup describes, or undefined when there is none. */
  tabId(): Promise<number | undefined>;
  /** Asks the worker what it knows about the tab (rejects when it cannot answer). */
  getPage(tabId: number): Promise<GetPageResponse>;
  /**
   * The first screen of the tab's view, when it was asked for early (first-request.ts):
   * undefined otherwise, and for a second call. Called before getPage.
   */
  getFirstScreen?(tabId: number): Promise<FirstScreenResponse | undefined>;
  /** Calls `listener` whenever the tab's page record changes (null: removed). Returns an unsubscribe function. */
  onPageChange(tabId: number, listener: (page: PageRecord | null) => void): () => void;
  t(key: string, substitutions?: string[]): string;
}

/** A page record as stored by the worker: only the shape is checked, it is our own data. */
export const asPageRecord = (value: unknown): PageRecord | null =>
  isRecord(value) && typeof value.url === 'string' && Array.isArray(value.findings) ? (value as unknown as PageRecord) : null;

/** The worker's answer to get-page, packed (page-wire.ts) or not. */
export function asGetPageResponse(value: unknown): GetPageResponse {
  if (!isRecord(value) || typeof value.smartErgo !== 'boolean') {
    throw new Error('the background worker gave no answer');
  }
  if ('packed' in value) return { smartErgo: value.smartErgo, page: asPageRecord(unpackPage(value.packed)) };
  return { smartErgo: value.smartErgo, page: asPageRecord(value.page) };
}

/** A first screen as the worker builds it (core/page-view.ts): only the shape is checked, it is our own data. */
export const asPageView = (value: unknown): PageView | null =>
  isRecord(value) &&
  isRecord(value.page) &&
  typeof value.page.url === 'string' &&
  isRecord(value.counts) &&
  Array.isArray(value.groups) &&
  typeof value.complete === 'boolean'
    ? (value as unknown as PageView)
    : null;

/** The worker's answer to get-page with `firstScreen`. */
export function asFirstScreenResponse(value: unknown): FirstScreenResponse {
  if (!isRecord(value) || typeof value.smartErgo !== 'boolean') {
    throw new Error('the background worker gave no answer');
  }
  return { smartErgo: value.smartErgo, view: asPageView(value.view) };
}

export function createBrowserSource(location: Pick<Location, 'search'> = globalThis.location, first?: FirstRequest): PopupSource {
  let early = first;
  let earlyScreen = first;
  return {
    async tabId() {
      if (early) return early.tabId;
      const fromQuery = tabIdFromQuery(location.search);
      if (fromQuery !== undefined) return fromQuery;
      return activeTabId();
    },

    async getPage(tabId) {
      // The answer asked for before the popup's code loaded, once, if it is for this tab.
      const asked = early;
      early = undefined;
      if (asked && (await asked.tabId) === tabId) {
        const answer = await asked.answer;
        if (!asked.changedSince()) return asGetPageResponse(answer);
      }
      const message: GetPageMessage = { type: 'get-page', tabId, packed: true };
      return asGetPageResponse(await sendMessage(message));
    },

    async getFirstScreen(tabId) {
      const asked = earlyScreen;
      earlyScreen = undefined;
      if (!asked || (await asked.tabId) !== tabId) return undefined;
      return asFirstScreenResponse(await asked.firstScreen);
    },

    onPageChange(tabId, listener) {
      return watchSessionKey(pageKey(tabId), (record) => listener(asPageRecord(record)));
    },

    t(key, substitutions) {
      // getMessage answers "" for a missing key; show the key instead, as the tests' translator does.
      return getMessage(key, substitutions) || key;
    },
  };
}
