/**
 * What the popup's controls need from the browser (settings, the request log, the
 * worker's blocked counts), behind one interface so tests pass a fake. Reads come
 * from storage.local directly; every change goes through the worker.
 */
import type { BlockingSettings, SettingsChange } from '../core/blocking/settings';
import type { OptOutChoice, RightsRequestKind } from '../core/rights';
import { browser, chromiumOnly, type Storage } from '../shared/browser';
import {
  readRequestLog,
  readSettings,
  type GetBlockedMessage,
  type GetBlockedResponse,
  type LoggedRightsRequest,
  type LogRequestMessage,
  type UpdateSettingsMessage,
} from '../shared/messages';
import { isRecord } from '../shared/validate';
import { REQUEST_LOG_KEY, SETTINGS_KEY } from '../shared/storage-keys';

export interface LocalState {
  settings: BlockingSettings;
  log: LoggedRightsRequest[];
}

/** What this browser lets the controls do (Firefox has no contentSettings). */
export interface BrowserFeatures {
  /** Block other companies' cookies on SmartErgo pages without host access (Chromium's contentSettings). */
  thirdPartyCookieBlocking: boolean;
  /** Say what the blocking rules stopped in a tab (declarativeNetRequest.getMatchedRules; not in Firefox). */
  blockedCounts: boolean;
}

export interface ControlsSource {
  readonly features: BrowserFeatures;
  load(): Promise<LocalState>;
  /** Called with what changed in storage.local. Returns an unsubscribe function. */
  onChange(listener: (change: Partial<LocalState>) => void): () => void;
  updateSettings(change: SettingsChange): Promise<void>;
  logRequest(kind: RightsRequestKind, choices: OptOutChoice[]): Promise<void>;
  getBlocked(tabId: number): Promise<GetBlockedResponse>;
  copy(text: string): Promise<void>;
}

/** The worker answers { error } when it refused a message. */
function checkReply(reply: unknown): void {
  if (isRecord(reply) && typeof reply.error === 'string') throw new Error(reply.error);
  if (reply === undefined) throw new Error('the background worker gave no answer');
}

export function createBrowserControlsSource(): ControlsSource {
  return {
    features: {
      thirdPartyCookieBlocking: chromiumOnly.cookieContentSettings !== undefined,
      blockedCounts: chromiumOnly.getMatchedRules !== undefined,
    },

    async load() {
      const items = await browser.storage.local.get([SETTINGS_KEY, REQUEST_LOG_KEY]);
      return { settings: readSettings(items[SETTINGS_KEY]), log: readRequestLog(items[REQUEST_LOG_KEY]) };
    },

    onChange(listener) {
      const onChanged = (changes: Record<string, Storage.StorageChange>): void => {
        const change: Partial<LocalState> = {};
        if (changes[SETTINGS_KEY]) change.settings = readSettings(changes[SETTINGS_KEY].newValue);
        if (changes[REQUEST_LOG_KEY]) change.log = readRequestLog(changes[REQUEST_LOG_KEY].newValue);
        if (change.settings || change.log) listener(change);
      };
      browser.storage.local.onChanged.addListener(onChanged);
      return () => browser.storage.local.onChanged.removeListener(onChanged);
    },

    async updateSettings(change) {
      const message: UpdateSettingsMessage = { type: 'update-settings', change };
      checkReply(await browser.runtime.sendMessage(message));
    },

    async logRequest(kind, choices) {
      const message: LogRequestMessage = { type: 'log-request', kind, choices };
      checkReply(await browser.runtime.sendMessage(message));
    },

    async getBlocked(tabId) {
      const message: GetBlockedMessage = { type: 'get-blocked', tabId };
      const reply: unknown = await browser.runtime.sendMessage(message);
      checkReply(reply);
      if (!isRecord(reply) || typeof reply.available !== 'boolean' || !Array.isArray(reply.counts)) {
        return { available: false, counts: [] };
      }
      return reply as unknown as GetBlockedResponse;
    },

    copy: (text) => navigator.clipboard.writeText(text),
  };
}
