/**
 * Property-based tests (fast-check) of everything a page's input reaches before it is
 * stored: the request and cookie classifiers, the personal-data scanner, the policy
 * matcher and the pipeline. Whatever a hostile or broken page sends (huge, Unicode,
 * control characters, malformed URLs, NaN and invalid dates), they never throw,
 * always give a verdict and a valid shape, never keep credentials, and never keep an
 * email address that was in their input.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { classifyCookie } from './classify/cookies';
import { findPersonalData } from './classify/personal-data';
import { classifyRequest, sanitizeUrl } from './classify/requests';
import type { CookieData, Finding, Observation, PersonalDataKind, RequestKind } from './model';
import { isRequestFinding, VERDICTS } from './model';
import { MAX_FINDINGS_PER_PAGE, newPage, PageFindings, type PipelineContext } from './pipeline';
import { POLICY } from './policy/disclosures';
import { matchFinding, type UnmatchedFinding } from './policy/matcher';

// Hundreds of generated cases per property: on a loaded shared machine they pass the 5 s default.
// What is tested is the properties, not the time.
vi.setConfig({ testTimeout: 60_000 });

const RUNS = { numRuns: 300 };

const PERSONAL_KINDS: readonly PersonalDataKind[] = ['email', 'phone', 'credit-card'];
const REQUEST_KINDS: readonly RequestKind[] = [
  'pixel', 'sendbeacon', 'ping', 'keepalive', 'script', 'fetch', 'iframe', 'image', 'stylesheet', 'font', 'media', 'other',
];
const POLICY_TEXT = POLICY.sections.map((s) => JSON.stringify(s)).join('\n');

// ---------------------------------------------------------------------------
// Arbitraries: ordinary, adversarial and malformed input

/** Any string, including lone surrogates, control characters and astral Unicode. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u001f', '\u007f', '\u202e', '\ufeff', '\ud800', '%', '@', '#', '?', '/', ':', '\\', ' ', '<', '>', '"'), maxLength: 40 }),
  fc.constantFrom('', '%', '%%', '%E0%A4%A', '%2540', '@', 'NaN', '\u0000\u0000', '../../', '<img src=x onerror=alert(1)>'),
);

const host = fc.oneof(
  fc.domain(),
  fc.constantFrom(
    'www.smartergo.com', 'shop.smartergo.com', 'smartergo.com', 'www.google-analytics.com', 'www.facebook.com',
    'xn--smrtergo-5za.com', 'smärtergo.com', '127.0.0.1', '[::1]', '0x7f.1', '..', '.', 'a..b', 'com', 'localhost',
  ),
);

/** A simple email address the scanner must recognise (and so never store). */
const email = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,19}$/),
    fc.array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 3 }),
    // Real top-level domains: "@2x.png"-like file extensions are deliberately not read as emails.
    fc.constantFrom('com', 'org', 'net', 'de', 'fr', 'io', 'co', 'uk', 'info', 'example'),
  )
  .map(([local, labels, tld]) => `${local}@${labels.join('.')}.${tld}`);

const pathAndQuery = fc
  .tuple(fc.array(fc.oneof(fc.webSegment(), nastyString), { maxLength: 4 }), fc.array(fc.tuple(fc.webSegment(), fc.oneof(fc.webSegment(), nastyString)), { maxLength: 4 }))
  .map(([segments, pairs]) => `/${segments.join('/')}${pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`);

const scheme = fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'ws://', 'blob:https://', 'view-source:https://', 'data:', 'about:', 'javascript:', '');

/** Schemes followed by an authority, where "user:password@" means credentials. */
const authorityScheme = fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'ws://', 'blob:https://', 'view-source:https://');

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(scheme, host, pathAndQuery).map(([s, h, p]) => `${s}${h}${p}`),
  fc.tuple(fc.constantFrom('https://www.facebook.com/tr?', 'https://www.smartergo.com/'), fc.string({ minLength: 20_000, maxLength: 70_000, unit: 'grapheme-ascii' })).map(([a, b]) => a + b),
  nastyString,
);

const pageUrl = fc.oneof(fc.constantFrom('https://www.smartergo.com/', 'https://shop.smartergo.com/checkout', 'about:blank', ''), url);

const expiration = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, Number.MAX_VALUE, Number.MIN_VALUE, 1e300),
  fc.double(),
  fc.integer(),
);

const cookieData: fc.Arbitrary<CookieData> = fc.record({
  name: fc.oneof(fc.constantFrom('_ga', '_fbp', 'SESSIONID', 'cart', ''), nastyString),
  value: fc.oneof(nastyString, email, fc.string({ maxLength: 4096, unit: 'grapheme' })),
  domain: fc.oneof(host, host.map((h) => `.${h}`), nastyString),
  path: fc.oneof(fc.constant('/'), nastyString),
  hostOnly: fc.boolean(),
  secure: fc.boolean(),
  httpOnly: fc.boolean(),
  sameSite: fc.oneof(fc.constantFrom('strict', 'lax', 'no_restriction', 'unspecified', 'NONE'), nastyString),
  session: fc.boolean(),
  expirationDate: expiration,
}, { requiredKeys: ['name', 'value', 'domain', 'path', 'hostOnly', 'secure', 'httpOnly', 'sameSite', 'session'] });

const initiator = fc.oneof(fc.constantFrom('img', 'beacon', 'ping', 'fetch', 'xmlhttprequest', 'script', 'iframe', 'other', '__proto__', 'constructor', 'toString'), nastyString);
const resourceType = fc.oneof(fc.constantFrom('image', 'ping', 'beacon', 'xmlhttprequest', 'script', 'main_frame', 'sub_frame', '__proto__', 'hasOwnProperty'), nastyString);

const observation: fc.Arbitrary<Observation> = fc.oneof(
  fc.record({ source: fc.constant('resource-timing' as const), url, initiatorType: initiator, looksLikePixel: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['source', 'url', 'initiatorType'] }),
  fc.record({ source: fc.constant('web-request' as const), url, resourceType }),
  fc.record({ source: fc.constant('cookies-api' as const), cookie: cookieData, removed: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['source', 'cookie'] }),
  fc.record({ source: fc.constant('set-cookie-header' as const), cookie: cookieData }),
  fc.record({ source: fc.constant('document-cookie' as const), name: cookieData.map((c) => c.name), value: cookieData.map((c) => c.value) }),
);

/** The injected clock (Date.now() in the worker) is trusted: any instant, never NaN. */
const now = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constantFrom(0, Number.MAX_SAFE_INTEGER));

// ---------------------------------------------------------------------------
// Shape checks

function expectValidKinds(kinds: readonly PersonalDataKind[]): void {
  expect(kinds.every((k) => PERSONAL_KINDS.includes(k))).toBe(true);
  expect(new Set(kinds).size).toBe(kinds.length);
}

function expectValidFinding(finding: Finding): void {
  expect(typeof finding.id).toBe('string');
  expect(['cookie', 'beacon', 'request']).toContain(finding.kind);
  expect(finding.count).toBeGreaterThanOrEqual(1);
  expect(VERDICTS).toContain(finding.match.verdict);
  expect(typeof finding.match.reason.code).toBe('string');
  for (const citation of finding.match.citations) expect(POLICY_TEXT).toContain(JSON.stringify(citation.quote).slice(1, -1));
  expectValidKinds(finding.personalData);
  if (finding.kind === 'cookie') {
    if (finding.lifetimeSeconds !== undefined) {
      expect(Number.isFinite(finding.lifetimeSeconds)).toBe(true);
      expect(finding.lifetimeSeconds).toBeGreaterThanOrEqual(0);
    }
  } else if (isRequestFinding(finding)) {
    expect(REQUEST_KINDS).toContain(finding.requestKind);
    expect(finding.sampleUrl.length).toBeLessThanOrEqual(512);
    expect(finding.path.length).toBeLessThanOrEqual(256);
  }
}

// ---------------------------------------------------------------------------

describe('sanitizeUrl (property)', () => {
  it('never throws and respects the length bound', () => {
    fc.assert(
      fc.property(url, fc.integer({ min: 1, max: 2048 }), (u, max) => {
        const out = sanitizeUrl(u, max);
        expect(typeof out).toBe('string');
        expect(out.length).toBeLessThanOrEqual(max);
      }),
      RUNS,
    );
  });

  it('never keeps credentials, whatever the scheme', () => {
    const password = fc.stringMatching(/^[A-Za-z0-9]{4,12}$/).map((s) => `Pw0rdZq${s}`);
    fc.assert(
      fc.property(authorityScheme, fc.stringMatching(/^[a-z0-9]{1,10}$/), password, host, pathAndQuery, (s, user, pw, h, p) => {
        const out = sanitizeUrl(`${s}${user}:${pw}@${h}${p}`);
        expect(out).not.toContain(pw);
      }),
      RUNS,
    );
  });

  it('never keeps an email address from the path or the query', () => {
    fc.assert(
      fc.property(fc.constantFrom('https://', 'http://', 'HTTPS://'), host, email, fc.constantFrom('path', 'query', 'encoded', 'double-encoded'), (s, h, e, where) => {
        const placed =
          where === 'path' ? `/u/${e}/x` : where === 'query' ? `/p?em=${e}&x=1` : where === 'encoded' ? `/p?em=${encodeURIComponent(e)}` : `/p?em=${encodeURIComponent(encodeURIComponent(e))}`;
        const out = sanitizeUrl(`${s}${h}${placed}`);
        expect(out).not.toContain(e);
        expect(out).not.toContain(encodeURIComponent(e));
      }),
      RUNS,
    );
  });
});

describe('classifyRequest (property)', () => {
  it('never throws and gives null or a well-formed request finding', () => {
    fc.assert(
      fc.property(url, fc.constantFrom(...REQUEST_KINDS), pageUrl, fc.option(fc.boolean(), { nil: undefined }), (u, kind, page, displayed) => {
        const c = classifyRequest({ url: u, kind, pageUrl: page, ...(displayed === undefined ? {} : { displayed }) });
        if (c === null) return;
        expect(['beacon', 'request']).toContain(c.kind);
        expect(REQUEST_KINDS).toContain(c.requestKind);
        expect(c.host.length).toBeGreaterThan(0);
        expect(c.path.startsWith('/')).toBe(true);
        expect(c.path.length).toBeLessThanOrEqual(256);
        expect(c.sampleUrl.length).toBeLessThanOrEqual(512);
        expect(['first-party', 'third-party']).toContain(c.party);
        expectValidKinds(c.personalData);
        const match = matchFinding(c, POLICY);
        expect(VERDICTS).toContain(match.verdict);
      }),
      RUNS,
    );
  });
});

describe('classifyCookie (property)', () => {
  it('never throws on any cookie (NaN, infinite and negative expirations, odd domains)', () => {
    fc.assert(
      fc.property(cookieData, pageUrl, now, (cookie, page, t) => {
        const c = classifyCookie({ cookie }, page, t);
        expect(c.kind).toBe('cookie');
        expect(c.valueLength).toBe(cookie.value.length);
        expect(['first-party', 'third-party']).toContain(c.party);
        expect(['strict', 'lax', 'none', 'unspecified']).toContain(c.sameSite);
        if (c.lifetimeSeconds !== undefined) {
          expect(Number.isFinite(c.lifetimeSeconds)).toBe(true);
          expect(c.lifetimeSeconds).toBeGreaterThanOrEqual(0);
        }
        expectValidKinds(c.personalData);
        expect(VERDICTS).toContain(matchFinding(c, POLICY).verdict);
      }),
      RUNS,
    );
  });

  it('never throws on any document.cookie pair', () => {
    fc.assert(
      fc.property(nastyString, nastyString, pageUrl, now, (name, value, page, t) => {
        const c = classifyCookie({ documentCookie: { name, value } }, page, t);
        expect(c.attributesKnown).toBe(false);
        expect(VERDICTS).toContain(matchFinding(c, POLICY).verdict);
      }),
      RUNS,
    );
  });

  it('sees an email in a cookie value and keeps only its kind', () => {
    fc.assert(
      fc.property(email, nastyString, (e, prefix) => {
        const value = `${prefix.replace(/[A-Za-z0-9._+%-]+$/, '')}|${encodeURIComponent(e)}`;
        const c = classifyCookie({ documentCookie: { name: 'n', value } }, 'https://www.smartergo.com/', 0);
        expect(c.personalData).toContain('email');
        expect(JSON.stringify(c)).not.toContain(e);
      }),
      RUNS,
    );
  });
});

describe('findPersonalData (property)', () => {
  it('never throws, on huge and malformed text too, and returns known kinds once each, in order', () => {
    fc.assert(
      fc.property(fc.oneof(nastyString, url, fc.string({ maxLength: 10_000, unit: 'binary' })), (text) => {
        const kinds = findPersonalData(text);
        expectValidKinds(kinds);
        expect(kinds).toEqual(PERSONAL_KINDS.filter((k) => kinds.includes(k)));
      }),
      RUNS,
    );
  });
});

describe('matchFinding (property)', () => {
  it('gives every finding a verdict, whatever its fields say', () => {
    const unmatched: fc.Arbitrary<UnmatchedFinding> = fc.oneof(
      fc.record({
        kind: fc.constantFrom('beacon' as const, 'request' as const),
        requestKind: fc.constantFrom(...REQUEST_KINDS),
        host: nastyString,
        path: nastyString,
        sampleUrl: nastyString,
        party: fc.constantFrom('first-party' as const, 'third-party' as const),
        tracker: fc.option(
          fc.record({
            organisation: nastyString,
            category: fc.constantFrom('analytics' as const, 'advertising' as const, 'social' as const, 'session-replay' as const, 'customer-support' as const, 'tag-manager' as const, 'consent' as const, 'other' as const),
            domain: nastyString,
          }),
          { nil: undefined },
        ),
        personalData: fc.subarray([...PERSONAL_KINDS, 'name' as const, 'postal-address' as const]),
      }, { requiredKeys: ['kind', 'requestKind', 'host', 'path', 'sampleUrl', 'party', 'personalData'] }),
      fc.tuple(cookieData, pageUrl, fc.boolean()).map(([cookie, page, removed]) => ({ ...classifyCookie({ cookie }, page, 0), removed })),
    );
    fc.assert(
      fc.property(unmatched, (f) => {
        const match = matchFinding(f, POLICY);
        expect(VERDICTS).toContain(match.verdict);
        expect(Array.isArray(match.reason.params)).toBe(true);
        for (const citation of match.citations) expect(POLICY_TEXT).toContain(JSON.stringify(citation.quote).slice(1, -1));
      }),
      RUNS,
    );
  });
});

describe('PageFindings.observe (property)', () => {
  it('never throws on any sequence of observations; findings stay unique, bounded and matched', () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 40 }), pageUrl, now, (observations, page, t) => {
        const findings = new PageFindings(newPage(1, page, 0));
        const context: PipelineContext = { now: t, pageUrl: page, policy: POLICY };
        for (const o of observations) findings.observe(o, context);
        const ids = findings.record.findings.map((f) => f.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBeLessThanOrEqual(MAX_FINDINGS_PER_PAGE);
        for (const f of findings.record.findings) {
          expectValidFinding(f);
          expect(findings.get(f.id)).toBe(f);
        }
        expect(() => structuredClone(findings.record)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('never holds an email address that was in its input', () => {
    const carrying = fc.tuple(email, fc.constantFrom('https://www.facebook.com/tr?ud[em]=', 'https://www.smartergo.com/ping/', 'https://cdn.ergo-partners.net/x?e=', 'https://www.google-analytics.com/g/collect?uid=')).chain(([e, prefix]) =>
      fc.constantFrom<Observation>(
        { source: 'resource-timing', url: prefix + e, initiatorType: 'img', looksLikePixel: true },
        { source: 'resource-timing', url: prefix + encodeURIComponent(e), initiatorType: 'beacon' },
        { source: 'web-request', url: prefix + e, resourceType: 'ping' },
        { source: 'document-cookie', name: 'em', value: e },
        { source: 'cookies-api', cookie: { name: 'em', value: encodeURIComponent(e), domain: '.smartergo.com', path: '/', hostOnly: false, secure: true, httpOnly: false, sameSite: 'lax', session: true } },
      ).map((o) => ({ e, o })),
    );
    fc.assert(
      fc.property(fc.array(carrying, { minLength: 1, maxLength: 10 }), fc.array(observation, { maxLength: 10 }), (carriers, noise) => {
        const findings = new PageFindings(newPage(1, 'https://www.smartergo.com/', 0));
        const context: PipelineContext = { now: 1_700_000_000_000, pageUrl: 'https://www.smartergo.com/', policy: POLICY };
        for (const o of [...carriers.map((c) => c.o), ...noise]) findings.observe(o, context);
        const stored = JSON.stringify(findings.record);
        for (const { e } of carriers) {
          expect(stored).not.toContain(e);
          expect(stored).not.toContain(encodeURIComponent(e));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts what passes the bound in overflow instead of keeping it', () => {
    const findings = new PageFindings(newPage(1, 'https://www.smartergo.com/', 0));
    const context: PipelineContext = { now: 0, pageUrl: 'https://www.smartergo.com/', policy: POLICY };
    for (let i = 0; i < MAX_FINDINGS_PER_PAGE + 25; i++) {
      findings.observe({ source: 'resource-timing', url: `https://t${i}.example/p`, initiatorType: 'beacon' }, context);
    }
    expect(findings.record.findings).toHaveLength(MAX_FINDINGS_PER_PAGE);
    expect(findings.record.overflow).toBe(25);
  });
});
