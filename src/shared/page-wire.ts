/**
 * The page record as the worker sends it to the popup: each citation's quote is sent
 * once, in `quotes`, and each citation carries its index there instead.
 *
 * With 1,000 findings the record is ~1 MB of JSON, ~660 KB of it the same few policy
 * quotes repeated in every finding. Extension messages are JSON: the worker writes
 * it, the browser process passes it on, the popup parses it (and collects the garbage)
 * before it can draw anything. Packed, the popup's first answer is a third of that.
 * Only the popup asks for it; storage.session and every other reader keep the record.
 */
import type { Citation, Finding, PageRecord } from '../core/model';
import { isRecord } from './validate';

export interface PackedPage {
  quotes: string[];
  /** The record, each citation's `quote` replaced by its index in `quotes`. */
  record: unknown;
}

export function packPage(record: PageRecord): PackedPage {
  const quotes: string[] = [];
  const index = new Map<string, number>();
  const indexOf = (quote: string): number => {
    let i = index.get(quote);
    if (i === undefined) {
      i = quotes.push(quote) - 1;
      index.set(quote, i);
    }
    return i;
  };
  const findings = record.findings.map((finding) => ({
    ...finding,
    match: { ...finding.match, citations: finding.match.citations.map((citation) => ({ ...citation, quote: indexOf(citation.quote) })) },
  }));
  return { quotes, record: { ...record, findings } };
}

/** The record back, or null when `packed` is not a packed record (its shape is checked, not every field: it is our own data). */
export function unpackPage(packed: unknown): PageRecord | null {
  if (!isRecord(packed) || !Array.isArray(packed.quotes) || !isRecord(packed.record)) return null;
  const { quotes, record } = packed as { quotes: unknown[]; record: Record<string, unknown> };
  if (typeof record.url !== 'string' || !Array.isArray(record.findings)) return null;
  const quoteAt = (i: unknown): string => (typeof i === 'number' && typeof quotes[i] === 'string' ? quotes[i] : '');
  const findings = (record.findings as Finding[]).map((finding) => {
    const citations: unknown = finding.match?.citations;
    if (!Array.isArray(citations)) return finding;
    return {
      ...finding,
      match: { ...finding.match, citations: citations.map((c: Citation & { quote: unknown }) => ({ ...c, quote: quoteAt(c.quote) })) },
    };
  });
  return { ...(record as unknown as PageRecord), findings };
}
