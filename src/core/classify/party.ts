/**
 * First- or third-party: a request (or cookie) is first-party when its host has
 * the same registrable domain as the page ("eTLD+1", from the Public Suffix List
 * via tldts, private suffixes included so `a.github.io` and `b.github.io` are
 * different sites). IP addresses and hosts without a registrable domain
 * (localhost, a bare public suffix) compare by exact host.
 *
 * This runs for every request. Most third-party requests end in other labels than
 * the page ("googletagmanager.com" on "smartergo.com"): those are told apart by
 * comparing the hosts' last two labels in place, without the Public Suffix List. The
 * rest (subdomains of the page, "co.uk"-style suffixes) go to tldts once per host:
 * the site of a host is memoised in a bounded map (a Map hit costs tens of
 * nanoseconds, tldts a few hundred).
 */
import { getDomain } from 'tldts';
import type { Party } from '../model';
import { normaliseHost } from './host';

export { normaliseHost };

const TLDTS_OPTIONS = { allowPrivateDomains: true, extractHostname: false, detectIp: true } as const;

const SITE_CACHE_LIMIT = 4096;
const siteCache = new Map<string, string>();
/** Hosts whose site is the exact host (no registrable domain), kept apart from real domains. */
const EXACT = '\u0000';

/**
 * The key two hosts are compared by: the registrable domain, or for hosts that
 * have none, the exact host marked so it never equals a domain.
 */
function siteOf(host: string): string {
  const cached = siteCache.get(host);
  if (cached !== undefined) return cached;
  const h = normaliseHost(host);
  const domain = h.includes(':') ? null : getDomain(h, TLDTS_OPTIONS); // ':' only in IPv6
  const site = domain ?? EXACT + h;
  if (siteCache.size >= SITE_CACHE_LIMIT) siteCache.clear();
  siteCache.set(host, site);
  return site;
}

/**
 * The registrable domain of `host` ("www.bbc.co.uk" → "bbc.co.uk"), or null for an IP
 * address, localhost or a bare public suffix.
 */
export function registrableDomain(host: string): string | null {
  const site = siteOf(host);
  return site.startsWith(EXACT) ? null : site;
}

/** The registrable domain, or the normalised host when there is none: a name for "the site". */
export function siteName(host: string): string {
  const site = siteOf(host);
  return site.startsWith(EXACT) ? site.slice(1) : site;
}

/**
 * False when `a` and `b` certainly have different sites: their last two labels differ.
 * A registrable domain is a whole-label suffix of its host with at least two labels,
 * so hosts whose last two labels differ have different registrable domains; and a
 * host without one compares by its exact host, which differs too. Reads only the
 * ends of the strings, without allocating; hosts that normalising could change
 * (upper case or brackets in what is read, a trailing dot) answer true, so that the
 * full comparison decides.
 */
function mayShareSite(a: string, b: string): boolean {
  let i = a.length - 1;
  let j = b.length - 1;
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(j);
  if (ca === 46 || cb === 46 || ca === 93 || cb === 93) return true; // trailing "." or "]"
  let dots = 0;
  for (; i >= 0 && j >= 0; i--, j--) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if ((x >= 65 && x <= 90) || (y >= 65 && y <= 90)) return true; // upper case: let siteOf normalise
    if (x !== y) return false;
    if (x === 46 && ++dots === 2) return true; // same last two labels
  }
  if (i < 0 && j < 0) return true; // equal strings
  // One host is all read: the other's last two labels are the same only if its next
  // character ends its second-to-last label.
  const next = i < 0 ? b.charCodeAt(j) : a.charCodeAt(i);
  return dots === 1 && next === 46;
}

export function partyOf(requestHost: string, pageHost: string): Party {
  if (requestHost === pageHost) return 'first-party';
  if (!mayShareSite(requestHost, pageHost)) return 'third-party';
  return siteOf(requestHost) === siteOf(pageHost) ? 'first-party' : 'third-party';
}
