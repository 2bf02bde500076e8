/**
 * End to end in real Chromium: what pages do beyond cookies and requests. Storage
 * written by the page, forms asking for personal information, and what the visitor
 * typed sent on to other companies (hashed, Base64-encoded), with the verdicts a
 * reader of the policy would give; and nothing typed kept by PolicyLens.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/model';
import { DEMO_PAGES } from '../fixtures/server';
import { useDemoBrowser } from './demo-browser';
import { missing, unexpected } from './expectations';
import { visit } from './harness';

const demoBrowser = useDemoBrowser();
const { recordWhen } = demoBrowser;

const byId = (findings: readonly Finding[], id: string): Finding | undefined => findings.find((f) => f.id === id);

describe('the sign-up page', () => {
  const demo = DEMO_PAGES.find((p) => p.path === '/signup')!;
  const interaction = demo.interactions![0]!;

  it('finds the storage and the form on load, and what was typed sent on after submit', async () => {
    const { browser } = demoBrowser;
    const page = await browser.context.newPage();
    await visit(page, demo.url);
    const tabId = await browser.tabIdOf(page);
    const loaded = await recordWhen(tabId, (r) => missing(r.findings, demo.expects).length === 0);

    expect(byId(loaded.findings, 'storage:local:ajs_anonymous_id')).toMatchObject({
      organisation: 'Segment (Twilio)',
      identifier: true,
      match: { verdict: 'disclosed', reason: { code: 'storageIdentifier' } },
    });
    expect(byId(loaded.findings, 'storage:indexeddb:se-cache/visits')).toMatchObject({ identifier: true });
    const form = loaded.findings.find((f) => f.kind === 'form');
    expect(form).toMatchObject({
      host: 'www.smartergo.com',
      path: '/signup',
      secure: true,
      fields: ['name', 'company', 'email', 'phone', 'birth-date', 'gender', 'occupation'],
      match: { verdict: 'disclosed', reason: { code: 'formListed' } },
    });

    for (const [selector, text] of interaction.fill ?? []) await page.fill(selector, text);
    await page.click(interaction.selector);
    const all = [...demo.expects, ...interaction.expects];
    const sent = await recordWhen(tabId, (r) => missing(r.findings, all).length === 0);
    expect(unexpected(sent.findings, all)).toEqual([]);

    const meta = byId(sent.findings, 'leak:www.facebook.com/tr');
    expect(meta).toMatchObject({
      party: 'third-party',
      personalData: ['email'],
      encodings: ['sha256'],
      carriers: ['url'],
      tracker: { organisation: 'Meta' },
      match: { verdict: 'contradicts', reason: { code: 'leakToThirdParty', params: ['Meta'] } },
    });
    expect(meta?.match.citations.map((c) => c.quote)).toContain(
      'Unless you opt-in, SmartErgo will not transfer your personal information to third parties',
    );
    expect(byId(sent.findings, 'leak:cdn.ergo-partners.net/collect')).toMatchObject({
      personalData: ['phone'],
      encodings: ['base64'],
      carriers: ['body'],
      match: { verdict: 'contradicts' },
    });
    expect(byId(sent.findings, 'leak:cdn.ergo-partners.net/identify')).toMatchObject({
      personalData: ['email'],
      encodings: ['plain'],
      carriers: ['header'],
      match: { verdict: 'contradicts' },
    });
    expect(byId(sent.findings, 'storage:local:se_signup')).toMatchObject({
      personalData: ['email'],
      match: { verdict: 'disclosed', reason: { code: 'storagePersonalData' } },
    });

    // Nothing typed is kept by PolicyLens: not the email, not its hash, not the phone number.
    const stored = JSON.stringify(await browser.pageRecord(tabId)).toLowerCase();
    const email = 'jane.doe@example.com';
    for (const secret of [email, encodeURIComponent(email), createHash('sha256').update(email).digest('hex'), '4155550123', 'jane']) {
      expect(stored).not.toContain(secret);
    }
    await page.close();
  });
});

describe('real analytics SDKs from npm (Amplitude, Mixpanel)', () => {
  it('finds every cookie, storage key and request they make, each attributed to its company as analytics', async () => {
    const demo = DEMO_PAGES.find((p) => p.path === '/analytics')!;
    const { browser } = demoBrowser;
    const page = await browser.context.newPage();
    await visit(page, demo.url);
    const tabId = await browser.tabIdOf(page);
    const record = await recordWhen(tabId, (r) => missing(r.findings, demo.expects).length === 0);
    expect(unexpected(record.findings, demo.expects)).toEqual([]);
    // What the server saw from the page: every collector host it reached is a finding.
    const hosts = new Set(record.findings.flatMap((f) => (f.kind === 'beacon' || f.kind === 'request' ? [f.host] : [])));
    const reached = demoBrowser.site.requestLog.filter((r) => /amplitude|mixpanel|mxpnl/.test(r.host)).map((r) => r.host);
    for (const host of reached) expect(hosts).toContain(host);
    for (const finding of record.findings) {
      const attributed =
        finding.kind === 'cookie' || finding.kind === 'storage'
          ? { organisation: finding.organisation, category: finding.purpose }
          : 'tracker' in finding
            ? { organisation: finding.tracker?.organisation, category: finding.tracker?.category }
            : undefined;
      expect(attributed, finding.id).toEqual({
        organisation: finding.id.toLowerCase().includes('amp') || finding.id.includes('amplitude') ? 'Amplitude' : 'Mixpanel',
        category: 'analytics',
      });
      expect(finding.match.verdict, finding.id).toBe('disclosed');
    }
    await page.close();
  });
});

describe('the partner application page', () => {
  it('flags items the policy does not list, and card details sent over plain HTTP', async () => {
    const demo = DEMO_PAGES.find((p) => p.path === '/partner-application')!;
    const { browser } = demoBrowser;
    const page = await browser.context.newPage();
    await visit(page, demo.url);
    const tabId = await browser.tabIdOf(page);
    const record = await recordWhen(tabId, (r) => missing(r.findings, demo.expects).length === 0);
    expect(byId(record.findings, 'form:www.smartergo.com/partner-application')).toMatchObject({
      fields: ['name', 'email', 'national-id', 'bank-account'],
      match: { verdict: 'not-covered', reason: { code: 'formUnlisted' } },
    });
    const deposit = byId(record.findings, 'form:pay.ergo-partners.net/charge');
    expect(deposit).toMatchObject({
      party: 'third-party',
      secure: false,
      fields: ['credit-card'],
      match: { verdict: 'contradicts', reason: { code: 'formInsecureCard' } },
    });
    expect(deposit?.match.citations[0]?.quote).toBe(
      'SmartErgo safeguards the security and confidentiality of the data you send us with physical, technical, and managerial procedures.',
    );
    await page.close();
  });
});
