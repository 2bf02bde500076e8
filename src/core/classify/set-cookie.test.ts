import { describe, expect, it } from 'vitest';
import { defaultPath, parseSetCookie } from './set-cookie';

const NOW = Date.UTC(2026, 0, 1);

describe('parseSetCookie', () => {
  it('reads a host-only session cookie as the cookies API would report it', () => {
    expect(parseSetCookie('SESSIONID=abc; Path=/; Secure; HttpOnly; SameSite=Lax', 'https://www.smartergo.com/', NOW)).toEqual({
      name: 'SESSIONID',
      value: 'abc',
      domain: 'www.smartergo.com',
      path: '/',
      hostOnly: true,
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
      session: true,
    });
  });

  it('reads a domain cookie with a lifetime (Max-Age over Expires)', () => {
    expect(
      parseSetCookie('se_prefs=lang%3Den; Domain=.SmartErgo.com; Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT; SameSite=None', 'https://shop.smartergo.com/a/b', NOW),
    ).toMatchObject({ domain: '.smartergo.com', hostOnly: false, path: '/a', session: false, expirationDate: NOW / 1000 + 60, sameSite: 'no_restriction' });
    expect(parseSetCookie('x=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT', 'https://www.smartergo.com/', NOW)).toMatchObject({
      session: false,
      expirationDate: Date.UTC(2015, 9, 21, 7, 28) / 1000,
    });
  });

  it('refuses a header without a name, or for another site', () => {
    expect(parseSetCookie('=value', 'https://www.smartergo.com/', NOW)).toBeUndefined();
    expect(parseSetCookie('novalue', 'https://www.smartergo.com/', NOW)).toBeUndefined();
    expect(parseSetCookie('a=b; Domain=evil.example', 'https://www.smartergo.com/', NOW)).toBeUndefined();
    expect(parseSetCookie('a=b', 'not a url', NOW)).toBeUndefined();
  });

  it('takes the directory of the request path as the default path', () => {
    expect(defaultPath('/')).toBe('/');
    expect(defaultPath('/products')).toBe('/');
    expect(defaultPath('/a/b/c')).toBe('/a/b');
    expect(defaultPath('')).toBe('/');
  });
});
