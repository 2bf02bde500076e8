/**
 * End to end in real Chromium: cookie banners. A banner while tracking already runs
 * contradicts "You may accept or decline cookies." and names who tracked before the
 * answer; a banner that tracking waits for is disclosed, with the trackers after it.
 * Also: the support chat on /contact is matched to the policy's "chat logs".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsentFinding, Finding, PageRecord } from '../../src/core/model';
import { isTracking } from '../../src/core/summary';
import { DEMO_PAGES } from '../fixtures/server';
import { useDemoBrowser } from './demo-browser';
import { missing, unexpected } from './expectations';
import { visit, type ExtensionBrowser } from './harness';

const demoBrowser = useDemoBrowser();
const { recordWhen } = demoBrowser;
let browser: ExtensionBrowser;
beforeAll(() => {
  ({ browser } = demoBrowser);
});

const consentOf = (record: PageRecord): ConsentFinding | undefined =>
  record.findings.find((f): f is ConsentFinding => f.kind === 'consent');
const demo = (path: string) => DEMO_PAGES.find((p) => p.path === path)!;
const COOKIE_CHOICE = 'You may accept or decline cookies.';

describe('a cookie banner while tracking already runs (/offers)', () => {
  it('contradicts the policy and names who tracked before the answer, and keeps that list after it', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/offers');
    const tabId = await browser.tabIdOf(page);
    const offers = demo('/offers');
    let record = await recordWhen(
      tabId,
      (r) => missing(r.findings, offers.expects).length === 0 && (consentOf(r)?.trackingBeforeAnswer.length ?? 0) >= 2,
    );
    let consent = consentOf(record)!;
    expect(consent).toMatchObject({ tool: 'OneTrust', answer: 'none', party: 'first-party' });
    expect(consent.answeredAt).toBeUndefined();
    expect(consent.trackingBeforeAnswer).toEqual(['Google', 'Meta']);
    expect(consent.match.verdict).toBe('contradicts');
    expect(consent.match.reason.code).toBe('trackingBeforeConsent');
    expect(consent.match.citations.map((c) => c.quote)).toContain(COOKIE_CHOICE);

    const before = [...consent.trackingBeforeAnswer];
    await page.click('#onetrust-accept-btn-handler');
    record = await recordWhen(tabId, (r) => consentOf(r)?.answer === 'accepted' && r.findings.some((f) => f.kind === 'cookie' && f.name === 'OptanonConsent'));
    consent = consentOf(record)!;
    expect(consent.answeredAt).toBeGreaterThan(0);
    expect(consent.trackingBeforeAnswer).toEqual(before);
    expect(consent.match.verdict).toBe('contradicts');
    // The banner's own cookies remember the answer: consent cookies, not tracking.
    const optanon = record.findings.find((f) => f.kind === 'cookie' && f.name === 'OptanonConsent');
    expect(optanon).toMatchObject({ purpose: 'consent', party: 'first-party' });
    const allowed = [...offers.expects, ...(offers.interactions ?? []).flatMap((i) => i.expects)];
    expect(unexpected(record.findings, allowed)).toEqual([]);
    await page.close();
  });

  it('reads "Reject All" as declined', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/offers');
    const tabId = await browser.tabIdOf(page);
    await recordWhen(tabId, (r) => consentOf(r) !== undefined);
    await page.click('#onetrust-reject-all-handler');
    const record = await recordWhen(tabId, (r) => consentOf(r)?.answer === 'declined');
    expect(consentOf(record)?.match.verdict).toBe('contradicts');
    await page.close();
  });
});

describe('a cookie banner that tracking waits for (/workshops)', () => {
  it('is disclosed before and after the answer; the trackers appear only after it', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/workshops');
    const tabId = await browser.tabIdOf(page);
    const showroom = demo('/workshops');

    let record = await recordWhen(tabId, (r) => missing(r.findings, showroom.expects).length === 0);
    let consent = consentOf(record)!;
    expect(consent).toMatchObject({ tool: '', answer: 'none', trackingBeforeAnswer: [] });
    expect(consent.match.verdict).toBe('disclosed');
    expect(consent.match.reason.code).toBe('consentRespected');
    expect(consent.match.citations.map((c) => c.quote)).toContain(COOKIE_CHOICE);
    expect(record.findings.filter(isTracking)).toEqual([]);

    const accept = showroom.interactions![0]!;
    await page.click(accept.selector);
    record = await recordWhen(tabId, (r) => missing(r.findings, accept.expects).length === 0);
    consent = consentOf(record)!;
    expect(consent.answer).toBe('accepted');
    expect(consent.trackingBeforeAnswer).toEqual([]);
    expect(consent.match.verdict).toBe('disclosed');
    const tracking: Finding[] = record.findings.filter(isTracking);
    expect(tracking.length).toBeGreaterThanOrEqual(4);
    for (const finding of tracking) expect(finding.firstSeen, finding.id).toBeGreaterThan(consent.answeredAt!);
    expect(unexpected(record.findings, [...showroom.expects, ...accept.expects])).toEqual([]);
    await page.close();
  });

  it('shows the banner’s answer and what started before it in the popup', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/offers');
    const tabId = await browser.tabIdOf(page);
    await recordWhen(tabId, (r) => (consentOf(r)?.trackingBeforeAnswer.length ?? 0) >= 2);
    const popup = await browser.openPopup(tabId);
    const row = popup.locator('[data-finding-id="consent:OneTrust"]');
    await row.waitFor();
    expect(await row.getAttribute('data-verdict')).toBe('contradicts');
    await popup.close();
    await page.close();
  });
});

describe('the support chat (/contact)', () => {
  it('is matched to the policy’s chat logs', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await visit(page, 'https://www.smartergo.com/contact');
    const tabId = await browser.tabIdOf(page);
    const record = await recordWhen(tabId, (r) =>
      r.findings.some((f) => f.kind === 'request' && f.host === 'widget.intercom.io'),
    );
    const chat = record.findings.filter((f) => f.kind === 'request' && f.host.endsWith('intercom.io'));
    expect(chat.length).toBeGreaterThan(0);
    for (const finding of chat) {
      expect(finding.match).toMatchObject({ verdict: 'disclosed', reason: { code: 'supportChat' } });
      expect(finding.match.citations.map((c) => c.practice)).toContain('chat-logs');
    }
    expect(consentOf(record)).toBeUndefined();
    await page.close();
  });
});
