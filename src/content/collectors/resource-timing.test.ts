// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ResourceObservation } from '../../core/model';
import { imagesByUrl, looksLikePixel, observeResources, reportAllResources } from './resource-timing';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('looksLikePixel', () => {
  it('calls an undisplayed image that carries data a pixel (new Image().src = ...)', () => {
    expect(looksLikePixel(page(''), 'https://www.facebook.com/tr?id=1&ev=Lead')).toBe(true);
  });

  it('calls a 1x1 or hidden image with data a pixel', () => {
    const url = 'https://www.facebook.com/tr?id=1&ev=PageView';
    expect(looksLikePixel(page(`<img src="${url}" width="1" height="1">`), url)).toBe(true);
    expect(looksLikePixel(page(`<img src="${url}" style="display:none">`), url)).toBe(true);
  });

  it('does not call a displayed image a pixel', () => {
    const url = 'https://cdn.example/product.jpg?w=400';
    expect(looksLikePixel(page(`<img src="${url}" width="400" height="300">`), url)).toBe(false);
  });

  it('does not call a spacer without a query string a pixel (the control)', () => {
    const url = 'https://www.smartergo.com/img/spacer.gif';
    expect(looksLikePixel(page(`<img src="${url}" width="1" height="1">`), url)).toBe(false);
  });

  it('never throws on a malformed URL', () => {
    expect(looksLikePixel(page(''), 'http://[::1')).toBe(false);
  });
});

describe('imagesByUrl', () => {
  it('finds an image by its src and lists each image once per URL', () => {
    const url = 'https://cdn.example/a.png?w=1';
    const doc = page(`<img src="${url}"><img src="${url}" width="1" height="1"><img src="https://cdn.example/b.png">`);
    const index = imagesByUrl(doc);
    expect(index.get(url)).toHaveLength(2);
    expect(index.get('https://cdn.example/b.png')).toHaveLength(1);
    expect(index.get('https://cdn.example/c.png')).toBeUndefined();
  });

  it('gives looksLikePixel the same answers as a fresh look at the page', () => {
    const shown = 'https://cdn.example/product.jpg?w=400';
    const pixel = 'https://www.facebook.com/tr?id=1&ev=PageView';
    const doc = page(`<img src="${shown}" width="400" height="300"><img src="${pixel}" width="1" height="1">`);
    const index = imagesByUrl(doc);
    for (const url of [shown, pixel, 'https://www.facebook.com/tr?id=1&ev=Lead']) {
      expect(looksLikePixel(doc, url, () => index)).toBe(looksLikePixel(doc, url));
    }
  });
});

describe('reportAllResources (a page back from the back/forward cache)', () => {
  it('reports every resource the page has loaded, classified as the observer does', () => {
    const doc = page('');
    const entries = [
      { name: 'https://www.facebook.com/tr?id=1', initiatorType: 'img' },
      { name: 'https://www.google-analytics.com/g/collect?v=2', initiatorType: 'beacon' },
    ];
    const view = doc.defaultView!;
    const original = view.performance.getEntriesByType.bind(view.performance);
    view.performance.getEntriesByType = ((type: string) => (type === 'resource' ? entries : original(type))) as typeof view.performance.getEntriesByType;
    const seen: ResourceObservation[] = [];
    try {
      reportAllResources(doc, (o) => seen.push(o));
    } finally {
      view.performance.getEntriesByType = original;
    }
    expect(seen).toEqual([
      { source: 'resource-timing', url: 'https://www.facebook.com/tr?id=1', initiatorType: 'img', looksLikePixel: true },
      { source: 'resource-timing', url: 'https://www.google-analytics.com/g/collect?v=2', initiatorType: 'beacon' },
    ]);
  });
});

describe('observeResources', () => {
  /** A window whose PerformanceObserver is driven by the test. */
  function fakeView() {
    let deliver: ((entries: object[]) => void) | undefined;
    let queued: object[] = [];
    class FakeObserver {
      constructor(callback: (list: { getEntries(): object[] }) => void) {
        deliver = (entries) => callback({ getEntries: () => entries });
      }
      observe() {}
      takeRecords() {
        const records = queued;
        queued = [];
        return records;
      }
      disconnect() {}
    }
    const doc = page('');
    const view = { PerformanceObserver: FakeObserver, getComputedStyle: () => ({ display: 'inline', visibility: 'visible' }) };
    Object.defineProperty(doc, 'defaultView', { value: view, configurable: true });
    return { doc, deliver: (entries: object[]) => deliver?.(entries), queue: (entries: object[]) => queued.push(...entries) };
  }

  it('keeps entries until flush, then reports each one, queued ones included', () => {
    const { doc, deliver, queue } = fakeView();
    const reported: string[] = [];
    let seen = 0;
    const observer = observeResources(doc, (o) => reported.push(`${o.initiatorType} ${o.url} ${o.looksLikePixel ?? '-'} ${o.sentAs ?? '-'}`), (url) => (url.includes('beacon') ? 'sendbeacon' : undefined), () => seen++);
    deliver([{ name: 'https://www.facebook.com/tr?id=1', initiatorType: 'img' }]);
    deliver([{ name: 'https://t.example/beacon', initiatorType: 'beacon' }]);
    queue([{ name: 'https://cdn.example/app.js', initiatorType: 'script' }]);
    expect(seen).toBe(2);
    expect(reported).toEqual([]);
    observer.flush();
    expect(reported).toEqual([
      'img https://www.facebook.com/tr?id=1 true -',
      'beacon https://t.example/beacon - sendbeacon',
      'script https://cdn.example/app.js - -',
    ]);
    observer.flush();
    expect(reported).toHaveLength(3);
    Reflect.deleteProperty(doc, 'defaultView');
  });
});
