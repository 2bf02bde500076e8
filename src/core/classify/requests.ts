/**
 * Requests: how a request was made (from resource timing or webRequest), whether
 * it is a finding, and the stored form of its URL.
 *
 * A request is a finding when it is third-party (every one), or when it is a beacon
 * (pixel, sendBeacon, ping, keepalive) even to the site itself. First-party
 * scripts, images, stylesheets, fetches and documents are the site working, not
 * findings. An image counts as a pixel (an image used as a beacon) when it goes to a
 * known tracker, or to any third party with a query string: `new Image().src = ...`
 * pixels are caught even when the content script could not see their size.
 *
 * Runs for every request of the page: http(s) URLs as browsers serialise them are
 * split by hand (anything unusual goes through `new URL`), hosts' sites are memoised
 * in party.ts and the page's host is memoised here.
 */
import { isBeaconKind, type PersonalDataKind, type RequestFinding, type RequestKind, type TrackerInfo } from '../model';
import { partyOf } from './party';
import { mergeKinds, mightHoldPersonalData, redactPersonalData, safeDecode } from './personal-data';
import { TRACKERS, type TrackerIndex } from './trackers';

/** A RequestFinding before the store gives it an id, times, counts and a policy match. */
export type RequestClassification = Omit<RequestFinding, 'id' | 'firstSeen' | 'lastSeen' | 'count' | 'sightings' | 'match'>;

export interface RequestInput {
  url: string;
  kind: RequestKind;
  /** The top-level page the request belongs to. */
  pageUrl: string;
  /** The content script saw the image shown to the visitor (bigger than 1x1, not hidden): never a pixel. */
  displayed?: boolean;
}

// ---------------------------------------------------------------------------
// Request kinds

const BY_INITIATOR: Readonly<Record<string, RequestKind>> = {
  img: 'image',
  image: 'image', // SVG <image>
  input: 'image', // <input type=image>
  icon: 'image',
  beacon: 'sendbeacon',
  ping: 'ping',
  fetch: 'fetch',
  xmlhttprequest: 'fetch',
  script: 'script',
  iframe: 'iframe',
  frame: 'iframe',
  subdocument: 'iframe',
  link: 'stylesheet',
  css: 'stylesheet', // url() in a stylesheet
  font: 'font',
  video: 'media',
  audio: 'media',
  track: 'media',
};

/** From PerformanceResourceTiming.initiatorType; an image the content script saw as a pixel is a 'pixel'. */
export function requestKindFromInitiator(initiatorType: string, looksLikePixel = false): RequestKind {
  const kind = Object.hasOwn(BY_INITIATOR, initiatorType) ? BY_INITIATOR[initiatorType]! : 'other';
  return kind === 'image' && looksLikePixel ? 'pixel' : kind;
}

const BY_RESOURCE_TYPE: Readonly<Record<string, RequestKind>> = {
  ping: 'ping', // <a ping>; Chromium reports navigator.sendBeacon() as 'ping' too
  beacon: 'sendbeacon', // Firefox's type for navigator.sendBeacon()
  image: 'image',
  imageset: 'image',
  xmlhttprequest: 'fetch',
  xhr: 'fetch', // the adblocker corpora's spelling
  fetch: 'fetch',
  sub_frame: 'iframe',
  subdocument: 'iframe',
  script: 'script',
  stylesheet: 'stylesheet',
  font: 'font',
  media: 'media',
};

/** From a webRequest ResourceType (Chromium and Firefox). */
export function requestKindFromResourceType(type: string): RequestKind {
  return Object.hasOwn(BY_RESOURCE_TYPE, type) ? BY_RESOURCE_TYPE[type]! : 'other';
}

// ---------------------------------------------------------------------------
// URL splitting

interface UrlParts {
  /** "http:" or "https:" */
  scheme: string;
  host: string;
  /** ":8080" or "" */
  port: string;
  /** Starts with "/". */
  pathname: string;
  /** Without the "?"; "" when there is none. */
  query: string;
}

/**
 * Splits an http(s) URL as browsers serialise them (lower-case ASCII host, no
 * credentials) by hand; anything else goes through the WHATWG parser. Null for
 * other schemes and malformed URLs. One pass over the authority, then two native
 * searches for "?" and "#": this runs for every request.
 */
function splitHttpUrl(url: string): UrlParts | null {
  let start: number;
  if (url.charCodeAt(0) === 104 && url.charCodeAt(1) === 116 && url.charCodeAt(2) === 116 && url.charCodeAt(3) === 112) {
    // "http"
    if (url.charCodeAt(4) === 115 && url.charCodeAt(5) === 58 && url.charCodeAt(6) === 47 && url.charCodeAt(7) === 47) start = 8;
    else if (url.charCodeAt(4) === 58 && url.charCodeAt(5) === 47 && url.charCodeAt(6) === 47) start = 7;
    else return parseWithUrl(url);
  } else return parseWithUrl(url);

  const n = url.length;
  let i = start;
  let previous = 46; // as if after a ".": a leading "." and ".." go to the parser
  let lastDot = -1;
  for (; i < n; i++) {
    const c = url.charCodeAt(i);
    if (c >= 97 ? c > 122 : !((c >= 48 && c <= 57) || c === 45)) {
      // not a-z 0-9 -
      if (c !== 46) break;
      if (previous === 46) return parseWithUrl(url); // empty label
      lastDot = i;
    }
    previous = c;
  }
  const hostEnd = i;
  if (hostEnd === start) return parseWithUrl(url); // empty host
  let c = i < n ? url.charCodeAt(i) : 47;
  let port = '';
  if (c === 58 /* : */) {
    let j = i + 1;
    while (j < n && url.charCodeAt(j) >= 48 && url.charCodeAt(j) <= 57) j++;
    if (j > i + 1) {
      port = url.slice(i, j);
      if (port === (start === 8 ? ':443' : ':80')) port = '';
    }
    i = j;
    c = i < n ? url.charCodeAt(i) : 47;
  }
  // Anything else in the authority (upper case, credentials, IPv6, unicode, "%"...): let the real parser decide.
  if (c !== 47 && c !== 63 && c !== 35) return parseWithUrl(url); // / ? #
  // A host whose last label (before a trailing dot) starts with a digit is an IPv4 address to normalise.
  const labelStart = lastDot === hostEnd - 1 ? url.lastIndexOf('.', lastDot - 1) + 1 : lastDot + 1;
  const first = url.charCodeAt(labelStart < start ? start : labelStart);
  if (first >= 48 && first <= 57) return parseWithUrl(url);

  const host = url.slice(start, hostEnd);
  // A punycode label ("xn--...") must decode to be a host at all: the parser checks it.
  if (host.startsWith('xn--') || host.includes('.xn--')) return parseWithUrl(url);
  const scheme = start === 8 ? 'https:' : 'http:';
  const hash = url.indexOf('#', i);
  const end = hash < 0 ? n : hash;
  let q = url.indexOf('?', i);
  if (q >= end) q = -1;
  const pathEnd = q >= 0 ? q : end;
  const pathname = pathEnd > i ? url.slice(i, pathEnd) : '/';
  const query = q >= 0 ? url.slice(q + 1, end) : '';
  return { scheme, host, port, pathname, query };
}

/** The scheme, lower-cased, when `url` plainly starts with one ("about:blank" → "about"); null when only the parser can tell. */
function plainScheme(url: string): string | null {
  const first = url.charCodeAt(0) | 32;
  if (!(first >= 97 && first <= 122)) return null; // leading space, control character...: the parser strips them
  for (let i = 1; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 58) return url.slice(0, i).toLowerCase();
    const l = c | 32;
    if (!((l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return null; // tab, newline...: the parser removes them
  }
  return null;
}

function parseWithUrl(url: string): UrlParts | null {
  // Other schemes (about:blank, data:, ws:...) are answered without building a URL.
  const scheme = plainScheme(url);
  if (scheme !== null && scheme !== 'http' && scheme !== 'https') return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.hostname === '') return null;
  return {
    scheme: u.protocol,
    host: u.hostname,
    port: u.port ? `:${u.port}` : '',
    pathname: u.pathname || '/',
    query: u.search.slice(1),
  };
}

// ---------------------------------------------------------------------------
// Sanitising

const MAX_PATH_LENGTH = 256;

const KEEP_READABLE = /%(5B|5D|3A|2C|3D|3B|24)/g;

/** Percent-encodes redacted text for a URL, keeping the markers and the delimiters a path or query may hold readable. */
function encodeRedacted(text: string): string {
  return encodeURIComponent(text).replace(KEEP_READABLE, (escape) => decodeURIComponent(escape));
}

interface Redacted {
  text: string;
  kinds: readonly PersonalDataKind[];
}

/** Shared by every "nothing found" answer (mergeKinds copies it into the finding). */
const NO_KINDS: readonly PersonalDataKind[] = Object.freeze([]);

function redactPath(path: string): Redacted {
  if (!mightHoldPersonalData(path)) return { text: path, kinds: NO_KINDS };
  let kinds: PersonalDataKind[] = [];
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (!mightHoldPersonalData(segment)) continue;
    const r = redactPersonalData(safeDecode(segment));
    if (r.kinds.length > 0) {
      segments[i] = encodeRedacted(r.text);
      kinds = mergeKinds(kinds, r.kinds);
    }
  }
  return kinds.length > 0 ? { text: segments.join('/'), kinds } : { text: path, kinds };
}

/** Query pairs are scanned as decoded "key=value" text, so `phone=4155550123` is read as a phone number. */
function redactQuery(query: string): Redacted {
  if (!mightHoldPersonalData(query)) return { text: query, kinds: NO_KINDS };
  let kinds: PersonalDataKind[] = [];
  const pairs = query.split('&');
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    if (!mightHoldPersonalData(pair)) continue;
    // "+" is a space in a query, but a tracker may send "jane+@example.com" unencoded: read it both ways.
    let r = redactPersonalData(safeDecode(pair.replace(/\+/g, ' ')));
    if (r.kinds.length === 0 && pair.includes('+')) r = redactPersonalData(safeDecode(pair));
    if (r.kinds.length > 0) {
      pairs[i] = encodeRedacted(r.text);
      kinds = mergeKinds(kinds, r.kinds);
    }
  }
  return kinds.length > 0 ? { text: pairs.join('&'), kinds } : { text: query, kinds };
}

/** Cuts `text` to `max` characters with an ellipsis, never inside a %XX escape. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const percent = text.lastIndexOf('%', cut - 1);
  if (percent >= 0 && percent > cut - 3) cut = percent;
  return `${text.slice(0, cut)}…`;
}

interface SanitisedParts {
  sampleUrl: string;
  path: string;
  personalData: PersonalDataKind[];
}

/**
 * A query value that is an MD5, SHA-1 or SHA-256 digest (32, 40 or 64 hex digits): ad
 * pixels send the visitor's hashed email this way, and a hash of an email is as good as
 * the email to anyone holding a list of emails. Kept out of stored URLs.
 */
const HASHED_VALUE = /(=)(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{40}|[0-9a-fA-F]{32})(?=&|$)/g;

function sanitiseParts(parts: UrlParts, maxLength: number): SanitisedParts {
  const path = redactPath(parts.pathname);
  const query = redactQuery(parts.query);
  const queryText = query.text.length >= 33 ? query.text.replace(HASHED_VALUE, '$1[hash]') : query.text;
  const url = `${parts.scheme}//${parts.host}${parts.port}${path.text}${queryText ? `?${queryText}` : ''}`;
  return {
    sampleUrl: truncate(url, maxLength),
    path: truncate(path.text, MAX_PATH_LENGTH),
    personalData: mergeKinds(path.kinds, query.kinds),
  };
}

/**
 * The form of a URL that may be stored or shown: no credentials, no fragment,
 * personal data in the path and query replaced by "[email]", "[phone]" or
 * "[credit-card]", at most `maxLength` characters (an ellipsis marks a cut).
 * Never throws; a string that is not a URL is treated as path and query.
 */
export function sanitizeUrl(url: string, maxLength = 512): string {
  const parts = splitHttpUrl(url);
  if (parts) return sanitiseParts(parts, maxLength).sampleUrl;
  const noFragment = url.split('#', 1)[0]!;
  // Other schemes (data:, blob:, about:...) and malformed strings: no credentials to find
  // reliably, so drop anything up to an "@" in what looks like an authority.
  // Nested schemes too: "view-source:https://user:pass@host/", "blob:https://...".
  const withoutCredentials = noFragment.replace(/^((?:[a-z][a-z0-9+.-]*:)*[a-z][a-z0-9+.-]*:\/\/)[^/?@]*@/i, '$1');
  const q = withoutCredentials.indexOf('?');
  const head = q < 0 ? withoutCredentials : withoutCredentials.slice(0, q);
  const tail = q < 0 ? '' : withoutCredentials.slice(q + 1);
  const text = redactPath(head).text + (q < 0 ? '' : `?${redactQuery(tail).text}`);
  return truncate(text, maxLength);
}

// ---------------------------------------------------------------------------
// Classification

let lastPageUrl: string | undefined;
let lastPageHost: string | null = null;

/** The page's host, memoised: a page makes many requests in a row. */
function pageHostOf(pageUrl: string): string | null {
  if (pageUrl !== lastPageUrl) {
    lastPageHost = splitHttpUrl(pageUrl)?.host ?? null;
    lastPageUrl = pageUrl;
  }
  return lastPageHost;
}

/**
 * Classifies one request of a page: null when it is not a finding (a first-party
 * ordinary resource, a non-http(s) or malformed URL, a page that is not an http(s)
 * page), otherwise the finding's fields. Never throws.
 */
export function classifyRequest(input: RequestInput, trackers: TrackerIndex = TRACKERS): RequestClassification | null {
  const parts = splitHttpUrl(input.url);
  if (!parts) return null;
  const pageHost = pageHostOf(input.pageUrl);
  if (pageHost === null) return null;

  const party = partyOf(parts.host, pageHost);
  let requestKind = input.kind;
  if (party === 'first-party' && requestKind !== 'image' && !isBeaconKind(requestKind)) return null;

  const tracker: TrackerInfo | undefined = trackers.lookup(parts.host, parts.pathname);
  if (requestKind === 'image' && !input.displayed && (tracker !== undefined || (party === 'third-party' && parts.query !== ''))) {
    requestKind = 'pixel';
  }
  const beacon = isBeaconKind(requestKind);
  if (party === 'first-party' && !beacon) return null;

  const { sampleUrl, path, personalData } = sanitiseParts(parts, 512);
  const kind = beacon ? 'beacon' : 'request';
  // Two literals rather than adding `tracker` afterwards: each keeps one fixed shape.
  return tracker === undefined
    ? { kind, requestKind, host: parts.host, path, sampleUrl, party, personalData }
    : { kind, requestKind, host: parts.host, path, sampleUrl, party, personalData, tracker };
}
