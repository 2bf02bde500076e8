/**
 * SmartErgo features that need cookies, so the popup can warn before they break.
 * The policy says so itself (Information Collection).
 */
import { cookieBlock } from './decide';
import type { BlockingSettings } from './settings';

/** Exact words of the policy (checked by the unit test against the policy text). */
export const COOKIES_NEEDED_QUOTE = 'certain features of this Website might not work without cookies';

export type SiteFeature = 'login-session' | 'cart';

/** The demo site's first-party cookies that keep a feature working. */
export const FEATURE_COOKIES: Readonly<Record<SiteFeature, string>> = {
  'login-session': 'SESSIONID',
  cart: 'cart',
};

/** The features the settings would break, in a stable order. */
export function brokenFeatures(settings: BlockingSettings): SiteFeature[] {
  return (Object.keys(FEATURE_COOKIES) as SiteFeature[]).filter(
    (feature) => cookieBlock(settings, { name: FEATURE_COOKIES[feature], party: 'first-party', purpose: 'session' }) !== undefined,
  );
}
