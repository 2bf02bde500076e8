import { describe, expect, it } from 'vitest';
import { TRACKERS } from '../classify/trackers';
import { blocksFirstPartyCookies, cookieBlock, requestBlock } from './decide';
import { brokenFeatures, COOKIES_NEEDED_QUOTE } from './features';
import policyText from '../../data/privacy-policy.txt?raw';
import { DEFAULT_SETTINGS, hostTarget, orgTarget, trackerChoices, withChange, type BlockingSettings, type SettingsChange } from './settings';

const settings = (change: SettingsChange = {}): BlockingSettings => withChange(DEFAULT_SETTINGS, change);

describe('blocksFirstPartyCookies', () => {
  const names = ['_ga', 'SESSIONID', 'se_prefs', 'cart', 'fr', 'x'];
  it.each<[string, SettingsChange, boolean]>([
    ['the defaults', {}, false],
    ['third-party only', { cookies: { thirdParty: true } }, false],
    ['beacons and GPC', { beacons: true, gpc: true }, false],
    ['all', { cookies: { all: true } }, true],
    ['a purpose', { cookies: { purposes: ['analytics'] } }, true],
    ['a name', { cookies: { names: ['cart'] } }, true],
  ])('%s -> %s, and never false while cookieBlock blocks a first-party cookie', (_name, change, expected) => {
    const s = settings(change);
    expect(blocksFirstPartyCookies(s)).toBe(expected);
    if (!expected) for (const name of names) expect(cookieBlock(s, { name, party: 'first-party' })).toBeUndefined();
  });
});

describe('cookieBlock', () => {
  it('blocks nothing by default', () => {
    expect(cookieBlock(DEFAULT_SETTINGS, { name: '_ga', party: 'first-party' })).toBeUndefined();
  });
  it('blocks every cookie when all are blocked', () => {
    expect(cookieBlock(settings({ cookies: { all: true } }), { name: 'SESSIONID', party: 'first-party' })).toBe('all');
    expect(cookieBlock(settings({ cookies: { all: true } }), { name: 'fr', party: 'third-party' })).toBe('all');
  });
  it('blocks only other companies’ cookies with third-party', () => {
    const s = settings({ cookies: { thirdParty: true } });
    expect(cookieBlock(s, { name: 'fr', party: 'third-party' })).toBe('third-party');
    expect(cookieBlock(s, { name: '_ga', party: 'first-party' })).toBeUndefined();
  });
  it('blocks a purpose, read from the name table when the finding does not say', () => {
    const s = settings({ cookies: { purposes: ['analytics'] } });
    expect(cookieBlock(s, { name: '_ga', party: 'first-party' })).toBe('purpose');
    expect(cookieBlock(s, { name: '_fbp', party: 'first-party' })).toBeUndefined();
    expect(cookieBlock(s, { name: 'x', party: 'first-party', purpose: 'analytics' })).toBe('purpose');
  });
  it('blocks one exact name', () => {
    const s = settings({ cookies: { names: ['cart'] } });
    expect(cookieBlock(s, { name: 'cart', party: 'first-party' })).toBe('name');
    expect(cookieBlock(s, { name: 'Cart', party: 'first-party' })).toBeUndefined();
  });
});

describe('requestBlock', () => {
  const ga = { host: 'www.google-analytics.com', requestKind: 'sendbeacon' as const, tracker: TRACKERS.lookup('www.google-analytics.com') };
  const partner = { host: 'cdn.ergo-partners.net', requestKind: 'image' as const };
  const ping = { host: 'www.smartergo.com', requestKind: 'ping' as const };

  it('blocks known trackers and beacons with the beacons switch, not other images', () => {
    const s = settings({ beacons: true });
    expect(requestBlock(s, ga)).toBe('tracker');
    expect(requestBlock(s, ping)).toBe('beacon');
    expect(requestBlock(s, partner)).toBeUndefined();
    expect(requestBlock(DEFAULT_SETTINGS, ga)).toBeUndefined();
  });
  it('lets an allowed organisation through, and a host choice wins over its organisation', () => {
    expect(requestBlock(settings({ beacons: true, trackers: trackerChoices([orgTarget('Google'), 'allow']) }), ga)).toBeUndefined();
    expect(requestBlock(settings({ trackers: trackerChoices([orgTarget('Google'), 'block']) }), ga)).toBe('organisation');
    expect(
      requestBlock(settings({ trackers: trackerChoices([orgTarget('Google'), 'block'], [hostTarget('google-analytics.com'), 'allow']) }), ga),
    ).toBeUndefined();
    expect(requestBlock(settings({ trackers: trackerChoices([hostTarget('ergo-partners.net'), 'block']) }), partner)).toBe('host');
  });
});

describe('brokenFeatures', () => {
  it('names the cart and the session when their cookies are blocked', () => {
    expect(brokenFeatures(DEFAULT_SETTINGS)).toEqual([]);
    expect(brokenFeatures(settings({ cookies: { all: true } }))).toEqual(['login-session', 'cart']);
    expect(brokenFeatures(settings({ cookies: { purposes: ['session'] } }))).toEqual(['login-session', 'cart']);
    expect(brokenFeatures(settings({ cookies: { names: ['cart'] } }))).toEqual(['cart']);
    expect(brokenFeatures(settings({ cookies: { thirdParty: true, purposes: ['advertising'] } }))).toEqual([]);
  });
  it('quotes the policy exactly', () => {
    expect(policyText).toContain(COOKIES_NEEDED_QUOTE);
  });
});
