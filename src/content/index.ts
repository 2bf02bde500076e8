/**
 * Content script on SmartErgo pages (all frames, from document_start): it sees what
 * the worker cannot without wide host permissions, and reports it to the worker.
 */
import { browser } from '../shared/browser';
import { BeaconHints } from './collectors/beacon-hints';
import { ConsentBannerWatcher } from './collectors/consent-banner';
import { listenForCookieAttempts } from './collectors/cookie-attempts';
import { DocumentCookieWatcher } from './collectors/document-cookie';
import { isPolicyPath, readPolicyText } from './collectors/policy-text';
import { observeResources } from './collectors/resource-timing';
import { Reporter } from './reporter';

const reporter = new Reporter((message) => browser.runtime.sendMessage(message));
const cookies = new DocumentCookieWatcher(
  () => document.cookie,
  (observation) => reporter.report(observation),
);

// What the page-world script saw sent with sendBeacon or a keepalive fetch (see page-world/beacon-hints.ts).
const beaconHints = new BeaconHints();
beaconHints.listen(window);

observeResources(
  document,
  (observation) => {
    reporter.report(observation);
    // Scripts that send beacons usually set their cookies just before: look again.
    cookies.check();
  },
  (url) => beaconHints.kindOf(url),
);
cookies.check();

// The cookie banner (the page itself only, not its frames). Its answer goes out at once, with
// what was seen before it, so tracking the answer starts arrives later and is not counted before it.
const consent =
  window === window.top
    ? new ConsentBannerWatcher(document, (observation) => {
        reporter.report(observation);
        reporter.flush();
      })
    : undefined;
consent?.start();

document.addEventListener('DOMContentLoaded', () => {
  cookies.check();
  consent?.look(true);
  // On SmartErgo's policy page, the worker compares the published text with the one it was built with.
  if (window === window.top && isPolicyPath(location.pathname)) {
    const text = readPolicyText();
    if (text) browser.runtime.sendMessage({ type: 'policy-text', text }).catch(() => undefined);
  }
});
addEventListener('load', () => {
  cookies.check();
  consent?.look(true);
  // Banners often fade in a moment after load (a transition changes no attribute watched).
  setTimeout(() => consent?.look(true), 1_500);
});
// Scripts write cookies on clicks too (a cart, a consent answer).
addEventListener('click', () => setTimeout(() => cookies.check(), 0), { capture: true, passive: true });
addEventListener('pagehide', () => reporter.flush());
// While all cookies are blocked, the writes the browser refuses (see cookie-attempts.ts).
listenForCookieAttempts(window, (observation) => reporter.report(observation));
