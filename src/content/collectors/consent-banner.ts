/**
 * Cookie-consent banners (isolated world, DOM only): reports the banner when it is
 * first shown (answer "none") and the visitor's answer when they give it. What counts
 * as a banner and what a button means is decided in src/core/classify/consent-banner.ts;
 * this file only reads the DOM into plain descriptions.
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
  answerOf,
  answerOnDismiss,
  classifyButton,
  findBanner,
  knownButtonMeaning,
  knownToolOf,
  type BannerButton,
  type BannerCandidate,
  type ButtonMeaning,
} from '../../core/classify/consent-banner';

const BUTTON_SELECTOR = 'button, a[href], [role="button"], input[type="button"], input[type="submit"]';
/** At most this many elements are described per look, and this many buttons per element. */
const MAX_CANDIDATES = 40;
const MAX_BUTTONS = 16;
const MAX_TEXT = 3_001;
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

  constructor(
    private readonly doc: Document,
    private readonly report: (observation: ConsentObservation) => void,
    options: ConsentWatcherOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 150;
    this.dismissChecksMs = options.dismissChecksMs ?? [300, 1_000, 3_000];
    this.giveUpMs = options.giveUpMs ?? 60_000;
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
    const candidates = this.candidates();
    const found = findBanner(candidates.map((c) => c.description));
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

  /** The elements worth describing in this look, bounded. */
  private candidates(): { element: Element; description: BannerCandidate }[] {
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
      if (body) for (const child of body.children) if (isFixed(child, view)) add(child);
    } else {
      for (const element of this.pending) {
        if (!element.isConnected) continue;
        collect(element);
        if (element.parentElement === body && isFixed(element, view)) add(element);
      }
    }
    for (const element of this.waiting) if (element.isConnected) add(element);
    this.pending.clear();
    this.fromDocument = false;

    const described = [...elements].map((element) => ({ element, description: describe(element, view) }));
    // A known tool's banner in the page but not shown yet: watch it for the change that shows it.
    for (const { element, description } of described) {
      if (description.visible || this.waiting.size >= MAX_WAITING || !knownToolOf(description)) continue;
      if (!this.waiting.has(element)) {
        this.waiting.add(element);
        this.attributeObserver?.observe(element, { attributes: true, attributeFilter: ['class', 'style', 'hidden', 'aria-hidden'] });
      }
    }
    return described;
  }

  private clicked(event: Event): void {
    if (this.state !== 'shown' || !this.banner) return;
    const path = event.composedPath().filter(isElement);
    const control = path.find((element) => element.matches(BUTTON_SELECTOR));
    if (!control) return;
    const button = describeButton(control);
    const inBanner = path.includes(this.banner) || (this.tool !== '' && path.some((element) => knownToolOf(idAndClasses(element)) === this.tool));
    // A known tool's buttons are known by id or class even outside its banner (in its preference centre).
    if (!inBanner && !(this.tool && knownButtonMeaning(button, this.tool))) return;
    const meaning = classifyButton(button, this.tool || null);
    const answer = answerOf(meaning);
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
        if (this.state !== 'shown' || !this.banner || !view) return;
        if (!this.banner.isConnected || !isShown(this.banner, view)) this.answered(answerOnDismiss(meaning));
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

const idAndClasses = (element: Element): { id: string; classes: string[] } => ({
  id: element.id || '',
  classes: [...element.classList],
});

const collapse = (text: string | null | undefined, max: number): string =>
  (text ?? '').slice(0, max * 2).replace(/\s+/g, ' ').trim().slice(0, max);

export function describeButton(element: Element): BannerButton {
  const label =
    element.getAttribute('aria-label') ||
    element.textContent ||
    (element.tagName === 'INPUT' ? (element as HTMLInputElement).value : '') ||
    element.getAttribute('title') ||
    '';
  return { ...idAndClasses(element), text: collapse(label, 100) };
}

/** An element as the core reads it. */
export function describe(element: Element, view: Window): BannerCandidate {
  const buttons: BannerButton[] = [];
  const roots: ParentNode[] = [element];
  if (element.shadowRoot) roots.push(element.shadowRoot);
  for (const root of roots) {
    for (const control of root.querySelectorAll(BUTTON_SELECTOR)) {
      if (buttons.length >= MAX_BUTTONS) break;
      buttons.push(describeButton(control));
    }
  }
  const tag = element.tagName.toLowerCase();
  return {
    ...idAndClasses(element),
    tag,
    role: element.getAttribute('role') ?? '',
    modal: element.getAttribute('aria-modal') === 'true' || (tag === 'dialog' && element.hasAttribute('open')),
    text: collapse(element.textContent, MAX_TEXT),
    buttons,
    visible: isShown(element, view),
    fixed: isFixed(element, view),
  };
}

function styleOf(element: Element, view: Window): CSSStyleDeclaration | null {
  try {
    return view.getComputedStyle(element);
  } catch {
    return null;
  }
}

/** Displayed, not hidden, not transparent, and taking space itself or through a child (a wrapper of fixed children has none). */
export function isShown(element: Element, view: Window, depth = 0): boolean {
  const style = styleOf(element, view);
  if (!style || style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
  if (element.getClientRects().length === 0) return false;
  const box = element.getBoundingClientRect();
  if (box.width > 0 && box.height > 0) return true;
  if (depth >= 2) return false;
  const children = [...element.children, ...(element.shadowRoot?.children ?? [])].slice(0, 10);
  return children.some((child) => isShown(child, view, depth + 1));
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
