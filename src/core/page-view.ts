/**
 * What the popup draws for a page: its findings grouped by the policy section they are
 * matched to, in the order a visitor should read them, with the summary's counts.
 *
 * The worker builds the first screen of it (`pageView(record, order, rows)`) so the popup
 * can draw the moment it opens: with 1,000 findings the whole record is ~500 KB to send
 * and parse, the first screen a few KB. The popup builds the whole view from the record
 * once that is in. One function for both, so the two agree row for row.
 */
import { VERDICTS, type Finding, type PageRecord, type Verdict } from './model';
import { countFindings, type SummaryCounts } from './summary';

/** 0 for the most severe verdict ('contradicts'), then 'not-covered', then 'disclosed'. */
export const severity = (verdict: Verdict): number => VERDICTS.indexOf(verdict);

/** The group of findings whose first citation names no section. */
export const NOT_MENTIONED = '';

export interface FindingGroup {
  /** The section id of the findings' first citation, or NOT_MENTIONED. */
  sectionId: string;
  /** The worst verdict in the group. */
  verdict: Verdict;
  /** The distinct quotes of the findings' first citations, most severe finding first. */
  quotes: string[];
  /** In display order; on a first screen, only those it shows. */
  findings: Finding[];
}

/** The words a finding is listed under: the organisation when known, else what names it. */
export function findingLabel(finding: Finding): string {
  switch (finding.kind) {
    case 'cookie':
      return finding.name;
    case 'storage':
      return finding.key;
    case 'consent':
      return finding.tool || finding.host;
    case 'form':
      return finding.tracker?.organisation ?? `${finding.host}${finding.path}`;
    default:
      return finding.tracker?.organisation ?? finding.host;
  }
}

// One collator for every comparison: String#localeCompare sets one up per call, which
// was a visible part of sorting 1,000 findings when the popup opens.
let collator: Intl.Collator | undefined;
const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator()).compare(a, b);

export const byVerdictThenLabel = (a: Finding, b: Finding): number =>
  severity(a.match.verdict) - severity(b.match.verdict) ||
  compareText(findingLabel(a), findingLabel(b)) ||
  compareText(a.id, b.id);

/**
 * byVerdictThenLabel's order, with each finding's severity and label worked out once
 * instead of once per comparison (1,000 findings take ~10,000 comparisons).
 */
export function sortByVerdictThenLabel(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding) => ({ finding, severity: severity(finding.match.verdict), label: findingLabel(finding) }))
    .sort((a, b) => a.severity - b.severity || compareText(a.label, b.label) || compareText(a.finding.id, b.finding.id))
    .map((entry) => entry.finding);
}

/**
 * Groups findings by the section of their first citation. Groups holding a
 * contradiction come first, then those with something not covered, then the
 * disclosed ones; among equals, the policy's own section order (`sectionOrder`),
 * with "not mentioned" last.
 */
export function groupBySection(findings: readonly Finding[], sectionOrder: readonly string[]): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const sectionId = finding.match.citations[0]?.sectionId ?? NOT_MENTIONED;
    const list = groups.get(sectionId);
    if (list) list.push(finding);
    else groups.set(sectionId, [finding]);
  }
  const position = (sectionId: string): number => {
    if (sectionId === NOT_MENTIONED) return Number.MAX_SAFE_INTEGER;
    const index = sectionOrder.indexOf(sectionId);
    return index === -1 ? sectionOrder.length : index;
  };
  return [...groups.entries()]
    .map(([sectionId, list]): FindingGroup => {
      const sorted = sortByVerdictThenLabel(list);
      const quotes = [...new Set(sorted.flatMap((f) => f.match.citations[0]?.quote ?? []))];
      const verdict = sorted[0]?.match.verdict ?? 'disclosed';
      return { sectionId, verdict, quotes, findings: sorted };
    })
    .sort(
      (a, b) =>
        severity(a.verdict) - severity(b.verdict) ||
        position(a.sectionId) - position(b.sectionId) ||
        compareText(a.sectionId, b.sectionId),
    );
}

/** The page record without its findings (they are in the view's groups). */
export type PageHeading = Omit<PageRecord, 'findings' | 'appliedBatches' | 'documentId'>;

export interface PageView {
  page: PageHeading;
  /** Counted over all the page's findings, also on a first screen. */
  counts: SummaryCounts;
  groups: FindingGroup[];
  /** False for a first screen: the groups hold only the rows it shows. */
  complete: boolean;
}

/**
 * The page as the popup shows it. With `rows`, only its first screen: every group (its
 * title and quotes are on that screen), but only the first `rows` findings over all of them.
 */
export function pageView(record: PageRecord, sectionOrder: readonly string[], rows?: number): PageView {
  const { findings, appliedBatches: _batches, documentId: _document, ...page } = record;
  let groups = groupBySection(findings, sectionOrder);
  if (rows !== undefined) {
    let budget = rows;
    groups = groups.map((group) => {
      const shown = group.findings.slice(0, budget);
      budget -= shown.length;
      return { ...group, findings: shown };
    });
  }
  return { page, counts: countFindings(findings), groups, complete: rows === undefined || rows >= findings.length };
}
