import { describe, expect, it } from 'vitest';
import { findPersonalData, isCardNumber, redactPersonalData, safeDecode } from './personal-data';

describe('findPersonalData: finds', () => {
  it.each([
    // e-mail
    ['plain e-mail', 'jane.doe@example.com', ['email']],
    ['URL-encoded e-mail in a query', 'https://tracker.example/c?email=jane.doe%40example.com&x=1', ['email']],
    ['double-encoded e-mail', 'https://t.example/p?u=jane%2540example.co.uk', ['email']],
    ['Meta pixel em= in clear', 'https://www.facebook.com/tr?id=123&ev=Lead&ud[em]=jane%40example.com', ['email']],
    ['e-mail with plus tag', 'email=jane%2Bnews%40example.org', ['email']],
    ['e-mail in a path', 'https://api.example.net/users/jane@example.com/profile', ['email']],
    ['e-mail in a JSON cookie value', '%7B%22email%22%3A%22jane%40example.com%22%7D', ['email']],
    // phone
    ['E.164 phone, encoded', 'https://t.example/p?tel=%2B14155550123', ['phone']],
    ['international phone with spaces', '+44 20 7946 0958', ['phone']],
    ['international phone, encoded spaces', 'phone=%2B49%2030%2012345678', ['phone']],
    ['German number with (0)', '+49 (0)30 1234567', ['phone']],
    ['North American shape', 'call (415) 555-0123 now', ['phone']],
    ['dashed North American', 'number=415-555-0123', ['phone']],
    ['dotted North American', '415.555.0123', ['phone']],
    ['toll free with 1-', '1-800-555-0199', ['phone']],
    ['UK national', '020 7946 0958', ['phone']],
    ['French national', '06 12 34 56 78', ['phone']],
    ['bare digits under a phone key', 'https://t.example/c?phone=4155550123', ['phone']],
    ['Meta ud[ph] in clear', 'https://www.facebook.com/tr?id=1&ud[ph]=14155550123', ['phone']],
    ['JSON phone key', '{"mobile":"0612345678"}', ['phone']],
    // card
    ['Visa, grouped', '4111 1111 1111 1111', ['credit-card']],
    ['Visa, bare in a query', 'https://pay.example/x?pan=4111111111111111', ['credit-card']],
    ['Mastercard, dashed', '5555-5555-5555-4444', ['credit-card']],
    ['Amex', '378282246310005', ['credit-card']],
    // several
    [
      'e-mail and phone together',
      'https://t.example/c?em=jane%40example.com&ph=%2B1%20415%20555%200123',
      ['email', 'phone'],
    ],
  ] as const)('%s', (_label, text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });
});

describe('findPersonalData: leaves alone', () => {
  it.each([
    [
      'GA4 collect with client id and timestamps',
      'https://region1.google-analytics.com/g/collect?v=2&tid=G-ABCDEF1234&gtm=45je4b10&_p=1700000000123&cid=123456789.1700000000&ul=en-us&sr=1920x1080&_s=1&sid=1700000000&sct=1&seg=0&dl=https%3A%2F%2Fwww.smartergo.com%2F&dt=SmartErgo&en=page_view',
    ],
    ['GA cookie value', 'GA1.1.123456789.1700000000'],
    ['GA4 session cookie', 'GS1.1.1700000000.1.1.1700000123.0.0.0'],
    ['Universal Analytics collect', 'https://www.google-analytics.com/collect?v=1&_v=j101&a=1234567890&t=pageview&cid=1234567890.1700000000&tid=UA-12345-1&z=987654321'],
    ['Meta pixel with hashed em', 'https://www.facebook.com/tr?id=123456789012345&ev=PageView&ud[em]=f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79&dl=https%3A%2F%2Fwww.smartergo.com%2F&rl=&if=false&ts=1700000000123&sw=1920&sh=1080&v=2.9.140&r=stable&ec=0&o=4126&fbp=fb.1.1700000000000.1234567890&cs_est=true&it=1700000000000&coo=false&rqm=GET'],
    ['millisecond timestamp', 'ts=1700000000000'],
    ['second timestamp', 't=1700000000'],
    ['UUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['price', 'price=1,299.99&currency=EUR'],
    ['ISO date-time with offset', '2024-01-15T10:00:00+01:00'],
    ['dates', '15/01/2024 and 2024-01-15'],
    ['cache buster', 'https://ad.example/i.gif?rnd=8237465923&cb=1700000000123'],
    ['random 16-digit id that is not a card', 'https://t.example/p?eid=1234567890123456'],
    ['Luhn-valid digits without a card issuer prefix', '79927398713000000'],
    ['IP address', '192.168.100.200'],
    ['version number', 'v=1.2.3.4567'],
    ['retina asset', 'https://cdn.example.com/img/logo@2x.png'],
    ['npm package on a CDN', 'https://cdn.jsdelivr.net/npm/@scope/pkg@1.2.3/dist/index.min.js'],
    ['Sentry DSN (credentials in a URL, not an e-mail)', 'dsn=https%3A%2F%2Fabc123%40o12345.ingest.sentry.io%2F42'],
    ['Medium-style handle', 'https://medium.com/@jane/post-123'],
    ['screen size and viewport', 'sr=1920x1080&vp=1903x947'],
    ['hex id', 'id=5f2b8c9d0e1a2b3c4d5e6f70'],
    ['malformed escapes', '%E0%A4%A and %ZZ and 100%'],
    ['empty', ''],
  ])('%s', (_label, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('safeDecode', () => {
  it('decodes, repeatedly for double encoding, and never throws', () => {
    expect(safeDecode('a%40b.com')).toBe('a@b.com');
    expect(safeDecode('a%2540b.com')).toBe('a@b.com');
    expect(safeDecode('100%')).toBe('100%');
    expect(safeDecode('%ZZ%40x')).toBe('%ZZ@x');
    expect(safeDecode('%E0%A4%A%40')).toBe('%E0%A4%A@');
    expect(safeDecode('caf%C3%A9 %FF')).toBe('café %FF');
  });
});

describe('redactPersonalData', () => {
  it('replaces each piece by its marker and keeps the rest', () => {
    expect(redactPersonalData('from jane@example.com at +1 415 555 0123, card 4111 1111 1111 1111')).toEqual({
      text: 'from [email] at [phone], card [credit-card]',
      kinds: ['email', 'phone', 'credit-card'],
    });
    expect(redactPersonalData('phone=4155550123&x=1').text).toBe('phone=[phone]&x=1');
    expect(redactPersonalData('nothing here 1700000000').text).toBe('nothing here 1700000000');
  });
});

describe('isCardNumber', () => {
  it('wants a Luhn-valid number with an issuer prefix and length', () => {
    expect(isCardNumber('4111111111111111')).toBe(true);
    expect(isCardNumber('4111111111111112')).toBe(false); // Luhn
    expect(isCardNumber('6011111111111117')).toBe(true); // Discover
    expect(isCardNumber('3530111333300000')).toBe(true); // JCB
    expect(isCardNumber('1700000000000000')).toBe(false); // no issuer starts with 1
  });
});

describe('performance guard', () => {
  it('stays linear on long values', () => {
    const long = `${'a'.repeat(5000)}@${'b'.repeat(5000)}${'1 '.repeat(3000)}`;
    const t0 = performance.now();
    findPersonalData(long);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
