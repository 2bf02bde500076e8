import { describe, expect, it } from 'vitest';
import { cookieAppliesTo } from './cookie-scope';

describe('cookieAppliesTo', () => {
  const domainCookie = { domain: '.smartergo.com', path: '/', hostOnly: false };
  const hostCookie = { domain: 'www.smartergo.com', path: '/', hostOnly: true };
  const pathCookie = { domain: 'shop.smartergo.com', path: '/checkout', hostOnly: true };

  it.each([
    [domainCookie, 'https://www.smartergo.com/', true],
    [domainCookie, 'https://smartergo.com/x', true],
    [domainCookie, 'https://shop.smartergo.com/products', true],
    [domainCookie, 'https://notsmartergo.com/', false],
    [hostCookie, 'https://www.smartergo.com/about', true],
    [hostCookie, 'https://shop.smartergo.com/', false],
    [pathCookie, 'https://shop.smartergo.com/checkout', true],
    [pathCookie, 'https://shop.smartergo.com/checkout/pay', true],
    [pathCookie, 'https://shop.smartergo.com/checkouts', false],
    [pathCookie, 'https://shop.smartergo.com/', false],
    [domainCookie, 'not a url', false],
  ])('%o applies to %s: %s', (cookie, url, expected) => {
    expect(cookieAppliesTo(cookie, url)).toBe(expected);
  });
});
