/**
 * document.cookie writes the browser refused: while the user blocks all of
 * SmartErgo's cookies, a MAIN-world script (public/cookie-attempts.js) posts each
 * write's name and value to this window. They are reported like what document.cookie
 * shows, and the popup lists them as blocked. A page can post the same message
 * itself; that is no more than setting document.cookie, which it can do anyway.
 */
import type { DocumentCookieObservation } from '../../core/model';
import { MAX_COOKIE_LENGTH } from '../../shared/messages';
import { isRecord } from '../../shared/validate';

export const COOKIE_ATTEMPT = 'cookie-attempt';

export function listenForCookieAttempts(win: Window, report: (observation: DocumentCookieObservation) => void): void {
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win) return;
    const data: unknown = event.data;
    if (!isRecord(data) || data.policylens !== COOKIE_ATTEMPT) return;
    const { name, value } = data;
    if (typeof name !== 'string' || typeof value !== 'string' || !name) return;
    if (name.length > MAX_COOKIE_LENGTH || value.length > MAX_COOKIE_LENGTH) return;
    report({ source: 'document-cookie', name, value });
  });
}
