import { describe, expect, it } from 'vitest';
import { pageView } from '../core/page-view';
import { newPage, PageFindings } from '../core/pipeline';
import { POLICY } from '../core/policy/disclosures';
import { FirstScreens } from './first-screens';

const pageUrl = 'https://www.smartergo.com/';
const beacon = (i: number) => ({
  source: 'resource-timing' as const,
  url: `https://tracker-${i}.example/collect?i=${i}`,
  initiatorType: 'beacon',
});
const ORDER = ['cookies', 'analytics'];

describe('FirstScreens', () => {
  it('answers an unchanged page with the screen it built, and builds it again once the page changed', () => {
    const page = new PageFindings(newPage(3, pageUrl, 0));
    let revision = 1;
    const screens = new FirstScreens(() => revision, ORDER);
    for (let i = 0; i < 20; i++) page.observe(beacon(i), { now: i, pageUrl, policy: POLICY });

    const first = screens.of(page.record, 12);
    expect(first).toEqual(pageView(page.record, ORDER, 12));
    expect(screens.of(page.record, 12)).toBe(first); // kept

    page.observe(beacon(99), { now: 99, pageUrl, policy: POLICY });
    revision += 1; // the tab store counts the change
    const after = screens.of(page.record, 12);
    expect(after).not.toBe(first);
    expect(after).toEqual(pageView(page.record, ORDER, 12));
    expect(after.counts).not.toEqual(first.counts);
  });

  it('builds again for another number of rows, and keeps each page apart', () => {
    const a = new PageFindings(newPage(1, pageUrl, 0));
    const b = new PageFindings(newPage(2, pageUrl, 0));
    for (let i = 0; i < 5; i++) a.observe(beacon(i), { now: i, pageUrl, policy: POLICY });
    const screens = new FirstScreens(() => 1, ORDER);
    const twelve = screens.of(a.record, 12);
    expect(screens.of(a.record, 3)).toEqual(pageView(a.record, ORDER, 3));
    expect(screens.of(a.record, 12)).not.toBe(twelve);
    expect(screens.of(b.record, 12)).toEqual(pageView(b.record, ORDER, 12));
  });
});
