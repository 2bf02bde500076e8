/**
 * Cookie-consent banners (isolated world, DOM only): reports the banner when it is
 * first shown (answer "none") and the visitor's answer when they give it. What counts
 * as a banner and what a button means is decided in src/core/classify/consent-banner.ts;
 * consent-reader.ts reads the DOM into the plain descriptions it takes.
 *
 * This watcher only finds the elements worth a look. The reader and the classifier are
 * not in the content script (content/late-modules.ts): they are brought into the frame
 * the first time a look finds an element that can be a banner, a known tool's or one
 * that speaks of cookies, which most pages never show.
 *
 * Cheap by construction: mutations only collect the added elements and arm a debounced
 * look (no DOM work in the observer callback); a look checks a bounded set of elements
 * found by attribute selectors (known tools' ids and classes, "cookie"/"consent" in an
 * id or class, dialogs) plus the body's own children, never every element. Once the
 * visitor has answered, everything stops.
 */
import type { ConsentAnswer, ConsentObservation } from '../../core/model';
import {
  GENERIC_BANNER_SELECTOR,
  KNOWN_BANNER_IDS,
  KNOWN_BANNER_OTHER_SELECTOR,
  KNOWN_BANNER_SELECTOR,
  type ButtonMeaning,
} from '../../core/classify/consent-banner';
import type { ConsentReader } from './consent-reader';

/** At most this many elements are described per look. */
const MAX_CANDIDATES = 40;
/** The part of an element's text a description keeps. */
export const MAX_TEXT = 3_001;
/** Every banner of the site's own speaks of cookies (core/classify/consent-banner.ts). */
const SPEAKS_OF_COOKIES = /cookie/i;
/** Added elements kept between looks; past it the next look starts from the document. */
const MAX_PENDING = 100;
/** Known-tool elements present but not shown yet, watched for the attribute change that shows them. */
const MAX_WAITING = 10;

export interface ConsentWatcherOptions {
  /** Quiet time after the last mutation before a look. */
  debounceMs?: number;
  /** After a click that may have dismissed the banner, look whether it went away this long after. */
  dismissChecksMs?: readonly number[];
  /** Stop looking for a banner this long after start if none was shown (a banner comes early). */
  giveUpMs?: number;
  /** The DOM reader and classifier, when they are at hand (tests)... */
  reader?: ConsentReader;
  /** ...or how to bring them into the frame (the content script). */
  loadReader?: () => Promise<ConsentReader>;
}

type State = 'looking' | 'shown' | 'answered' | 'stopped';

export class ConsentBannerWatcher {
  private state: State = 'looking';
  private banner: Element | null = null;
  private tool = '';
  private readonly pending = new Set<Element>();
  private fromDocument = true;
  private readonly waiting = new Set<Element>();
  private observer: MutationObserver | null = null;
  private attributeObserver: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly debounceMs: number;
  private readonly dismissChecksMs: readonly number[];
  private readonly giveUpMs: number;
  private readonly onClick = (event: Event): void => this.clicked(event);
  /** What the selectors matched in the last look at the whole document (bounded). */
  private scanned: Element[] | undefined;
  private reuseScan = false;
  /** More was added than `pending` holds since the last full look: only a query sees it all. */
  private overflowed = false;
  private reader: ConsentReader | undefined;
  private readerRequested = false;
  private readonly loadReader: (() => Promise<ConsentReader>) | undefined;

  constructor(
    private readonly doc: Document,
    private readonly report: (observation: ConsentObservation) => void,
    options: ConsentWatcherOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 150;
    this.dismissChecksMs = options.dismissChecksMs ?? [300, 1_000, 3_000];
    this.giveUpMs = options.giveUpMs ?? 60_000;
    this.reader = options.reader;
    this.loadReader = options.loadReader;
  }

  start(): void {
    const view = this.doc.defaultView;
    if (!view || this.observer) return;
    this.observer = new view.MutationObserver((records) => {
      this.noteAdded(records);
      this.schedule();
    });
    this.observer.observe(this.doc, { childList: true, subtree: true });
    // A banner shown by a class on <body> or <html> ("show-cookie-banner"): those two only, not the subtree.
    this.attributeObserver = new view.MutationObserver((records) => {
      if (records.some((r) => r.target === this.doc.body || r.target === this.doc.documentElement)) this.fromDocument = true;
      this.schedule();
    });
    view.addEventListener('click', this.onClick, { capture: true, passive: true });
    this.later(() => {
      if (this.state === 'looking') this.stop();
    }, this.giveUpMs);
    this.schedule();
  }

  /**
   * Looks at the whole document again without querying it: at what the selectors matched
   * last time (it may have been shown since), the body's fixed children, and what was added
   * since (the observer kept it). A query over a large page's every element is the costly
   * part of a look (about 7 ms for 10,000 elements); an element that only later got a
   * telling id or class waits for the next full look.
   */
  recheck(): void {
    if (this.observer) this.noteAdded(this.observer.takeRecords());
    this.reuseScan = this.scanned !== undefined;
    this.look(true);
    this.reuseScan = false;
  }

  /** Looks now: at what was added since the last look, or (the page finished loading) at the whole document's candidates. */
  look(fromDocument = false): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.state !== 'looking') return;
    if (fromDocument) this.fromDocument = true;
    if (this.attributeObserver) {
      for (const root of [this.doc.documentElement, this.doc.body]) {
        if (root) this.attributeObserver.observe(root, { attributes: true, attributeFilter: ['class', 'style', 'hidden'] });
      }
    }
    const elements = this.candidates();
    if (elements.length === 0) return;
    const reader = this.readerNow();
    if (!reader) return; // its arrival looks at the whole document
    const candidates = this.describe(elements, reader);
    const found = reader.findBanner(candidates.map((c) => c.description));
    if (!found) return;
    const chosen = candidates[found.index];
    if (!chosen) return;
    this.banner = chosen.element;
    this.tool = found.tool;
    this.state = 'shown';
    this.waiting.clear();
    this.pending.clear();
    // From here only clicks matter (and, after one, whether the banner went away): no more watching.
    this.observer?.disconnect();
    this.attributeObserver?.disconnect();
    this.report({ source: 'consent', tool: this.tool, answer: 'none' });
  }

  stop(): void {
    if (this.state === 'looking' || this.state === 'shown') this.state = 'stopped';
    this.observer?.disconnect();
    this.attributeObserver?.disconnect();
    this.observer = null;
    this.attributeObserver = null;
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
    this.waiting.clear();
    this.doc.defaultView?.removeEventListener('click', this.onClick, { capture: true });
  }

  private noteAdded(records: readonly MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (this.pending.size >= MAX_PENDING) {
          this.fromDocument = true;
          this.overflowed = true;
        } else this.pending.add(node as Element);
      }
    }
  }

  private schedule(): void {
    if (this.state !== 'looking') return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.look(), this.debounceMs);
  }

  private later(run: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** The reader, or undefined while it is being brought in (it looks again once here). */
  private readerNow(): ConsentReader | undefined {
    if (this.reader || !this.loadReader || this.readerRequested) return this.reader;
    this.readerRequested = true;
    this.loadReader().then(
      (reader) => {
        this.reader = reader;
        this.look(true);
      },
      () => {
        this.readerRequested = false; // asked again at the next look that needs it
      },
    );
    return undefined;
  }

  /** The elements worth describing in this look, bounded. */
  private candidates(): Element[] {
    const view = this.doc.defaultView;
    if (!view) return [];
    const elements = new Set<Element>();
    const add = (element: Element): void => {
      if (elements.size < MAX_CANDIDATES) elements.add(element);
    };
    /** What a page added: the element itself and what is inside it. */
    const collect = (root: Element): void => {
      for (const selector of [KNOWN_BANNER_SELECTOR, GENERIC_BANNER_SELECTOR]) {
        if (root.matches(selector)) add(root);
        for (const element of root.querySelectorAll(selector)) {
          if (elements.size >= MAX_CANDIDATES) return;
          add(element);
        }
      }
    };
    /** The whole document, in document order, the known ids looked up one by one. */
    const collectFromDocument = (): void => {
      const known: Element[] = KNOWN_BANNER_IDS.flatMap((id) => this.doc.getElementById(id) ?? []);
      known.push(...this.doc.querySelectorAll(KNOWN_BANNER_OTHER_SELECTOR));
      known.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
      for (const element of known) add(element);
      for (const element of this.doc.querySelectorAll(GENERIC_BANNER_SELECTOR)) {
        if (elements.size >= MAX_CANDIDATES) return;
        add(element);
      }
    };
    const body = this.doc.body;
    if (this.fromDocument) {
      if (this.reuseScan && this.scanned && !this.overflowed) {
        for (const element of this.scanned) if (element.isConnected) add(element);
        for (const element of this.pending) if (element.isConnected) collect(element);
      } else {
        collectFromDocument();
        this.scanned = [...elements];
        this.overflowed = false;
      }
      // A banner without telling ids or classes: a fixed or sticky child of the body.
      // The text first: a child's computed style costs more than its text, and most children are not fixed.
      if (body) for (const child of body.children) if (mayBeBanner(child) && isFixed(child, view)) add(child);
    } else {
      for (const element of this.pending) {
        if (!element.isConnected) continue;
        collect(element);
        if (element.parentElement === body && mayBeBanner(element) && isFixed(element, view)) add(element);
      }
    }
    for (const element of this.waiting) if (element.isConnected) add(element);
    this.pending.clear();
    this.fromDocument = false;
    // Only these can turn out to be a banner (mayBeBanner); the rest need no reader.
    return [...elements].filter(mayBeBanner);
  }

  private describe(elements: readonly Element[], reader: ConsentReader) {
    const view = this.doc.defaultView;
    if (!view) return [];
    const described = elements.map((element) => ({ element, description: reader.describe(element, view) }));
    // A known tool's banner in the page but not shown yet: watch it for the change that shows it.
    for (const { element, description } of described) {
      if (description.visible || this.waiting.size >= MAX_WAITING || !reader.knownToolOf(description)) continue;
      if (!this.waiting.has(element)) {
        this.waiting.add(element);
        this.attributeObserver?.observe(element, { attributes: true, attributeFilter: ['class', 'style', 'hidden', 'aria-hidden'] });
      }
    }
    return described;
  }

  private clicked(event: Event): void {
    const reader = this.reader; // here: a banner was shown
    if (this.state !== 'shown' || !this.banner || !reader) return;
    const path = event.composedPath().filter(isElement);
    const control = path.find((element) => element.matches(reader.BUTTON_SELECTOR));
    if (!control) return;
    const button = reader.describeButton(control);
    const inBanner =
      path.includes(this.banner) || (this.tool !== '' && path.some((element) => reader.knownToolOf(reader.idAndClasses(element)) === this.tool));
    // A known tool's buttons are known by id or class even outside its banner (in its preference centre).
    if (!inBanner && !(this.tool && reader.knownButtonMeaning(button, this.tool))) return;
    const meaning = reader.classifyButton(button, this.tool || null);
    const answer = reader.answerOf(meaning);
    if (answer) {
      this.answered(answer);
      return;
    }
    if (meaning === 'settings') return;
    this.watchDismissal(meaning);
  }

  /** A click that may have answered (a close, a saved selection, an unlabelled control): answered if the banner goes away. */
  private watchDismissal(meaning: ButtonMeaning | null): void {
    for (const ms of this.dismissChecksMs) {
      this.later(() => {
        const view = this.doc.defaultView;
        const reader = this.reader;
        if (this.state !== 'shown' || !this.banner || !view || !reader) return;
        if (!this.banner.isConnected || !reader.isShown(this.banner, view)) this.answered(reader.answerOnDismiss(meaning));
      }, ms);
    }
  }

  private answered(answer: Exclude<ConsentAnswer, 'none'>): void {
    this.state = 'answered';
    this.report({ source: 'consent', tool: this.tool, answer });
    this.stop();
  }
}

// nodeType, not instanceof: in Firefox the content script sees the page's nodes through Xray wrappers.
const isElement = (node: unknown): node is Element => (node as Node | null)?.nodeType === 1;

/**
 * Whether a look must bring the reader in: a known tool's element, or one that speaks of
 * cookies within the text a description keeps (which every banner of the site's own does).
 */
function mayBeBanner(element: Element): boolean {
  return element.matches(KNOWN_BANNER_SELECTOR) || SPEAKS_OF_COOKIES.test(textStart(element, MAX_TEXT * 2));
}

/**
 * The start of an element's text: textContent.slice(0, max) without building the whole
 * text of a large subtree (a body child holding a 10,000-element catalogue).
 */
export function textStart(element: Element, max: number): string {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  while (text.length < max && walker.nextNode()) text += walker.currentNode.nodeValue ?? '';
  return text.slice(0, max);
}

export function styleOf(element: Element, view: Window): CSSStyleDeclaration | null {
  try {
    return view.getComputedStyle(element);
  } catch {
    return null;
  }
}

/** position: fixed or sticky: the element, one of its three nearest ancestors, or (for a wrapper) its first child. */
export function isFixed(element: Element, view: Window): boolean {
  const fixed = (el: Element | null | undefined): boolean => {
    const position = el ? styleOf(el, view)?.position : undefined;
    return position === 'fixed' || position === 'sticky';
  };
  let current: Element | null = element;
  for (let i = 0; i < 4 && current && current !== element.ownerDocument.body; i += 1, current = current.parentElement) {
    if (fixed(current)) return true;
  }
  return fixed(element.firstElementChild);
}
