/**
 * What the page writes to localStorage, sessionStorage and IndexedDB while it is
 * open. The content script shares the page's storage, so it reads the keys itself:
 * a key is reported when it appears or its value changes after the page started
 * (what earlier pages stored is theirs, already reported there). Values are
 * reduced to flags where they are read (classifyStorageValue) and never sent.
 *
 * An area is read only once the page has reached for it: the page-world script
 * (page-world/beacon-hints.ts) says so with a synchronous event before the page can
 * write, and the watcher reads what the area held then. A page that never uses storage
 * costs nothing here; opening an area blocks the page on the browser process, which at
 * document_start held up every page (bench/README.md). A forged event only makes that
 * read come earlier, so it cannot hide a write.
 *
 * IndexedDB cannot be read synchronously; the page-world script tells which database
 * and store the page wrote to, with the start of the value. A forged hint can only
 * make the page look worse.
 */
import type { StorageArea, StorageObservation } from '../../core/model';
import { classifyStorageValue } from '../../core/classify/storage-value';
import { MAX_STORAGE_KEY_LENGTH } from '../../shared/limits';
import { isRecord } from '../../shared/validate';

/** More keys than this in one area is not a site's state but a cache: the rest are not read. */
const MAX_KEYS_PER_AREA = 500;
type WebStorageArea = 'local' | 'session';
const STORAGE_AREAS: readonly WebStorageArea[] = ['local', 'session'];

/** IndexedDB stores a page may report; past this, hints are ignored. */
const MAX_DB_STORES = 200;

export interface StorageAreas {
  local?: () => Storage | null;
  session?: () => Storage | null;
}

/** FNV-1a over the value: enough to tell a changed value from the same one, without keeping it. */
function fingerprint(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${value.length}:${hash >>> 0}`;
}

export class StorageWatcher {
  private readonly known = new Map<StorageArea, Map<string, string>>();
  private readonly dbStores = new Set<string>();

  constructor(
    private readonly areas: StorageAreas,
    private readonly report: (observation: StorageObservation) => void,
  ) {}

  /**
   * Remembers what an area holds when the page first reaches for it, so only this page's
   * writes are reported. Where the page-world script's watch is not in place (it did not
   * answer: a browser without page-world scripts, a frame it does not run in), both areas now.
   */
  start(win: Window): void {
    win.addEventListener('policylens-storage-reached', (event) => {
      const area = (event as CustomEvent<unknown>).detail;
      if (area === 'local' || area === 'session') this.remember(area);
    });
    let watched = '';
    const answer = (event: Event): void => {
      watched = String((event as CustomEvent<unknown>).detail ?? '');
    };
    // Events are dispatched synchronously: the answer, if any, is in when dispatchEvent returns.
    win.addEventListener('policylens-storage-watched', answer);
    win.dispatchEvent(new Event('policylens-storage-ask'));
    win.removeEventListener('policylens-storage-watched', answer);
    const watchedAreas = watched.split(' ');
    for (const area of STORAGE_AREAS) if (!watchedAreas.includes(area)) this.remember(area);
  }

  /** Reports keys written since the last look, in the areas the page has reached for. */
  check(): void {
    for (const [area, storage] of this.open()) {
      const before = this.known.get(area);
      if (!before) continue;
      try {
        for (let i = 0; i < storage.length && i < MAX_KEYS_PER_AREA; i++) {
          const key = storage.key(i);
          if (key === null || key.length > MAX_STORAGE_KEY_LENGTH) continue;
          const value = storage.getItem(key) ?? '';
          const print = fingerprint(value);
          if (before.get(key) === print) continue;
          before.set(key, print);
          this.report({ source: 'storage', area, key, valueLength: value.length, ...classifyStorageValue(value) });
        }
      } catch {
        // Storage went away mid-read (the user cleared it, the frame was sandboxed): next look.
      }
    }
  }

  /** Listens for the page-world script's IndexedDB hints. */
  listen(win: Window): void {
    win.addEventListener('message', (event: MessageEvent) => {
      if (event.source !== win) return;
      const data: unknown = event.data;
      if (!isRecord(data) || data.policylens !== 'storage-hint') return;
      const { key, sample, length } = data;
      if (typeof key !== 'string' || key.length === 0 || key.length > MAX_STORAGE_KEY_LENGTH) return;
      if (typeof sample !== 'string' || typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) return;
      if (!this.dbStores.has(key) && this.dbStores.size >= MAX_DB_STORES) return;
      this.dbStores.add(key);
      this.report({ source: 'storage', area: 'indexeddb', key, valueLength: length, ...classifyStorageValue(sample) });
      // Scripts that write a database usually write localStorage beside it.
      this.check();
    });
  }

  private remember(area: WebStorageArea): void {
    if (this.known.has(area)) return;
    const storage = this.area(area);
    // Unreadable now: every key will look new later, which over-reports rather than hides.
    this.known.set(area, storage ? this.snapshot(storage) : new Map());
  }

  /** The areas the page has reached for, open. */
  private open(): [StorageArea, Storage][] {
    const out: [StorageArea, Storage][] = [];
    for (const area of STORAGE_AREAS) {
      if (!this.known.has(area)) continue;
      const storage = this.area(area);
      if (storage) out.push([area, storage]);
    }
    return out;
  }

  private area(area: WebStorageArea): Storage | null {
    try {
      return this.areas[area]?.() ?? null;
    } catch {
      return null; // A sandboxed frame, or storage the user turned off: nothing to read.
    }
  }

  private snapshot(storage: Storage): Map<string, string> {
    const map = new Map<string, string>();
    try {
      for (let i = 0; i < storage.length && i < MAX_KEYS_PER_AREA; i++) {
        const key = storage.key(i);
        if (key !== null) map.set(key, fingerprint(storage.getItem(key) ?? ''));
      }
    } catch {
      // Unreadable now: every key will look new later, which over-reports rather than hides.
    }
    return map;
  }
}
