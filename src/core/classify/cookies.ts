/**
 * Cookies: one cookie, as the cookies API or document.cookie shows it, classified
 * into the fields of a CookieFinding.
 *
 * document.cookie shows only name=value, so for it `attributesKnown` is false and
 * the attribute fields are what can be said without them: first-party (a page only
 * sees its own cookies), not HttpOnly (document.cookie never shows those), not known
 * Secure, SameSite 'unspecified', and `session: true` with no lifetime (meaning
 * "no expiry known", not "ends with the session"). Consumers must read them
 * together with `attributesKnown`.
 */
import type { CookieData, CookieFinding, SameSite } from '../model';
import { cookieRuleFor } from './cookie-purposes';
import { normaliseHost, partyOf } from './party';
import { findPersonalData } from './personal-data';

/** A CookieFinding before the store gives it an id, times, counts and a policy match. */
export type CookieClassification = Omit<
  CookieFinding,
  'id' | 'firstSeen' | 'lastSeen' | 'count' | 'sightings' | 'match' | 'removed'
>;

export type CookieInput = { cookie: CookieData } | { documentCookie: { name: string; value: string } };

/**
 * The dedupe key of a cookie within a page: "cookie:_ga@.smartergo.com/". In the name and
 * the domain, "%", "@" and "/" are percent-escaped: unescaped, a cookie named "@" and one
 * whose domain is "@" had the same key, and so did a "/" in a domain and one in the path.
 * Real cookies' names and domains hold none of them, so their keys read as before.
 */
export function cookieId(name: string, domain: string, path: string): string {
  return `cookie:${escapeKeyPart(name)}@${escapeKeyPart(domain.toLowerCase())}${path || '/'}`;
}

const escapeKeyPart = (part: string): string => part.replace(/[%@/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function sameSiteOf(value: string): SameSite {
  switch (value.toLowerCase()) {
    case 'strict':
      return 'strict';
    case 'lax':
      return 'lax';
    case 'no_restriction':
    case 'none':
      return 'none';
    default:
      return 'unspecified';
  }
}

function hostOfPage(pageUrl: string): string {
  try {
    return new URL(pageUrl).hostname;
  } catch {
    return '';
  }
}

/**
 * Classifies one cookie seen on the page at `pageUrl`; `now` is milliseconds since
 * the epoch (the injected clock), used for the remaining lifetime. Never throws.
 */
export function classifyCookie(input: CookieInput, pageUrl: string, now: number): CookieClassification {
  const pageHost = hostOfPage(pageUrl);
  const { name, value } = 'cookie' in input ? input.cookie : input.documentCookie;
  const rule = cookieRuleFor(name);
  const common = {
    kind: 'cookie' as const,
    name,
    purpose: rule?.purpose ?? 'unknown',
    ...(rule?.organisation ? { organisation: rule.organisation } : {}),
    personalData: findPersonalData(value),
    valueLength: value.length,
  };

  if ('documentCookie' in input) {
    return {
      ...common,
      domain: pageHost,
      path: '/',
      party: 'first-party',
      session: true,
      attributesKnown: false,
      secure: false,
      httpOnly: false,
      sameSite: 'unspecified',
    };
  }

  const c = input.cookie;
  const cookieHost = normaliseHost(c.domain.startsWith('.') ? c.domain.slice(1) : c.domain);
  const session = c.session || c.expirationDate === undefined;
  const result: CookieClassification = {
    ...common,
    domain: c.domain,
    path: c.path || '/',
    party: pageHost && cookieHost ? partyOf(cookieHost, normaliseHost(pageHost)) : 'third-party',
    session,
    attributesKnown: true,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: sameSiteOf(c.sameSite),
  };
  if (!session && c.expirationDate !== undefined && Number.isFinite(c.expirationDate)) {
    result.lifetimeSeconds = Math.max(0, Math.round(c.expirationDate - now / 1000));
  }
  return result;
}
