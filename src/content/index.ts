/**
 * Content script on SmartErgo pages (all frames, from document_start): it sees what
 * the worker cannot without wide host permissions, and reports it to the worker.
 */
import { browser } from '../shared/browser';
import { BeaconHints } from './collectors/beacon-hints';
import { listenForCookieAttempts } from './collectors/cookie-attempts';
import { DocumentCookieWatcher } from './collectors/document-cookie';
import { isPolicyPath, readPolicyText } from './collectors/policy-text';
import { observeResources, reportAllResources } from './collectors/resource-timing';
import { Reporter } from './reporter';

const reporter = new Reporter((message) => browser.runtime.sendMessage(message));
const isTop = window === window.top;
// A prerendered page is not the tab's page until it is shown: hold what it sees until then.
const doc = document as Document & { prerendering?: boolean };
if (doc.prerendering) {
  reporter.holdUntil(new Promise((resolve) => document.addEventListener('prerenderingchange', resolve, { once: true })));
}
// The worker learns this document's id (sender.documentId) from its first message; it tells
// a page back from the back/forward cache, or a prerendered one shown, by that id.
if (isTop) reporter.hello();
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
document.addEventListener('DOMContentLoaded', () => {
  cookies.check();
  // On SmartErgo's policy page, the worker compares the published text with the one it was built with.
  if (isTop && isPolicyPath(location.pathname)) {
    const text = readPolicyText();
    if (text) browser.runtime.sendMessage({ type: 'policy-text', text }).catch(() => undefined);
  }
});
addEventListener('load', () => cookies.check());
// Scripts write cookies on clicks too (a cart, a consent answer).
addEventListener('click', () => setTimeout(() => cookies.check(), 0), { capture: true, passive: true });
addEventListener('pagehide', () => reporter.flush());
// Back from the back/forward cache: the worker put this page's findings aside when the tab
// moved on, so everything is reported again (it starts the page anew on this document's message).
addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  if (isTop) reporter.hello();
  reportAllResources(document, (observation) => reporter.report(observation), (url) => beaconHints.kindOf(url));
  cookies.reset();
  cookies.check();
});
// While all cookies are blocked, the writes the browser refuses (see cookie-attempts.ts).
listenForCookieAttempts(window, (observation) => reporter.report(observation));
