/**
 * The background service worker. Every listener is registered synchronously at
 * the top level so a worker woken by an event gets it; all state lives in
 * storage.session (through the tab store), so a stopped worker loses nothing.
 */
import { browser, chromiumOnly, type Cookies, type Runtime, type WebRequest } from '../shared/browser';
import { blocksFirstPartyCookies } from '../core/blocking/decide';
import { TRACKERS } from '../core/classify/trackers';
import { sanitizeUrl } from '../core/classify/requests';
import { cookieAppliesTo } from '../core/cookie-scope';
import type { Observation, PageRecord } from '../core/model';
import { DEFAULT_SETTINGS } from '../core/blocking/settings';
import { admitPageObservations, hasCookieAttempts } from '../core/page-observations';
import type { PageFindings, PipelineContext } from '../core/pipeline';
import { POLICY } from '../core/policy/disclosures';
import { checkPublishedPolicy } from '../core/policy/published';
import { SECTION_TITLES } from '../core/policy/section-titles';
import { isSmartErgoUrl, SMARTERGO_MATCH_PATTERNS } from '../core/site';
import type {
  ContentMessage,
  FirstScreenResponse,
  GetBlockedResponse,
  GetPageMessage,
  GetPageResponse,
  LoadModuleMessage,
  PackedGetPageResponse,
} from '../shared/messages';
import { packPage } from '../shared/page-wire';
import { SETTINGS_KEY } from '../shared/storage-keys';
import { badgeShower } from './badge';
import { Blocking, type BlockingDeps } from './blocking';
import { injectModule, type ScriptInjector } from './late-modules';
import { createRouter, type ContentSender } from './router';
import { FirstScreens } from './first-screens';
import { TabStore } from './tab-store';

const badge = badgeShower(browser.action);
const store = new TabStore(browser.storage.session, (record) => void badge.show(record));

const blocking = new Blocking({
  local: browser.storage.local,
  // The polyfill's rule type is Firefox's superset; ours is the shape both browsers accept.
  dnr: browser.declarativeNetRequest as unknown as BlockingDeps['dnr'],
  getMatchedRules: chromiumOnly.getMatchedRules,
  contentSettings: chromiumOnly.cookieContentSettings,
  scripting: browser.scripting as unknown as BlockingDeps['scripting'],
  cookies: browser.cookies,
  now: () => Date.now(),
});

const route = createRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  onContent: handleContentMessage,
  // The polyfill types the injection as Firefox's superset; ScriptInjector is the part both browsers take.
  onLoadModule: (module, from) => injectModule(browser.scripting as unknown as ScriptInjector, module, from),
  onGetPage: handleGetPage,
  onUpdateSettings: (change) => blocking.update(change),
  onLogRequest: (message) => blocking.logRequest(message.kind, message.choices),
  onGetBlocked: handleGetBlocked,
});

// --- Listeners: all registered synchronously, before any await. -------------

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender).catch((error: unknown) => {
    if (!isShutdown(error)) console.error('PolicyLens: a message handler failed', error);
    return undefined;
  }),
);

browser.webRequest.onBeforeRequest.addListener(
  (details) => {
    guard('webRequest', () => handleRequest(details));
    return undefined;
  },
  { urls: SMARTERGO_MATCH_PATTERNS },
);

// A Set-Cookie that a blocking rule keeps out of the browser never reaches the cookies
// API; webRequest still sees the header, so the attempt is listed (as blocked). Registered
// here for a worker woken by a response; kept only while a setting can block SmartErgo's
// cookies (followCookieBlocking below), since Chromium shows Set-Cookie only with
// "extraHeaders", which routes every response's headers through the browser process.
const onHeadersReceived = (details: WebRequest.OnHeadersReceivedDetailsType): undefined => {
  guard('webRequest.onHeadersReceived', () => handleResponseHeaders(details));
  return undefined;
};
const listenToResponseHeaders = (): void =>
  browser.webRequest.onHeadersReceived.addListener(
    onHeadersReceived,
    { urls: SMARTERGO_MATCH_PATTERNS },
    chromiumOnly.responseHeaderOptions,
  );
listenToResponseHeaders();

browser.cookies.onChanged.addListener((change) => {
  guard('cookies.onChanged', () => handleCookieChange(change));
  guard('blocking a cookie', () => blocking.enforceCookie(change));
});

browser.storage.local.onChanged.addListener((changes) => {
  if (!changes[SETTINGS_KEY]) return;
  blocking.forget();
  followCookieBlocking();
});

// Dynamic rules, content settings and registered scripts persist, but an update or a
// browser that dropped one is put right from the settings on each install and start.
browser.runtime.onInstalled.addListener(() => void guard('applying settings on install', () => blocking.apply()));
browser.runtime.onStartup.addListener(() => void guard('applying settings on start-up', () => blocking.apply()));

browser.tabs.onRemoved.addListener((tabId) =>
  guard('tabs.onRemoved', () => {
    badge.forget(tabId);
    // As the browser quits it closes every tab and refuses storage calls; storage.session goes with it.
    return store.remove(tabId).catch((error: unknown) => {
      if (!isShutdown(error)) throw error;
    });
  }),
);

browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  // Leaving SmartErgo: the tab's findings are no longer about the page it shows.
  if (change.status === 'loading' && !isSmartErgoUrl(tab.url)) guard('tabs.onUpdated', () => forgetTab(tabId));
});

// --- Set-up that may wait: after the listeners. -------------------------------

followCookieBlocking();

// Each time the worker starts (a browser start, or a wake after being stopped), records of
// tabs that no longer exist go. Chromium empties storage.session itself when it quits, but a
// missed tabs.onRemoved (the extension disabled meanwhile, a crash) would leave one for good.
void guard('start-up', async () => {
  const listedAt = Date.now();
  const tabs = await browser.tabs.query({});
  await store.prune(new Set(tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]))), listedAt);
});

// --- Handlers ------------------------------------------------------------------

/**
 * Listens to response headers only while the settings can block one of SmartErgo's
 * cookies: otherwise no Set-Cookie can be a blocked attempt, and the listener would
 * only cost every page load a trip through the browser process for each response.
 */
function followCookieBlocking(): void {
  void guard('following the cookie settings', async () => {
    const wanted = blocksFirstPartyCookies(await blocking.settings());
    const listening = browser.webRequest.onHeadersReceived.hasListener(onHeadersReceived);
    if (wanted && !listening) listenToResponseHeaders();
    if (!wanted && listening) browser.webRequest.onHeadersReceived.removeListener(onHeadersReceived);
  });
}

function context(page: PageFindings): PipelineContext {
  return { now: Date.now(), pageUrl: page.record.url, policy: POLICY, trackers: TRACKERS };
}

/** How many batch names a page remembers: more than a content script can have in flight. */
const MAX_APPLIED_BATCHES = 64;

function observeAll(tabId: number, observations: readonly Observation[], batch?: string): Promise<void> {
  return store.update(tabId, (page) => {
    if (batch !== undefined) {
      const applied = (page.record.appliedBatches ??= []);
      if (applied.includes(batch)) return false;
      applied.push(batch);
      if (applied.length > MAX_APPLIED_BATCHES) applied.splice(0, applied.length - MAX_APPLIED_BATCHES);
    }
    let changed = batch !== undefined;
    // Past the bound an observation only adds to `overflow`: that is a change to save too.
    const overflowBefore = page.record.overflow;
    const ctx = context(page);
    for (const observation of observations) {
      try {
        changed = page.observe(observation, ctx) !== undefined || changed;
      } catch (error) {
        // One odd observation must not cost the others (or the worker).
        console.error('PolicyLens: could not classify an observation', error);
      }
    }
    return changed || page.record.overflow !== overflowBefore;
  });
}

async function startPage(tabId: number, url: string, documentId?: string, byPage = false): Promise<void> {
  const page = store.start(tabId, sanitizeUrl(url), Date.now(), byPage);
  if (documentId !== undefined) page.record.documentId = documentId;
  // The cookies this page is sent with; later changes arrive through cookies.onChanged.
  const cookies = await browser.cookies.getAll({ url });
  await observeAll(
    tabId,
    cookies.map((cookie) => ({ source: 'cookies-api', cookie })),
  );
}

async function handleRequest(details: WebRequest.OnBeforeRequestDetailsType): Promise<void> {
  if (details.tabId < 0) return; // the site's service worker or a prefetch: no tab to show it in
  // A prerendered page's requests (its own navigation included) are not the shown page's; once
  // it is shown its content script reports what it loaded. Not in the polyfill's types.
  const { documentLifecycle } = details as { documentLifecycle?: string };
  if (documentLifecycle === 'prerender') return;
  if (details.type === 'main_frame') {
    // Not the tab's page: a prerendered (or fenced) top-level frame has a frame id of its own,
    // and the prefetch Chromium makes ahead of a prerender comes from frame 0 but names the
    // document that asked for it (a navigation's request names none: its document is yet to be).
    if (details.frameId !== 0 || details.documentId !== undefined) return;
    if (await store.startedByPageAfter(details.tabId, details.timeStamp)) return; // started already, from the page's first message
    return startPage(details.tabId, details.url);
  }
  await observeAll(details.tabId, [{ source: 'web-request', url: details.url, resourceType: details.type }]);
}

async function handleResponseHeaders(details: WebRequest.OnHeadersReceivedDetailsType): Promise<void> {
  if (details.tabId < 0 || !details.responseHeaders) return;
  if ((details as { documentLifecycle?: string }).documentLifecycle === 'prerender') return;
  const blocked = await blocking.blockedSetCookies(details.url, details.responseHeaders);
  if (blocked.length === 0) return;
  await observeAll(
    details.tabId,
    blocked.map((cookie) => ({ source: 'set-cookie-header', cookie })),
  );
}

async function handleCookieChange(change: Cookies.OnChangedChangeInfoType): Promise<void> {
  // An overwrite is reported as a removal followed by the new cookie: only the second matters.
  if (change.removed && change.cause === 'overwrite') return;
  // The store knows each tab's page from its navigation; tabs.query would miss a tab whose
  // page is still loading (its URL is not committed when the document's Set-Cookie arrives).
  const pages = await store.allPages();
  await Promise.all(
    pages
      .filter((page) => cookieAppliesTo(change.cookie, page.record.url))
      .map((page) =>
        observeAll(page.record.tabId, [{ source: 'cookies-api', cookie: change.cookie, removed: change.removed }]),
      ),
  );
}

/** The document each tab's page was last started for from a content message (in memory only). */
const startedFor = new Map<number, string>();

/** A document that is not (or no longer) what its tab shows: prerendering, cached, being unloaded. */
const notShown = (lifecycle: string | undefined): boolean => lifecycle !== undefined && lifecycle !== 'active';

async function handleContentMessage(message: Exclude<ContentMessage, LoadModuleMessage>, from: ContentSender): Promise<void> {
  // What a prerendered page, a page in the back/forward cache or one being replaced reports is
  // not about the page the tab shows (the content script holds a prerendered page's reports
  // until it is shown, and a page back from the cache reports everything again).
  if (notShown(from.documentLifecycle)) return;
  const page = await store.page(from.tabId);
  if (!page) {
    // The worker missed the navigation (installed or enabled after the page loaded).
    const topUrl = from.frameId === 0 ? from.url : from.tabUrl;
    if (!topUrl || !isSmartErgoUrl(topUrl)) return;
    await startPage(from.tabId, topUrl, from.frameId === 0 ? from.documentId : undefined, true);
  } else if (from.frameId === 0 && from.documentId !== undefined) {
    if (page.record.documentId === undefined) {
      await store.update(from.tabId, (p) => {
        p.record.documentId = from.documentId;
        return true;
      });
    } else if (page.record.documentId !== from.documentId && startedFor.get(from.tabId) !== from.documentId) {
      // Another top-level document now shows in the tab without a navigation request: a page
      // back from the back/forward cache, or a prerendered page activated. Its findings start anew
      // (once: its next messages may have read the old page before this one started the new).
      if (!isSmartErgoUrl(from.url)) return;
      startedFor.set(from.tabId, from.documentId);
      await startPage(from.tabId, from.url, from.documentId, true);
    }
  }
  switch (message.type) {
    case 'observations': {
      // Cookie attempts are believed only while all cookies are blocked (settings in storage.local).
      const settings = hasCookieAttempts(message.observations) ? await blocking.settings() : DEFAULT_SETTINGS;
      const { observations, rejectedAttempts } = admitPageObservations(message.observations, settings);
      if (rejectedAttempts > 0) {
        console.warn('PolicyLens: dropped', rejectedAttempts, 'cookie attempt(s) from tab', from.tabId, 'while cookies are not blocked');
      }
      await observeAll(from.tabId, observations, message.batch);
      // Answer only once it is in storage.session: if Chromium stops the worker before that, the
      // content script's message fails and it sends the batch again (content/reporter.ts); the
      // batch's name, saved with its findings, keeps a batch saved but unanswered from counting twice.
      return store.settled().catch((error: unknown) => {
        if (!isShutdown(error)) throw error;
      });
    }
    case 'policy-text': {
      if (from.frameId !== 0) return; // only the page itself can be the policy page
      const check = checkPublishedPolicy(message.text, POLICY, Date.now());
      return store.update(from.tabId, (page) => {
        page.record.policyCheck = check;
        return true;
      });
    }
  }
}

async function handleGetPage(message: GetPageMessage): Promise<GetPageResponse | PackedGetPageResponse | FirstScreenResponse> {
  const { tabId, packed, firstScreen } = message;
  // Asked together: each is a round trip through the browser, and the popup waits on both.
  const [tab, saved] = await Promise.all([browser.tabs.get(tabId).catch(() => undefined), savedRecord(tabId)]);
  const smartErgo = isSmartErgoUrl(tab?.url);
  const record = smartErgo ? saved : null;
  if (firstScreen !== undefined) return { smartErgo, view: record && firstScreens.of(record, firstScreen) };
  if (packed) return { smartErgo, packed: record && packPage(record) };
  return { smartErgo, page: record };
}

/** The order groups take among equals: the policy's (the popup passes the same titles' order). */
const SECTION_ORDER = Object.keys(SECTION_TITLES);

const firstScreens = new FirstScreens((tabId) => store.revision(tabId), SECTION_ORDER);

/** The tab's record as storage.session has it once pending writes are in (what the popup then follows). */
async function savedRecord(tabId: number): Promise<PageRecord | null> {
  await store.settled();
  return (await store.page(tabId))?.record ?? null;
}

async function handleGetBlocked(tabId: number): Promise<GetBlockedResponse> {
  const page = await store.page(tabId);
  return blocking.blockedCounts(tabId, page?.record.startedAt ?? Date.now());
}

async function forgetTab(tabId: number): Promise<void> {
  await store.remove(tabId);
  await browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
}

/** Runs a handler so that nothing a page does can make the worker throw. */
/**
 * As the browser quits it closes every tab and refuses every extension call ("The browser is
 * shutting down"); what a handler was doing then no longer matters (storage.session goes with
 * the browser), so it is not an error to report.
 */
function isShutdown(error: unknown): boolean {
  return /shutting down/i.test(String(error));
}

function guard(what: string, run: () => unknown): Promise<void> {
  return Promise.resolve()
    .then(run)
    .then(
      () => undefined,
      (error: unknown) => {
        if (!isShutdown(error)) console.error(`PolicyLens: ${what} failed`, error);
      },
    );
}
