/**
 * document.cookie writes the browser refused: while the user blocks all of
 * SmartErgo's cookies, a MAIN-world script (public/cookie-attempts.js) posts each
 * write's name and value to this window. They are reported as attempts; the worker
 * lists them like what document.cookie shows (the popup marks them blocked), but only
 * while that block is on: a page can post the same message itself, and with cookies
 * allowed the script is not there, so such a message can only be forged.
 */
import type { CookieAttemptObservation } from '../../core/model';
import { MAX_COOKIE_LENGTH } from '../../shared/limits';
import { isRecord } from '../../shared/validate';

export const COOKIE_ATTEMPT = 'cookie-attempt';

export function listenForCookieAttempts(win: Window, report: (observation: CookieAttemptObservation) => void): void {
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win) return;
    const data: unknown = event.data;
    if (!isRecord(data) || data.policylens !== COOKIE_ATTEMPT) return;
    const { name, value } = data;
    if (typeof name !== 'string' || typeof value !== 'string' || !name) return;
    if (name.length > MAX_COOKIE_LENGTH || value.length > MAX_COOKIE_LENGTH) return;
    report({ source: 'cookie-attempt', name, value });
  });
}
