/**
 * What the user chose to block, as plain data. The settings in storage.local are the
 * source of truth; the browser's rules (declarativeNetRequest, contentSettings, the
 * registered GPC script) are derived from them by rules.ts and can be rebuilt at any time.
 */
import type { CookiePurpose } from '../model';

/** A per-tracker choice: an organisation from the tracker list, or one host. */
export type TrackerTarget = `org:${string}` | `host:${string}`;
export type TrackerChoice = 'block' | 'allow';

export interface BlockingSettings {
  cookies: {
    /** Every cookie of SmartErgo's, and every cookie on SmartErgo pages. */
    all: boolean;
    /** Cookies of other companies on SmartErgo pages (SmartErgo's own still work). */
    thirdParty: boolean;
    /** SmartErgo cookies of these purposes (named from the cookie-name table). */
    purposes: CookiePurpose[];
    /** SmartErgo cookies of these exact names. */
    names: string[];
  };
  /** All beacons (pixels to trackers, sendBeacon, <a ping>) and known trackers on SmartErgo pages. */
  beacons: boolean;
  /** One organisation or host at a time: blocked, or allowed despite `beacons`. */
  trackers: Partial<Record<TrackerTarget, TrackerChoice>>;
  /** Global Privacy Control: Sec-GPC: 1 and navigator.globalPrivacyControl on SmartErgo. */
  gpc: boolean;
}

export const DEFAULT_SETTINGS: BlockingSettings = Object.freeze({
  cookies: Object.freeze({ all: false, thirdParty: false, purposes: [], names: [] }),
  beacons: false,
  trackers: Object.freeze({}),
  gpc: false,
}) as BlockingSettings;

/** The cookie purposes a user can block, in the order the popup lists them. */
export const BLOCKABLE_PURPOSES: readonly CookiePurpose[] = [
  'advertising',
  'analytics',
  'session-replay',
  'social',
  'preferences',
  'consent',
  'security',
  'session',
  'unknown',
];

export const MAX_BLOCKED_NAMES = 200;
export const MAX_TRACKER_CHOICES = 500;

export const orgTarget = (organisation: string): TrackerTarget => `org:${organisation}`;
export const hostTarget = (host: string): TrackerTarget => `host:${host.toLowerCase()}`;

/** True when nothing is blocked and GPC is off. */
export const isDefault = (s: BlockingSettings): boolean =>
  !s.cookies.all &&
  !s.cookies.thirdParty &&
  s.cookies.purposes.length === 0 &&
  s.cookies.names.length === 0 &&
  !s.beacons &&
  Object.keys(s.trackers).length === 0 &&
  !s.gpc;

export type SettingsChange = Partial<Omit<BlockingSettings, 'cookies'>> & { cookies?: Partial<BlockingSettings['cookies']> };

/** A new settings object with `change` applied (the base is never mutated). */
export function withChange(base: BlockingSettings, change: SettingsChange): BlockingSettings {
  return {
    cookies: { ...base.cookies, ...change.cookies },
    beacons: change.beacons ?? base.beacons,
    trackers: { ...(change.trackers ?? base.trackers) },
    gpc: change.gpc ?? base.gpc,
  };
}

/** Tracker choices from pairs (a computed key would lose the TrackerTarget type). */
export const trackerChoices = (...pairs: [TrackerTarget, TrackerChoice][]): BlockingSettings['trackers'] =>
  Object.fromEntries(pairs) as BlockingSettings['trackers'];
