/**
 * Resource timing sees every request the page made, third-party ones included,
 * without host permissions: images and 1x1 pixels, sendBeacon ("beacon"), fetch/xhr,
 * scripts, frames. A buffered observer also gets what loaded before we started.
 */
import type { ResourceObservation } from '../../core/model';

export interface ResourceObserver {
  /** Classifies and reports the entries seen so far (the content script's idle pass). */
  flush(): void;
  stop(): void;
}

/**
 * Observes the page's resource entries. The observer's callback only keeps them and
 * calls `seen`; they are classified and reported on `flush`, so a page's bursts of
 * entries cost one look at its images, when the page is idle.
 */
export function observeResources(
  doc: Document,
  report: (observation: ResourceObservation) => void,
  /** How the page-world script saw a URL sent (sendBeacon, keepalive fetch), if it did. */
  sentAs: (url: string) => ResourceObservation['sentAs'] = () => undefined,
  /** Told when new entries are waiting for `flush`. */
  seen: () => void = () => {},
): ResourceObserver {
  const none: ResourceObserver = { flush: () => {}, stop: () => {} };
  const view = doc.defaultView;
  if (!view || typeof view.PerformanceObserver !== 'function') return none;
  let pending: PerformanceEntry[] = [];
  const observer = new view.PerformanceObserver((list) => {
    pending.push(...list.getEntries());
    seen();
  });
  try {
    observer.observe({ type: 'resource', buffered: true });
  } catch {
    return none;
  }
  return {
    flush() {
      const entries = pending.concat(observer.takeRecords());
      pending = [];
      if (entries.length > 0) reportEntries(doc, entries as PerformanceResourceTiming[], report, sentAs);
    },
    stop: () => observer.disconnect(),
  };
}

/**
 * Every resource the page has loaded so far, reported again: for a page restored from the
 * back/forward cache, whose findings the worker put aside when the tab moved on.
 */
export function reportAllResources(
  doc: Document,
  report: (observation: ResourceObservation) => void,
  sentAs: (url: string) => ResourceObservation['sentAs'] = () => undefined,
): void {
  const performance = doc.defaultView?.performance;
  if (!performance || typeof performance.getEntriesByType !== 'function') return;
  reportEntries(doc, performance.getEntriesByType('resource') as PerformanceResourceTiming[], report, sentAs);
}

function reportEntries(
  doc: Document,
  entries: readonly PerformanceResourceTiming[],
  report: (observation: ResourceObservation) => void,
  sentAs: (url: string) => ResourceObservation['sentAs'],
): void {
  // One look at the page's images per flush, not one per image entry: on a page with
  // many images that query was quadratic (about 0.5 s for 1,000 entries).
  let images: ImagesByUrl | undefined;
  const index = (): ImagesByUrl => (images ??= imagesByUrl(doc));
  for (const entry of entries) {
    const initiatorType = String(entry.initiatorType ?? 'other');
    const url = String(entry.name);
    const hint = initiatorType === 'img' ? undefined : sentAs(url);
    report({
      source: 'resource-timing',
      url,
      initiatorType,
      ...(initiatorType === 'img' ? { looksLikePixel: looksLikePixel(doc, url, index) } : {}),
      ...(hint ? { sentAs: hint } : {}),
    });
  }
}

/**
 * An image is a beacon when it carries data (a query string) and the visitor never
 * really sees it: not in the page (`new Image().src = ...`), hidden, or at most 1x1.
 * A layout spacer without a query string is not a beacon.
 */
export function looksLikePixel(doc: Document, url: string, index: () => ImagesByUrl = () => imagesByUrl(doc)): boolean {
  let hasData: boolean;
  try {
    hasData = new URL(url).search.length > 1;
  } catch {
    return false;
  }
  if (!hasData) return false;
  const images = index().get(url);
  if (images === undefined) return true;
  return images.every((image) => isInvisible(image));
}

/** The page's <img> elements by URL: each under its currentSrc and its src. */
export type ImagesByUrl = Map<string, HTMLImageElement[]>;

export function imagesByUrl(doc: Document): ImagesByUrl {
  const byUrl: ImagesByUrl = new Map();
  const add = (url: string, image: HTMLImageElement): void => {
    const list = byUrl.get(url);
    if (list) list.push(image);
    else byUrl.set(url, [image]);
  };
  for (const image of Array.from(doc.querySelectorAll('img'))) {
    add(image.currentSrc, image);
    if (image.src !== image.currentSrc) add(image.src, image);
  }
  return byUrl;
}

function isInvisible(image: HTMLImageElement): boolean {
  const hasSizeAttributes = image.hasAttribute('width') || image.hasAttribute('height');
  if (Number(image.getAttribute('width') ?? 2) <= 1 && Number(image.getAttribute('height') ?? 2) <= 1) return true;
  // Without size attributes the image shows at its own size: a 1x1 GIF (or an empty 204) is invisible.
  if (!hasSizeAttributes && image.complete && image.naturalWidth <= 1 && image.naturalHeight <= 1) return true;
  // Last, since it can make the page compute its style: only an image the attributes did not settle.
  const style = image.ownerDocument.defaultView?.getComputedStyle(image);
  return style ? style.display === 'none' || style.visibility === 'hidden' : false;
}
