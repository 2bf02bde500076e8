/**
 * The counts behind the popup's summary line. The badge and the reports reuse
 * this, so "tracker" means the same thing everywhere.
 */
import type { Finding } from '../core/model';
import type { Translate } from '../shared/i18n';

export interface SummaryCounts {
  /**
   * A tracker is a request or beacon finding sent to a third party that is either
   * a known tracker (it has `tracker` info) or a beacon of any kind (a beacon
   * exists only to report on the visitor, so an unknown third-party one counts too).
   * First-party requests never count, and neither does an unknown third-party
   * script, font or stylesheet. A tracker beacon is also counted in `beacons`:
   * the two counts overlap.
   */
  trackers: number;
  /** Findings of kind 'beacon' (pixel, sendBeacon, ping, keepalive), any party. */
  beacons: number;
  /** Findings of kind 'cookie', any party, removed ones included (they were set). */
  cookies: number;
  /** Findings whose verdict is 'not-covered'. */
  notCovered: number;
  /** Findings whose verdict is 'contradicts'. */
  contradicts: number;
  /** All findings. */
  total: number;
}

export function isTracker(finding: Finding): boolean {
  if (finding.kind === 'cookie' || finding.party !== 'third-party') return false;
  return finding.tracker !== undefined || finding.kind === 'beacon';
}

export function countFindings(findings: readonly Finding[]): SummaryCounts {
  const counts: SummaryCounts = { trackers: 0, beacons: 0, cookies: 0, notCovered: 0, contradicts: 0, total: 0 };
  for (const finding of findings) {
    counts.total += 1;
    if (isTracker(finding)) counts.trackers += 1;
    if (finding.kind === 'beacon') counts.beacons += 1;
    if (finding.kind === 'cookie') counts.cookies += 1;
    if (finding.match.verdict === 'not-covered') counts.notCovered += 1;
    if (finding.match.verdict === 'contradicts') counts.contradicts += 1;
  }
  return counts;
}

/** `<key>_one` for 1, `<key>_other` otherwise (English plural rules; a locale may repeat the text). */
export const plural = (t: Translate, key: string, n: number): string =>
  t(n === 1 ? `${key}_one` : `${key}_other`, [String(n)]);

export type SummaryTone = 'plain' | 'contradicts' | 'not-covered' | 'disclosed';

/** One piece of the summary sentence, so the popup can stress the contradictions. */
export interface SummaryPart {
  text: string;
  tone: SummaryTone;
}

/**
 * The summary as a template with its parts, e.g.
 * "12 trackers, 3 beacons, 9 cookies; 1 contradicts the policy, 2 not covered by the policy".
 * Contradictions come first in the sentence when there are any.
 */
export interface Summary {
  key: string;
  parts: SummaryPart[];
}

export function summarise(counts: SummaryCounts, t: Translate): Summary {
  const found: SummaryPart = {
    tone: 'plain',
    text: t('summary_counts', [
      plural(t, 'summary_trackers', counts.trackers),
      plural(t, 'summary_beacons', counts.beacons),
      plural(t, 'summary_cookies', counts.cookies),
    ]),
  };
  const contradicts: SummaryPart = { tone: 'contradicts', text: plural(t, 'summary_contradicts', counts.contradicts) };
  const notCovered: SummaryPart = { tone: 'not-covered', text: plural(t, 'summary_not_covered', counts.notCovered) };
  if (counts.contradicts > 0 && counts.notCovered > 0) {
    return { key: 'summary_with_both', parts: [found, contradicts, notCovered] };
  }
  if (counts.contradicts > 0) return { key: 'summary_with_issue', parts: [found, contradicts] };
  if (counts.notCovered > 0) return { key: 'summary_with_issue', parts: [found, notCovered] };
  return { key: 'summary_with_issue', parts: [found, { tone: 'disclosed', text: t('summary_all_disclosed') }] };
}

/** The summary as plain text (for the badge title and the reports). */
export const summaryText = (summary: Summary, t: Translate): string =>
  t(
    summary.key,
    summary.parts.map((p) => p.text),
  );
