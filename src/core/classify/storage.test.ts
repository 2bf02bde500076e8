import { describe, expect, it } from 'vitest';
import { classifyStorageKey, classifyStorageValue } from './storage';

describe('storage keys', () => {
  it.each([
    ['AMP_a1b2c3d4e5', { purpose: 'analytics', organisation: 'Amplitude' }],
    ['mp_0123abcd_mixpanel', { purpose: 'analytics', organisation: 'Mixpanel' }],
    ['ph_phc_abc_posthog', { purpose: 'analytics', organisation: 'PostHog' }],
    ['ajs_anonymous_id', { purpose: 'analytics', organisation: 'Segment (Twilio)' }],
    ['_hjSessionUser_123', { purpose: 'session-replay', organisation: 'Hotjar' }],
    ['_gcl_ls', { purpose: 'advertising', organisation: 'Google' }],
    ['OptanonConsent', { purpose: 'consent', organisation: 'OneTrust' }],
    ['se_theme', { purpose: 'unknown' }],
  ])('%s', (key, expected) => {
    expect(classifyStorageKey(key)).toEqual(expected);
  });
});

describe('storage values', () => {
  it.each([
    ['a UUID', '"3f2b8c1e-9d4a-4e7b-8f60-2a1c5e9b7d30"', true, []],
    ['an Amplitude-like device id in JSON', JSON.stringify({ deviceId: 'x8Kq2m9Zp4Lr7Vt1Nw3', sessionId: 1732560000000 }), true, []],
    ['a preference', 'dark', false, []],
    ['a word-only setting', '{"layout":"compact_view","language":"en"}', false, []],
    ['a timestamp', '1732560000000', false, []],
    ['an email', JSON.stringify({ email: 'jane.doe@example.com' }), false, ['email']],
  ])('%s', (_label, value, identifier, personalData) => {
    expect(classifyStorageValue(value)).toEqual({ identifier, personalData });
  });
});
