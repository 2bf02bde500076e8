// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { StorageObservation } from '../../core/model';
import { StorageWatcher } from './storage';

function watcher() {
  const seen: StorageObservation[] = [];
  const w = new StorageWatcher({ local: () => localStorage, session: () => sessionStorage }, (o) => seen.push(o));
  return { w, seen };
}

describe('StorageWatcher', () => {
  it('reports only keys written after the page started, once per value, and never the value', () => {
    localStorage.clear();
    sessionStorage.clear();
    localStorage.setItem('from_an_earlier_page', 'x');
    const { w, seen } = watcher();
    w.start();
    w.check();
    expect(seen).toEqual([]);

    localStorage.setItem('ajs_anonymous_id', '"3f2b8c1e-9d4a-4e7b-8f60-2a1c5e9b7d30"');
    sessionStorage.setItem('checkout', JSON.stringify({ email: 'jane.doe@example.com' }));
    w.check();
    w.check();
    expect(seen).toEqual([
      { source: 'storage', area: 'local', key: 'ajs_anonymous_id', valueLength: 38, identifier: true, personalData: [] },
      { source: 'storage', area: 'session', key: 'checkout', valueLength: 32, identifier: false, personalData: ['email'] },
    ]);
    expect(JSON.stringify(seen)).not.toContain('jane');

    localStorage.setItem('from_an_earlier_page', 'changed');
    w.check();
    expect(seen.at(-1)).toMatchObject({ key: 'from_an_earlier_page', valueLength: 7 });
  });

  it('survives storage that throws (a sandboxed frame)', () => {
    const seen: StorageObservation[] = [];
    const w = new StorageWatcher(
      {
        local: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      },
      (o) => seen.push(o),
    );
    expect(() => {
      w.start();
      w.check();
    }).not.toThrow();
    expect(seen).toEqual([]);
  });

  it('takes IndexedDB hints from the page world, validated and bounded', () => {
    const { w, seen } = watcher();
    w.listen(window);
    const post = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data, source: window }));
    post({ policylens: 'storage-hint', key: 'se-cache/visits', sample: '{"visitorId":"x8Kq2m9Zp4Lr7Vt1Nw3"}', length: 36 });
    post({ policylens: 'storage-hint', key: '', sample: '', length: 0 });
    post({ policylens: 'storage-hint', key: 'k', sample: 1, length: 1 });
    post({ policylens: 'storage-hint', key: 'k', sample: '', length: -1 });
    post({ policylens: 'other', key: 'k', sample: '', length: 1 });
    expect(seen.filter((o) => o.area === 'indexeddb')).toEqual([
      { source: 'storage', area: 'indexeddb', key: 'se-cache/visits', valueLength: 36, identifier: true, personalData: [] },
    ]);
  });
});
