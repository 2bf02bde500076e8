/**
 * Per-tab page findings, mirrored write-through into storage.session so a stopped
 * worker loses nothing (Ghostery's habit): the first use of a tab after a restart
 * restores it lazily; writes are coalesced so a burst of observations costs one
 * storage write per turn of the event loop, not one per request.
 */
import { newPage, PageFindings } from '../core/pipeline';
import type { PageRecord } from '../core/model';
import { pageKey } from '../shared/storage-keys';

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

  constructor(
    private readonly area: SessionArea,
    /** Called after a page's record reached storage (the badge follows it). */
    private readonly onSaved: (record: PageRecord) => void = () => {},
  ) {}

  /** A navigation: the tab now shows a new page with no findings yet. */
  start(tabId: number, url: string, now: number): PageFindings {
    const page = new PageFindings(newPage(tabId, url, now));
    this.pages.set(tabId, Promise.resolve(page));
    this.save(tabId);
    return page;
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
    await this.writes.get(tabId);
    await this.area.remove(pageKey(tabId));
  }

  /** Forgets records of tabs that no longer exist (a browser restart, a missed onRemoved). */
  async prune(openTabIds: ReadonlySet<number>): Promise<void> {
    const items = await this.area.get(null);
    const stale = Object.keys(items).filter((key) => {
      const record = items[key];
      return key.startsWith('page:') && isPageRecord(record) && !openTabIds.has(record.tabId);
    });
    if (stale.length > 0) await this.area.remove(stale);
  }

  /** Resolves when every pending write has reached storage (tests, and before answering the popup). */
  async settled(): Promise<void> {
    await Promise.all(this.writes.values());
  }

  private save(tabId: number): void {
    if (this.dirty.has(tabId)) return; // a write is already queued and will take the latest state
    this.dirty.add(tabId);
    const previous = this.writes.get(tabId) ?? Promise.resolve();
    const write = previous.then(async () => {
      if (!this.dirty.delete(tabId)) return;
      const page = await this.pages.get(tabId);
      if (!page) return;
      await this.area.set({ [pageKey(tabId)]: page.record });
      this.onSaved(page.record);
    });
    this.writes.set(
      tabId,
      write.catch((error: unknown) => console.error('PolicyLens: could not save findings of tab', tabId, error)),
    );
  }
}

function isPageRecord(value: unknown): value is PageRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<PageRecord>;
  return typeof record.tabId === 'number' && typeof record.url === 'string' && Array.isArray(record.findings);
}
