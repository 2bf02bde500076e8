/**
 * The one vocabulary of PolicyLens: what a browser surface observed (Observation),
 * what the site does to the user (Finding), and how the privacy policy covers it
 * (PolicyMatch). Plain data only: everything here survives structured cloning,
 * storage.session and JSON reports.
 */

export type Party = 'first-party' | 'third-party';

export type Verdict = 'disclosed' | 'not-covered' | 'contradicts';
export const VERDICTS: readonly Verdict[] = ['contradicts', 'not-covered', 'disclosed'];

/** How a request was made, as far as the browser tells us. */
export type RequestKind =
  | 'pixel' // an image used as a beacon: tiny, undisplayed, or carrying data to a tracker
  | 'sendbeacon' // navigator.sendBeacon()
  | 'ping' // <a ping>
  | 'keepalive' // fetch(..., { keepalive: true })
  | 'script'
  | 'fetch' // fetch() or XMLHttpRequest
  | 'iframe'
  | 'image'
  | 'stylesheet'
  | 'font'
  | 'media'
  | 'other';

export const BEACON_KINDS: readonly RequestKind[] = ['pixel', 'sendbeacon', 'ping', 'keepalive'];
export const isBeaconKind = (kind: RequestKind): boolean => BEACON_KINDS.includes(kind);

export type TrackerCategory =
  | 'analytics'
  | 'advertising'
  | 'social'
  | 'session-replay'
  | 'customer-support'
  | 'tag-manager'
  | 'consent'
  | 'other';

export interface TrackerInfo {
  organisation: string;
  category: TrackerCategory;
  /** The tracker domain that matched (e.g. "google-analytics.com"). */
  domain: string;
}

export type CookiePurpose =
  | 'session' // logs in, keeps a cart, keeps a session id
  | 'preferences' // language, currency, layout
  | 'security' // CSRF tokens, load balancer stickiness, bot checks
  | 'consent' // remembers a cookie-banner answer
  | 'analytics'
  | 'advertising'
  | 'social'
  | 'session-replay'
  | 'unknown';

/** Personal information the policy lists (Information Collection), as kinds, never values. */
export type PersonalDataKind =
  | 'name'
  | 'company'
  | 'email'
  | 'phone'
  | 'postal-address'
  | 'birth-date'
  | 'gender'
  | 'occupation'
  | 'credit-card';

export type SameSite = 'strict' | 'lax' | 'none' | 'unspecified';

// ---------------------------------------------------------------------------
// Observations: untrusted input from the content script or the worker's listeners.

export interface ResourceObservation {
  source: 'resource-timing';
  url: string;
  /** PerformanceResourceTiming.initiatorType ("img", "beacon", "ping", "fetch", ...). */
  initiatorType: string;
  /** The content script saw the image as a pixel (1x1, or never displayed). */
  looksLikePixel?: boolean;
  /** The page-world script saw the page send it with sendBeacon or a keepalive fetch (Firefox reports sendBeacon as "other"). */
  sentAs?: 'sendbeacon' | 'keepalive';
}

export interface WebRequestObservation {
  source: 'web-request';
  url: string;
  /** webRequest ResourceType ("image", "ping", "beacon", "xmlhttprequest", "script", ...). */
  resourceType: string;
}

/** A cookie as the cookies API reports it (Chromium and Firefox agree on these fields). */
export interface CookieData {
  name: string;
  value: string;
  domain: string;
  path: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string; // "strict" | "lax" | "no_restriction" | "unspecified"
  session: boolean;
  /** Seconds since the epoch, absent for session cookies. */
  expirationDate?: number;
}

export interface CookieApiObservation {
  source: 'cookies-api';
  cookie: CookieData;
  /** The browser removed it (expired, deleted by the site or the user); an overwrite is not a removal. */
  removed?: boolean;
}

/** A name=value pair read from document.cookie (no attributes are visible there). */
export interface DocumentCookieObservation {
  source: 'document-cookie';
  name: string;
  value: string;
}

/**
 * A document.cookie write the browser refused while the user blocks all of SmartErgo's
 * cookies, as public/cookie-attempts.js posted it to the content script. The page can post
 * the same message, so the worker takes it (as a document-cookie observation) only while
 * that block is on, when the script really runs: see admitPageObservations.
 */
export interface CookieAttemptObservation {
  source: 'cookie-attempt';
  name: string;
  value: string;
}

/**
 * A cookie a SmartErgo response tried to set with a Set-Cookie header, as webRequest
 * saw the header. The worker reports it when the user's settings block that cookie,
 * so the attempt stays visible even though a blocking rule kept it out of the browser.
 */
export interface SetCookieHeaderObservation {
  source: 'set-cookie-header';
  cookie: CookieData;
}

export type Observation =
  | ResourceObservation
  | WebRequestObservation
  | CookieApiObservation
  | DocumentCookieObservation
  | SetCookieHeaderObservation;

// ---------------------------------------------------------------------------
// Findings: one thing the site does to the user, deduplicated per page.

export type FindingKind = 'cookie' | 'beacon' | 'request';

/** Which practice the policy discloses (see src/core/policy/disclosures.ts). */
export type PracticeId =
  | 'cookies.first-party'
  | 'cookies.traffic-patterns'
  | 'cookies.personal-info-you-supply'
  | 'beacons'
  | 'clickstream'
  | 'traffic-analytics'
  | 'marketing'
  | 'pii.collection'
  | 'connection-data'
  | 'chat-logs'
  | 'sharing.opt-in-only'
  | 'sharing.service-providers'
  | 'sharing.aggregate-to-advertisers'
  | 'opt-out'
  | 'review-delete'
  | 'security'
  | 'third-party-links'
  | 'policy-changes'
  | 'children'
  | 'international-transfer'
  | 'contact';

export type SectionId = string;

export interface Citation {
  sectionId: SectionId;
  practice: PracticeId;
  /** An exact substring of the privacy policy text. */
  quote: string;
}

/**
 * Why a verdict was given, as a message id in _locales (`reason_<code>`) with
 * substitutions, so the popup and the reports say it in the user's language.
 */
export type ReasonCode =
  | 'firstPartyCookie'
  | 'analyticsCookie'
  | 'advertisingCookie'
  | 'personalDataInOwnCookie'
  | 'personalDataToThirdPartyCookie'
  | 'thirdPartyCookie'
  | 'firstPartyBeacon'
  | 'analyticsBeacon'
  | 'analyticsRequest'
  | 'advertisingTracker'
  | 'socialTracker'
  | 'sessionReplay'
  | 'supportChat'
  | 'tagManager'
  | 'consentTool'
  | 'unknownThirdParty'
  | 'unknownThirdPartyBeacon'
  | 'personalDataToThirdParty';

export interface Reason {
  code: ReasonCode;
  /** Substitutions for the message ($1, $2, ...), e.g. the organisation name. */
  params: string[];
}

export interface PolicyMatch {
  verdict: Verdict;
  reason: Reason;
  /** The sections and quotes that disclose it (or, for not-covered and contradicts, the nearest words). */
  citations: Citation[];
}

interface FindingBase {
  /** Stable dedupe key within a page, e.g. "cookie:_ga@.smartergo.com/". */
  id: string;
  kind: FindingKind;
  /** Milliseconds since the epoch (injected clock). */
  firstSeen: number;
  lastSeen: number;
  /** How many times it was observed on this page: the most any one surface saw it. */
  count: number;
  /** Sightings per surface, so the same beacon seen by resource timing and webRequest counts once. */
  sightings: Partial<Record<Observation['source'], number>>;
  match: PolicyMatch;
}

export interface RequestFinding extends FindingBase {
  kind: 'beacon' | 'request';
  requestKind: RequestKind;
  host: string;
  /** Path without query or fragment. */
  path: string;
  /** One example URL: credentials removed, personal data in it replaced by "[email]" etc., bounded length. */
  sampleUrl: string;
  party: Party;
  tracker?: TrackerInfo;
  /** The kinds of personal data found in the request (never the values). */
  personalData: PersonalDataKind[];
}

export interface CookieFinding extends FindingBase {
  kind: 'cookie';
  name: string;
  /** Cookie domain as the browser keeps it (".smartergo.com" for domain cookies); the page host when only document.cookie saw it. */
  domain: string;
  path: string;
  party: Party;
  session: boolean;
  /** Seconds the cookie lives from when it was seen; absent for session cookies. */
  lifetimeSeconds?: number;
  /** Whether the attributes below came from the cookies API (document.cookie shows none). */
  attributesKnown: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  purpose: CookiePurpose;
  /** Who the cookie belongs to when its name is a known one (e.g. Google for _ga). */
  organisation?: string;
  personalData: PersonalDataKind[];
  valueLength: number;
  /** The cookie was removed while the page was open (it stays listed: the user saw it). */
  removed?: boolean;
}

export type Finding = RequestFinding | CookieFinding;

/** How the policy published on a SmartErgo page compares with the one PolicyLens was built with. */
export interface PolicyCheck {
  checkedAt: number;
  /** False when the page's text could not be read as a policy (no sections found). */
  readable: boolean;
  /** Sections changed, added or removed since (empty: the same policy). */
  changes: { sectionId: SectionId; title: string; change: 'changed' | 'added' | 'removed' }[];
}

/** Everything PolicyLens knows about the page shown in one tab. */
export interface PageRecord {
  tabId: number;
  /** Top-level page URL, sanitised like sampleUrl. */
  url: string;
  startedAt: number;
  findings: Finding[];
  /** Findings not kept because the page passed the per-page bound (counted, never silently lost). */
  overflow: number;
  /** Present when the page is SmartErgo's privacy policy. */
  policyCheck?: PolicyCheck;
  /**
   * The browser's id of the top-level document these findings are about (Chromium's
   * sender.documentId), once its content script has spoken: a message from another top-level
   * document of the tab (back from the back/forward cache, a prerendered page shown) starts a new page.
   */
  documentId?: string;
}
