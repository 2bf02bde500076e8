import { describe, expect, it } from 'vitest';
import type { CookieData, CookieFinding, Observation, RequestFinding } from './model';
import { isRequestFinding } from './model';
import { MAX_FINDINGS_PER_PAGE, newPage, PageFindings, type PipelineContext } from './pipeline';
import { POLICY } from './policy/disclosures';

const pageUrl = 'https://www.smartergo.com/';
const at = (now: number): PipelineContext => ({ now, pageUrl, policy: POLICY });
const freshPage = () => new PageFindings(newPage(1, pageUrl, 0));

const gaBeaconTiming: Observation = {
  source: 'resource-timing',
  url: 'https://www.google-analytics.com/g/collect?v=2&en=page_view',
  initiatorType: 'beacon',
};

const cookie = (overrides: Partial<CookieData> = {}): CookieData => ({
  name: '_ga',
  value: 'GA1.1.123456789.1700000000',
  domain: '.smartergo.com',
  path: '/',
  hostOnly: false,
  secure: false,
  httpOnly: false,
  sameSite: 'lax',
  session: false,
  expirationDate: 1_700_000_000 + 2 * 365 * 24 * 3600,
  ...overrides,
});

describe('PageFindings.observe', () => {
  it('turns a third-party sendBeacon into a beacon finding matched to the policy', () => {
    const page = freshPage();
    const finding = page.observe(gaBeaconTiming, at(5)) as RequestFinding;
    expect(finding).toMatchObject({
      id: 'beacon:www.google-analytics.com/g/collect',
      kind: 'beacon',
      requestKind: 'sendbeacon',
      party: 'third-party',
      tracker: { category: 'analytics' },
      firstSeen: 5,
      count: 1,
    });
    expect(finding.match.verdict).toBe('disclosed');
  });

  it('ignores what is not a finding: first-party resources, non-http URLs', () => {
    const page = freshPage();
    expect(page.observe({ source: 'resource-timing', url: 'https://www.smartergo.com/app.js', initiatorType: 'script' }, at(1))).toBeUndefined();
    expect(page.observe({ source: 'resource-timing', url: 'data:image/gif;base64,R0lGOD', initiatorType: 'img' }, at(1))).toBeUndefined();
    expect(page.record.findings).toEqual([]);
  });

  it('counts a beacon seen by both resource timing and webRequest once, and keeps the precise kind', () => {
    const page = freshPage();
    const firstParty = 'https://www.smartergo.com/collect?e=click';
    page.observe({ source: 'web-request', url: firstParty, resourceType: 'ping' }, at(1));
    page.observe({ source: 'resource-timing', url: firstParty, initiatorType: 'beacon' }, at(2));
    const [finding] = page.record.findings as RequestFinding[];
    expect(page.record.findings).toHaveLength(1);
    expect(finding).toMatchObject({ requestKind: 'sendbeacon', count: 1, firstSeen: 1, lastSeen: 2 });
    page.observe({ source: 'web-request', url: firstParty, resourceType: 'ping' }, at(3));
    expect(page.record.findings[0]).toMatchObject({ requestKind: 'sendbeacon', count: 2 });
  });

  it('keeps an image the visitor sees (e.g. a CDN photo with ?w=400) a request, not a pixel', () => {
    const page = freshPage();
    const url = 'https://cdn.ergo-partners.net/photos/chair.jpg?w=400';
    page.observe({ source: 'resource-timing', url, initiatorType: 'img', looksLikePixel: false }, at(1));
    expect(page.record.findings[0]).toMatchObject({ kind: 'request', requestKind: 'image' });
    // The same image seen only by the network (size unknown) would be taken for a pixel.
    const unseen = freshPage();
    unseen.observe({ source: 'web-request', url, resourceType: 'image' }, at(1));
    expect(unseen.record.findings[0]).toMatchObject({ kind: 'beacon', requestKind: 'pixel' });
  });

  it('groups repeated hits to one endpoint into one finding with a count', () => {
    const page = freshPage();
    for (let i = 0; i < 50; i++) page.observe({ ...gaBeaconTiming, url: `${gaBeaconTiming.url}&_p=${i}` } as Observation, at(i));
    expect(page.record.findings).toHaveLength(1);
    expect(page.record.findings[0]?.count).toBe(50);
  });

  it('flags personal data sent to a third party as contradicting, and never keeps it in clear', () => {
    const page = freshPage();
    page.observe(
      { source: 'resource-timing', url: 'https://www.facebook.com/tr?id=1&ev=Lead&em=jane.doe%40example.com', initiatorType: 'img', looksLikePixel: true },
      at(1),
    );
    const [finding] = page.record.findings as RequestFinding[];
    expect(finding).toMatchObject({ kind: 'beacon', requestKind: 'pixel', personalData: ['email'] });
    expect(finding?.match.verdict).toBe('contradicts');
    expect(JSON.stringify(page.record)).not.toMatch(/jane\.doe/);
  });

  it('upgrades an existing finding when a later hit carries personal data', () => {
    const page = freshPage();
    page.observe({ source: 'resource-timing', url: 'https://www.facebook.com/tr?id=1&ev=PageView', initiatorType: 'img', looksLikePixel: true }, at(1));
    expect(page.record.findings[0]?.match.verdict).toBe('not-covered');
    page.observe({ source: 'resource-timing', url: 'https://www.facebook.com/tr?id=1&ev=Lead&em=a%40b.co', initiatorType: 'img', looksLikePixel: true }, at(2));
    expect(page.record.findings).toHaveLength(1);
    expect(page.record.findings[0]?.match.verdict).toBe('contradicts');
    expect((page.record.findings[0] as RequestFinding).sampleUrl).toContain('[email]');
  });
});

describe('cookies', () => {
  it('classifies a cookie from the cookies API with its attributes and lifetime', () => {
    const page = freshPage();
    const finding = page.observe({ source: 'cookies-api', cookie: cookie() }, at(1_700_000_000_000)) as CookieFinding;
    expect(finding).toMatchObject({
      id: 'cookie:_ga@.smartergo.com/',
      kind: 'cookie',
      party: 'first-party',
      purpose: 'analytics',
      session: false,
      attributesKnown: true,
      lifetimeSeconds: 2 * 365 * 24 * 3600,
    });
    expect(finding.match.verdict).toBe('disclosed');
  });

  it('merges what document.cookie saw into the cookie the API knows in full (one finding)', () => {
    const page = freshPage();
    page.observe({ source: 'document-cookie', name: '_ga', value: 'GA1.1.1.2' }, at(1));
    expect(page.record.findings[0]).toMatchObject({ attributesKnown: false });
    page.observe({ source: 'cookies-api', cookie: cookie() }, at(2));
    expect(page.record.findings).toHaveLength(1);
    expect(page.record.findings[0]).toMatchObject({ id: 'cookie:_ga@.smartergo.com/', attributesKnown: true, firstSeen: 1 });
    page.observe({ source: 'document-cookie', name: '_ga', value: 'GA1.1.1.3' }, at(3));
    expect(page.record.findings).toHaveLength(1);
  });

  it('keeps a removed cookie listed, marked removed, and ignores removals of cookies never seen', () => {
    const page = freshPage();
    page.observe({ source: 'cookies-api', cookie: cookie({ name: 'cart', value: 'chair-01' }) }, at(1));
    page.observe({ source: 'cookies-api', cookie: cookie({ name: 'cart', value: 'chair-01' }), removed: true }, at(2));
    expect(page.record.findings).toHaveLength(1);
    expect(page.record.findings[0]).toMatchObject({ name: 'cart', removed: true });
    expect(page.observe({ source: 'cookies-api', cookie: cookie({ name: 'other' }), removed: true }, at(3))).toBeUndefined();
    expect(page.record.findings).toHaveLength(1);
  });

  it('says a cookie holding an email is disclosed when it is SmartErgo’s own, and contradicts when a third party owns it', () => {
    const page = freshPage();
    page.observe({ source: 'cookies-api', cookie: cookie({ name: 'remember_me', value: 'jane%40example.com' }) }, at(1));
    page.observe({ source: 'cookies-api', cookie: cookie({ name: '_fbp', value: 'fb.1.jane@example.com' }) }, at(1));
    const byName = Object.fromEntries((page.record.findings as CookieFinding[]).map((f) => [f.name, f]));
    expect(byName['remember_me']?.match.verdict).toBe('disclosed');
    expect(byName['_fbp']?.match.verdict).toBe('contradicts');
    expect(JSON.stringify(page.record)).not.toMatch(/jane/);
  });
});

describe('cookie keys', () => {
  it('keeps a cookie named "@" apart from a nameless one on domain "@" (the property test found them merged)', () => {
    const page = new PageFindings(newPage(1, 'about:blank', 0));
    const context: PipelineContext = { now: 0, pageUrl: 'about:blank', policy: POLICY };
    const cookie: CookieData = { name: '', value: '', domain: '@', path: '/', hostOnly: false, secure: false, httpOnly: false, sameSite: 'strict', session: false };
    page.observe({ source: 'cookies-api', cookie }, context);
    page.observe({ source: 'document-cookie', name: '@', value: '' }, context);
    const ids = page.record.findings.map((f) => f.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('bounds', () => {
  it('keeps at most MAX_FINDINGS_PER_PAGE findings and counts the rest instead of hiding them', () => {
    const page = freshPage();
    for (let i = 0; i < MAX_FINDINGS_PER_PAGE + 25; i++) {
      page.observe({ source: 'resource-timing', url: `https://t${i}.example.net/p.gif?x=1`, initiatorType: 'img', looksLikePixel: true }, at(i));
    }
    expect(page.record.findings).toHaveLength(MAX_FINDINGS_PER_PAGE);
    expect(page.record.overflow).toBe(25);
  });

  it('restores its index from a stored record (a restarted worker merges into the same findings)', () => {
    const page = freshPage();
    page.observe(gaBeaconTiming, at(1));
    const restored = new PageFindings(structuredClone(page.record));
    restored.observe(gaBeaconTiming, at(2));
    expect(restored.record.findings).toHaveLength(1);
    expect(restored.record.findings[0]?.count).toBe(2);
  });
});

describe('a Set-Cookie header the settings blocked', () => {
  it('is one cookie finding with its attributes, merged with the cookies API’s view of the same cookie', () => {
    const page = freshPage();
    const session = cookie({ name: 'SESSIONID', domain: 'www.smartergo.com', hostOnly: true, httpOnly: true, session: true, expirationDate: undefined });
    const seen = page.observe({ source: 'set-cookie-header', cookie: session }, at(1)) as CookieFinding;
    expect(seen).toMatchObject({
      id: 'cookie:SESSIONID@www.smartergo.com/',
      kind: 'cookie',
      party: 'first-party',
      purpose: 'session',
      attributesKnown: true,
      httpOnly: true,
      sightings: { 'set-cookie-header': 1 },
      count: 1,
    });
    expect(seen.removed).toBeUndefined();
    page.observe({ source: 'cookies-api', cookie: session }, at(2));
    expect(page.record.findings).toHaveLength(1);
    expect(page.record.findings[0]).toMatchObject({ sightings: { 'set-cookie-header': 1, 'cookies-api': 1 }, count: 1 });
  });
});

describe('beacons resource timing cannot name', () => {
  it('takes the kind the page-world script saw (Firefox reports sendBeacon as "other"; keepalive fetches look like fetches)', () => {
    const page = freshPage();
    page.observe({ source: 'resource-timing', url: 'https://www.google-analytics.com/g/collect?v=2', initiatorType: 'other', sentAs: 'sendbeacon' }, at(1));
    page.observe({ source: 'resource-timing', url: 'https://t.example.net/k?e=1', initiatorType: 'fetch', sentAs: 'keepalive' }, at(1));
    expect(page.record.findings.map((f) => [f.kind, isRequestFinding(f) ? f.requestKind : ''])).toEqual([
      ['beacon', 'sendbeacon'],
      ['beacon', 'keepalive'],
    ]);
  });
});
