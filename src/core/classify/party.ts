/**
 * First- or third-party: a request (or cookie) is first-party when its host has
 * the same registrable domain as the page ("eTLD+1", from the Public Suffix List
 * via tldts, private suffixes included so `a.github.io` and `b.github.io` are
 * different sites). IP addresses and hosts without a registrable domain
 * (localhost, a bare public suffix) compare by exact host.
 *
 * This runs for every request, so each host is parsed once: the site of a host is
 * memoised in a bounded map (a Map hit costs tens of nanoseconds, tldts a few hundred).
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

export function partyOf(requestHost: string, pageHost: string): Party {
  if (requestHost === pageHost) return 'first-party';
  return siteOf(requestHost) === siteOf(pageHost) ? 'first-party' : 'third-party';
}
