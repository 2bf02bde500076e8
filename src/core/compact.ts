/**
 * Making page records smaller when storage.session runs short (Chrome gives an extension
 * 10 MB there; a page at the 2,000-finding bound is about 1.6 MB of JSON). Two steps, the
 * one that loses least first:
 * 1. sample URLs lose their query (each finding stays, with its host and path);
 * 2. findings are dropped, the least telling first (disclosed, then not covered, then
 *    contradictions; the latest seen first within each), each one's sightings added to the
 *    page's `overflow`, so the popup still says how much was seen but not kept.
 * Pure: sizes are the length of the record's JSON, computed once per finding object.
 */
import type { Finding, PageRecord, Verdict } from './model';
import { isRequestFinding } from './model';
import type { PageFindings } from './pipeline';

const findingSizes = new WeakMap<Finding, number>();

function findingBytes(finding: Finding): number {
  let size = findingSizes.get(finding);
  if (size === undefined) {
    size = JSON.stringify(finding).length;
    findingSizes.set(finding, size);
  }
  return size;
}

/**
 * The length of JSON.stringify(record), without stringifying the unchanged findings again
 * (findings are replaced, never mutated, when they change). Storage quotas count about this.
 */
export function recordBytes(record: PageRecord): number {
  const { findings, ...rest } = record;
  const head = JSON.stringify({ ...rest, findings: [] }).length;
  let size = head + Math.max(0, findings.length - 1); // the commas between findings
  for (const finding of findings) size += findingBytes(finding);
  return size;
}

/** Step 1: sample URLs without their query. Returns the bytes saved. */
export function shortenSamples(page: PageFindings): number {
  const before = recordBytes(page.record);
  page.rewrite((finding) => {
    if (!isRequestFinding(finding)) return finding;
    const q = finding.sampleUrl.indexOf('?');
    return q < 0 ? finding : { ...finding, sampleUrl: finding.sampleUrl.slice(0, q) };
  });
  return before - recordBytes(page.record);
}

const KEEP_RANK: Record<Verdict, number> = { disclosed: 0, 'not-covered': 1, contradicts: 2 };

/**
 * Step 2: drops findings, least telling first, until the record is at most `maxBytes` (or
 * has no finding left). Returns the sightings dropped (added to the page's overflow).
 */
export function shedFindings(page: PageFindings, maxBytes: number): number {
  let size = recordBytes(page.record);
  if (size <= maxBytes) return 0;
  const order = page.record.findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => KEEP_RANK[a.finding.match.verdict] - KEEP_RANK[b.finding.match.verdict] || b.index - a.index);
  const drop = new Set<string>();
  // The overflow count grows by a few digits at most: leave room for them.
  for (const { finding } of order) {
    if (size <= maxBytes - 16) break;
    drop.add(finding.id);
    size -= findingBytes(finding) + 1;
  }
  return page.shed(drop);
}
