// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CookieAttemptObservation } from '../../core/model';
import { listenForCookieAttempts } from './cookie-attempts';

/** Posts as the MAIN-world script does, and waits for the message to be delivered. */
function post(data: unknown, source: Window | null = window): Promise<void> {
  window.dispatchEvent(new MessageEvent('message', { data, source }));
  return Promise.resolve();
}

describe('listenForCookieAttempts', () => {
  it('reports a refused write as a cookie attempt (the worker decides whether to believe it)', async () => {
    const seen: CookieAttemptObservation[] = [];
    listenForCookieAttempts(window, (o) => seen.push(o));
    await post({ policylens: 'cookie-attempt', name: '_ga', value: 'GA1.1.1.1' });
    expect(seen).toEqual([{ source: 'cookie-attempt', name: '_ga', value: 'GA1.1.1.1' }]);
  });

  it('ignores other messages, other windows and oversized values', async () => {
    const seen: CookieAttemptObservation[] = [];
    listenForCookieAttempts(window, (o) => seen.push(o));
    await post({ type: 'something else' });
    await post('cookie-attempt');
    await post({ policylens: 'cookie-attempt', name: 42, value: 'x' });
    await post({ policylens: 'cookie-attempt', name: '', value: 'x' });
    await post({ policylens: 'cookie-attempt', name: 'big', value: 'x'.repeat(10_000) });
    await post({ policylens: 'cookie-attempt', name: 'framed', value: 'x' }, null);
    expect(seen).toEqual([]);
  });
});
