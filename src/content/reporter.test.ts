import { describe, expect, it } from 'vitest';
import type { ObservationsMessage } from '../shared/messages';
import { MAX_OBSERVATIONS_PER_MESSAGE } from '../shared/messages';
import { Reporter, RETRY_DELAYS_MS } from './reporter';

const observation = (i: number) => ({ source: 'resource-timing', url: `https://t.example/${i}`, initiatorType: 'img' }) as const;

describe('Reporter', () => {
  it('sends one message per burst, split at the message bound', () => {
    const sent: ObservationsMessage[] = [];
    let flush: (() => void) | undefined;
    const reporter = new Reporter(
      async (message) => sent.push(message),
      (f) => (flush = f),
    );
    for (let i = 0; i < MAX_OBSERVATIONS_PER_MESSAGE + 3; i++) reporter.report(observation(i));
    expect(sent).toHaveLength(0);
    flush?.();
    expect(sent.map((m) => m.observations.length)).toEqual([MAX_OBSERVATIONS_PER_MESSAGE, 3]);
  });

  it('sends a batch again when its message fails (the worker stopped before saving it), a few times, then drops it', async () => {
    let calls = 0;
    const waits: number[] = [];
    const retries: (() => void)[] = [];
    const reporter = new Reporter(
      () => {
        calls += 1;
        return calls <= 2 ? Promise.reject(new Error('The message port closed before a response was received.')) : Promise.resolve();
      },
      (f) => f(),
      (again, delay) => {
        waits.push(delay);
        retries.push(again);
      },
    );
    reporter.report(observation(1));
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    await settle();
    retries.shift()?.();
    await settle();
    retries.shift()?.();
    await settle();
    expect(calls).toBe(3);
    expect(waits).toEqual(RETRY_DELAYS_MS.slice(0, 2));
    expect(retries).toEqual([]);

    const never = new Reporter(() => Promise.reject(new Error('Extension context invalidated')), (f) => f(), (again) => again());
    never.report(observation(2));
    // Every batch has a name of its own, the same in each of its sends (the worker takes it in once).
    const names: (string | undefined)[] = [];
    const named = new Reporter(async (message) => names.push(message.batch), (f) => f());
    named.report(observation(3));
    named.report(observation(4));
    expect(new Set(names).size).toBe(2);
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });

  it('does not let a failed send reach the page', async () => {
    const reporter = new Reporter(() => Promise.reject(new Error('Extension context invalidated')), (f) => f());
    expect(() => reporter.report(observation(1))).not.toThrow();
  });

  it('says hello with the next batch, or alone when there is none, when it sends', () => {
    const sent: ObservationsMessage[] = [];
    let flush: (() => void) | undefined;
    const reporter = new Reporter(async (message) => sent.push(message), (f) => (flush = f));
    reporter.hello();
    expect(sent).toEqual([]);
    reporter.report(observation(1));
    flush?.();
    expect(sent).toEqual([{ type: 'observations', observations: [observation(1)], batch: expect.stringMatching(/:0$/) }]);
    reporter.hello();
    flush?.();
    expect(sent.at(-1)).toEqual({ type: 'observations', observations: [] });
  });

  it('holds everything while a prerendered page is unseen, then sends it all, hello included', async () => {
    const sent: ObservationsMessage[] = [];
    const reporter = new Reporter(async (message) => sent.push(message), (f) => f());
    let show: () => void = () => {};
    reporter.holdUntil(new Promise<void>((resolve) => (show = resolve)));
    reporter.hello();
    reporter.report(observation(1));
    reporter.flush(); // pagehide while prerendering: still nothing
    expect(sent).toEqual([]);
    show();
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toEqual([{ type: 'observations', observations: [observation(1)], batch: expect.stringMatching(/^[a-z0-9]+:0$/) }]);
    reporter.hello();
    expect(sent.at(-1)).toEqual({ type: 'observations', observations: [] });
  });
});
