/**
 * Everything the popup needs from the browser, behind one interface so tests pass
 * a fake (and the popup never imports the browser API directly).
 */
import type { PageRecord } from '../core/model';
import { browser, type Storage } from '../shared/browser';
import type { GetPageMessage, GetPageResponse } from '../shared/messages';
import { unpackPage } from '../shared/page-wire';
import { isRecord } from '../shared/validate';
import { pageKey } from '../shared/storage-keys';
import type { FirstRequest } from './first-request';
import { tabIdFromQuery } from './tab-query';

export { tabIdFromQuery };

export interface PopupSource {
  /** The tab the popup describes, or undefined when there is none. */
  tabId(): Promise<number | undefined>;
  /** Asks the worker what it knows about the tab (rejects when it cannot answer). */
  getPage(tabId: number): Promise<GetPageResponse>;
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

export function createBrowserSource(location: Pick<Location, 'search'> = globalThis.location, first?: FirstRequest): PopupSource {
  let early = first;
  return {
    async tabId() {
      if (early) return early.tabId;
      const fromQuery = tabIdFromQuery(location.search);
      if (fromQuery !== undefined) return fromQuery;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
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
      return asGetPageResponse(await browser.runtime.sendMessage(message));
    },

    onPageChange(tabId, listener) {
      const key = pageKey(tabId);
      const onChanged = (changes: Record<string, Storage.StorageChange>): void => {
        const change = changes[key];
        if (change) listener(asPageRecord(change.newValue));
      };
      const session = browser.storage.session as Storage.StorageArea | undefined;
      if (session?.onChanged) {
        session.onChanged.addListener(onChanged);
        return () => session.onChanged.removeListener(onChanged);
      }
      const onAnyChanged = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
        if (areaName === 'session') onChanged(changes);
      };
      browser.storage.onChanged.addListener(onAnyChanged);
      return () => browser.storage.onChanged.removeListener(onAnyChanged);
    },

    t(key, substitutions) {
      // getMessage answers "" for a missing key; show the key instead, as the tests' translator does.
      const text = substitutions ? browser.i18n.getMessage(key, substitutions) : browser.i18n.getMessage(key);
      return text || key;
    },
  };
}
