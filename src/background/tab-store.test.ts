import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageRecord } from '../core/model';
import { isRequestFinding } from '../core/model';
import { POLICY } from '../core/policy/disclosures';
import { pageKey } from '../shared/storage-keys';
import { isQuotaError, TabStore, type SessionArea } from './tab-store';

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

  it('counts every change to a tab’s page, so what was built from it is known to be current', async () => {
    const store = new TabStore(fakeSessionArea());
    const observe = (i: number) => store.update(2, (page) => page.observe(beacon(i), { now: i, pageUrl, policy: POLICY }) !== undefined);
    store.start(2, pageUrl, 0);
    const started = store.revision(2);
    await observe(1);
    const observed = store.revision(2);
    expect(observed).toBeGreaterThan(started);
    await store.update(2, () => false); // no change
    expect(store.revision(2)).toBe(observed);
    await observe(1); // seen again: its count changed
    expect(store.revision(2)).toBeGreaterThan(observed);
    const before = store.revision(2);
    store.start(2, pageUrl, 5); // a new page in the same tab
    expect(store.revision(2)).toBeGreaterThan(before);
    expect(store.revision(99)).toBe(0);
  });

  it('tells a navigation request older than the tab’s page from a newer one', async () => {
    const store = new TabStore(fakeSessionArea());
    expect(await store.startedByPageAfter(4, 1_000)).toBe(false); // no page yet: the request starts one
    store.start(4, pageUrl, 1_000, true); // started from the page's first message...
    expect(await store.startedByPageAfter(4, 990)).toBe(true); // ...so its request, handled late, must not start it again
    expect(await store.startedByPageAfter(4, 1_000)).toBe(false);
    expect(await store.startedByPageAfter(4, 2_000)).toBe(false); // a later navigation starts a new page
    // Started by a request: a redirect's request, handled after it, starts the page again at its URL.
    store.start(4, 'https://smartergo.com/', 3_000);
    expect(await store.startedByPageAfter(4, 2_990)).toBe(false);
  });

  it('prunes records of tabs that no longer exist', async () => {
    const area = fakeSessionArea();
    const store = new TabStore(area);
    store.start(1, pageUrl, 0);
    store.start(2, pageUrl, 0);
    await store.settled();
    await store.prune(new Set([2]));
    expect([...area.data.keys()]).toEqual([pageKey(2)]);
    // Gone from the worker's memory too: a later save does not bring it back.
    await store.update(1, () => true);
    await store.settled();
    expect([...area.data.keys()]).toEqual([pageKey(2)]);
  });

  it('keeps a page started after the list of open tabs was taken (a tab that list could not name)', async () => {
    const area = fakeSessionArea();
    const store = new TabStore(area);
    store.start(1, pageUrl, 1_000); // closed before the list was taken
    store.start(5, pageUrl, 2_000); // opened while the worker was asking
    await store.settled();
    await store.prune(new Set([]), 1_500);
    expect([...area.data.keys()]).toEqual([pageKey(5)]);
  });
});

/**
 * storage.session with Chrome's quota behaviour: a write that would take the stored JSON
 * (keys and values) past `quota` bytes is refused whole, with Chrome's error message.
 */
function quotaSessionArea(quota: number) {
  const area = fakeSessionArea();
  const bytes = (entries: Iterable<[string, unknown]>): number => {
    let sum = 0;
    for (const [k, v] of entries) sum += k.length + JSON.stringify(v).length;
    return sum;
  };
  const set = area.set.bind(area);
  const state = { refused: 0, maxBytes: 0 };
  area.set = async (items: Record<string, unknown>) => {
    const next = new Map(area.data);
    for (const [k, v] of Object.entries(items)) next.set(k, v);
    if (bytes(next) > quota) {
      state.refused += 1;
      throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    }
    await set(items);
    state.maxBytes = Math.max(state.maxBytes, bytes(area.data));
  };
  return Object.assign(area, { state, bytes: () => bytes(area.data) });
}

/** `n` distinct third-party beacons on tab `tabId`, each seen once. */
async function heavyTab(store: TabStore, tabId: number, n: number): Promise<void> {
  store.start(tabId, pageUrl, 0);
  await store.update(tabId, (page) => {
    for (let i = 0; i < n; i++) {
      page.observe({ source: 'resource-timing', url: `https://cdn.ergo-partners.net/b/${tabId}/${i}?i=${i}&pad=${'x'.repeat(40)}`, initiatorType: 'beacon' }, { now: i, pageUrl, policy: POLICY });
    }
    return true;
  });
  await store.settled();
}

/** Every sighting is either in a kept finding's count or in the page's overflow. */
const accounted = (record: PageRecord): number => record.findings.reduce((sum, f) => sum + f.count, 0) + record.overflow;

describe('TabStore within the storage.session quota', () => {
  afterEach(() => vi.restoreAllMocks());

  it('recognises quota errors by their message (Chrome: "Session storage quota bytes exceeded")', () => {
    expect(isQuotaError(new Error('Session storage quota bytes exceeded. Values were not stored.'))).toBe(true);
    expect(isQuotaError(new Error('QUOTA_BYTES quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('Extension context invalidated.'))).toBe(false);
  });

  it('heavy tabs past the quota: every write lands, other tabs are trimmed first, nothing is lost without a trace', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const area = quotaSessionArea(1_000_000);
    // A budget above the quota: only the caught quota errors can keep the store going.
    const store = new TabStore(area, () => {}, 10_000_000);
    const perTab = 300;
    for (let tabId = 1; tabId <= 8; tabId++) await heavyTab(store, tabId, perTab);

    expect(area.state.refused).toBeGreaterThan(0);
    expect(errors).not.toHaveBeenCalled();
    expect(area.bytes()).toBeLessThanOrEqual(1_000_000);
    const records = Array.from({ length: 8 }, (_, i) => area.data.get(pageKey(i + 1)) as PageRecord);
    for (const record of records) expect(accounted(record)).toBe(perTab);
    // The tab written last (the one being looked at) keeps every finding, with its full sample URLs.
    const last = records[7]!;
    expect(last.findings).toHaveLength(perTab);
    expect(last.overflow).toBe(0);
    expect(last.findings.every((f) => isRequestFinding(f) && f.sampleUrl.includes('?i='))).toBe(true);
    // The other tabs gave up their sample URLs' queries first, then findings (counted in overflow).
    expect(records.slice(0, 7).some((r) => r.overflow > 0)).toBe(true);
    for (const record of records.slice(0, 7)) for (const f of record.findings) if (isRequestFinding(f)) expect(f.sampleUrl).not.toContain('?');
  });

  it('keeps the total under its own budget before the browser has to refuse anything', async () => {
    const area = quotaSessionArea(1_000_000);
    const store = new TabStore(area, () => {}, 600_000);
    for (let tabId = 1; tabId <= 8; tabId++) await heavyTab(store, tabId, 300);
    expect(area.state.refused).toBe(0);
    expect(area.state.maxBytes).toBeLessThanOrEqual(600_000 + 8 * 16);
    for (let tabId = 1; tabId <= 8; tabId++) expect(accounted(area.data.get(pageKey(tabId)) as PageRecord)).toBe(300);
  });

  it('counts a record made smaller to make room as a change to it', async () => {
    const area = quotaSessionArea(1_000_000);
    const store = new TabStore(area, () => {}, 600_000);
    await heavyTab(store, 1, 300);
    const first = store.revision(1);
    for (let tabId = 2; tabId <= 8; tabId++) await heavyTab(store, tabId, 300);
    // Tab 1 was trimmed while the others were written (the budget test above): its record changed.
    expect((area.data.get(pageKey(1)) as PageRecord).findings.length).toBeLessThan(300);
    expect(store.revision(1)).toBeGreaterThan(first);
  });

  it('a single page larger than the quota keeps what fits and counts the rest in overflow', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const area = quotaSessionArea(200_000);
    const store = new TabStore(area, () => {}, 10_000_000);
    await heavyTab(store, 1, 1_000);
    const record = area.data.get(pageKey(1)) as PageRecord;
    expect(errors).not.toHaveBeenCalled();
    expect(record.findings.length).toBeGreaterThan(0);
    expect(record.findings.length).toBeLessThan(1_000);
    expect(accounted(record)).toBe(1_000);
    // The first findings are the ones kept (like the per-page bound).
    expect(record.findings[0]?.id).toBe('beacon:cdn.ergo-partners.net/b/1/0');
  });

  it('after a worker restart it measures the records it has not seen before trimming', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const area = quotaSessionArea(1_000_000);
    const first = new TabStore(area, () => {}, 10_000_000);
    for (let tabId = 1; tabId <= 3; tabId++) await heavyTab(first, tabId, 300);
    const restarted = new TabStore(area, () => {}, 10_000_000); // globals lost, storage kept
    for (let tabId = 4; tabId <= 8; tabId++) await heavyTab(restarted, tabId, 300);
    expect(errors).not.toHaveBeenCalled();
    expect(area.bytes()).toBeLessThanOrEqual(1_000_000);
    for (let tabId = 1; tabId <= 8; tabId++) expect(accounted(area.data.get(pageKey(tabId)) as PageRecord)).toBe(300);
    expect((area.data.get(pageKey(8)) as PageRecord).overflow).toBe(0);
  });

  it('does not bring back a closed tab’s record while making room', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const area = quotaSessionArea(1_000_000);
    const store = new TabStore(area, () => {}, 10_000_000);
    for (let tabId = 1; tabId <= 3; tabId++) await heavyTab(store, tabId, 300);
    await store.remove(2);
    for (let tabId = 4; tabId <= 8; tabId++) await heavyTab(store, tabId, 300);
    expect(area.data.has(pageKey(2))).toBe(false);
  });
});
