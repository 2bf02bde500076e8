/**
 * document.cookie shows the cookies the page's scripts can read (no attributes).
 * The worker's cookies API knows more; this catches what scripts set and read, and
 * reports a name only when its value changed since the last look.
 */
import type { DocumentCookieObservation } from '../../core/model';

/** The part of the Cookie Store API (window.cookieStore) the watcher uses. */
export interface CookieStoreLike {
  getAll(): Promise<ReadonlyArray<{ name: string; value: string }>>;
}

export class DocumentCookieWatcher {
  private lastRaw = '';
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly read: () => string,
    private readonly report: (observation: DocumentCookieObservation) => void,
  ) {}

  /** Forgets what was reported, so the next check reports every cookie again (a page back from the cache). */
  reset(): void {
    this.lastRaw = '';
    this.seen.clear();
  }

  check(): void {
    let raw: string;
    try {
      raw = this.read();
    } catch {
      return; // a sandboxed frame or a page that broke document.cookie
    }
    this.see(raw);
  }

  /**
   * Reading document.cookie is a synchronous round trip to the browser's cookie store
   * whenever the cookies changed: a trace of the demo home page showed 6–19 ms of the
   * page's main thread blocked in it. The Cookie Store API gives the same cookies
   * (those scripts can read) without blocking; where it exists, this looks through it.
   */
  checkWithoutBlocking(store: CookieStoreLike | undefined): void {
    if (!store) return this.check();
    store.getAll().then(
      (cookies) => this.see(cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')),
      () => this.check(),
    );
  }

  /** A document.cookie string: reports the names whose value is new. */
  see(raw: string): void {
    if (raw === this.lastRaw) return;
    this.lastRaw = raw;
    for (const [name, value] of parseCookieString(raw)) {
      if (this.seen.get(name) === value) continue;
      this.seen.set(name, value);
      this.report({ source: 'document-cookie', name, value });
    }
  }
}

export function parseCookieString(raw: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of raw.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    const name = eq === -1 ? '' : trimmed.slice(0, eq).trim();
    const value = eq === -1 ? trimmed : trimmed.slice(eq + 1).trim();
    pairs.push([name, value]);
  }
  return pairs;
}
