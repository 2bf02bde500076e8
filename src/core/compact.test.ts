import { describe, expect, it } from 'vitest';
import { recordBytes, shedFindings, shortenSamples } from './compact';
import type { Observation } from './model';
import { isRequestFinding } from './model';
import { newPage, PageFindings } from './pipeline';
import { POLICY } from './policy/disclosures';

const pageUrl = 'https://www.smartergo.com/';
const ctx = { now: 1, pageUrl, policy: POLICY };

function pageWith(observations: Observation[]): PageFindings {
  const page = new PageFindings(newPage(1, pageUrl, 0));
  for (const o of observations) page.observe(o, ctx);
  return page;
}

const beacon = (url: string): Observation => ({ source: 'resource-timing', url, initiatorType: 'beacon' });
// Verdicts: a first-party beacon is disclosed; an unknown third party's is not covered; the
// email sent to Meta's pixel contradicts the policy.
const disclosed = beacon('https://www.smartergo.com/ping/click?x=1');
const notCovered = beacon('https://cdn.ergo-partners.net/b?x=1');
const contradicts: Observation = { source: 'resource-timing', url: 'https://www.facebook.com/tr?ev=Lead&em=jane.doe%40example.com', initiatorType: 'img', looksLikePixel: true };

describe('recordBytes', () => {
  it('is the length of the record as JSON, also after findings change', () => {
    const page = pageWith([disclosed, notCovered, contradicts]);
    expect(recordBytes(page.record)).toBe(JSON.stringify(page.record).length);
    page.observe(notCovered, ctx);
    page.record.overflow = 12_345;
    expect(recordBytes(page.record)).toBe(JSON.stringify(page.record).length);
    expect(recordBytes(newPage(2, pageUrl, 0))).toBe(JSON.stringify(newPage(2, pageUrl, 0)).length);
  });
});

describe('shortenSamples', () => {
  it('drops the query of sample URLs, keeping every finding and count', () => {
    const page = pageWith([disclosed, notCovered, notCovered]);
    const before = structuredClone(page.record);
    expect(shortenSamples(page)).toBeGreaterThan(0);
    expect(page.record.findings.map((f) => isRequestFinding(f) && f.sampleUrl)).toEqual([
      'https://www.smartergo.com/ping/click',
      'https://cdn.ergo-partners.net/b',
    ]);
    expect(page.record.findings.map((f) => [f.id, f.count])).toEqual(before.findings.map((f) => [f.id, f.count]));
    expect(shortenSamples(page)).toBe(0);
  });
});

describe('shedFindings', () => {
  it('drops the least telling findings first and counts their sightings in overflow', () => {
    const page = pageWith([contradicts, notCovered, notCovered, disclosed]);
    expect(page.record.findings.map((f) => f.match.verdict)).toEqual(['contradicts', 'not-covered', 'disclosed']);
    const total = page.record.findings.reduce((n, f) => n + f.count, 0);
    // Room for about one finding less: the disclosed one goes.
    expect(shedFindings(page, recordBytes(page.record) - 50)).toBe(1);
    expect(page.record.findings.map((f) => f.match.verdict)).toEqual(['contradicts', 'not-covered']);
    // Room for nothing: all go, the contradiction last; every sighting is in overflow.
    shedFindings(page, 0);
    expect(page.record.findings).toEqual([]);
    expect(page.record.overflow).toBe(total);
    // The page still takes new findings, indexed right.
    page.observe(disclosed, ctx);
    page.observe(disclosed, ctx);
    expect(page.record.findings.map((f) => f.count)).toEqual([2]);
  });

  it('does nothing when the record fits', () => {
    const page = pageWith([notCovered]);
    expect(shedFindings(page, recordBytes(page.record))).toBe(0);
    expect(page.record.findings).toHaveLength(1);
  });
});
