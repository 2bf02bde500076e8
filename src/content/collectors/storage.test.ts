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
    w.start(window);
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

  it('reads an area only once the page reaches for it, where the page-world watch answers', () => {
    localStorage.clear();
    sessionStorage.clear();
    localStorage.setItem('from_an_earlier_page', 'x');
    const opened: string[] = [];
    const seen: StorageObservation[] = [];
    const w = new StorageWatcher(
      {
        local: () => (opened.push('local'), localStorage),
        session: () => (opened.push('session'), sessionStorage),
      },
      (o) => seen.push(o),
    );
    // What page-world/beacon-hints.ts does: answers the ask, and tells when the page first reaches for an area.
    const answer = () => window.dispatchEvent(new CustomEvent('policylens-storage-watched', { detail: 'local session' }));
    window.addEventListener('policylens-storage-ask', answer);
    try {
      w.start(window);
    } finally {
      window.removeEventListener('policylens-storage-ask', answer);
    }
    w.check();
    expect(opened).toEqual([]); // a page that never uses storage costs nothing

    window.dispatchEvent(new CustomEvent('policylens-storage-reached', { detail: 'local' }));
    localStorage.setItem('ajs_anonymous_id', '"3f2b8c1e-9d4a-4e7b-8f60-2a1c5e9b7d30"');
    sessionStorage.setItem('never_reached_for', 'x'); // (not through the page's getter: not looked at)
    w.check();
    expect(seen.map((o) => o.key)).toEqual(['ajs_anonymous_id']);
    expect(opened.every((area) => area === 'local')).toBe(true);

    // A forged event only reads earlier: it cannot hide a later write.
    window.dispatchEvent(new CustomEvent('policylens-storage-reached', { detail: 'session' }));
    window.dispatchEvent(new CustomEvent('policylens-storage-reached', { detail: 'local' }));
    sessionStorage.setItem('checkout', '1');
    w.check();
    expect(seen.map((o) => o.key)).toEqual(['ajs_anonymous_id', 'checkout']);
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
      w.start(window);
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
