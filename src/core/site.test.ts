import { describe, expect, it } from 'vitest';
import { isSmartErgoUrl } from './site';

describe('isSmartErgoUrl', () => {
  it.each([
    ['https://smartergo.com/', true],
    ['https://www.smartergo.com/privacy', true],
    ['http://shop.smartergo.com/checkout?x=1', true],
    ['https://WWW.SMARTERGO.COM./', true],
    ['https://smartergo.com.evil.example/', false],
    ['https://notsmartergo.com/', false],
    ['https://evil.example/?u=https://www.smartergo.com/', false],
    ['chrome-extension://abc/popup.html', false],
    ['file:///smartergo.com/index.html', false],
    ['not a url', false],
    [undefined, false],
  ])('%s -> %s', (url, expected) => {
    expect(isSmartErgoUrl(url)).toBe(expected);
  });
});
