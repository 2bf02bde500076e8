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

/** The policy's list, in the policy's order (reports and stored lists keep this order). */
export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'name',
  'company',
  'email',
  'phone',
  'postal-address',
  'birth-date',
  'gender',
  'occupation',
  'credit-card',
];

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

// --- What the page itself does with the visitor's data (content script, MAIN-world hints).
// Values never travel: the content script reduces each to kinds and flags before reporting.

export type StorageArea = 'local' | 'session' | 'indexeddb';

/** A key the page wrote to localStorage, sessionStorage or IndexedDB ("database/store" for IndexedDB). */
export interface StorageObservation {
  source: 'storage';
  area: StorageArea;
  key: string;
  valueLength: number;
  /** The value looks like an identifier: a UUID, or a long random token. */
  identifier: boolean;
  personalData: PersonalDataKind[];
}

/** What a form field asks for: the policy's list, plus items the policy does not list. */
export type FormFieldKind = PersonalDataKind | 'national-id' | 'bank-account';
export const UNLISTED_FORM_FIELDS: readonly FormFieldKind[] = ['national-id', 'bank-account'];

/** A form on the page asking for personal information. */
export interface FormObservation {
  source: 'form';
  /** Where it posts: the form's resolved action URL (the page itself when it has none). */
  action: string;
  method: string;
  fields: FormFieldKind[];
}

/** How a typed value was disguised when it left the page. */
export type LeakEncoding = 'plain' | 'url-encoded' | 'base64' | 'md5' | 'sha1' | 'sha256';
export const LEAK_ENCODINGS: readonly LeakEncoding[] = ['plain', 'url-encoded', 'base64', 'md5', 'sha1', 'sha256'];

/** Where in a request it was found. */
export type LeakCarrier = 'url' | 'header' | 'body';
export const LEAK_CARRIERS: readonly LeakCarrier[] = ['url', 'header', 'body'];

/** Something the visitor typed, found in a request the page sent (the value itself is never reported). */
export interface LeakObservation {
  source: 'leak';
  /** The request's URL without query or fragment. */
  url: string;
  carrier: LeakCarrier;
  items: { kind: PersonalDataKind; encoding: LeakEncoding }[];
}

export type FingerprintTechnique = 'canvas' | 'webgl' | 'audio' | 'fonts' | 'navigator';
export const FINGERPRINT_TECHNIQUES: readonly FingerprintTechnique[] = ['canvas', 'webgl', 'audio', 'fonts', 'navigator'];

/** Browser features read in ways that identify the device (the MAIN-world script counts, the core decides). */
export interface FingerprintObservation {
  source: 'fingerprint';
  techniques: FingerprintTechnique[];
  /** The script that did it, when the call stack names one. */
  scriptUrl?: string;
}

export type RecordingSignal = 'dom-mutations' | 'mouse-movement' | 'key-input' | 'input-values' | 'scroll';
export const RECORDING_SIGNALS: readonly RecordingSignal[] = ['dom-mutations', 'mouse-movement', 'key-input', 'input-values', 'scroll'];

/** A script watching everything the visitor does: the page changes, the mouse, the keys. */
export interface RecordingObservation {
  source: 'recording';
  signals: RecordingSignal[];
  scriptUrl?: string;
}

export type ConsentAnswer = 'none' | 'accepted' | 'declined';

/** A cookie-consent banner, and the visitor's answer once given. */
export interface ConsentObservation {
  source: 'consent';
  /** The consent tool, when recognised ("OneTrust", "Cookiebot"...); "" for a banner of the site's own. */
  tool: string;
  answer: ConsentAnswer;
}

export type PageBehaviourObservation =
  | StorageObservation
  | FormObservation
  | LeakObservation
  | FingerprintObservation
  | RecordingObservation
  | ConsentObservation;

export type Observation =
  | ResourceObservation
  | WebRequestObservation
  | CookieApiObservation
  | DocumentCookieObservation
  | SetCookieHeaderObservation
  | PageBehaviourObservation;

// ---------------------------------------------------------------------------
// Findings: one thing the site does to the user, deduplicated per page.

export type FindingKind =
  | 'cookie'
  | 'beacon'
  | 'request'
  | 'storage'
  | 'form'
  | 'leak'
  | 'fingerprint'
  | 'recording'
  | 'consent';
export const FINDING_KINDS: readonly FindingKind[] = [
  'cookie',
  'beacon',
  'request',
  'storage',
  'form',
  'leak',
  'fingerprint',
  'recording',
  'consent',
];

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
  | 'contact'
  | 'tracking.other-methods'
  | 'cookies.choice';

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
  | 'personalDataToThirdParty'
  | 'storageIdentifier'
  | 'storagePersonalData'
  | 'storagePersonalDataThirdParty'
  | 'storageOther'
  | 'storageThirdPartyTracker'
  | 'formListed'
  | 'formUnlisted'
  | 'formToThirdParty'
  | 'formInsecureCard'
  | 'leakToThirdParty'
  | 'leakToFirstParty'
  | 'fingerprinting'
  | 'sessionRecording'
  | 'consentRespected'
  | 'trackingBeforeConsent';

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

/** A key the page keeps in the browser's storage (localStorage, sessionStorage, IndexedDB). */
export interface StorageFinding extends FindingBase {
  kind: 'storage';
  area: StorageArea;
  key: string;
  /** The frame's host (SmartErgo's: the content script runs only there). */
  host: string;
  party: Party;
  valueLength: number;
  identifier: boolean;
  purpose: CookiePurpose;
  /** Who the key belongs to when its name is a known one (e.g. Amplitude for "AMP_..."). */
  organisation?: string;
  personalData: PersonalDataKind[];
}

/** A form asking for personal information, and where it sends it. */
export interface FormFinding extends FindingBase {
  kind: 'form';
  /** Where the form posts. */
  host: string;
  path: string;
  party: Party;
  /** It posts over HTTPS. */
  secure: boolean;
  method: 'get' | 'post' | 'dialog';
  /** Everything it asks for, sorted. */
  fields: FormFieldKind[];
  /** The items the policy lists (for citations), sorted. */
  personalData: PersonalDataKind[];
  /** Who receives it, when that is a known company. */
  tracker?: TrackerInfo;
}

/** What the visitor typed, sent to someone (plain, encoded or hashed). */
export interface LeakFinding extends FindingBase {
  kind: 'leak';
  host: string;
  path: string;
  party: Party;
  tracker?: TrackerInfo;
  personalData: PersonalDataKind[];
  encodings: LeakEncoding[];
  carriers: LeakCarrier[];
}

/** A script identifying the device from its features. */
export interface FingerprintFinding extends FindingBase {
  kind: 'fingerprint';
  techniques: FingerprintTechnique[];
  /** The script's host, or the page's when no script was named. */
  host: string;
  party: Party;
  tracker?: TrackerInfo;
  personalData: PersonalDataKind[];
}

/** A script recording what the visitor does on the page. */
export interface RecordingFinding extends FindingBase {
  kind: 'recording';
  signals: RecordingSignal[];
  host: string;
  party: Party;
  tracker?: TrackerInfo;
  personalData: PersonalDataKind[];
}

/** A cookie-consent banner, and whether tracking waited for the answer. */
export interface ConsentFinding extends FindingBase {
  kind: 'consent';
  tool: string;
  answer: ConsentAnswer;
  /** When the visitor answered (ms since the epoch). */
  answeredAt?: number;
  /** Trackers and tracking cookies that started before an answer (labels, sorted, bounded). */
  trackingBeforeAnswer: string[];
  host: string;
  party: Party;
  personalData: PersonalDataKind[];
}

/** Things the page does with the visitor's data besides cookies and requests. */
export type PageBehaviourFinding =
  | StorageFinding
  | FormFinding
  | LeakFinding
  | FingerprintFinding
  | RecordingFinding
  | ConsentFinding;

export type Finding = RequestFinding | CookieFinding | PageBehaviourFinding;

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
   * The content scripts' batches already taken in (the latest few), so a batch sent again
   * after a worker stop is counted once: it is saved in the same write as its findings.
   */
  appliedBatches?: string[];
  /**
   * The browser's id of the top-level document these findings are about (Chromium's
   * sender.documentId), once its content script has spoken: a message from another top-level
   * document of the tab (back from the back/forward cache, a prerendered page shown) starts a new page.
   */
  documentId?: string;
}

/** A beacon or request finding (the two kinds share one shape). */
export const isRequestFinding = (finding: Finding): finding is RequestFinding =>
  finding.kind === 'beacon' || finding.kind === 'request';
