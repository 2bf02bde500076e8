import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestKind } from '../model';
import { classifyRequest, requestKindFromInitiator, requestKindFromResourceType, sanitizeUrl } from './requests';
import { createTrackerIndex } from './trackers';

const PAGE = 'https://www.smartergo.com/chairs/ergo-1?ref=home#reviews';

describe('requestKindFromInitiator', () => {
  it.each([
    ['img', false, 'image'],
    ['img', true, 'pixel'],
    ['image', true, 'pixel'],
    ['beacon', false, 'sendbeacon'],
    ['ping', false, 'ping'],
    ['fetch', false, 'fetch'],
    ['xmlhttprequest', false, 'fetch'],
    ['script', true, 'script'],
    ['iframe', false, 'iframe'],
    ['frame', false, 'iframe'],
    ['subdocument', false, 'iframe'],
    ['link', false, 'stylesheet'],
    ['css', false, 'stylesheet'],
    ['video', false, 'media'],
    ['audio', false, 'media'],
    ['navigation', false, 'other'],
    ['other', false, 'other'],
    ['toString', false, 'other'],
    ['', false, 'other'],
  ] as const)('%s (pixel-like: %s) → %s', (initiator, pixel, kind) => {
    expect(requestKindFromInitiator(initiator, pixel)).toBe(kind);
  });
});

describe('requestKindFromResourceType', () => {
  it.each([
    ['ping', 'ping'],
    ['beacon', 'sendbeacon'],
    ['image', 'image'],
    ['imageset', 'image'],
    ['xmlhttprequest', 'fetch'],
    ['sub_frame', 'iframe'],
    ['script', 'script'],
    ['stylesheet', 'stylesheet'],
    ['font', 'font'],
    ['media', 'media'],
    ['main_frame', 'other'],
    ['websocket', 'other'],
    ['csp_report', 'other'],
    ['__proto__', 'other'],
  ] as const)('%s → %s', (type, kind) => {
    expect(requestKindFromResourceType(type)).toBe(kind);
  });
});

describe('classifyRequest', () => {
  const classify = (url: string, kind: RequestKind, pageUrl = PAGE) => classifyRequest({ url, kind, pageUrl });

  it('ignores the site working: first-party scripts, images, styles, fetches, frames', () => {
    for (const kind of ['script', 'image', 'stylesheet', 'fetch', 'iframe', 'font', 'media', 'other'] as const) {
      expect(classify('https://www.smartergo.com/static/app.js?v=3', kind), kind).toBeNull();
      expect(classify('https://cdn.smartergo.com/img/chair.jpg?w=400', kind), kind).toBeNull();
    }
  });

  it('reports first-party beacons', () => {
    for (const kind of ['pixel', 'sendbeacon', 'ping', 'keepalive'] as const) {
      expect(classify('https://www.smartergo.com/collect?e=view', kind)).toEqual({
        kind: 'beacon',
        requestKind: kind,
        host: 'www.smartergo.com',
        path: '/collect',
        sampleUrl: 'https://www.smartergo.com/collect?e=view',
        party: 'first-party',
        personalData: [],
      });
    }
  });

  it('reports every third-party request, naming known trackers', () => {
    expect(classify('https://www.googletagmanager.com/gtm.js?id=GTM-ABC', 'script')).toEqual({
      kind: 'request',
      requestKind: 'script',
      host: 'www.googletagmanager.com',
      path: '/gtm.js',
      sampleUrl: 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC',
      party: 'third-party',
      tracker: { organisation: 'Google', category: 'tag-manager', domain: 'googletagmanager.com' },
      personalData: [],
    });
    const unknown = classify('https://fonts.example-cdn.net/inter.woff2', 'font');
    expect(unknown).toMatchObject({ kind: 'request', requestKind: 'font', party: 'third-party' });
    expect(unknown).not.toHaveProperty('tracker');
  });

  it('reports sendBeacon to a tracker as a beacon', () => {
    expect(classify('https://region1.google-analytics.com/g/collect?v=2&tid=G-1', 'sendbeacon')).toMatchObject({
      kind: 'beacon',
      requestKind: 'sendbeacon',
      tracker: { organisation: 'Google', category: 'analytics' },
    });
  });

  describe('images used as beacons', () => {
    it('upgrades an image to a known tracker to a pixel, even without a query', () => {
      expect(classify('https://www.facebook.com/tr/', 'image')).toMatchObject({ kind: 'beacon', requestKind: 'pixel' });
      expect(classify('https://bat.bing.com/action/0', 'image')).toMatchObject({ kind: 'beacon', requestKind: 'pixel' });
    });
    it('upgrades a third-party image with a query string to a pixel', () => {
      expect(classify('https://stats.unknown-vendor.io/p.gif?uid=42', 'image')).toMatchObject({
        kind: 'beacon',
        requestKind: 'pixel',
        party: 'third-party',
      });
    });
    it('keeps a plain third-party image a request', () => {
      expect(classify('https://images.example-cdn.net/chair.jpg', 'image')).toMatchObject({
        kind: 'request',
        requestKind: 'image',
      });
      expect(classify('https://images.example-cdn.net/chair.jpg?', 'image')).toMatchObject({ requestKind: 'image' });
    });
    it('does not upgrade first-party images with a query string', () => {
      expect(classify('https://www.smartergo.com/img/chair.jpg?w=400', 'image')).toBeNull();
    });
  });

  it('finds personal data and keeps it out of what is stored', () => {
    const c = classify(
      'https://user:secret@www.facebook.com/tr?id=1&ev=Lead&ud[em]=jane%40example.com&ud[ph]=%2B14155550123#frag',
      'image',
    );
    expect(c?.personalData).toEqual(['email', 'phone']);
    expect(c?.sampleUrl).toBe('https://www.facebook.com/tr?id=1&ev=Lead&ud[em]=[email]&ud[ph]=[phone]');
    const inPath = classify('https://api.crm.example/contacts/jane%40example.com/track', 'fetch');
    expect(inPath?.path).toBe('/contacts/[email]/track');
    expect(inPath?.personalData).toEqual(['email']);
  });

  it.each([
    'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
    'blob:https://www.smartergo.com/0b6c1b2e-1111-4c1b-9f1a-123456789abc',
    'about:blank',
    'chrome-extension://abcdefghijklmnop/page.html',
    'moz-extension://1234/page.html',
    'javascript:void(0)',
    'ftp://files.example.com/x',
    'wss://socket.example.com/',
    'https://',
    'http://[::1',
    'not a url',
    '',
  ])('is null for non-http(s) and malformed URLs: %s', (url) => {
    expect(() => classify(url, 'image')).not.toThrow();
    expect(classify(url, 'image')).toBeNull();
  });

  it('is null without an http(s) page to compare with', () => {
    expect(classify('https://www.google-analytics.com/collect', 'sendbeacon', 'about:blank')).toBeNull();
    expect(classify('https://www.google-analytics.com/collect', 'sendbeacon', '::nonsense')).toBeNull();
  });

  it('reads hosts the way browsers do, fast path or not', () => {
    const cases: Array<[string, string]> = [
      ['https://WWW.Google-Analytics.com/collect', 'www.google-analytics.com'],
      ['https://user:pw@stats.example.org:8443/p', 'stats.example.org'],
      ['http://0x7f.1/x', '127.0.0.1'],
      ['http://3232235777/x', '192.168.1.1'],
      ['https://[2001:db8::1]/x', '[2001:db8::1]'],
      ['https://bücher.example/x', 'xn--bcher-kva.example'],
      ['https://tracker.example.:443/x', 'tracker.example.'],
      ['https://tracker.example\\x?y', 'tracker.example'],
      ['HTTPS://tracker.example/x', 'tracker.example'],
      [' https://tracker.example/x', 'tracker.example'],
      ['https://a.b-c.example:8080?x', 'a.b-c.example'],
      ['https://1.2.3.4./x', '1.2.3.4'],
    ];
    for (const [url, host] of cases) {
      expect(classify(url, 'script')?.host, url).toBe(host);
      expect(host).toBe(new URL(url).hostname);
    }
  });

  it('uses the index it is given', () => {
    const index = createTrackerIndex([{ organisation: 'Acme', category: 'analytics', domains: ['acme.test'] }]);
    expect(classifyRequest({ url: 'https://x.acme.test/a', kind: 'script', pageUrl: PAGE }, index)?.tracker?.organisation).toBe(
      'Acme',
    );
  });

  it('is first-party for the page site whatever the subdomain, and keeps pages apart', () => {
    expect(classify('https://api.smartergo.com/v1/cart', 'fetch')).toBeNull();
    expect(classify('https://api.smartergo.com/v1/cart', 'fetch', 'https://other-shop.example/')).toMatchObject({
      party: 'third-party',
    });
    expect(classify('https://api.smartergo.com/v1/cart', 'fetch')).toBeNull();
  });
});

describe('the hand-split fast path agrees with the WHATWG parser', () => {
  // Upper-casing the scheme sends the same URL through `new URL()`.
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
  const url = fc
    .record({
      scheme: fc.constantFrom('http', 'https'),
      labels: fc.array(label, { minLength: 1, maxLength: 4 }),
      tld: fc.constantFrom('com', 'example', 'co.uk', 'io'),
      port: fc.constantFrom('', ':', ':80', ':443', ':8080'),
      path: fc.constantFrom('', '/', '/a', '/a/b.js', '/pagead/x', '/u/jane@example.com'),
      query: fc.constantFrom('', '?', '?q=1', '?a=1&phone=4155550123', '?em=jane%40example.com'),
      hash: fc.constantFrom('', '#', '#frag'),
    })
    .map((u) => ({ ...u, rest: `${[...u.labels, u.tld].join('.')}${u.port}${u.path}${u.query}${u.hash}` }));

  it('leaves punycode hosts to the parser, which rejects one that does not decode (seed 1947699195)', () => {
    // Not a URL a browser can make (the label does not decode): kept as text, not normalised.
    expect(sanitizeUrl('http://xn--a.a.com')).toBe('http://xn--a.a.com');
    expect(sanitizeUrl('https://xn--bcher-kva.example/a')).toBe('https://xn--bcher-kva.example/a');
    expect(classifyRequest({ url: 'http://a.xn--a.com/x', kind: 'script', pageUrl: 'https://www.smartergo.com/' })).toBeNull();
  });

  it('for http(s) URLs as browsers serialise them', () => {
    fc.assert(
      fc.property(url, (u) => {
        const fast = `${u.scheme}://${u.rest}`;
        const parsed = `${u.scheme.toUpperCase()}://${u.rest}`;
        // Only URLs a browser can make: a label like "xn--a" does not decode, so no request has it.
        fc.pre(URL.canParse(parsed));
        expect(sanitizeUrl(fast)).toBe(sanitizeUrl(parsed));
        const page = 'https://www.smartergo.com/';
        expect(classifyRequest({ url: fast, kind: 'script', pageUrl: page })).toEqual(
          classifyRequest({ url: parsed, kind: 'script', pageUrl: page }),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sanitizeUrl', () => {
  it.each([
    ['drops credentials and fragment', 'https://user:pw@www.example.com/a?b=1#secret', 'https://www.example.com/a?b=1'],
    ['keeps a port, drops a default one', 'http://example.com:80/a', 'http://example.com/a'],
    ['keeps a non-default port', 'https://example.com:8443/a', 'https://example.com:8443/a'],
    ['adds the root path', 'https://example.com?x=1', 'https://example.com/?x=1'],
    ['redacts an e-mail in the query', 'https://t.example/p?email=jane.doe%40example.com&v=2', 'https://t.example/p?email=[email]&v=2'],
    ['redacts form-encoded phone', 'https://t.example/p?tel=%2B1+415+555+0123', 'https://t.example/p?tel=[phone]'],
    ['redacts a bare phone under its key', 'https://t.example/p?phone=4155550123', 'https://t.example/p?phone=[phone]'],
    ['redacts a card number', 'https://pay.example/x?pan=4111111111111111&amt=10', 'https://pay.example/x?pan=[credit-card]&amt=10'],
    ['redacts inside a JSON value', 'https://t.example/e?data=%7B%22email%22%3A%22jane%40example.com%22%7D', 'https://t.example/e?data=%7B%22email%22:%22[email]%22%7D'],
    ['redacts in the path', 'https://crm.example/u/jane@example.com/x', 'https://crm.example/u/[email]/x'],
    ['leaves tracker ids alone', 'https://www.google-analytics.com/g/collect?cid=123456789.1700000000&_p=1700000000123', 'https://www.google-analytics.com/g/collect?cid=123456789.1700000000&_p=1700000000123'],
    ['handles other schemes without throwing', 'data:text/plain,jane%40example.com', 'data:text/plain,[email]'],
    ['handles malformed input without throwing', 'mailto:jane@example.com?subject=%ZZ', 'mailto:[email]?subject=%ZZ'],
    // Found by the property tests (src/core/properties.test.ts):
    ['drops credentials under a nested scheme', 'view-source:https://user:pw@www.example.com/a', 'view-source:https://www.example.com/a'],
    ['drops credentials in a blob: URL', 'blob:https://user:pw@www.example.com/1234', 'blob:https://www.example.com/1234'],
    ['redacts an e-mail with a "+" just before the "@", sent unencoded', 'https://t.example/p?em=jane+@example.com&x=1', 'https://t.example/p?em=[email]&x=1'],
  ])('%s', (_label, url, expected) => {
    expect(sanitizeUrl(url)).toBe(expected);
  });

  it('bounds the length with an ellipsis, never cutting an escape in two', () => {
    const long = `https://t.example/p?q=${'a'.repeat(1000)}`;
    const out = sanitizeUrl(long);
    expect(out).toHaveLength(512);
    expect(out.endsWith('…')).toBe(true);
    const escapes = sanitizeUrl(`https://t.example/p?q=${'%41'.repeat(400)}`, 100);
    expect(escapes.length).toBeLessThanOrEqual(100);
    expect(escapes).toMatch(/(%41)+…$/);
    expect(sanitizeUrl('https://t.example/abc', 10)).toBe('https://t…');
  });
});

describe('hashed values in stored URLs', () => {
  it('replaces an MD5, SHA-1 or SHA-256 query value with [hash], and leaves other values', () => {
    const sha256 = 'a'.repeat(64);
    expect(sanitizeUrl(`https://www.facebook.com/tr?id=1&ud[em]=${sha256}&ev=Lead`)).toBe(
      'https://www.facebook.com/tr?id=1&ud[em]=[hash]&ev=Lead',
    );
    expect(sanitizeUrl(`https://t.example/p?h=${'0123456789abcdef'.repeat(2)}`)).toBe('https://t.example/p?h=[hash]');
    expect(sanitizeUrl(`https://t.example/p?h=${'f'.repeat(40)}`)).toBe('https://t.example/p?h=[hash]');
    // Not a digest length, or not hex: kept.
    expect(sanitizeUrl(`https://t.example/p?v=${'a'.repeat(48)}&cb=123`)).toBe(`https://t.example/p?v=${'a'.repeat(48)}&cb=123`);
  });
});
