/**
 * What the visitor typed into fields that ask for an email, a phone number or a
 * name, kept in this content script's memory only (never stored, never sent), so
 * the leak matcher can recognise it in what the page sends out.
 *
 * The matcher (and its hash functions) is loaded into the frame only once the visitor
 * types into such a field (content/late-modules.ts): most page loads never need it.
 * What the page sends before it has arrived waits for it, bounded.
 */
import type { LeakObservation, PersonalDataKind } from '../../core/model';
import type { createLeakMatcher, LeakMatcher } from '../../core/classify/leaks';
import { isSmartErgoHost } from '../../core/site';
import { MAX_URL_LENGTH } from '../../shared/limits';
import { isRecord } from '../../shared/validate';
import { fieldKind } from './forms';

/** The page-world script sends at most this much of a body. */
const MAX_BODY = 65_536;

/** The kinds worth matching: specific enough not to turn up by chance. */
const WATCHED: readonly PersonalDataKind[] = ['email', 'phone', 'name'];
/** A visitor types into few fields; a page cannot make us keep more. */
const MAX_VALUES = 32;
/** Requests held while the matcher loads (it takes one round trip to the worker). */
export const MAX_WAITING_CHECKS = 200;

export type CreateLeakMatcher = typeof createLeakMatcher;

export class TypedValues {
  private readonly values = new Map<Element, { kind: PersonalDataKind; value: string }>();
  private matcher: LeakMatcher | undefined;
  private create: CreateLeakMatcher | undefined;
  private loading = false;
  private readonly waiting: Array<[url: string, body: string | undefined, headers: string | undefined]> = [];

  constructor(
    private readonly report: (observation: LeakObservation) => void,
    /** Brings the matcher into the frame; rejects when it cannot (asked again at the next check). */
    private readonly loadMatcher: () => Promise<CreateLeakMatcher>,
  ) {}

  listen(win: Window, doc: Document): void {
    // The page-world script passes request bodies on only once asked (see page-world/beacon-hints.ts).
    win.addEventListener('message', (event: MessageEvent) => {
      if (event.source !== win || this.values.size === 0) return;
      const data: unknown = event.data;
      if (!isRecord(data) || data.policylens !== 'body-hint') return;
      const { url, body, headers } = data;
      if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || typeof body !== 'string' || body.length > MAX_BODY) return;
      const headerText = typeof headers === 'string' && headers.length <= MAX_BODY ? headers : undefined;
      this.check(url, body, headerText);
    });
    const remember = (event: Event) => {
      const target = event.target;
      const kind = fieldKind(target);
      if (!kind || !WATCHED.includes(kind as PersonalDataKind)) return;
      const value = (target as HTMLInputElement).value;
      if (!this.values.has(target as Element) && this.values.size >= MAX_VALUES) return;
      if (this.values.size === 0) win.postMessage({ policylens: 'watch-bodies' }, win.location.origin);
      this.values.set(target as Element, { kind: kind as PersonalDataKind, value });
      this.matcher = undefined;
      // Now, so it is here before the page sends what was typed (on submit, typically).
      this.load();
    };
    doc.addEventListener('change', remember, { capture: true, passive: true });
    doc.addEventListener('input', remember, { capture: true, passive: true });
  }

  /** Whether anything was typed worth looking for. */
  get watching(): boolean {
    return this.values.size > 0;
  }

  /** Reports what of the typed values a request to a third party carries. */
  check(url: string, body?: string, headers?: string): void {
    if (this.values.size === 0) return;
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return;
    }
    if (isSmartErgoHost(target.hostname)) return; // SmartErgo receiving a form is the form's finding
    if (!this.create) {
      if (this.waiting.length < MAX_WAITING_CHECKS) this.waiting.push([url, body, headers]);
      this.load();
      return;
    }
    this.matcher ??= this.create([...this.values.values()]);
    const where = `${target.origin}${target.pathname}`;
    const inUrl = this.matcher.find(target.href);
    if (inUrl.length > 0) this.report({ source: 'leak', url: where, carrier: 'url', items: inUrl });
    if (headers) {
      const inHeaders = this.matcher.find(headers);
      if (inHeaders.length > 0) this.report({ source: 'leak', url: where, carrier: 'header', items: inHeaders });
    }
    if (body) {
      const inBody = this.matcher.find(body);
      if (inBody.length > 0) this.report({ source: 'leak', url: where, carrier: 'body', items: inBody });
    }
  }

  private load(): void {
    if (this.create || this.loading) return;
    this.loading = true;
    this.loadMatcher().then(
      (create) => {
        this.create = create;
        for (const [url, body, headers] of this.waiting.splice(0)) this.check(url, body, headers);
      },
      () => {
        this.loading = false;
      },
    );
  }
}
