import { describe, expect, it } from 'vitest';
import { ALL_FINDINGS, pageWith } from '../popup/test-support';
import { packPage, unpackPage } from './page-wire';

describe('packPage / unpackPage', () => {
  it('gives back the same record, with each citation sent once', () => {
    const record = pageWith([...ALL_FINDINGS, ...ALL_FINDINGS.map((f) => ({ ...f, id: `${f.id}-again` }))]);
    const packed = packPage(record);
    const citations = record.findings.flatMap((f) => f.match.citations.map((c) => JSON.stringify([c.practice, c.sectionId, c.quote])));
    expect(packed.citations.map((c) => JSON.stringify([c.practice, c.sectionId, c.quote]))).toEqual([...new Set(citations)]);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(record).length);
    expect(unpackPage(JSON.parse(JSON.stringify(packed)))).toEqual(record);
  });

  it('answers null for anything that is not a packed record', () => {
    for (const value of [null, 'x', {}, { citations: [], record: null }, { citations: [], record: { url: 1, findings: [] } }]) {
      expect(unpackPage(value)).toBeNull();
    }
  });
});
