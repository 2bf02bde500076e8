/**
 * End to end in real Chromium: each demo page produces exactly the findings it
 * should, matched to the policy with the right verdict; control pages produce none;
 * the badge and the popup show the same thing, live.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, PageRecord } from '../../src/core/model';
import { isRequestFinding } from '../../src/core/model';
import { badgeCount } from '../../src/core/summary';
import { DEMO_PAGES, type DemoSite } from '../fixtures/server';
import { useDemoBrowser } from './demo-browser';
import { missing, unexpected } from './expectations';
import { visit, type ExtensionBrowser } from './harness';

const demoBrowser = useDemoBrowser();
const { recordWhen } = demoBrowser;
let browser: ExtensionBrowser;
let site: DemoSite;
beforeAll(() => {
  ({ browser, site } = demoBrowser);
});

const byName = (findings: readonly Finding[]) =>
  Object.fromEntries(findings.map((f) => [f.kind === 'cookie' ? `cookie:${f.name}` : isRequestFinding(f) ? `${f.kind}:${f.requestKind}:${f.host}` : f.id, f]));

describe('tracking pages', () => {
  for (const demo of DEMO_PAGES.filter((p) => !p.control)) {
    it(`${demo.url} gives the findings it should`, async () => {
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      await visit(page, demo.url);
      const tabId = await browser.tabIdOf(page);
      const record = await recordWhen(tabId, (r) => missing(r.findings, demo.expects).length === 0);
      expect(missing(record.findings, demo.expects)).toEqual([]);
      const allowed = [...demo.expects, ...(demo.interactions ?? []).flatMap((i) => i.expects)];
      expect(unexpected(record.findings, allowed)).toEqual([]);
      for (const finding of record.findings) {
        expect(finding.match.verdict).toMatch(/^(disclosed|not-covered|contradicts)$/);
        for (const citation of finding.match.citations) expect(citation.quote.length).toBeGreaterThan(0);
      }
      await page.close();
    });
  }
});

describe('the home page', () => {
  it('matches each finding to the policy with the verdict a reader would give', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/');
    const tabId = await browser.tabIdOf(page);
    const home = DEMO_PAGES.find((p) => p.path === '/')!;
    const record = await recordWhen(tabId, (r) => missing(r.findings, home.expects).length === 0);
    const found = byName(record.findings);

    expect(found['cookie:SESSIONID']?.match.verdict).toBe('disclosed');
    expect(found['cookie:SESSIONID']).toMatchObject({ party: 'first-party', session: true, httpOnly: true, secure: true });
    expect(found['cookie:se_prefs']).toMatchObject({ session: false, purpose: 'preferences' });
    expect(found['cookie:_ga']).toMatchObject({ purpose: 'analytics', organisation: expect.stringMatching(/Google/) });
    expect(found['cookie:_ga']?.match.verdict).toBe('disclosed');
    expect(found['beacon:sendbeacon:www.google-analytics.com']?.match.verdict).toBe('disclosed');
    expect(found['beacon:pixel:www.facebook.com']?.match.verdict).toBe('not-covered');
    expect(found['request:image:cdn.ergo-partners.net']?.match.verdict).toBe('not-covered');

    // The badge counts trackers and beacons (not cookies), as the popup's summary defines them.
    const expectedBadge = badgeCount(record.findings);
    await expect.poll(() => browser.badgeText(tabId)).toBe(String(expectedBadge));

    // <a ping>: clicking the deals link sends a first-party ping (a disclosed beacon).
    await page.click('#deals-link');
    const afterClick = await recordWhen(tabId, (r) =>
      r.findings.some((f) => f.kind === 'beacon' && f.requestKind === 'ping' && f.host === 'www.smartergo.com'),
    );
    expect(byName(afterClick.findings)['beacon:ping:www.smartergo.com']?.match.verdict).toBe('disclosed');
    await page.close();
  });
});

describe('the contradiction page', () => {
  it('flags the email sent to a third-party pixel as contradicting the policy, without keeping the email', async () => {
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/newsletter/thanks?email=jane.doe%40example.com');
    const tabId = await browser.tabIdOf(page);
    const record = await recordWhen(tabId, (r) => r.findings.some((f) => f.match.verdict === 'contradicts'));
    const leak = record.findings.find((f) => f.match.verdict === 'contradicts');
    expect(leak).toMatchObject({ kind: 'beacon', host: 'www.facebook.com', personalData: ['email'] });
    expect(leak?.match.citations.map((c) => c.quote)).toContain(
      'Unless you opt-in, SmartErgo will not transfer your personal information to third parties',
    );
    // Nothing the visitor typed is stored in clear.
    expect(JSON.stringify(record)).not.toContain('jane.doe');
    await expect.poll(() => browser.badgeText(tabId)).not.toBe('');
    await page.close();
  });
});

describe('control pages', () => {
  for (const demo of DEMO_PAGES.filter((p) => p.control)) {
    it(`${demo.url} gives zero findings`, async () => {
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      await visit(page, demo.url);
      const tabId = await browser.tabIdOf(page);
      // The popup's request waits for every pending write, so this is the settled state.
      const popup = await browser.openPopup(tabId);
      await popup.getByTestId('empty').waitFor();
      const record = await browser.pageRecord(tabId);
      expect(record?.findings ?? []).toEqual([]);
      expect(await browser.badgeText(tabId)).toBe('');
      await popup.close();
      await page.close();
    });
  }
});

describe('the popup', () => {
  it('shows the summary, the findings grouped by policy section, and updates live', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/');
    const tabId = await browser.tabIdOf(page);
    const home = DEMO_PAGES.find((p) => p.path === '/')!;
    await recordWhen(tabId, (r) => missing(r.findings, home.expects).length === 0);

    const popup = await browser.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('summary').textContent()).toMatch(/tracker/);
    expect(await popup.locator('[data-verdict="not-covered"]').count()).toBeGreaterThan(0);
    expect(await popup.locator('blockquote').count()).toBeGreaterThan(0);

    // Live: a ping sent while the popup is open appears without reopening it.
    const ping = popup.locator('[data-finding-id="beacon:www.smartergo.com/ping/click"]');
    expect(await ping.count()).toBe(0);
    await page.bringToFront();
    await page.click('#deals-link');
    await ping.waitFor();
    await popup.close();
    await page.close();
  });

  it('says plainly when the tab is not a SmartErgo page', async () => {
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/help');
    const tabId = await browser.tabIdOf(page);
    await page.goto('https://cdn.ergo-partners.net/', { waitUntil: 'load' }).catch(() => undefined);
    const popup = await browser.openPopup(tabId);
    await popup.getByTestId('not-smartergo').waitFor();
    await popup.close();
    await page.close();
  });
});

describe('a stopped service worker', () => {
  it('loses nothing: findings, badge and the popup survive, and new observations merge in', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/');
    const tabId = await browser.tabIdOf(page);
    const home = DEMO_PAGES.find((p) => p.path === '/')!;
    const before = await recordWhen(tabId, (r) => missing(r.findings, home.expects).length === 0);

    await browser.stopWorker();

    // A ping from the page wakes the worker; it restores the page from storage.session.
    await page.click('#deals-link');
    const after = await recordWhen(tabId, (r) => r.findings.some((f) => f.kind === 'beacon' && f.requestKind === 'ping'));
    expect(after.findings.map((f) => f.id)).toEqual(expect.arrayContaining(before.findings.map((f) => f.id)));
    expect(after.findings).toHaveLength(before.findings.length + 1);
    await expect.poll(() => browser.badgeText(tabId)).toBe(String(badgeCount(after.findings)));

    await browser.stopWorker();
    const popup = await browser.openPopup(tabId); // the popup's question wakes it again
    await popup.locator('[data-finding-id="beacon:www.smartergo.com/ping/click"]').waitFor();
    // Past the first frame's screenful of rows (components/groups.tsx): the first page of every group.
    await popup.locator('.groups:not([aria-busy])').waitFor();
    expect(await popup.locator('[data-finding-id]').count()).toBe(after.findings.length);
    await popup.close();
    await page.close();
  });
});

describe('the privacy policy page', () => {
  it('tells the visitor whether the published policy is the one the verdicts are built on', async () => {
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/privacy');
    const tabId = await browser.tabIdOf(page);
    let popup = await browser.openPopup(tabId);
    await popup.locator('[data-testid="policy-check"][data-policy-check="same"]').waitFor();
    await popup.close();

    const policy = readFileSync(new URL('../../src/data/privacy-policy.txt', import.meta.url), 'utf8');
    site.setPolicyText(
      policy
        .replace('SmartErgo may amend this policy from time to time.', 'SmartErgo may amend this policy at any time, without notice.')
        .concat('\n\nDo Not Track\n\nWe do not respond to Do Not Track signals.\n'),
    );
    try {
      await visit(page, 'https://www.smartergo.com/privacy');
      popup = await browser.openPopup(tabId);
      const note = popup.locator('[data-testid="policy-check"][data-policy-check="changed"]');
      await note.waitFor();
      expect(await note.locator('[data-change="changed"]').textContent()).toContain('Changes to this Privacy Policy');
      expect(await note.locator('[data-change="added"]').textContent()).toContain('Do Not Track');
      await popup.close();
    } finally {
      site.setPolicyText(undefined);
      await page.close();
    }
  });
});

describe('fingerprinting and session recording by real libraries', () => {
  it('names every technique FingerprintJS uses, on its script', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/gift-cards');
    await page.locator('#device-check', { hasText: 'device' }).waitFor();
    const tabId = await browser.tabIdOf(page);
    const all = ['canvas', 'webgl', 'audio', 'fonts', 'navigator'];
    const record = await recordWhen(tabId, (r) => r.findings.some((f) => f.kind === 'fingerprint' && f.techniques.length === all.length));
    const finding = record.findings.find((f) => f.kind === 'fingerprint');
    expect(finding).toMatchObject({ host: 'openfpcdn.io', party: 'third-party', techniques: all, tracker: { organisation: 'Fingerprint' } });
    await page.close();
  });

  it("names rrweb's signals on its script, and adds typed values once the visitor types", async () => {
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/configurator');
    const tabId = await browser.tabIdOf(page);
    const before = await recordWhen(tabId, (r) => r.findings.some((f) => f.kind === 'recording'));
    const found = before.findings.find((f) => f.kind === 'recording');
    expect(found).toMatchObject({ host: 'cdn.replay-insights.io', party: 'third-party' });
    expect(found?.kind === 'recording' && found.signals).toEqual(expect.arrayContaining(['dom-mutations', 'mouse-movement', 'key-input']));
    await page.locator('#desk-notes').pressSequentially('standing most of the day');
    const after = await recordWhen(tabId, (r) => r.findings.some((f) => f.kind === 'recording' && f.signals.includes('input-values')));
    // Still one finding for the script: its signals grew.
    expect(after.findings.filter((f) => f.kind === 'recording').map((f) => f.id)).toEqual(['recording:cdn.replay-insights.io']);
    await page.close();
  });
});

describe("the page-world wrappers, from the page's side", () => {
  it('look native and behave like the originals', async () => {
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/faq');
    const seen = await page.evaluate(() => {
      const text = (f: unknown) => Function.prototype.toString.call(f);
      const userAgent = Object.getOwnPropertyDescriptor(Navigator.prototype, 'userAgent')?.get;
      const wrapped = [
        HTMLCanvasElement.prototype.toDataURL,
        CanvasRenderingContext2D.prototype.getImageData,
        WebGLRenderingContext.prototype.getParameter,
        EventTarget.prototype.addEventListener,
        MutationObserver.prototype.observe,
        Function.prototype.toString,
        userAgent,
      ];
      let illegal = '';
      try {
        HTMLCanvasElement.prototype.toDataURL.call({});
      } catch (error) {
        illegal = (error as Error).constructor.name;
      }
      const canvas = document.createElement('canvas');
      return {
        native: wrapped.map((f) => /\{\s*\[native code\]\s*\}$/.test(text(f))),
        names: [HTMLCanvasElement.prototype.toDataURL.name, userAgent?.name, EventTarget.prototype.addEventListener.length],
        constructible: 'prototype' in HTMLCanvasElement.prototype.toDataURL,
        userAgent: navigator.userAgent.length > 0,
        blankCanvas: canvas.toDataURL().startsWith('data:image/png;base64,'),
        illegal,
      };
    });
    expect(seen).toEqual({
      native: [true, true, true, true, true, true, true],
      names: ['toDataURL', 'get userAgent', 2],
      constructible: false,
      userAgent: true,
      blankCanvas: true,
      illegal: 'TypeError',
    });
    await page.close();
  });
});
