/**
 * Content script on SmartErgo pages (all frames, from document_start): it sees what
 * the worker cannot without wide host permissions, and reports it to the worker.
 *
 * At document_start it mostly listens. What it saw is classified, cookies and storage
 * are looked at and the batch is sent in one pass when the page is idle (idle-pass.ts
 * says why); before the page goes away, and when a consent answer is given, at once.
 */
import { sendMessage } from '../shared/runtime';
import { BeaconHints } from './collectors/beacon-hints';
import { ConsentBannerWatcher } from './collectors/consent-banner';
import { listenForCookieAttempts } from './collectors/cookie-attempts';
import { DocumentCookieWatcher, type CookieStoreLike } from './collectors/document-cookie';
import { PageBehaviour } from './collectors/page-behaviour';
import { isPolicyPath, readPolicyText } from './collectors/policy-text';
import { observeResources, reportAllResources } from './collectors/resource-timing';
import { FormWatcher } from './collectors/forms';
import { StorageWatcher } from './collectors/storage';
import { TypedValues } from './collectors/typed-values';
import { IdlePass } from './idle-pass';
import { moduleLoader } from './late-modules';
import { Reporter } from './reporter';

// What is reported waits for the next idle pass, which sends it at its end.
const reporter = new Reporter(sendMessage, () => pass.request());
const isTop = window === window.top;
// A prerendered page is not the tab's page until it is shown: hold what it sees until then.
const doc = document as Document & { prerendering?: boolean };
if (doc.prerendering) {
  reporter.holdUntil(new Promise((resolve) => document.addEventListener('prerenderingchange', resolve, { once: true })));
}
const cookies = new DocumentCookieWatcher(
  () => document.cookie,
  (observation) => reporter.report(observation),
);

// What the page-world script saw sent with sendBeacon or a keepalive fetch (see page-world/beacon-hints.ts).
const beaconHints = new BeaconHints();
beaconHints.listen(window);

// What this page writes to localStorage, sessionStorage and IndexedDB (earlier pages' keys are
// theirs). An area is read only once the page reaches for it (collectors/storage.ts).
const storage = new StorageWatcher(
  { local: () => window.localStorage, session: () => window.sessionStorage },
  (observation) => reporter.report(observation),
);
storage.start(window);
storage.listen(window);
const forms = new FormWatcher(document, (observation) => reporter.report(observation));
// Code most pages never run, brought into this frame by the worker when needed (late-modules.ts).
const loadModule = moduleLoader(sendMessage);
// What the visitor types into email, phone and name fields stays here, to recognise it in what the page sends.
const typed = new TypedValues(
  (observation) => reporter.report(observation),
  () => loadModule('leak-matcher').then((module) => module.createLeakMatcher),
);
typed.listen(window, document);

// Fingerprinting and session recording, counted per script by page-world/behaviour-watch.ts.
new PageBehaviour((observation) => reporter.report(observation)).listen(window);

const resources = observeResources(
  document,
  (observation) => {
    reporter.report(observation);
    typed.check(observation.url);
  },
  (url) => beaconHints.kindOf(url),
  // Scripts that send beacons usually set their cookies and storage just before: the pass looks again.
  () => pass.request(),
);

const cookieStore = (window as { cookieStore?: CookieStoreLike }).cookieStore;
let formsDue = false;
/** The consent banner's next look: 'recheck' re-reads what the last full look matched (consent-banner.ts). */
let consentDue: 'none' | 'recheck' | 'full' = 'none';
const pass = new IdlePass([
  () => resources.flush(),
  () => cookies.checkWithoutBlocking(cookieStore),
  () => storage.check(),
  () => {
    if (!formsDue) return;
    formsDue = false;
    forms.check();
  },
  () => {
    const due = consentDue;
    consentDue = 'none';
    if (due === 'full') consent?.look(true);
    else if (due === 'recheck') consent?.recheck();
  },
  () => reporter.flush(),
]);
// The worker learns this document's id (sender.documentId) from its first message, sent by the
// first pass; it tells a page back from the back/forward cache, or a prerendered one shown, by that id.
if (isTop) reporter.hello();
pass.request();

// The cookie banner (the page itself only, not its frames). Its answer goes out at once, with
// what was seen before it, so tracking the answer starts arrives later and is not counted before it.
const consent = isTop
  ? new ConsentBannerWatcher(
      document,
      (observation) => {
        // What loaded before the answer goes first, so it is counted as before it.
        resources.flush();
        reporter.report(observation);
        reporter.flush();
      },
      { loadReader: () => loadModule('consent-reader').then((module) => module.reader) },
    )
  : undefined;

function whenParsed(): void {
  // The banner is looked for from here: what the parser adds before is all there now, and
  // a watcher from document_start would be called for every node the parser inserts. It
  // looks at the whole document itself, once the first mutations settle.
  consent?.start();
  formsDue = true;
  pass.request();
  // Forms added later (a checkout step, a modal): look again when the page changes, at most every half second.
  watchForNewForms();
  // On SmartErgo's policy page, the worker compares the published text with the one it was built with.
  if (isTop && isPolicyPath(location.pathname)) {
    const text = readPolicyText();
    if (text) sendMessage({ type: 'policy-text', text }).catch(() => undefined);
  }
}
// A script injected into a document already parsed (the extension installed or updated under it) gets no event.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenParsed, { once: true });
else whenParsed();
addEventListener('load', () => {
  formsDue = true;
  if (consentDue === 'none') consentDue = 'recheck';
  pass.request();
  // Banners often fade in a moment after load (a transition changes no attribute watched).
  setTimeout(() => {
    consentDue = 'full';
    pass.request();
  }, 1_500);
});
// Scripts write cookies and storage on clicks too (a cart, a consent answer).
addEventListener('click', () => pass.request(), { capture: true, passive: true });
// What is still waiting for idle time would be lost with the page. Not document.cookie: the
// worker's cookies API sees every cookie change anyway, and a blocking read here would hold
// up the next page when it shares this page's process.
addEventListener('pagehide', () => {
  resources.flush();
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
      formsDue = true;
      pass.request();
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
