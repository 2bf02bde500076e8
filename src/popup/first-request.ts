/**
 * The popup's first question to the worker, asked the moment the popup's script starts.
 *
 * Before the popup can ask through the polyfill (source.ts), Preact, the polyfill and the
 * first render are evaluated: about 30 ms on the bench's machine, with 1,000 findings
 * waiting. This module comes first in main.tsx's imports and needs neither, so the
 * worker is packing its answer while they run; source.ts takes this answer for the tab
 * the popup then asks about.
 */
import type { GetPageMessage } from '../shared/messages';
import { activeTabId, sendMessage, watchSessionKey } from '../shared/runtime';
import { pageKey } from '../shared/storage-keys';
import { tabIdFromQuery } from './tab-query';

export interface FirstRequest {
  tabId: Promise<number | undefined>;
  /** The worker's raw answer for that tab (undefined when there is no tab). */
  answer: Promise<unknown>;
  /**
   * Whether the tab's record changed since the question was asked (the popup subscribes to
   * changes only later: an answer older than a change it missed must not be shown). Stops
   * watching.
   */
  changedSince(): boolean;
}

export function askEarly(search: string = globalThis.location?.search ?? ''): FirstRequest {
  let changed = false;
  let stopWatching = (): void => {};
  const ask = (id: number | undefined): Promise<unknown> | undefined => {
    if (id === undefined) return undefined;
    stopWatching = watchSessionKey(pageKey(id), () => {
      changed = true;
    });
    const message: GetPageMessage = { type: 'get-page', tabId: id, packed: true };
    return sendMessage(message);
  };
  const fromQuery = tabIdFromQuery(search);
  // Known now: asked now, not in a promise callback (which would wait for all the popup's modules).
  const tabId = fromQuery !== undefined ? Promise.resolve(fromQuery) : activeTabId();
  const answer = fromQuery !== undefined ? Promise.resolve(ask(fromQuery)) : tabId.then(ask);
  // Whoever takes the answer handles its failure; until then it must not be an unhandled rejection.
  answer.catch(() => undefined);
  tabId.catch(() => undefined);
  return {
    tabId,
    answer,
    changedSince() {
      stopWatching();
      return changed;
    },
  };
}

/** Asked once, when the popup page loads this module (main.tsx imports it first). */
export const firstRequest: FirstRequest = askEarly();
