// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ResourceObservation } from '../../core/model';
import { imagesByUrl, looksLikePixel, reportAllResources } from './resource-timing';

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
