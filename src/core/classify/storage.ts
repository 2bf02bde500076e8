/**
 * What a key in the browser's storage (localStorage, sessionStorage, IndexedDB) is
 * for, and whether its value identifies the visitor. The content script runs
 * `classifyStorageValue` (storage-value.ts) on the value where it reads it, so only the
 * flags and the length ever leave the page; the worker classifies the key.
 *
 * Analytics and replay SDKs keep their ids in storage under names of their own
 * (Amplitude "AMP_…", Mixpanel "mp_…_mixpanel", Segment "ajs_…", PostHog
 * "ph_…_posthog", Hotjar "_hj…"); a name no table knows is 'unknown', and an
 * identifier-shaped value still makes it an identifier.
 */
import type { CookiePurpose } from '../model';
import { cookieRuleFor } from './cookie-purposes';

// The value side lives apart so the content script, which runs it, does not carry the key tables.
export { classifyStorageValue, type StorageValueClassification } from './storage-value';

export interface StorageKeyRule {
  test: RegExp;
  purpose: CookiePurpose;
  organisation?: string;
}

/** Names SDKs use in storage (not as cookies); cookie names (e.g. "_hjSession…") are tried after these. */
export const STORAGE_KEY_RULES: readonly StorageKeyRule[] = [
  { test: /^amp_|^amplitude_|^amplitude-/i, purpose: 'analytics', organisation: 'Amplitude' },
  { test: /^mp_.*_mixpanel$|^__mp/i, purpose: 'analytics', organisation: 'Mixpanel' },
  { test: /^ph_.*_posthog$|^ph_|^__ph/i, purpose: 'analytics', organisation: 'PostHog' },
  { test: /^ajs_/i, purpose: 'analytics', organisation: 'Segment (Twilio)' },
  { test: /^_hp2_/i, purpose: 'analytics', organisation: 'Heap' },
  { test: /^_hj/i, purpose: 'session-replay', organisation: 'Hotjar' },
  { test: /^_clck|^_clsk|^clarity/i, purpose: 'session-replay', organisation: 'Microsoft' },
  { test: /^_fs_|^fs_uid$|^fullstory/i, purpose: 'session-replay', organisation: 'FullStory' },
  { test: /^_lr_|^logrocket/i, purpose: 'session-replay', organisation: 'LogRocket' },
  { test: /^_gcl_ls$|^google_experiment_mod|^goog:/i, purpose: 'advertising', organisation: 'Google' },
  { test: /^_fbp$|^fb_/i, purpose: 'advertising', organisation: 'Meta' },
  { test: /^_uet/i, purpose: 'advertising', organisation: 'Microsoft' },
  { test: /^_vid_|^fpjs/i, purpose: 'unknown', organisation: 'FingerprintJS' },
  { test: /^intercom\./i, purpose: 'session', organisation: 'Intercom' },
];

export interface StorageKeyClassification {
  purpose: CookiePurpose;
  organisation?: string;
}

export function classifyStorageKey(key: string): StorageKeyClassification {
  for (const rule of STORAGE_KEY_RULES) {
    if (rule.test.test(key)) return rule.organisation ? { purpose: rule.purpose, organisation: rule.organisation } : { purpose: rule.purpose };
  }
  const cookieRule = cookieRuleFor(key);
  if (cookieRule) {
    return cookieRule.organisation
      ? { purpose: cookieRule.purpose, organisation: cookieRule.organisation }
      : { purpose: cookieRule.purpose };
  }
  return { purpose: 'unknown' };
}
