/**
 * End to end in Debian's Firefox ESR: the same package as Chromium's, built for Firefox
 * (dist/firefox), gives the demo home page the findings it should, a control page none,
 * shows them in the popup, blocks SmartErgo's cookies across a reload, and offers
 * nothing Firefox cannot do (no contentSettings: no third-party cookie switch).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PageRecord } from '../../src/core/model';
import { DEMO_HOSTS, DEMO_PAGES, startDemoSite, type DemoSite, type Expectation, type LoggedRequest } from '../fixtures/server';
import { runAxe, seriousViolations } from '../e2e/axe';
import { missing, unexpected } from '../e2e/expectations';
import { launchFirefox, visit, waitUntil, type BrowserInPage, type FirefoxWithExtension } from './harness';

let site: DemoSite;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  site = await startDemoSite();
  firefox = await launchFirefox(site);
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
});

const HOME = 'https://www.smartergo.com/';
const home = DEMO_PAGES.find((p) => p.path === '/')!;

/**
 * Firefox's resource timing calls navigator.sendBeacon() "other" (Chromium: "beacon");
 * the page-world script (src/content/page-world/beacon-hints.ts) names it, so Firefox
 * must find exactly what Chromium finds.
 */
const homeInFirefox = home.expects;

const smartErgoCookies = () =>
  firefox.inExtension(async () => {
    const api = (globalThis as unknown as BrowserInPage).browser;
    return (await api.cookies.getAll({ domain: 'smartergo.com' })).map((c) => c.name).sort();
  }, undefined);

beforeEach(async () => {
  const context = firefox.browser.defaultBrowserContext();
  await context.deleteCookie(...(await context.cookies()));
});

/**
 * Polls the extension until the tab's findings satisfy `ready` (or 15 s pass) and returns
 * the last record, so the test's own assertions say what is missing.
 */
async function recordWhen(tabId: number, ready: (record: PageRecord) => boolean): Promise<PageRecord | undefined> {
  let last: PageRecord | undefined;
  await waitUntil(async () => {
    last = (await firefox.settledPage(tabId)).page ?? undefined;
    return last !== undefined && ready(last);
  }, `tab ${tabId}'s findings`).catch(() => undefined);
  return last;
}

async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await firefox.browser.newPage();
  await visit(page, url);
  return { page, tabId: await firefox.tabIdOf(url) };
}

describe('Firefox: the sign-up page', () => {
  it('finds the storage, the form, and what was typed sent on (hashed, Base64-encoded)', async () => {
    const signup = DEMO_PAGES.find((p) => p.path === '/signup')!;
    const interaction = signup.interactions![0]!;
    const { page, tabId } = await openTab(signup.url);
    const loaded = await recordWhen(tabId, (r) => missing(r.findings, signup.expects).length === 0);
    expect(missing(loaded?.findings ?? [], signup.expects)).toEqual([]);
    for (const [selector, text] of interaction.fill ?? []) await page.type(selector, text);
    await page.click(interaction.selector);
    const all = [...signup.expects, ...interaction.expects];
    const sent = await recordWhen(tabId, (r) => missing(r.findings, all).length === 0);
    expect(missing(sent?.findings ?? [], all)).toEqual([]);
    expect(unexpected(sent?.findings ?? [], all)).toEqual([]);
    expect(sent?.findings.find((f) => f.id === 'leak:www.facebook.com/tr')).toMatchObject({
      encodings: ['sha256'],
      match: { verdict: 'contradicts' },
    });
    await page.close();
  });
});

describe('Firefox: the demo home page', () => {
  it('gives the findings it should, with the verdicts a reader would give', async () => {
    const { page, tabId } = await openTab(HOME);
    const record = await recordWhen(tabId, (r) => missing(r.findings, homeInFirefox).length === 0);
    if (!record) throw new Error('PolicyLens kept no record of the home page');
    expect(missing(record.findings, homeInFirefox)).toEqual([]);
    expect(unexpected(record.findings, [...homeInFirefox, ...(home.interactions ?? []).flatMap((i) => i.expects)])).toEqual([]);
    const verdict = (id: string) => record.findings.find((f) => f.id.startsWith(id))?.match.verdict;
    expect(verdict('cookie:SESSIONID@')).toBe('disclosed');
    expect(record.findings.find((f) => f.kind === 'beacon' && f.host === 'www.facebook.com')?.match.verdict).toBe('not-covered');
    await page.close();
  });

  it('the popup lists them, passes axe-core, and offers no switch Firefox cannot honour', async () => {
    const { page, tabId } = await openTab(HOME);
    const record = await recordWhen(tabId, (r) => missing(r.findings, homeInFirefox).length === 0);
    if (!record) throw new Error('PolicyLens kept no record of the home page');
    const popup = await firefox.openPopup(tabId);
    await popup.waitForSelector('[data-testid="blocking-panel"]');
    expect(await popup.$$eval('[data-finding-id]', (rows) => rows.map((r) => r.getAttribute('data-finding-id')).sort())).toEqual(
      record.findings.map((f) => f.id).sort(),
    );
    expect(await popup.$('[data-testid="block-cookies-all"]')).not.toBeNull();
    expect(await popup.$('[data-testid="block-cookies-third-party"]')).toBeNull();
    expect(await popup.$('[data-testid="blocked-counts"]')).toBeNull(); // no getMatchedRules in Firefox
    expect(seriousViolations(await runAxe(popup))).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: cookie banners', () => {
  const consentOf = (record: PageRecord | undefined) => record?.findings.find((f) => f.kind === 'consent');

  it('a banner while tracking runs contradicts the policy (/offers); one that tracking waits for does not (/workshops)', async () => {
    const offers = await openTab('https://www.smartergo.com/offers');
    const before = await recordWhen(offers.tabId, (r) => {
      const consent = consentOf(r);
      return consent?.kind === 'consent' && consent.trackingBeforeAnswer.length >= 2;
    });
    expect(consentOf(before)).toMatchObject({ tool: 'OneTrust', answer: 'none', trackingBeforeAnswer: ['Google', 'Meta'] });
    expect(consentOf(before)?.match.verdict).toBe('contradicts');
    await offers.page.close();

    // /offers set _ga without asking: sent with the next page, it would rightly count as tracking before that answer.
    const context = firefox.browser.defaultBrowserContext();
    await context.deleteCookie(...(await context.cookies()));
    const showroom = await openTab('https://www.smartergo.com/workshops');
    await recordWhen(showroom.tabId, (r) => consentOf(r) !== undefined);
    await showroom.page.click('#se-cookie-accept');
    const after = await recordWhen(showroom.tabId, (r) => {
      const consent = consentOf(r);
      return consent?.kind === 'consent' && consent.answer === 'accepted' && r.findings.some((f) => f.kind === 'cookie' && f.name === '_ga');
    });
    expect(consentOf(after)).toMatchObject({ tool: '', answer: 'accepted', trackingBeforeAnswer: [] });
    expect(consentOf(after)?.match.verdict).toBe('disclosed');
    await showroom.page.close();
  });
});

describe('Firefox: control pages', () => {
  for (const demo of DEMO_PAGES.filter((p) => p.control)) {
    it(`${demo.url} gives zero findings`, async () => {
      const { page, tabId } = await openTab(demo.url);
      const popup = await firefox.openPopup(tabId); // its question waits for every pending write
      await popup.waitForSelector('[data-testid="empty"]');
      expect((await firefox.settledPage(tabId)).page?.findings ?? []).toEqual([]);
      await popup.close();
      await page.close();
    });
  }
});

describe('Firefox: block all cookies', () => {
  it('sends and keeps none of SmartErgo’s cookies after a reload; undo restores', async () => {
    const { page, tabId } = await openTab(HOME);
    await waitUntil(async () => (await smartErgoCookies()).includes('SESSIONID'), 'the session cookie');
    const popup = await firefox.openPopup(tabId);
    await popup.waitForSelector('[data-testid="block-cookies-all"]');
    await popup.click('[data-testid="block-cookies-all"]');
    await waitUntil(
      async () => (await firefox.inExtension(() => (globalThis as unknown as BrowserInPage).browser.declarativeNetRequest.getDynamicRules(), undefined)).length >= 2,
      'the header rules',
    );
    await waitUntil(async () => (await smartErgoCookies()).length === 0, 'the existing cookies to go');

    site.clearLog();
    await visit(page, HOME);
    const fromSmartErgo = (r: LoggedRequest) => r.host.endsWith('smartergo.com');
    expect(site.requestLog.filter(fromSmartErgo).length).toBeGreaterThan(0);
    expect(site.requestLog.filter((r) => fromSmartErgo(r) && r.headers.cookie !== undefined)).toEqual([]);
    // A cookie a page script writes is removed as soon as Firefox reports it.
    await waitUntil(async () => (await smartErgoCookies()).length === 0, 'no SmartErgo cookie kept');
    expect(await page.evaluate(() => document.title)).toMatch(/SmartErgo/);

    await popup.click('[data-testid="block-cookies-all"]');
    await waitUntil(
      async () => (await firefox.inExtension(() => (globalThis as unknown as BrowserInPage).browser.declarativeNetRequest.getDynamicRules(), undefined)).length === 0,
      'the rules to go',
    );
    await visit(page, HOME);
    site.clearLog();
    await visit(page, HOME);
    const reloaded = site.requestLog.find((r) => r.host === 'www.smartergo.com' && r.url === '/' && r.method === 'GET');
    expect(reloaded?.headers.cookie).toMatch(/SESSIONID=[0-9a-f]{32}/);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: the network', () => {
  it('every connection Firefox asked for went to the demo site or to Mozilla\'s own services, none elsewhere', () => {
    // The proxy is the only way out; it refused every host but the demo site's. What
    // Firefox itself asks for (updates, telemetry, remote settings) is Mozilla's.
    const demo = (target: string) => DEMO_HOSTS.some((host) => target === `${host}:443`);
    const mozilla = (target: string) => /^([a-z0-9-]+\.)*(mozilla\.(com|net|org)|mozaws\.net|firefox\.com):443$/.test(target);
    expect(firefox.proxy.asked.filter(demo).length).toBeGreaterThan(0);
    expect(firefox.proxy.asked.filter((target) => !demo(target) && !mozilla(target))).toEqual([]);
  });
});
