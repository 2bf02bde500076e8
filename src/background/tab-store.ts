/**
 * Per-tab page findings, mirrored write-through into storage.session so a stopped
 * worker loses nothing (Ghostery's habit): the first use of a tab after a restart
 * restores it lazily; writes are coalesced so a burst of observations costs one
 * storage write per turn of the event loop, not one per request.
 */
import { recordBytes, shedFindings, shortenSamples } from '../core/compact';
import { newPage, PageFindings } from '../core/pipeline';
import type { PageRecord } from '../core/model';
import { pageKey } from '../shared/storage-keys';

/**
 * How much of storage.session the tab store lets its records take, in bytes of JSON.
 * Chrome's quota is 10 MB (QUOTA_BYTES), but it counts a value's size in memory: a page
 * record costs about 2.65 times its JSON there (seen in Chromium 156: 1.6 MB of JSON at the
 * 2,000-finding bound counts 4.24 MB). 3 MiB of JSON is then about 8.3 MB of the quota.
 * Firefox has no such quota; the bound keeps its memory in check all the same.
 */
export const SESSION_BUDGET_BYTES = 3 * 1024 * 1024;

/** A write refused for lack of room ("Session storage quota bytes exceeded"...). */
export const isQuotaError = (error: unknown): boolean => /quota/i.test(error instanceof Error ? error.message : String(error));

/** The part of browser.storage.session the store uses (tests pass a Map-backed fake). */
export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export class TabStore {
  private readonly pages = new Map<number, Promise<PageFindings | undefined>>();
  private readonly dirty = new Set<number>();
  private readonly writes = new Map<number, Promise<void>>();
  private restoredAll: Promise<void> | undefined;
  /** Each tab's record size as last measured (bytes of JSON); tabs not measured yet are missing. */
  private readonly sizes = new Map<number, number>();
  /** Each tab's count of changes so far: what was built from a record is current while it holds. Never reset. */
  private readonly revisions = new Map<number, number>();
  /** Pages started from the page's own message rather than its navigation's request (in memory only). */
  private readonly startedByPage = new WeakSet<PageFindings>();
  /** Making room runs one at a time: it rewrites other tabs' records. */
  private room: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: SessionArea,
    /** Called after a page's record reached storage (the badge follows it). */
    private readonly onSaved: (record: PageRecord) => void = () => {},
    private readonly budgetBytes: number = SESSION_BUDGET_BYTES,
  ) {}

  /**
   * A navigation: the tab now shows a new page with no findings yet. `byPage`: started from
   * the page's own message (the worker knew no page for the tab), not from its request.
   */
  start(tabId: number, url: string, now: number, byPage = false): PageFindings {
    const page = new PageFindings(newPage(tabId, url, now));
    if (byPage) this.startedByPage.add(page);
    this.pages.set(tabId, Promise.resolve(page));
    this.save(tabId);
    return page;
  }

  /**
   * Whether the tab's current page was started from the page's own message after `time`: a
   * navigation's request from before then is not a newer page. (The worker can take a
   * navigation's webRequest event after the page's first message, which starts the page
   * itself when none is known: events of two channels keep no order between them when the
   * worker has just woken or the machine is slow. Starting the page again then would lose
   * what that message said.) A page started by a request is not such a page: a redirect's
   * request, handled after the first one started the page, starts it again at its own URL.
   */
  async startedByPageAfter(tabId: number, time: number): Promise<boolean> {
    const page = await this.page(tabId);
    return page !== undefined && this.startedByPage.has(page) && page.record.startedAt > time;
  }

  /** The tab's current page, restored from storage.session after a worker restart. */
  page(tabId: number): Promise<PageFindings | undefined> {
    let page = this.pages.get(tabId);
    if (!page) {
      page = this.area.get(pageKey(tabId)).then((items) => {
        const record = items[pageKey(tabId)];
        return isPageRecord(record) ? new PageFindings(record) : undefined;
      });
      this.pages.set(tabId, page);
    }
    return page;
  }

  /** Every tab's current page, including those only storage.session still knew after a restart. */
  async allPages(): Promise<PageFindings[]> {
    this.restoredAll ??= this.area.get(null).then((items) => {
      for (const [key, record] of Object.entries(items)) {
        if (!key.startsWith('page:') || !isPageRecord(record) || this.pages.has(record.tabId)) continue;
        this.pages.set(record.tabId, Promise.resolve(new PageFindings(record)));
      }
    });
    await this.restoredAll;
    const pages = await Promise.all(this.pages.values());
    return pages.filter((page): page is PageFindings => page !== undefined);
  }

  /** Applies a change to the tab's page; `change` returns whether anything changed. */
  async update(tabId: number, change: (page: PageFindings) => boolean): Promise<void> {
    const page = await this.page(tabId);
    if (page && (await this.pages.get(tabId)) === page && change(page)) this.save(tabId);
  }

  async remove(tabId: number): Promise<void> {
    this.pages.delete(tabId);
    this.dirty.delete(tabId);
    this.sizes.delete(tabId);
    await this.writes.get(tabId);
    await this.area.remove(pageKey(tabId));
  }

  /**
   * Forgets records of tabs that no longer exist (a browser restart, a missed onRemoved).
   * `listedAt` is when `openTabIds` was asked for: a page started since then may be in a tab
   * that list could not name yet, so it is kept.
   */
  async prune(openTabIds: ReadonlySet<number>, listedAt = Number.POSITIVE_INFINITY): Promise<void> {
    const items = await this.area.get(null);
    const stale = Object.keys(items).filter((key) => {
      const record = items[key];
      return key.startsWith('page:') && isPageRecord(record) && !openTabIds.has(record.tabId) && !(record.startedAt >= listedAt);
    });
    if (stale.length === 0) return;
    for (const key of stale) {
      const tabId = (items[key] as PageRecord).tabId;
      this.sizes.delete(tabId);
      // A record the worker still holds would be written back by its next save.
      this.pages.delete(tabId);
      this.dirty.delete(tabId);
    }
    await this.area.remove(stale);
  }

  /**
   * How many times the tab's page has changed (been started, observed, made smaller) since
   * the worker started: equal numbers, same record. For what is built from a record and kept.
   */
  revision(tabId: number): number {
    return this.revisions.get(tabId) ?? 0;
  }

  /** Resolves when every pending write has reached storage (tests, and before answering the popup). */
  async settled(): Promise<void> {
    await Promise.all(this.writes.values());
  }

  private save(tabId: number): void {
    this.changed(tabId);
    if (this.dirty.has(tabId)) return; // a write is already queued and will take the latest state
    this.dirty.add(tabId);
    const previous = this.writes.get(tabId) ?? Promise.resolve();
    const write = previous.then(async () => {
      if (!this.dirty.delete(tabId)) return;
      const page = await this.pages.get(tabId);
      if (!page) return;
      await this.write(tabId, page);
      this.onSaved(page.record);
    });
    this.writes.set(
      tabId,
      write.catch((error: unknown) => console.error('PolicyLens: could not save findings of tab', tabId, error)),
    );
  }

  /**
   * Saves a tab's record within the budget. Past it, other tabs' records are made smaller
   * first, then this one (src/core/compact.ts: sample URLs, then findings counted in
   * `overflow`). A quota error the sizes did not foresee (after a restart the store has not
   * measured every record yet; the browser counts a little differently) makes room the same
   * way, with every stored record measured, aiming 10% lower each time it is refused again.
   */
  private async write(tabId: number, page: PageFindings): Promise<void> {
    this.sizes.set(tabId, recordBytes(page.record));
    let budget = this.budgetBytes;
    if (this.total() > budget) await this.makeRoom(tabId, page, budget);
    for (;;) {
      try {
        await this.area.set({ [pageKey(tabId)]: page.record });
        return;
      } catch (error) {
        // Below a few KB there is nothing left to make smaller: the error is not ours to fix.
        if (!isQuotaError(error) || budget < 4_096) throw error;
        console.warn('PolicyLens: storage.session is full; making room for the findings of tab', tabId);
        for (const known of await this.allPages()) this.sizes.set(known.record.tabId, recordBytes(known.record));
        budget = Math.min(budget, Math.floor(this.total() * 0.9));
        await this.makeRoom(tabId, page, budget);
      }
    }
  }

  private changed(tabId: number): void {
    this.revisions.set(tabId, this.revision(tabId) + 1);
  }

  private total(): number {
    let sum = 0;
    for (const size of this.sizes.values()) sum += size;
    return sum;
  }

  private makeRoom(tabId: number, own: PageFindings, budget: number): Promise<void> {
    const run = this.room.then(async () => {
      const others = (await Promise.all([...this.pages.entries()].map(async ([id, p]) => (id === tabId ? undefined : p))))
        .filter((p): p is PageFindings => p !== undefined && this.sizes.has(p.record.tabId))
        .sort((a, b) => (this.sizes.get(b.record.tabId) ?? 0) - (this.sizes.get(a.record.tabId) ?? 0));
      const changed = new Set<PageFindings>();
      const over = (): number => this.total() - budget;
      const shrink = (page: PageFindings, step: 'samples' | 'findings'): void => {
        if (over() <= 0) return;
        const saved = step === 'samples' ? shortenSamples(page) : shedFindings(page, Math.max(0, recordBytes(page.record) - over()));
        if (saved > 0) {
          changed.add(page);
          this.changed(page.record.tabId);
        }
        this.sizes.set(page.record.tabId, recordBytes(page.record));
      };
      // Other tabs (largest first) give up detail, then findings; the tab being written comes
      // last: it is the one the user is looking at.
      for (const page of others) shrink(page, 'samples');
      for (const page of others) shrink(page, 'findings');
      shrink(own, 'samples');
      shrink(own, 'findings');
      // The others are written smaller now (a smaller value always fits where a larger one was).
      for (const page of changed) {
        const id = page.record.tabId;
        // Not a tab closed or navigated meanwhile: that record must not come back.
        if (page === own || (await this.pages.get(id)) !== page) continue;
        await this.area.set({ [pageKey(id)]: page.record });
        this.onSaved(page.record);
      }
    });
    this.room = run.catch(() => undefined);
    return run;
  }
}

function isPageRecord(value: unknown): value is PageRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<PageRecord>;
  return typeof record.tabId === 'number' && typeof record.url === 'string' && Array.isArray(record.findings);
}
