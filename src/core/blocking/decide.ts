/**
 * Whether a finding is stopped by the user's settings: the same decisions as the
 * rules in rules.ts, said in plain terms so the popup can mark a finding "blocked"
 * and the worker can remove a cookie the rules cannot express (a purpose, a name).
 */
import { cookieRuleFor } from '../classify/cookie-purposes';
import { normaliseHost } from '../classify/host';
import type { CookiePurpose, Party, RequestKind, TrackerInfo } from '../model';
import { hostTarget, orgTarget, type BlockingSettings } from './settings';

export type CookieBlockReason = 'all' | 'third-party' | 'purpose' | 'name';

export interface CookieFacts {
  name: string;
  party: Party;
  /** When unknown, it is read from the cookie-name table. */
  purpose?: CookiePurpose;
}

export const cookiePurposeOf = (name: string): CookiePurpose => cookieRuleFor(name)?.purpose ?? 'unknown';

export function cookieBlock(settings: BlockingSettings, cookie: CookieFacts): CookieBlockReason | undefined {
  const { cookies } = settings;
  if (cookies.all) return 'all';
  if (cookie.party === 'third-party') return cookies.thirdParty ? 'third-party' : undefined;
  if (cookies.names.includes(cookie.name)) return 'name';
  if (cookies.purposes.includes(cookie.purpose ?? cookiePurposeOf(cookie.name))) return 'purpose';
  return undefined;
}

/**
 * Whether the settings can block any of SmartErgo's own cookies: when they cannot,
 * cookieBlock answers undefined for every first-party cookie, so no Set-Cookie header
 * can be a blocked attempt (the worker then does not ask to read those headers).
 */
export const blocksFirstPartyCookies = (settings: BlockingSettings): boolean =>
  settings.cookies.all || settings.cookies.names.length > 0 || settings.cookies.purposes.length > 0;

export type RequestBlockReason = 'host' | 'organisation' | 'tracker' | 'beacon';

export interface RequestFacts {
  host: string;
  requestKind: RequestKind;
  tracker?: TrackerInfo;
}

/** The host and each parent domain, most specific first ("a.b.com", "b.com"). */
function suffixes(host: string): string[] {
  const labels = normaliseHost(host).split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

/**
 * Mirrors the rule priorities: a host choice (most specific first) beats an
 * organisation choice, which beats the beacons switch.
 */
export function requestBlock(settings: BlockingSettings, request: RequestFacts): RequestBlockReason | undefined {
  for (const host of suffixes(request.host)) {
    const choice = settings.trackers[hostTarget(host)];
    if (choice === 'block') return 'host';
    if (choice === 'allow') return undefined;
  }
  const org = request.tracker?.organisation;
  const orgChoice = org === undefined ? undefined : settings.trackers[orgTarget(org)];
  if (orgChoice === 'block') return 'organisation';
  if (orgChoice === 'allow') return undefined;
  if (!settings.beacons) return undefined;
  // A tracker's path entry ("google.com/pagead") is blocked with its organisation.
  if (request.tracker) return 'tracker';
  // declarativeNetRequest sees sendBeacon and <a ping> as "ping"; a pixel or keepalive
  // fetch to an unknown host looks like any image or fetch, so it is not blocked.
  if (request.requestKind === 'sendbeacon' || request.requestKind === 'ping') return 'beacon';
  return undefined;
}
