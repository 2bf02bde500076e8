/**
 * The human reading of a report, shared by the Markdown and HTML renderers: every
 * finding of every page grouped by the policy section it falls under, the groups
 * holding a contradiction first, then those with something not covered, then the
 * rest, in the policy's order. Pure.
 */
import type { Verdict } from '../model';
import { VERDICTS } from '../model';
import type { Translate } from '../../shared/i18n';
import type { AuditReport, ReportFinding } from './types';

export interface ViewFinding {
  finding: ReportFinding;
  pageUrl: string;
}

export interface ViewGroup {
  /** null: the policy says nothing near these findings. */
  sectionId: string | null;
  title: string;
  verdict: Verdict;
  /** The distinct quotes of the findings' first citations, worst finding first. */
  quotes: string[];
  findings: ViewFinding[];
}

const severity = (verdict: Verdict): number => VERDICTS.indexOf(verdict);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function groupReport(report: AuditReport, t: Translate): ViewGroup[] {
  const order = report.policy.sections.map((s) => s.id);
  const groups = new Map<string | null, ViewGroup>();
  for (const page of report.pages) {
    for (const finding of page.findings) {
      const id = finding.section?.id ?? null;
      let group = groups.get(id);
      if (!group) {
        group = { sectionId: id, title: finding.section?.title ?? t('group_not_mentioned'), verdict: 'disclosed', quotes: [], findings: [] };
        groups.set(id, group);
      }
      group.findings.push({ finding, pageUrl: page.url });
    }
  }
  const position = (id: string | null): number => {
    if (id === null) return Number.MAX_SAFE_INTEGER;
    const i = order.indexOf(id);
    return i === -1 ? order.length : i;
  };
  for (const group of groups.values()) {
    group.findings.sort(
      (a, b) =>
        severity(a.finding.verdict) - severity(b.finding.verdict) ||
        compareText(findingLabel(a.finding), findingLabel(b.finding)) ||
        compareText(a.pageUrl, b.pageUrl) ||
        compareText(a.finding.id, b.finding.id),
    );
    group.verdict = group.findings[0]?.finding.verdict ?? 'disclosed';
    group.quotes = [...new Set(group.findings.flatMap((f) => f.finding.citations[0]?.quote ?? []))];
  }
  return [...groups.values()].sort(
    (a, b) => severity(a.verdict) - severity(b.verdict) || position(a.sectionId) - position(b.sectionId),
  );
}

/** What a finding is called: the cookie's name, else the organisation, else the host. */
export const findingLabel = (f: ReportFinding): string =>
  f.cookie?.name ?? (f.details?.kind === 'storage' ? f.details.key : undefined) ?? f.organisation ?? f.host;

const key = (prefix: string, value: string): string => `${prefix}_${value.replace(/-/g, '_')}`;

export const verdictLabel = (t: Translate, verdict: Verdict): string => t(key('verdict', verdict));

export const kindLabel = (t: Translate, f: ReportFinding): string =>
  f.requestKind === null ? t(key('kind', f.kind)) : t(key('requestKind', f.requestKind));

export const personalDataLabel = (t: Translate, f: ReportFinding): string =>
  f.personalData.map((kind) => t(key('personalData', kind))).join(', ');

export const changeLabel = (t: Translate, change: 'changed' | 'added' | 'removed'): string => t(`report_change_${change}`);

/** The report's title line: when (if it has a time) and by which version. */
export function generatedLine(report: AuditReport, t: Translate): string {
  return report.generatedAt === null
    ? t('report_made_by', [report.tool.version])
    : t('report_generated', [report.generatedAt, report.tool.version]);
}
