import { describe, expect, it, vi } from 'vitest';
import { RULE_ID, type DnrRule } from '../core/blocking/rules';
import { DEFAULT_SETTINGS } from '../core/blocking/settings';
import { REQUEST_LOG_KEY, SETTINGS_KEY } from '../shared/storage-keys';
import { Blocking, COOKIE_ATTEMPTS_SCRIPT_ID, GPC_SCRIPT_ID, type ApiCookie, type BlockingDeps } from './blocking';

function fakes(cookies: ApiCookie[] = []) {
  const local = new Map<string, unknown>();
  let rules: DnrRule[] = [];
  const scripts = new Set<string>();
  const contentSettings: { primaryPattern: string; secondaryPattern?: string; setting: string }[] = [];
  const clears = { count: 0 };
  const jar = [...cookies];
  const deps: BlockingDeps = {
    local: {
      get: async (key) => (local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
      set: async (items) => {
        for (const [k, v] of Object.entries(items)) local.set(k, structuredClone(v));
      },
    },
    dnr: {
      getDynamicRules: async () => rules,
      updateDynamicRules: vi.fn(async ({ removeRuleIds, addRules }) => {
        rules = rules.filter((r) => !removeRuleIds.includes(r.id)).concat(addRules);
        expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
      }),
    },
    getMatchedRules: async ({ tabId }) => ({
      rulesMatchedInfo: [
        { rule: { ruleId: RULE_ID.beacons, rulesetId: '_dynamic' }, tabId: tabId ?? 0, timeStamp: 5 },
        { rule: { ruleId: RULE_ID.beacons, rulesetId: '_dynamic' }, tabId: tabId ?? 0, timeStamp: 6 },
        { rule: { ruleId: RULE_ID.gpcSubresources, rulesetId: '_dynamic' }, tabId: tabId ?? 0, timeStamp: 6 },
      ],
    }),
    contentSettings: {
      clear: async () => {
        clears.count += 1;
        contentSettings.length = 0;
      },
      set: async ({ scope: _scope, ...setting }) => {
        // Like Chromium: setting a pattern pair again replaces it.
        const same = contentSettings.findIndex((s) => s.primaryPattern === setting.primaryPattern && s.secondaryPattern === setting.secondaryPattern);
        if (same >= 0) contentSettings.splice(same, 1);
        contentSettings.push(setting);
      },
      get: async () => ({ setting: 'allow' }),
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }) => [...scripts].filter((id) => ids.includes(id)).map((id) => ({ id })),
      registerContentScripts: vi.fn(async (list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error('Duplicate script ID');
          scripts.add(s.id);
        }
      }),
      unregisterContentScripts: async ({ ids }) => {
        for (const id of ids) scripts.delete(id);
      },
    },
    cookies: {
      getAll: async () => jar,
      remove: vi.fn(async ({ name }) => {
        const i = jar.findIndex((c) => c.name === name);
        if (i >= 0) jar.splice(i, 1);
        return {};
      }),
    },
    now: () => 1_700_000_000_000,
  };
  return { deps, local, rules: () => rules, scripts, contentSettings, jar, clears };
}

const cookie = (name: string): ApiCookie => ({ name, domain: '.smartergo.com', path: '/' });

describe('Blocking', () => {
  it('stores a change, derives the rules from it, and applying again changes nothing', async () => {
    const f = fakes();
    const blocking = new Blocking(f.deps);
    await blocking.update({ beacons: true, gpc: true, cookies: { thirdParty: true } });
    expect(f.local.get(SETTINGS_KEY)).toMatchObject({ beacons: true, gpc: true, cookies: { thirdParty: true, all: false } });
    const first = f.rules();
    expect(first.some((r) => r.id === RULE_ID.beacons)).toBe(true);
    expect(f.scripts.has(GPC_SCRIPT_ID)).toBe(true);
    expect(f.contentSettings).toHaveLength(2);
    await blocking.apply();
    await blocking.apply();
    expect(f.rules()).toEqual(first);
    expect(f.contentSettings).toHaveLength(2);
    expect(f.deps.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('undoes everything when the settings go back to the defaults', async () => {
    const f = fakes();
    const blocking = new Blocking(f.deps);
    await blocking.update({ beacons: true, gpc: true, cookies: { all: true } });
    expect([...f.scripts].sort()).toEqual([COOKIE_ATTEMPTS_SCRIPT_ID, GPC_SCRIPT_ID]);
    await blocking.update(DEFAULT_SETTINGS);
    expect(f.rules()).toEqual([]);
    expect(f.contentSettings).toEqual([]);
    expect(f.scripts.size).toBe(0);
  });

  it('rebuilds the browser’s rules from stored settings after a restart (a new instance)', async () => {
    const f = fakes();
    await new Blocking(f.deps).update({ beacons: true });
    const rules = f.rules();
    await f.deps.dnr.updateDynamicRules({ removeRuleIds: rules.map((r) => r.id), addRules: [] });
    await new Blocking(f.deps).apply();
    expect(f.rules()).toEqual(rules);
  });

  it('removes existing cookies that a new choice blocks, and new ones as they are set', async () => {
    const f = fakes([cookie('_ga'), cookie('SESSIONID'), cookie('_fbp')]);
    const blocking = new Blocking(f.deps);
    await blocking.update({ cookies: { purposes: ['analytics'], names: ['_fbp'] } });
    expect(f.jar.map((c) => c.name)).toEqual(['SESSIONID']);
    await blocking.enforceCookie({ removed: false, cookie: cookie('_gid') });
    await blocking.enforceCookie({ removed: false, cookie: cookie('cart') });
    expect(vi.mocked(f.deps.cookies.remove).mock.calls.map(([d]) => d)).toEqual([
      { url: 'https://smartergo.com/', name: '_ga' },
      { url: 'https://smartergo.com/', name: '_fbp' },
      { url: 'https://smartergo.com/', name: '_gid' },
    ]);
  });

  it('clears content settings only when one must go, so turning a block on never opens a gap', async () => {
    const f = fakes();
    const blocking = new Blocking(f.deps);
    await blocking.update({ cookies: { thirdParty: true } });
    expect(f.clears.count).toBe(1); // first run: what the browser holds is unknown
    await blocking.update({ cookies: { all: true } }); // the third-party "allow" exception must go
    expect(f.clears.count).toBe(2);
    await blocking.update({ cookies: { thirdParty: false } }); // still all: nothing changes
    await blocking.apply();
    expect(f.clears.count).toBe(2);
    expect(f.contentSettings).toEqual([
      { primaryPattern: '*://*.smartergo.com/*', setting: 'block' },
      { primaryPattern: '<all_urls>', secondaryPattern: '*://*.smartergo.com/*', setting: 'block' },
    ]);
    await blocking.update({ cookies: { all: false } });
    expect(f.clears.count).toBe(3);
    expect(f.contentSettings).toEqual([]);
  });

  it('names the Set-Cookie attempts the settings block, and only those', async () => {
    const f = fakes();
    const blocking = new Blocking(f.deps);
    const headers = [
      { name: 'Content-Type', value: 'text/html' },
      { name: 'Set-Cookie', value: 'SESSIONID=abc; Path=/; Secure; HttpOnly' },
      { name: 'set-cookie', value: 'se_prefs=lang%3Den; Max-Age=60' },
    ];
    expect(await blocking.blockedSetCookies('https://www.smartergo.com/', headers)).toEqual([]);
    await blocking.update({ cookies: { names: ['se_prefs'] } });
    expect((await blocking.blockedSetCookies('https://www.smartergo.com/', headers)).map((c) => c.name)).toEqual(['se_prefs']);
    await blocking.update({ cookies: { all: true } });
    expect((await blocking.blockedSetCookies('https://www.smartergo.com/', headers)).map((c) => [c.name, c.domain, c.httpOnly])).toEqual([
      ['SESSIONID', 'www.smartergo.com', true],
      ['se_prefs', 'www.smartergo.com', false],
    ]);
  });

  it('reads damaged stored settings as the defaults', async () => {
    const f = fakes();
    f.local.set(SETTINGS_KEY, { cookies: 'all' });
    expect(await new Blocking(f.deps).settings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps a dated request log, newest first', async () => {
    const f = fakes();
    const blocking = new Blocking(f.deps);
    await blocking.logRequest('opt-out', ['direct-marketing']);
    await blocking.logRequest('review-delete', []);
    expect(f.local.get(REQUEST_LOG_KEY)).toEqual([
      { kind: 'review-delete', to: 'legal@smartergo.com', subject: 'Request to review and delete my information', choices: [], sentAt: 1_700_000_000_000 },
      { kind: 'opt-out', to: 'optout@smartergo.com', subject: 'Opt Out', choices: ['direct-marketing'], sentAt: 1_700_000_000_000 },
    ]);
  });

  it('counts what each blocking rule stopped in the tab, not header rules', async () => {
    const f = fakes();
    const blocking = new Blocking(f.deps);
    await blocking.update({ beacons: true, gpc: true });
    expect(await blocking.blockedCounts(3, 0)).toEqual({ available: true, counts: [{ label: { kind: 'beacons' }, count: 2 }] });
  });

  it('says the count is unknown when the browser cannot give it', async () => {
    const f = fakes();
    const blocking = new Blocking({ ...f.deps, getMatchedRules: async () => Promise.reject(new Error('quota')) });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await blocking.blockedCounts(3, 0)).toEqual({ available: false, counts: [] });
  });
});
