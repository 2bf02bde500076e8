import { describe, expect, it } from 'vitest';
import { TRACKERS } from '../classify/trackers';
import {
  ALL_URLS,
  ORGANISATIONS,
  organisationsOf,
  planBlocking,
  RULE_ID,
  SMARTERGO_CONTENT_PATTERN,
  SUBRESOURCE_TYPES,
  type DnrRule,
} from './rules';
import { DEFAULT_SETTINGS, hostTarget, orgTarget, trackerChoices, withChange, type BlockingSettings, type SettingsChange } from './settings';

const settings = (change: SettingsChange = {}): BlockingSettings => withChange(DEFAULT_SETTINGS, change);

const indexOf = (name: string): number => ORGANISATIONS.findIndex((org) => org.name === name);

/** Every rule acts on requests from SmartErgo pages, or on navigations to SmartErgo. */
function touchesOnlySmartErgo(rule: DnrRule): boolean {
  const c = rule.condition;
  const fromSmartErgo = c.initiatorDomains?.length === 1 && c.initiatorDomains[0] === 'smartergo.com';
  const navigationToSmartErgo =
    c.initiatorDomains === undefined &&
    c.requestDomains?.length === 1 &&
    c.requestDomains[0] === 'smartergo.com' &&
    c.resourceTypes?.length === 1 &&
    c.resourceTypes[0] === 'main_frame';
  return fromSmartErgo || navigationToSmartErgo;
}

const EVERYTHING = settings({
  cookies: { all: true, thirdParty: true, purposes: ['advertising'], names: ['cart'] },
  beacons: true,
  gpc: true,
  trackers: trackerChoices([orgTarget('Google'), 'allow'], [hostTarget('cdn.ergo-partners.net'), 'block'], [hostTarget('api-iam.intercom.io'), 'allow']),
});

describe('planBlocking', () => {
  it('holds nothing by default', () => {
    expect(planBlocking(DEFAULT_SETTINGS)).toEqual({ rules: [], labels: {}, contentSettings: [], gpcScript: false, cookieAttemptsScript: false });
  });

  it('blocks all cookies: Cookie and Set-Cookie headers on SmartErgo requests, and the content setting', () => {
    const plan = planBlocking(settings({ cookies: { all: true } }));
    const action = {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'cookie', operation: 'remove' }],
      responseHeaders: [{ header: 'set-cookie', operation: 'remove' }],
    };
    expect(plan.rules).toEqual([
      { id: RULE_ID.cookiesNavigation, priority: 1, action, condition: { requestDomains: ['smartergo.com'], resourceTypes: ['main_frame'] } },
      {
        id: RULE_ID.cookiesSubresources,
        priority: 1,
        action,
        condition: { requestDomains: ['smartergo.com'], initiatorDomains: ['smartergo.com'], resourceTypes: [...SUBRESOURCE_TYPES] },
      },
    ]);
    expect(plan.contentSettings).toEqual([
      { primaryPattern: '*://*.smartergo.com/*', setting: 'block' },
      { primaryPattern: ALL_URLS, secondaryPattern: SMARTERGO_CONTENT_PATTERN, setting: 'block' },
    ]);
    // document.cookie writes are refused silently: a script reports them so they stay listed.
    expect(plan.cookieAttemptsScript).toBe(true);
  });

  it('blocks third-party cookies on SmartErgo pages with content settings only, keeping SmartErgo’s own', () => {
    const plan = planBlocking(settings({ cookies: { thirdParty: true } }));
    expect(plan.rules).toEqual([]);
    expect(plan.contentSettings).toEqual([
      { primaryPattern: ALL_URLS, secondaryPattern: SMARTERGO_CONTENT_PATTERN, setting: 'block' },
      { primaryPattern: SMARTERGO_CONTENT_PATTERN, secondaryPattern: SMARTERGO_CONTENT_PATTERN, setting: 'allow' },
    ]);
  });

  it('leaves a cookie purpose or name to the worker (no rule can say it)', () => {
    const plan = planBlocking(settings({ cookies: { purposes: ['analytics'], names: ['_fbp'] } }));
    expect(plan).toEqual({ rules: [], labels: {}, contentSettings: [], gpcScript: false, cookieAttemptsScript: false });
  });

  it('sends Sec-GPC: 1 to SmartErgo and registers the script when GPC is on', () => {
    const plan = planBlocking(settings({ gpc: true }));
    const action = { type: 'modifyHeaders', requestHeaders: [{ header: 'Sec-GPC', operation: 'set', value: '1' }] };
    expect(plan.rules.map((r) => [r.id, r.action, r.condition.resourceTypes?.includes('main_frame')])).toEqual([
      [RULE_ID.gpcNavigation, action, true],
      [RULE_ID.gpcSubresources, action, false],
    ]);
    expect(plan.gpcScript).toBe(true);
  });

  it('blocks beacons and every known tracker organisation from SmartErgo pages', () => {
    const plan = planBlocking(settings({ beacons: true }));
    expect(plan.rules[0]).toEqual({
      id: RULE_ID.beacons,
      priority: 1,
      action: { type: 'block' },
      condition: { initiatorDomains: ['smartergo.com'], resourceTypes: ['ping'] },
    });
    const google = plan.rules.find((r) => r.id === RULE_ID.organisationBlock + indexOf('Google'));
    expect(google?.condition.requestDomains).toEqual(expect.arrayContaining(['google-analytics.com', 'googletagmanager.com']));
    expect(google?.action).toEqual({ type: 'block' });
    expect(plan.labels[RULE_ID.organisationBlock + indexOf('Meta')]).toEqual({ kind: 'organisation', name: 'Meta' });
    // Path entries ("google.com/pagead") by URL filter, never the whole host.
    expect(plan.rules.some((r) => r.condition.urlFilter === '||google.com/pagead')).toBe(true);
    expect(plan.rules.some((r) => r.condition.requestDomains?.includes('google.com'))).toBe(false);
    // The demo site's tracker hosts are all covered.
    for (const host of ['www.googletagmanager.com', 'www.google-analytics.com', 'www.facebook.com', 'connect.facebook.net', 'widget.intercom.io', 'api-iam.intercom.io']) {
      const org = TRACKERS.lookup(host)?.organisation;
      expect(org, host).toBeDefined();
      expect(plan.rules.some((r) => r.id === RULE_ID.organisationBlock + indexOf(org!)), host).toBe(true);
    }
    const blockRules = plan.rules.filter((r) => r.action.type === 'block');
    expect(blockRules.length).toBe(1 + ORGANISATIONS.filter((o) => o.domains.length > 0).length + ORGANISATIONS.flatMap((o) => o.paths).length);
  });

  it('lets an allowed organisation through, above the beacons rule', () => {
    const plan = planBlocking(settings({ beacons: true, trackers: trackerChoices([orgTarget('Google'), 'allow']) }));
    expect(plan.rules.some((r) => r.id === RULE_ID.organisationBlock + indexOf('Google'))).toBe(false);
    const allow = plan.rules.find((r) => r.id === RULE_ID.organisationAllow + indexOf('Google'));
    expect(allow).toMatchObject({ priority: 2, action: { type: 'allow' }, condition: { initiatorDomains: ['smartergo.com'] } });
  });

  it('blocks one organisation or one host with the beacons switch off', () => {
    const plan = planBlocking(settings({ trackers: trackerChoices([orgTarget('Meta'), 'block'], [hostTarget('CDN.ergo-partners.net'), 'block']) }));
    expect(plan.rules).toEqual([
      {
        id: RULE_ID.organisationBlock + indexOf('Meta'),
        priority: 1,
        action: { type: 'block' },
        condition: { requestDomains: ORGANISATIONS[indexOf('Meta')]!.domains, initiatorDomains: ['smartergo.com'] },
      },
      ...ORGANISATIONS[indexOf('Meta')]!.paths.map((path) => expect.objectContaining({ condition: { urlFilter: `||${path}`, initiatorDomains: ['smartergo.com'] } })),
      {
        id: RULE_ID.host,
        priority: 6,
        action: { type: 'block' },
        condition: { requestDomains: ['cdn.ergo-partners.net'], initiatorDomains: ['smartergo.com'] },
      },
    ]);
    expect(plan.labels[RULE_ID.host]).toEqual({ kind: 'host', host: 'cdn.ergo-partners.net' });
  });

  it('gives every rule a unique id, the same ids for the same settings, and touches only SmartErgo', () => {
    const a = planBlocking(EVERYTHING);
    const b = planBlocking(structuredClone(EVERYTHING));
    expect(a).toEqual(b);
    const ids = a.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => Number.isInteger(id) && id >= 1)).toBe(true);
    for (const rule of a.rules) expect(touchesOnlySmartErgo(rule), JSON.stringify(rule)).toBe(true);
  });

  it('keeps organisation rule ids in their ranges', () => {
    expect(ORGANISATIONS.length).toBeLessThan(RULE_ID.organisationAllow - RULE_ID.organisationBlock);
    expect(ORGANISATIONS.flatMap((o) => o.paths).length).toBeLessThan(RULE_ID.host - RULE_ID.organisationPath);
  });
});

describe('organisationsOf', () => {
  it('merges the entries of one organisation and sorts by name', () => {
    const orgs = organisationsOf([
      { organisation: 'B', category: 'analytics', domains: ['b.com', 'b.net/x'] },
      { organisation: 'A', category: 'analytics', domains: ['a.com'] },
      { organisation: 'B', category: 'advertising', domains: ['ads.b.com'] },
    ]);
    expect(orgs).toEqual([
      { name: 'A', domains: ['a.com'], paths: [] },
      { name: 'B', domains: ['b.com', 'ads.b.com'], paths: ['b.net/x'] },
    ]);
  });
});
