import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import policyText from '../../data/privacy-policy.txt?raw';
import { createTranslator, type Messages } from '../../shared/i18n';
import { sanitizeUrl } from '../classify/requests';
import { TRACKERS } from '../classify/trackers';
import type { Observation, PageRecord } from '../model';
import { newPage, PageFindings } from '../pipeline';
import { diffPolicy, missingQuotes } from '../policy/diff';
import { POLICY } from '../policy/disclosures';
import { reviewPolicy } from '../policy/review';
import { parsePolicy } from '../policy/sections';
import { buildReport, reachesFailLevel, renderReport, type AuditReport, type ReportInput } from './index';

const root = new URL('../../../', import.meta.url);
const messages = JSON.parse(readFileSync(new URL('public/_locales/en/messages.json', root), 'utf8')) as Messages;
const schema = JSON.parse(readFileSync(new URL('schema/report.v2.schema.json', root), 'utf8')) as object;

const missingKeys = new Set<string>();
const t = createTranslator(messages, { onMissing: (key) => missingKeys.add(key) });

const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
const validate = ajv.compile(schema);
const expectValid = (report: unknown): void => {
  validate(report);
  expect(validate.errors ?? []).toEqual([]);
};

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
const NASTY = '<script>alert("x")</script>|*_[a](b)';

/** A page record made by the real pipeline from observations, as the worker makes it (its URL sanitised). */
function pageFrom(url: string, observations: Observation[], tabId = 1): PageRecord {
  const page = new PageFindings(newPage(tabId, sanitizeUrl(url), T0));
  observations.forEach((observation, i) =>
    page.observe(observation, { now: T0 + i * 10, pageUrl: url, policy: POLICY, trackers: TRACKERS }),
  );
  return page.record;
}

const cookie = (name: string, domain: string, over: Partial<Extract<Observation, { source: 'cookies-api' }>['cookie']> = {}): Observation => ({
  source: 'cookies-api',
  cookie: {
    name,
    value: 'GA1.1.123.456',
    domain,
    path: '/',
    hostOnly: !domain.startsWith('.'),
    secure: true,
    httpOnly: false,
    sameSite: 'lax',
    session: false,
    expirationDate: T0 / 1000 + 63_072_000,
    ...over,
  },
});

const HOME = pageFrom('https://www.smartergo.com/', [
  cookie('_ga', '.smartergo.com'),
  cookie('SESSIONID', 'www.smartergo.com', { session: true, expirationDate: undefined, httpOnly: true }),
  { source: 'resource-timing', url: 'https://www.google-analytics.com/g/collect?v=2&cid=1', initiatorType: 'beacon' },
  { source: 'resource-timing', url: 'https://www.facebook.com/tr?id=1&ev=PageView', initiatorType: 'img', looksLikePixel: true },
  { source: 'document-cookie', name: NASTY, value: '1' },
]);
const THANKS = pageFrom(
  'https://www.smartergo.com/newsletter/thanks?email=jane.doe%40example.com',
  [{ source: 'resource-timing', url: 'https://www.facebook.com/tr?ev=Lead&em=jane.doe%40example.com', initiatorType: 'img', looksLikePixel: true }],
  2,
);
const ABOUT = pageFrom('https://www.smartergo.com/about', [], 3);

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  toolVersion: '0.1.0',
  generatedAt: T0,
  policy: POLICY,
  t,
  pages: [
    { url: 'https://www.smartergo.com/', record: HOME },
    { url: 'https://www.smartergo.com/newsletter/thanks?email=jane.doe%40example.com', record: THANKS },
    { url: 'https://www.smartergo.com/about', record: ABOUT },
  ],
  ...over,
});

describe('buildReport', () => {
  const report = buildReport(input());

  it('validates against schema/report.v2.schema.json, with and without a policy check and timestamps', () => {
    expectValid(report);
    const changed = parsePolicy(policyText.replace('from time to time', 'at any time'));
    expectValid(
      buildReport(
        input({
          generatedAt: null,
          policyCheck: { url: 'https://www.smartergo.com/privacy', changes: diffPolicy(POLICY.sections, changed), missingQuotes: [] },
          pages: [...input().pages, { url: 'https://www.smartergo.com/gone', record: null, error: 'HTTP 404' }],
        }),
      ),
    );
    expect(missingKeys).toEqual(new Set());
  });

  it('describes every kind of finding in the schema, each with its details, and renders them all', () => {
    const behaviour = pageFrom('https://www.smartergo.com/signup', [
      { source: 'storage', area: 'local', key: 'ajs_anonymous_id', valueLength: 38, identifier: true, personalData: [] },
      { source: 'form', action: 'http://pay.ergo-partners.net/charge', method: 'post', fields: ['credit-card', 'national-id'] },
      { source: 'leak', url: 'https://www.facebook.com/tr', carrier: 'url', items: [{ kind: 'email', encoding: 'sha256' }] },
      { source: 'fingerprint', techniques: ['canvas', 'webgl'], scriptUrl: 'https://openfpcdn.io/fingerprintjs/v3' },
      { source: 'recording', signals: ['dom-mutations', 'mouse-movement'] },
      { source: 'consent', tool: 'OneTrust', answer: 'none' },
    ]);
    const full = buildReport(input({ pages: [{ url: 'https://www.smartergo.com/signup', record: behaviour, error: null }] }));
    expectValid(full);
    const kinds = full.pages[0]!.findings.map((f) => [f.kind, f.details?.kind ?? null, f.requestKind]);
    expect(kinds).toEqual(expect.arrayContaining([
      ['storage', 'storage', null],
      ['form', 'form', null],
      ['leak', 'leak', null],
      ['fingerprint', 'fingerprint', null],
      ['recording', 'recording', null],
      ['consent', 'consent', null],
    ]));
    for (const format of ['markdown', 'html'] as const) {
      const text = renderReport(full, format, t);
      expect(text).toMatch(/ajs\\?_anonymous\\?_id/);
      expect(text).toContain(t('kind_fingerprint'));
    }
    expect(missingKeys).toEqual(new Set());
  });

  it('validates with a cookie banner on a page (a finding that is neither a cookie nor a request)', () => {
    const offers = pageFrom('https://www.smartergo.com/offers', [
      { source: 'consent', tool: 'OneTrust', answer: 'none' },
      { source: 'resource-timing', url: 'https://www.google-analytics.com/g/collect?v=2&cid=1', initiatorType: 'beacon' },
    ]);
    const withBanner = buildReport(input({ pages: [{ url: 'https://www.smartergo.com/offers', record: offers }] }));
    const banner = withBanner.pages[0]?.findings.find((f) => f.kind === 'consent');
    expect(banner).toMatchObject({ requestKind: null, cookie: null, verdict: 'contradicts' });
    expectValid(withBanner);
  });

  it('lists the leak as a contradiction, with the section, the exact quote and the reason in plain English', () => {
    const page = report.pages.find((p) => p.url.includes('/newsletter/thanks'));
    expect(page?.url).toBe('https://www.smartergo.com/newsletter/thanks?email=[email]');
    const leak = page?.findings[0];
    expect(leak).toMatchObject({
      kind: 'beacon',
      requestKind: 'pixel',
      host: 'www.facebook.com',
      organisation: 'Meta',
      category: 'advertising',
      personalData: ['email'],
      verdict: 'contradicts',
      section: { id: 'information-sharing-and-disclosure', title: 'Information Sharing and Disclosure' },
      firstSeen: new Date(T0).toISOString(),
    });
    expect(leak?.citations[0]?.quote).toBe('Unless you opt-in, SmartErgo will not transfer your personal information to third parties');
    expect(leak?.reason.text).toBe(t('reason_personalDataToThirdParty', ['Meta']));
    expect(leak?.reason.text).toMatch(/^Personal information about you is sent to Meta\./);
    expect(JSON.stringify(report)).not.toContain('jane.doe');
  });

  it('gives cookie attributes, and none it does not know', () => {
    const home = report.pages.find((p) => p.url === 'https://www.smartergo.com/');
    const ga = home?.findings.find((f) => f.cookie?.name === '_ga');
    expect(ga).toMatchObject({ host: 'smartergo.com', organisation: 'Google', verdict: 'disclosed', requestKind: null, category: null });
    expect(ga?.cookie).toEqual({
      name: '_ga',
      domain: '.smartergo.com',
      path: '/',
      session: false,
      lifetimeSeconds: 63_072_000,
      attributesKnown: true,
      secure: true,
      httpOnly: false,
      sameSite: 'lax',
      purpose: 'analytics',
      removed: false,
    });
    const scriptOnly = home?.findings.find((f) => f.cookie?.name === NASTY);
    expect(scriptOnly?.cookie).toMatchObject({ attributesKnown: false, secure: null, httpOnly: null, sameSite: null });
  });

  it('sorts everything: pages by URL, findings contradictions first, then by section and id', () => {
    expect(report.pages.map((p) => p.url)).toEqual([...report.pages.map((p) => p.url)].sort());
    const home = report.pages.find((p) => p.url === 'https://www.smartergo.com/')!;
    const verdicts = home.findings.map((f) => f.verdict);
    expect(verdicts.indexOf('disclosed')).toBeGreaterThan(verdicts.lastIndexOf('not-covered'));
    // The same findings in another order, the pages in another order: the same report.
    const shuffled = buildReport(
      input({
        pages: [
          { url: 'https://www.smartergo.com/about', record: ABOUT },
          { url: 'https://www.smartergo.com/', record: { ...HOME, findings: [...HOME.findings].reverse() } },
          { url: 'https://www.smartergo.com/newsletter/thanks?email=jane.doe%40example.com', record: THANKS },
        ],
      }),
    );
    expect(renderReport(shuffled, 'json', t)).toBe(renderReport(report, 'json', t));
  });

  it('has no time in it without a clock: generatedAt and firstSeen are null', () => {
    const timeless = buildReport(input({ generatedAt: null }));
    expect(timeless.generatedAt).toBeNull();
    expect(timeless.pages.flatMap((p) => p.findings).every((f) => f.firstSeen === null)).toBe(true);
    expect(renderReport(timeless, 'markdown', t)).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it('counts per page, per verdict and per section', () => {
    expect(report.summary).toMatchObject({ pages: 3, pagesWithErrors: 0 });
    const about = report.pages.find((p) => p.url.endsWith('/about'));
    expect(about?.findings).toEqual([]);
    expect(about?.counts.total).toBe(0);
    const all = report.pages.flatMap((p) => p.findings);
    expect(report.summary.counts.total).toBe(all.length);
    expect(report.summary.counts.contradicts).toBe(1);
    expect(report.summary.bySection.reduce((n, row) => n + row.total, 0)).toBe(all.length);
    const sharing = report.summary.bySection.find((row) => row.sectionId === 'information-sharing-and-disclosure');
    expect(sharing).toMatchObject({ contradicts: 1 });
  });

  it('carries the notes on the policy text, each with its quote and plain words', () => {
    expect(report.policyNotes.map((n) => n.code)).toEqual(reviewPolicy(policyText).map((n) => n.code));
    const safeHarbor = report.policyNotes.find((n) => n.code === 'safeHarbor');
    expect(safeHarbor?.sectionTitle).toBe('International Privacy Protection');
    expect(safeHarbor?.text).toMatch(/2015/);
  });

  it('decides the exit level', () => {
    expect(reachesFailLevel(report, 'contradicts')).toBe(true);
    expect(reachesFailLevel(report, 'never')).toBe(false);
    const control = buildReport(input({ pages: [{ url: 'https://www.smartergo.com/about', record: ABOUT }] }));
    expect(reachesFailLevel(control, 'contradicts')).toBe(false);
    expect(reachesFailLevel(control, 'not-covered')).toBe(false);
    const home = buildReport(input({ pages: [{ url: 'https://www.smartergo.com/', record: HOME }] }));
    expect(reachesFailLevel(home, 'contradicts')).toBe(false);
    expect(reachesFailLevel(home, 'not-covered')).toBe(true);
  });
});

describe('renderReport', () => {
  const changedText = policyText.replace('SmartErgo may amend this policy from time to time.', 'SmartErgo may amend this policy at any time.');
  const report: AuditReport = buildReport(
    input({
      policyCheck: {
        url: 'https://www.smartergo.com/privacy',
        changes: diffPolicy(POLICY.sections, parsePolicy(changedText)),
        missingQuotes: missingQuotes(POLICY, changedText),
      },
      pages: [...input().pages, { url: `https://www.smartergo.com/x?q=${encodeURIComponent(NASTY)}&raw=${NASTY}`, record: null, error: `net::ERR ${NASTY}` }],
    }),
  );

  it('Markdown: contradictions first, per section, the changed policy section by section, nothing unescaped', () => {
    const text = renderReport(report, 'markdown', t);
    const headings = text.split('\n').filter((l) => l.startsWith('### '));
    expect(headings[0]).toBe('### Information Sharing and Disclosure: Goes against the policy');
    expect(text).toContain('> Unless you opt-in, SmartErgo will not transfer your personal information to third parties');
    expect(text).toContain('### Changes to this Privacy Policy: changed');
    expect(text).toContain('- No longer says: SmartErgo may amend this policy from time to time.');
    expect(text).toContain('- Now says: SmartErgo may amend this policy at any time.');
    expect(text).toContain('## Notes on the policy text');
    expect(text).toContain('> simply contact us');
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert("x")&lt;/script&gt;\\|\\*\\_\\[a\\](b)');
    expect(missingKeys).toEqual(new Set());
  });

  it('HTML: one self-contained page, every value escaped', () => {
    const page = renderReport(report, 'html', t);
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link|\ssrc=|\shref=/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const firstGroup = page.indexOf('<section class="group');
    expect(page.indexOf('<section class="group group--contradicts">')).toBe(firstGroup);
    expect(page.indexOf('Goes against the policy</span></h3>')).toBeLessThan(page.indexOf('In the policy</span></h3>'));
    expect(page).toContain('data-change="changed"');
    expect(page).toContain('data-code="safeHarbor"');
    expect(missingKeys).toEqual(new Set());
  });

  it('JSON: indented, one trailing newline, parses back to the report', () => {
    const text = renderReport(report, 'json', t);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(report);
  });
});
