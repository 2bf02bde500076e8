/**
 * Content script on SmartErgo pages (all frames, from document_start): it sees what
 * the worker cannot without wide host permissions, and reports it to the worker.
 */
import { browser } from '../shared/browser';
import { BeaconHints } from './collectors/beacon-hints';
import { ConsentBannerWatcher } from './collectors/consent-banner';
import { listenForCookieAttempts } from './collectors/cookie-attempts';
import { DocumentCookieWatcher } from './collectors/document-cookie';
import { PageBehaviour } from './collectors/page-behaviour';
import { isPolicyPath, readPolicyText } from './collectors/policy-text';
import { observeResources, reportAllResources } from './collectors/resource-timing';
import { FormWatcher } from './collectors/forms';
import { StorageWatcher } from './collectors/storage';
import { TypedValues } from './collectors/typed-values';
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

// What this page writes to localStorage, sessionStorage and IndexedDB (earlier pages' keys are theirs).
const storage = new StorageWatcher(
  { local: () => window.localStorage, session: () => window.sessionStorage },
  (observation) => reporter.report(observation),
);
storage.start();
storage.listen(window);
const forms = new FormWatcher(document, (observation) => reporter.report(observation));
// What the visitor types into email, phone and name fields stays here, to recognise it in what the page sends.
const typed = new TypedValues((observation) => reporter.report(observation));
typed.listen(window, document);

/** Looks again at cookies and storage: scripts write them just before they send, and on clicks. */
let lookScheduled = false;
function lookAgain(): void {
  if (lookScheduled) return;
  lookScheduled = true;
  setTimeout(() => {
    lookScheduled = false;
    cookies.check();
    storage.check();
  }, 0);
}
// Fingerprinting and session recording, counted per script by page-world/behaviour-watch.ts.
new PageBehaviour((observation) => reporter.report(observation)).listen(window);

observeResources(
  document,
  (observation) => {
    reporter.report(observation);
    typed.check(observation.url);
    // Scripts that send beacons usually set their cookies and storage just before: look again.
    lookAgain();
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
  storage.check();
  forms.check();
  consent?.look(true);
  // Forms added later (a checkout step, a modal): look again when the page changes, at most every half second.
  watchForNewForms();
  // On SmartErgo's policy page, the worker compares the published text with the one it was built with.
  if (isTop && isPolicyPath(location.pathname)) {
    const text = readPolicyText();
    if (text) browser.runtime.sendMessage({ type: 'policy-text', text }).catch(() => undefined);
  }
});
addEventListener('load', () => {
  lookAgain();
  forms.check();
  consent?.look(true);
  // Banners often fade in a moment after load (a transition changes no attribute watched).
  setTimeout(() => consent?.look(true), 1_500);
});
// Scripts write cookies and storage on clicks too (a cart, a consent answer).
addEventListener('click', lookAgain, { capture: true, passive: true });
addEventListener('pagehide', () => {
  storage.check();
  reporter.flush();
});

function watchForNewForms(): void {
  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      forms.check();
    }, 500);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
// Back from the back/forward cache: the worker put this page's findings aside when the tab
// moved on, so everything is reported again (it starts the page anew on this document's message).
addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  if (isTop) reporter.hello();
  reportAllResources(document, (observation) => reporter.report(observation), (url) => beaconHints.kindOf(url));
  cookies.reset();
  cookies.check();
  forms.reset();
  forms.check();
});
// While all cookies are blocked, the writes the browser refuses (see cookie-attempts.ts).
listenForCookieAttempts(window, (observation) => reporter.report(observation));
