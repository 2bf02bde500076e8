/**
 * Resource timing sees every request the page made, third-party ones included,
 * without host permissions: images and 1x1 pixels, sendBeacon ("beacon"), fetch/xhr,
 * scripts, frames. A buffered observer also gets what loaded before we started.
 */
import type { ResourceObservation } from '../../core/model';

export function observeResources(doc: Document, report: (observation: ResourceObservation) => void): () => void {
  const view = doc.defaultView;
  if (!view || typeof view.PerformanceObserver !== 'function') return () => {};
  const observer = new view.PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      const initiatorType = String(entry.initiatorType ?? 'other');
      const url = String(entry.name);
      report({
        source: 'resource-timing',
        url,
        initiatorType,
        ...(initiatorType === 'img' ? { looksLikePixel: looksLikePixel(doc, url) } : {}),
      });
    }
  });
  try {
    observer.observe({ type: 'resource', buffered: true });
  } catch {
    return () => {};
  }
  return () => observer.disconnect();
}

/**
 * An image is a beacon when it carries data (a query string) and the visitor never
 * really sees it: not in the page (`new Image().src = ...`), hidden, or at most 1x1.
 * A layout spacer without a query string is not a beacon.
 */
export function looksLikePixel(doc: Document, url: string): boolean {
  let hasData: boolean;
  try {
    hasData = new URL(url).search.length > 1;
  } catch {
    return false;
  }
  if (!hasData) return false;
  const images = Array.from(doc.querySelectorAll('img')).filter((image) => image.currentSrc === url || image.src === url);
  if (images.length === 0) return true;
  return images.every((image) => isInvisible(image));
}

function isInvisible(image: HTMLImageElement): boolean {
  const hasSizeAttributes = image.hasAttribute('width') || image.hasAttribute('height');
  const attrTiny = Number(image.getAttribute('width') ?? 2) <= 1 && Number(image.getAttribute('height') ?? 2) <= 1;
  // Without size attributes the image shows at its own size: a 1x1 GIF (or an empty 204) is invisible.
  const naturalTiny = !hasSizeAttributes && image.complete && image.naturalWidth <= 1 && image.naturalHeight <= 1;
  const style = image.ownerDocument.defaultView?.getComputedStyle(image);
  const hidden = style ? style.display === 'none' || style.visibility === 'hidden' : false;
  return attrTiny || naturalTiny || hidden;
}
