import { describe, expect, it } from 'vitest';
import { IdlePass } from './idle-pass';

describe('IdlePass', () => {
  it('makes many requests before it runs into one pass, with its steps in order', () => {
    const done: string[] = [];
    let pending: (() => void) | undefined;
    let scheduled = 0;
    const pass = new IdlePass([() => done.push('a'), () => done.push('b')], (run) => {
      scheduled++;
      pending = run;
    });
    for (let i = 0; i < 1_000; i++) pass.request();
    expect(done).toEqual([]);
    expect(scheduled).toBe(1);
    pending?.();
    expect(done).toEqual(['a', 'b']);
    pass.request();
    expect(scheduled).toBe(2);
  });

  it('runs every step even when one throws', () => {
    const done: string[] = [];
    const pass = new IdlePass(
      [
        () => {
          throw new Error('SecurityError');
        },
        () => done.push('b'),
      ],
      (run) => run(),
    );
    pass.request();
    expect(done).toEqual(['b']);
  });
});

describe('IdlePass, a request from inside a pass', () => {
  it('is served by the later steps of that pass, not by another pass', () => {
    let scheduled = 0;
    let pending: (() => void) | undefined;
    const sent: string[] = [];
    let queued: string[] = [];
    const pass: IdlePass = new IdlePass(
      [
        () => {
          queued.push('entry');
          pass.request();
        },
        () => {
          sent.push(...queued);
          queued = [];
        },
      ],
      (run) => {
        scheduled++;
        pending = run;
      },
    );
    pass.request();
    pending?.();
    expect(sent).toEqual(['entry']);
    expect(scheduled).toBe(1);
  });
});
