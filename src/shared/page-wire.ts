/**
 * The page record as the worker sends it to the popup: each distinct citation (a
 * practice, its section and the quote) is sent once, in `citations`, and each finding's
 * match carries their indices there instead.
 *
 * With 1,000 findings the record is ~1 MB of JSON, most of it the same few citations
 * repeated in every finding. Extension messages are JSON: the worker writes it, the
 * browser process passes it on, the popup parses it (and collects the garbage) before
 * it can draw anything. Only the popup asks for it packed; storage.session and every
 * other reader keep the record.
 */
import type { Citation, Finding, PageRecord } from '../core/model';
import { isRecord } from './validate';

export interface PackedPage {
  citations: Citation[];
  /** The record, each finding's `match.citations` replaced by indices in `citations`. */
  record: unknown;
}

export function packPage(record: PageRecord): PackedPage {
  const citations: Citation[] = [];
  const index = new Map<string, number>();
  const indexOf = (citation: Citation): number => {
    const key = `${citation.practice}\u0000${citation.sectionId}\u0000${citation.quote}`;
    let i = index.get(key);
    if (i === undefined) {
      i = citations.push(citation) - 1;
      index.set(key, i);
    }
    return i;
  };
  const findings = record.findings.map((finding) => ({
    ...finding,
    match: { ...finding.match, citations: finding.match.citations.map(indexOf) },
  }));
  return { citations, record: { ...record, findings } };
}

/** The record back, or null when `packed` is not a packed record (its shape is checked, not every field: it is our own data). */
export function unpackPage(packed: unknown): PageRecord | null {
  if (!isRecord(packed) || !Array.isArray(packed.citations) || !isRecord(packed.record)) return null;
  const { citations, record } = packed as { citations: unknown[]; record: Record<string, unknown> };
  if (typeof record.url !== 'string' || !Array.isArray(record.findings)) return null;
  // Findings share their citation objects: the popup only reads them.
  const citationAt = (i: unknown): Citation[] => {
    const citation = typeof i === 'number' ? citations[i] : undefined;
    return isRecord(citation) && typeof citation.quote === 'string' ? [citation as unknown as Citation] : [];
  };
  const findings = (record.findings as Finding[]).map((finding) => {
    const indices: unknown = finding.match?.citations;
    if (!Array.isArray(indices)) return finding;
    return { ...finding, match: { ...finding.match, citations: indices.flatMap(citationAt) } };
  });
  return { ...(record as unknown as PageRecord), findings };
}
