/**
 * Test helpers for the popup: the real English messages, a fake PopupSource and a
 * realistic page record. Imported by tests only.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CookieFinding, Finding, PageRecord, RequestFinding } from '../core/model';
import { createTranslator, type Messages, type Translate } from '../shared/i18n';
import type { FirstScreenResponse, GetPageResponse } from '../shared/messages';
import type { PopupSource } from './source';

// A path, not a URL object: under happy-dom the global URL is the DOM's, which node:fs refuses.
export const MESSAGES_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales/en/messages.json');

export const loadMessages = (): Messages => JSON.parse(readFileSync(MESSAGES_PATH, 'utf8')) as Messages;

/** A translator over the real messages that records every key it had no message for. */
export function recordingTranslator(): { t: Translate; missing: Set<string> } {
  const missing = new Set<string>();
  return { t: createTranslator(loadMessages(), { onMissing: (key) => missing.add(key) }), missing };
}

/** Section titles as the policy parser derives them (only those the fixture cites, plus one more). */
export const SECTION_TITLES: Record<string, string> = {
  introduction: 'Introduction',
  'information-collection': 'Information Collection',
  'cookies-and-tracking-technology': 'Cookies and Tracking Technology',
  'information-sharing-and-disclosure': 'Information Sharing and Disclosure',
};

const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);

const cookie = (over: Partial<CookieFinding> & Pick<CookieFinding, 'id' | 'name' | 'match'>): CookieFinding => ({
  kind: 'cookie',
  firstSeen: T0,
  lastSeen: T0,
  count: 1,
  sightings: { 'cookies-api': 1 },
  domain: '.smartergo.com',
  path: '/',
  party: 'first-party',
  session: false,
  attributesKnown: true,
  secure: true,
  httpOnly: false,
  sameSite: 'lax',
  purpose: 'unknown',
  personalData: [],
  valueLength: 20,
  ...over,
});

const request = (
  over: Partial<RequestFinding> & Pick<RequestFinding, 'id' | 'kind' | 'requestKind' | 'host' | 'match'>,
): RequestFinding => ({
  firstSeen: T0,
  lastSeen: T0,
  count: 1,
  sightings: { 'web-request': 1 },
  path: '/',
  sampleUrl: `https://${over.host}/`,
  party: 'third-party',
  personalData: [],
  ...over,
});

const COOKIES_QUOTE = 'SmartErgo also uses cookies to track user traffic patterns.';
const BEACONS_QUOTE = 'In addition to cookies, our Website uses a variety of technical methods for tracking purposes, including web beacons.';
const ANALYSE_QUOTE = 'SmartErgo also uses these technical methods to analyze the traffic patterns on our Website';
const MARKETING_QUOTE = 'This information is used for internal/external marketing purposes';
const OPT_IN_QUOTE = 'Unless you opt-in, SmartErgo will not transfer your personal information to third parties';
const AGGREGATE_QUOTE = 'we may share non-identifiable aggregate information about our users';

export const GA_COOKIE = cookie({
  id: 'cookie:_ga@.smartergo.com/',
  name: '_ga',
  lifetimeSeconds: 2 * 365 * 24 * 3600,
  purpose: 'analytics',
  organisation: 'Google',
  count: 3,
  match: {
    verdict: 'disclosed',
    reason: { code: 'analyticsCookie', params: [] },
    citations: [{ sectionId: 'cookies-and-tracking-technology', practice: 'cookies.traffic-patterns', quote: COOKIES_QUOTE }],
  },
});

export const SESSION_COOKIE = cookie({
  id: 'cookie:PHPSESSID@www.smartergo.com/',
  name: 'PHPSESSID',
  domain: 'www.smartergo.com',
  session: true,
  httpOnly: true,
  purpose: 'session',
  match: {
    verdict: 'disclosed',
    reason: { code: 'firstPartyCookie', params: [] },
    citations: [{ sectionId: 'cookies-and-tracking-technology', practice: 'cookies.first-party', quote: COOKIES_QUOTE }],
  },
});

export const SCRIPT_COOKIE = cookie({
  id: 'cookie:cart_hint@www.smartergo.com',
  name: 'cart_hint',
  domain: 'www.smartergo.com',
  attributesKnown: false,
  secure: false,
  sameSite: 'unspecified',
  sightings: { 'document-cookie': 1 },
  match: {
    verdict: 'disclosed',
    reason: { code: 'firstPartyCookie', params: [] },
    citations: [{ sectionId: 'cookies-and-tracking-technology', practice: 'cookies.first-party', quote: COOKIES_QUOTE }],
  },
});

export const FBP_COOKIE = cookie({
  id: 'cookie:_fbp@.smartergo.com/',
  name: '_fbp',
  lifetimeSeconds: 90 * 24 * 3600,
  purpose: 'advertising',
  organisation: 'Meta',
  match: {
    verdict: 'disclosed',
    reason: { code: 'advertisingCookie', params: ['Meta'] },
    citations: [{ sectionId: 'information-collection', practice: 'marketing', quote: MARKETING_QUOTE }],
  },
});

export const GA_BEACON = request({
  id: 'beacon:region1.google-analytics.com/g/collect',
  kind: 'beacon',
  requestKind: 'sendbeacon',
  host: 'region1.google-analytics.com',
  path: '/g/collect',
  count: 4,
  tracker: { organisation: 'Google', category: 'analytics', domain: 'google-analytics.com' },
  match: {
    verdict: 'disclosed',
    reason: { code: 'analyticsBeacon', params: ['Google Analytics'] },
    citations: [{ sectionId: 'cookies-and-tracking-technology', practice: 'beacons', quote: BEACONS_QUOTE }],
  },
});

export const GTM_SCRIPT = request({
  id: 'request:www.googletagmanager.com/gtag/js',
  kind: 'request',
  requestKind: 'script',
  host: 'www.googletagmanager.com',
  path: '/gtag/js',
  tracker: { organisation: 'Google', category: 'tag-manager', domain: 'googletagmanager.com' },
  match: {
    verdict: 'disclosed',
    reason: { code: 'tagManager', params: ['Google Tag Manager'] },
    citations: [{ sectionId: 'cookies-and-tracking-technology', practice: 'traffic-analytics', quote: ANALYSE_QUOTE }],
  },
});

export const FB_PIXEL = request({
  id: 'beacon:www.facebook.com/tr',
  kind: 'beacon',
  requestKind: 'pixel',
  host: 'www.facebook.com',
  path: '/tr',
  count: 2,
  tracker: { organisation: 'Meta', category: 'advertising', domain: 'facebook.com' },
  match: {
    verdict: 'not-covered',
    reason: { code: 'advertisingTracker', params: ['Meta'] },
    citations: [{ sectionId: 'information-sharing-and-disclosure', practice: 'sharing.aggregate-to-advertisers', quote: AGGREGATE_QUOTE }],
  },
});

export const EMAIL_LEAK = request({
  id: 'request:track.hubspot.com/__ptq.gif',
  kind: 'request',
  requestKind: 'fetch',
  host: 'track.hubspot.com',
  path: '/__ptq.gif',
  sampleUrl: 'https://track.hubspot.com/__ptq.gif?email=[email]',
  tracker: { organisation: 'HubSpot', category: 'advertising', domain: 'hubspot.com' },
  personalData: ['email', 'name'],
  match: {
    verdict: 'contradicts',
    reason: { code: 'personalDataToThirdParty', params: ['HubSpot'] },
    citations: [{ sectionId: 'information-sharing-and-disclosure', practice: 'sharing.opt-in-only', quote: OPT_IN_QUOTE }],
  },
});

export const FONT = request({
  id: 'request:fonts.gstatic.com/s/inter.woff2',
  kind: 'request',
  requestKind: 'font',
  host: 'fonts.gstatic.com',
  path: '/s/inter.woff2',
  match: {
    verdict: 'not-covered',
    reason: { code: 'unknownThirdParty', params: ['fonts.gstatic.com'] },
    citations: [],
  },
});

export const ALL_FINDINGS: Finding[] = [GA_COOKIE, SESSION_COOKIE, SCRIPT_COOKIE, FBP_COOKIE, GA_BEACON, GTM_SCRIPT, FB_PIXEL, EMAIL_LEAK, FONT];

export const pageWith = (findings: Finding[], over: Partial<PageRecord> = {}): PageRecord => ({
  tabId: 7,
  url: 'https://www.smartergo.com/products/chair',
  startedAt: T0,
  findings,
  overflow: 0,
  ...over,
});

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A PopupSource whose answers the test decides; `change()` plays a storage.session change. */
export class FakeSource implements PopupSource {
  readonly listeners = new Map<number, Set<(page: PageRecord | null) => void>>();
  readonly requests: number[] = [];
  readonly translator = recordingTranslator();

  constructor(
    public answer: (tabId: number) => Promise<GetPageResponse> = async () => ({ smartErgo: true, page: null }),
    public tab: number | undefined = 7,
  ) {}

  async tabId(): Promise<number | undefined> {
    return this.tab;
  }

  getPage(tabId: number): Promise<GetPageResponse> {
    this.requests.push(tabId);
    return this.answer(tabId);
  }

  /** Set to answer first screens (as first-request.ts asks for one); unset, there is none. */
  firstScreen: ((tabId: number) => Promise<FirstScreenResponse | undefined>) | undefined;

  getFirstScreen(tabId: number): Promise<FirstScreenResponse | undefined> {
    return this.firstScreen?.(tabId) ?? Promise.resolve(undefined);
  }

  onPageChange(tabId: number, listener: (page: PageRecord | null) => void): () => void {
    const set = this.listeners.get(tabId) ?? new Set();
    set.add(listener);
    this.listeners.set(tabId, set);
    return () => set.delete(listener);
  }

  change(tabId: number, page: PageRecord | null): void {
    for (const listener of this.listeners.get(tabId) ?? []) listener(page);
  }

  t = (key: string, substitutions?: string[]): string => this.translator.t(key, substitutions);

  get missing(): Set<string> {
    return this.translator.missing;
  }
}
