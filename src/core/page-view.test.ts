import { describe, expect, it } from 'vitest';
import { ALL_FINDINGS, GA_BEACON, pageWith, SECTION_TITLES } from '../popup/test-support';
import { pageView } from './page-view';
import { countFindings } from './summary';

const ORDER = Object.keys(SECTION_TITLES);
const many = Array.from({ length: 60 }, (_, i) => ({ ...GA_BEACON, id: `beacon:www.google-analytics.com/c${i}`, path: `/c${i}` }));
const record = pageWith([...many, ...ALL_FINDINGS], { appliedBatches: ['b1'], documentId: 'D1', overflow: 3 });
const rowsOf = (view: ReturnType<typeof pageView>): string[] => view.groups.flatMap((group) => group.findings.map((f) => f.id));

describe('the popup’s view of a page', () => {
  it('shows the first screen row for row as the whole view begins', () => {
    const whole = pageView(record, ORDER);
    for (const rows of [1, 12, 61]) {
      const first = pageView(record, ORDER, rows);
      expect(rowsOf(first)).toEqual(rowsOf(whole).slice(0, rows));
      // Every group's heading is on the first screen, even one with no row on it yet.
      expect(first.groups.map(({ sectionId, verdict, quotes }) => ({ sectionId, verdict, quotes }))).toEqual(
        whole.groups.map(({ sectionId, verdict, quotes }) => ({ sectionId, verdict, quotes })),
      );
      expect(first.counts).toEqual(countFindings(record.findings));
      expect(first.complete).toBe(false);
    }
    expect(whole.complete).toBe(true);
    expect(rowsOf(whole)).toHaveLength(record.findings.length);
  });

  it('is complete when the first screen holds every finding', () => {
    expect(pageView(pageWith(ALL_FINDINGS), ORDER, 12).complete).toBe(true);
  });

  it('keeps the page’s heading, not the worker’s bookkeeping', () => {
    const { page } = pageView(record, ORDER, 12);
    expect(page).toEqual({ tabId: 7, url: record.url, startedAt: record.startedAt, overflow: 3 });
  });
});
