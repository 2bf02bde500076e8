/**
 * The popup's first question to the worker, asked the moment the popup's script starts.
 *
 * Before the popup's state could ask (source.ts), Preact, the popup's components and its
 * first render would be evaluated: tens of milliseconds on the bench's machine. This
 * module comes first in main.tsx's imports and needs none of them, so the worker builds
 * its answer while they run; source.ts takes these answers for the tab the popup then
 * asks about.
 *
 * It asks for the first screen only (a few KB the popup draws from at once), then for the
 * whole record (~500 KB with 1,000 findings) once that screen is painted: an answer that
 * size arriving first would hold up the frame while it is parsed.
 */
import type { GetPageMessage } from '../shared/messages';
import { FIRST_SCREEN_ROWS } from './layout';
import { activeTabId, sendMessage, watchSessionKey } from '../shared/runtime';
import { pageKey } from '../shared/storage-keys';
import { tabIdFromQuery } from './tab-query';

export interface FirstRequest {
  tabId: Promise<number | undefined>;
  /** The worker's raw answer for that tab (undefined when there is no tab). */
  answer: Promise<unknown>;
  /** The worker's raw answer for the first screen of that tab (undefined when there is no tab). */
  firstScreen: Promise<unknown>;
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
  const ask = (id: number | undefined): [Promise<unknown>, Promise<unknown>] | undefined => {
    if (id === undefined) return undefined;
    stopWatching = watchSessionKey(pageKey(id), () => {
      changed = true;
    });
    const firstScreen: GetPageMessage = { type: 'get-page', tabId: id, firstScreen: FIRST_SCREEN_ROWS };
    const whole: GetPageMessage = { type: 'get-page', tabId: id, packed: true };
    const screen = sendMessage(firstScreen);
    return [screen, screen.then(afterPaint, () => undefined).then(() => sendMessage(whole))];
  };
  const fromQuery = tabIdFromQuery(search);
  // Known now: asked now, not in a promise callback (which would wait for all the popup's modules).
  const tabId = fromQuery !== undefined ? Promise.resolve(fromQuery) : activeTabId();
  const asked = fromQuery !== undefined ? Promise.resolve(ask(fromQuery)) : tabId.then(ask);
  const answer = asked.then((both) => both?.[1]);
  const firstScreen = asked.then((both) => both?.[0]);
  // Whoever takes the answers handles their failure; until then they must not be unhandled rejections.
  answer.catch(() => undefined);
  firstScreen.catch(() => undefined);
  tabId.catch(() => undefined);
  return {
    tabId,
    answer,
    firstScreen,
    changedSince() {
      stopWatching();
      return changed;
    },
  };
}

/**
 * Resolves after the next frame is painted (the popup draws an answer in the microtasks
 * after it arrives), or after 100 ms where no frame comes (a hidden page gets none).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return resolve();
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Asked once, when the popup page loads this module (main.tsx imports it first). */
export const firstRequest: FirstRequest = askEarly();
