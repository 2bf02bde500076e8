import { describe, expect, it } from 'vitest';
import type { DocumentCookieObservation } from '../../core/model';
import { DocumentCookieWatcher, parseCookieString } from './document-cookie';

describe('parseCookieString', () => {
  it('splits name=value pairs, keeping "=" inside values', () => {
    expect(parseCookieString('a=1; _ga=GA1.1.2.3;  b=x=y; novalue')).toEqual([
      ['a', '1'],
      ['_ga', 'GA1.1.2.3'],
      ['b', 'x=y'],
      ['', 'novalue'],
    ]);
  });
});

describe('DocumentCookieWatcher', () => {
  it('reports a cookie only when it is new or its value changed', () => {
    let raw = 'a=1';
    const seen: DocumentCookieObservation[] = [];
    const watcher = new DocumentCookieWatcher(() => raw, (o) => seen.push(o));
    watcher.check();
    watcher.check();
    raw = 'a=1; b=2';
    watcher.check();
    raw = 'a=3; b=2';
    watcher.check();
    expect(seen.map((o) => `${o.name}=${o.value}`)).toEqual(['a=1', 'b=2', 'a=3']);
  });

  it('reads through the Cookie Store API when there is one, and document.cookie when it fails', async () => {
    let reads = 0;
    const seen: DocumentCookieObservation[] = [];
    const watcher = new DocumentCookieWatcher(
      () => {
        reads++;
        return 'a=1; c=3';
      },
      (o) => seen.push(o),
    );
    watcher.checkWithoutBlocking({ getAll: async () => [{ name: 'a', value: '1' }, { name: 'b', value: 'x=y' }] });
    await Promise.resolve();
    expect(reads).toBe(0);
    expect(seen.map((o) => `${o.name}=${o.value}`)).toEqual(['a=1', 'b=x=y']);
    watcher.checkWithoutBlocking({ getAll: () => Promise.reject(new Error('SecurityError')) });
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toBe(1);
    expect(seen.map((o) => `${o.name}=${o.value}`)).toEqual(['a=1', 'b=x=y', 'c=3']);
  });

  it('survives a page whose document.cookie throws', () => {
    const watcher = new DocumentCookieWatcher(
      () => {
        throw new Error('SecurityError');
      },
      () => undefined,
    );
    expect(() => watcher.check()).not.toThrow();
  });
});
