import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLeakMatcher, needlesFor } from './leaks';

const hash = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');
const EMAIL = 'Jane.Doe@Example.com ';
const NORMAL = 'jane.doe@example.com';

const matcher = createLeakMatcher([
  { kind: 'email', value: EMAIL },
  { kind: 'phone', value: '+1 (415) 555-0123' },
  { kind: 'name', value: 'Jane Doe' },
]);

describe('the leak matcher', () => {
  it.each([
    ['plain, in a URL', `https://t.example/p?em=${NORMAL}`, [['email', 'plain']]],
    ['URL-encoded', `https://t.example/p?em=${encodeURIComponent(NORMAL)}`, [['email', 'url-encoded']]],
    ['double URL-encoded', `https://t.example/p?em=${encodeURIComponent(encodeURIComponent(NORMAL))}`, []],
    ['Base64 in a URL', `https://t.example/p?d=${btoa(JSON.stringify({ email: NORMAL }))}`, [['email', 'base64']]],
    ['Base64url', `https://t.example/p?d=${btoa(`user:${NORMAL}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`, [['email', 'base64']]],
    ['MD5 of the normalised email', `https://t.example/p?ud[em]=${hash('md5', NORMAL)}`, [['email', 'md5']]],
    ['SHA-1, upper case', `https://t.example/p?h=${hash('sha1', NORMAL).toUpperCase()}`, [['email', 'sha1']]],
    ['SHA-256 in a JSON body', JSON.stringify({ user_data: { em: [hash('sha256', NORMAL)] } }), [['email', 'sha256']]],
    ['the phone number, formatted differently', 'tel=415.555.0123&c=1', []],
    ['the phone number with its country code', 'ph=14155550123', [['phone', 'plain']]],
    ['the hashed phone number (digits only)', `ph=${hash('sha256', '14155550123')}`, [['phone', 'sha256']]],
    ['the full name in clear', 'name=Jane%20Doe', [['name', 'url-encoded']]],
    ['a hashed first name (Meta fn)', `fn=${hash('sha256', 'jane')}`, [['name', 'sha256']]],
    ['a first name alone in clear is too common to say', 'q=jane', []],
    ['an unrelated hash', `x=${hash('sha256', 'someone.else@example.com')}`, []],
    ['nothing', 'https://t.example/collect?v=2&tid=G-1', []],
  ])('%s', (_label, haystack, expected) => {
    const found = matcher.find(haystack).map((h) => [h.kind, h.encoding]);
    expect(found.sort()).toEqual([...expected].sort());
  });

  it('finds several items and encodings in one body', () => {
    const body = `em=${hash('sha256', NORMAL)}&ph=${hash('sha256', '14155550123')}&raw=${encodeURIComponent(NORMAL)}`;
    expect(matcher.find(body).map((h) => `${h.kind}:${h.encoding}`).sort()).toEqual([
      'email:sha256',
      'email:url-encoded',
      'phone:sha256',
    ]);
  });

  it('looks for nothing when nothing usable was typed', () => {
    const none = createLeakMatcher([
      { kind: 'email', value: 'not an email' },
      { kind: 'phone', value: '12' },
      { kind: 'name', value: 'J' },
    ]);
    expect(none.empty).toBe(true);
    expect(none.find('anything at all')).toEqual([]);
  });

  it('reads only the first 64 KB of a huge body', () => {
    const body = 'x'.repeat(70_000) + NORMAL;
    expect(matcher.find(body)).toEqual([]);
  });

  it('never throws on odd input', () => {
    for (const odd of ['%', '%E0%A4%A', '====', '\u0000\uffff', 'a'.repeat(200)]) {
      expect(() => matcher.find(odd)).not.toThrow();
    }
  });

  it('keeps hashes, never the value, in its needles for hashed kinds', () => {
    const needles = needlesFor({ kind: 'email', value: NORMAL });
    expect(needles.filter((n) => n.encoding !== 'plain').every((n) => /^[0-9a-f]+$/.test(n.text))).toBe(true);
  });
});
