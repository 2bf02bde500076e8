/** The popup's summary sentence, built from the shared counts in core/summary.ts. */
import type { SummaryCounts } from '../core/summary';
import type { Translate } from '../shared/i18n';

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
  const three = [
    plural(t, 'summary_trackers', counts.trackers),
    plural(t, 'summary_beacons', counts.beacons),
    plural(t, 'summary_cookies', counts.cookies),
  ];
  // Storage, forms, leaks...: named only when there are some, so the usual sentence stays short.
  const found: SummaryPart = {
    tone: 'plain',
    text: counts.other > 0 ? t('summary_counts_more', [...three, plural(t, 'summary_other', counts.other)]) : t('summary_counts', three),
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
