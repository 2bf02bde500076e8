import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseHost, partyOf, registrableDomain, siteName } from './party';

describe('registrableDomain', () => {
  it.each([
    ['www.smartergo.com', 'smartergo.com'],
    ['smartergo.com', 'smartergo.com'],
    ['a.b.c.smartergo.com', 'smartergo.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['WWW.Example.COM', 'example.com'],
    ['www.example.com.', 'example.com'],
    ['foo.github.io', 'foo.github.io'], // private suffix: each github.io site is its own
    ['bucket.s3.amazonaws.com', 'bucket.s3.amazonaws.com'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
  ])('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it.each(['192.168.1.10', '[::1]', '::1', 'localhost', 'co.uk', 'github.io', ''])('%s has none', (host) => {
    expect(registrableDomain(host)).toBeNull();
  });

  it('names the site by its host when there is no registrable domain', () => {
    expect(siteName('10.0.0.1')).toBe('10.0.0.1');
    expect(siteName('LOCALHOST')).toBe('localhost');
    expect(siteName('cdn.smartergo.com')).toBe('smartergo.com');
  });
});

describe('normaliseHost', () => {
  it('lower-cases, drops a trailing dot and IPv6 brackets', () => {
    expect(normaliseHost('WWW.Example.com.')).toBe('www.example.com');
    expect(normaliseHost('[2001:db8::1]')).toBe('2001:db8::1');
    expect(normaliseHost('plain.example')).toBe('plain.example');
  });
});

describe('partyOf', () => {
  it.each([
    ['www.smartergo.com', 'www.smartergo.com', 'first-party'],
    ['cdn.smartergo.com', 'www.smartergo.com', 'first-party'],
    ['smartergo.com', 'shop.smartergo.com', 'first-party'],
    ['www.google-analytics.com', 'www.smartergo.com', 'third-party'],
    ['smartergo.com.evil.net', 'www.smartergo.com', 'third-party'],
    ['notsmartergo.com', 'smartergo.com', 'third-party'],
    ['static.bbc.co.uk', 'www.bbc.co.uk', 'first-party'],
    ['www.itv.co.uk', 'www.bbc.co.uk', 'third-party'],
    ['alice.github.io', 'bob.github.io', 'third-party'],
    ['CDN.SmartErgo.com', 'www.smartergo.com', 'first-party'],
  ] as const)('%s on %s is %s', (request, page, party) => {
    expect(partyOf(request, page)).toBe(party);
  });

  it('compares IP addresses and hosts without a registrable domain by exact host', () => {
    expect(partyOf('127.0.0.1', '127.0.0.1')).toBe('first-party');
    expect(partyOf('127.0.0.2', '127.0.0.1')).toBe('third-party');
    expect(partyOf('[::1]', '::1')).toBe('first-party');
    expect(partyOf('localhost', 'localhost')).toBe('first-party');
    expect(partyOf('api.localhost', 'localhost')).toBe('third-party');
    // An IP is never the same site as a domain, whatever its text.
    expect(partyOf('10.0.0.1', 'www.smartergo.com')).toBe('third-party');
  });

  it('stays correct past its cache bound', () => {
    for (let i = 0; i < 5000; i++) expect(partyOf(`h${i}.example${i % 7}.com`, `www.example${i % 7}.com`)).toBe('first-party');
    expect(partyOf('www.example0.com', 'www.example1.com')).toBe('third-party');
  });

  it('answers as comparing registrable domains would, for any pair of hosts (the last-two-labels shortcut)', () => {
    // The reference: the site key partyOf documents, computed the long way.
    const site = (h: string): string => registrableDomain(h) ?? `\u0000${normaliseHost(h)}`;
    const reference = (a: string, b: string) => (a === b || site(a) === site(b) ? 'first-party' : 'third-party');
    const label = fc.constantFrom('a', 'b', 'www', 'co', 'uk', 'com', 'COM', 'github', 'io', 'localhost', '1', '127', 'x-y', 'xn--bcher-kva', '');
    const host = fc
      .tuple(fc.array(label, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '.'), fc.boolean())
      .map(([labels, dot, bracket]) => (bracket ? `[${labels.join(':')}]` : labels.join('.') + dot));
    fc.assert(
      fc.property(host, host, (a, b) => {
        expect(partyOf(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 5000 },
    );
  });
});

