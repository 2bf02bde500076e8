import { describe, expect, it } from 'vitest';
import type { ObservationsMessage } from '../shared/messages';
import { MAX_OBSERVATIONS_PER_MESSAGE } from '../shared/messages';
import { Reporter } from './reporter';

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

  it('does not let a failed send reach the page', async () => {
    const reporter = new Reporter(() => Promise.reject(new Error('Extension context invalidated')), (f) => f());
    expect(() => reporter.report(observation(1))).not.toThrow();
  });
});
