// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BeaconHints } from './beacon-hints';

const post = (data: unknown, source: MessageEventSource | null = window) =>
  window.dispatchEvent(new MessageEvent('message', { data, source }));

describe('BeaconHints', () => {
  it('remembers how the page-world script saw a URL sent', () => {
    const hints = new BeaconHints();
    hints.listen(window);
    post({ policylens: 'beacon-hint', kind: 'sendbeacon', url: 'https://www.google-analytics.com/g/collect?v=2' });
    post({ policylens: 'beacon-hint', kind: 'keepalive', url: 'https://t.example/k' });
    expect(hints.kindOf('https://www.google-analytics.com/g/collect?v=2')).toBe('sendbeacon');
    expect(hints.kindOf('https://t.example/k')).toBe('keepalive');
    expect(hints.kindOf('https://t.example/other')).toBeUndefined();
  });

  it.each<[string, unknown, MessageEventSource | null]>([
    ['another window', { policylens: 'beacon-hint', kind: 'sendbeacon', url: 'https://x.example/' }, null],
    ['an unknown kind', { policylens: 'beacon-hint', kind: 'pixel', url: 'https://x.example/' }, window],
    ['a URL that is not a string', { policylens: 'beacon-hint', kind: 'sendbeacon', url: 42 }, window],
    ['another message', { policylens: 'cookie-attempt', name: 'a', value: 'b' }, window],
    ['a string', 'beacon-hint', window],
  ])('ignores %s', (_name, data, source) => {
    const hints = new BeaconHints();
    hints.listen(window);
    post(data, source);
    expect(hints.kindOf('https://x.example/')).toBeUndefined();
  });

  it('forgets the oldest hints past its bound', () => {
    const hints = new BeaconHints();
    for (let i = 0; i <= 1_000; i++) hints.add(`https://t.example/${i}`, 'sendbeacon');
    expect(hints.kindOf('https://t.example/0')).toBeUndefined();
    expect(hints.kindOf('https://t.example/1000')).toBe('sendbeacon');
  });
});
