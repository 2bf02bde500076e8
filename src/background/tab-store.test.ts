import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../core/model';
import { POLICY } from '../core/policy/disclosures';
import { pageKey } from '../shared/storage-keys';
import { TabStore, type SessionArea } from './tab-store';

/** storage.session as a Map, with structured cloning like the real one. */
function fakeSessionArea(): SessionArea & { data: Map<string, unknown>; writes: number } {
  const data = new Map<string, unknown>();
  const area = {
    data,
    writes: 0,
    async get(keys: string | string[] | null) {
      const wanted = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      area.writes += 1;
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
  return area;
}

const pageUrl = 'https://www.smartergo.com/';
const beacon = (i: number) => ({
  source: 'resource-timing' as const,
  url: `https://www.google-analytics.com/g/collect?v=2&en=page_view&_p=${i}`,
  initiatorType: 'beacon',
});

describe('TabStore', () => {
  it('keeps findings in storage.session so a new worker restores them', async () => {
    const area = fakeSessionArea();
    const first = new TabStore(area);
    first.start(7, pageUrl, 1_000);
    await first.update(7, (page) => page.observe(beacon(1), { now: 1_001, pageUrl, policy: POLICY }) !== undefined);
    await first.settled();

    const restarted = new TabStore(area); // globals lost, storage kept
    const page = await restarted.page(7);
    expect(page?.record.findings.map((f) => f.id)).toEqual(['beacon:www.google-analytics.com/g/collect']);
    await restarted.update(7, (p) => p.observe(beacon(2), { now: 1_002, pageUrl, policy: POLICY }) !== undefined);
    await restarted.settled();
    const saved = area.data.get(pageKey(7)) as PageRecord;
    expect(saved.findings).toHaveLength(1);
    expect(saved.findings[0]?.count).toBe(2);
  });

  it('coalesces a burst of updates into few writes and loses none', async () => {
    const area = fakeSessionArea();
    const store = new TabStore(area);
    store.start(1, pageUrl, 0);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.update(1, (page) => page.observe(beacon(i), { now: i, pageUrl, policy: POLICY }) !== undefined),
      ),
    );
    await store.settled();
    const saved = area.data.get(pageKey(1)) as PageRecord;
    expect(saved.findings[0]?.count).toBe(200);
    expect(area.writes).toBeLessThan(10);
  });

  it('starts a clean page on navigation and forgets closed tabs', async () => {
    const area = fakeSessionArea();
    const store = new TabStore(area);
    store.start(3, pageUrl, 0);
    await store.update(3, (page) => page.observe(beacon(1), { now: 1, pageUrl, policy: POLICY }) !== undefined);
    store.start(3, 'https://www.smartergo.com/about', 2);
    await store.settled();
    expect((area.data.get(pageKey(3)) as PageRecord).findings).toEqual([]);
    await store.remove(3);
    expect(area.data.has(pageKey(3))).toBe(false);
  });

  it('prunes records of tabs that no longer exist', async () => {
    const area = fakeSessionArea();
    const store = new TabStore(area);
    store.start(1, pageUrl, 0);
    store.start(2, pageUrl, 0);
    await store.settled();
    await store.prune(new Set([2]));
    expect([...area.data.keys()]).toEqual([pageKey(2)]);
  });
});
