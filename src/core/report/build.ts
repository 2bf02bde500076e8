/**
 * Builds the audit report (report.v2) from page records as the extension keeps them.
 * Pure: the clock, the policy and the words (a Translate over messages.json) come in,
 * so the headless audit and the popup's export make the same report from the same
 * findings. URLs come in sanitised (the worker keeps them so; the audit sanitises those
 * it reports without a record): this module does not import the classifiers, so the
 * popup's bundle stays small. Everything is sorted, so two reports of the same site diff cleanly.
 */
import type { Finding, PageRecord, Verdict } from '../model';
import { VERDICTS } from '../model';
import type { MissingQuote, SectionChange } from '../policy/diff';
import type { PolicyModel } from '../policy/disclosures';
import { reviewPolicy, type PolicyNote } from '../policy/review';
import type { PolicySection } from '../policy/sections';
import { countFindings } from '../summary';
import type { Translate } from '../../shared/i18n';
import {
  REPORT_SCHEMA_ID,
  REPORT_SCHEMA_VERSION,
  type AuditReport,
  type ReportCounts,
  type ReportFinding,
  type ReportPage,
  type ReportPolicyCheck,
  type ReportPolicyNote,
  type SectionSummary,
} from './types';

export interface ReportPageInput {
  /**
   * The page's URL, already sanitised (sanitizeUrl in core/classify/requests): the report
   * shows it as given. Ignored when there is a record (the worker's URL is used).
   */
  url: string;
  /** What the extension keeps for the page; null when it kept nothing (a page without findings may have none). */
  record: PageRecord | null;
  /** Why the page could not be audited. */
  error?: string | null;
}

export interface PolicyCheckInput {
  /** Already sanitised, as page URLs. */
  url: string;
  error?: string | null;
  changes: readonly SectionChange[];
  missingQuotes: readonly MissingQuote[];
}

export interface ReportInput {
  toolVersion: string;
  /** Milliseconds since the epoch; null for a report without timestamps (no generatedAt, no firstSeen). */
  generatedAt: number | null;
  pages: readonly ReportPageInput[];
  /** The policy the verdicts were given against (the built-in one). */
  policy: PolicyModel;
  t: Translate;
  policyCheck?: PolicyCheckInput | null;
  /** Notes on the published policy and its sections; default: the notes on `policy`. */
  policyNotes?: { notes: readonly PolicyNote[]; sections: readonly PolicySection[] };
}

const severity = (verdict: Verdict): number => VERDICTS.indexOf(verdict);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const iso = (ms: number): string => new Date(ms).toISOString();

function emptyCounts(): ReportCounts {
  return { contradicts: 0, 'not-covered': 0, disclosed: 0, total: 0, trackers: 0, beacons: 0, cookies: 0 };
}

function countsOf(findings: readonly Finding[]): ReportCounts {
  const c = countFindings(findings);
  const disclosed = findings.filter((f) => f.match.verdict === 'disclosed').length;
  return {
    contradicts: c.contradicts,
    'not-covered': c.notCovered,
    disclosed,
    total: c.total,
    trackers: c.trackers,
    beacons: c.beacons,
    cookies: c.cookies,
  };
}

function addCounts(into: ReportCounts, more: ReportCounts): void {
  for (const key of Object.keys(into) as (keyof ReportCounts)[]) into[key] += more[key];
}

export function reportFinding(
  finding: Finding,
  titles: ReadonlyMap<string, string>,
  t: Translate,
  timestamps: boolean,
): ReportFinding {
  const first = finding.match.citations[0];
  const base = {
    id: finding.id,
    kind: finding.kind,
    party: finding.party,
    personalData: [...finding.personalData].sort(),
    firstSeen: timestamps ? iso(finding.firstSeen) : null,
    verdict: finding.match.verdict,
    reason: {
      code: finding.match.reason.code,
      params: [...finding.match.reason.params],
      text: t(`reason_${finding.match.reason.code}`, finding.match.reason.params),
    },
    section: first ? { id: first.sectionId, title: titles.get(first.sectionId) ?? first.sectionId } : null,
    citations: finding.match.citations.map((c) => ({
      sectionId: c.sectionId,
      sectionTitle: titles.get(c.sectionId) ?? c.sectionId,
      practice: c.practice,
      quote: c.quote,
    })),
  };
  if (finding.kind === 'cookie') {
    const known = finding.attributesKnown;
    return {
      ...base,
      requestKind: null,
      host: finding.domain.replace(/^\./, ''),
      path: finding.path,
      organisation: finding.organisation ?? null,
      category: null,
      details: null,
      cookie: {
        name: finding.name,
        domain: finding.domain,
        path: finding.path,
        session: finding.session,
        // Measured from when it was seen: rounded so a second's jitter does not show in a diff.
        lifetimeSeconds:
          finding.session || finding.lifetimeSeconds === undefined ? null : Math.round(finding.lifetimeSeconds / 60) * 60,
        attributesKnown: known,
        secure: known ? finding.secure : null,
        httpOnly: known ? finding.httpOnly : null,
        sameSite: known ? finding.sameSite : null,
        purpose: finding.purpose,
        removed: finding.removed === true,
      },
    };
  }
  if (finding.kind === 'beacon' || finding.kind === 'request') {
    return {
      ...base,
      requestKind: finding.requestKind,
      host: finding.host,
      path: finding.path,
      organisation: finding.tracker?.organisation ?? null,
      category: finding.tracker?.category ?? null,
      cookie: null,
      details: null,
    };
  }
  const common = { ...base, requestKind: null, cookie: null, host: finding.host };
  switch (finding.kind) {
    case 'storage':
      return {
        ...common,
        path: '/',
        organisation: finding.organisation ?? null,
        category: null,
        details: {
          kind: 'storage',
          area: finding.area,
          key: finding.key,
          valueLength: finding.valueLength,
          identifier: finding.identifier,
          purpose: finding.purpose,
        },
      };
    case 'consent':
      return {
        ...common,
        path: '/',
        organisation: finding.tool || null,
        category: null,
        details: {
          kind: 'consent',
          tool: finding.tool,
          answer: finding.answer,
          trackingBeforeAnswer: [...finding.trackingBeforeAnswer],
        },
      };
    default: {
      const tracked = { organisation: finding.tracker?.organisation ?? null, category: finding.tracker?.category ?? null };
      switch (finding.kind) {
        case 'form':
          return {
            ...common,
            ...tracked,
            path: finding.path,
            details: { kind: 'form', method: finding.method, secure: finding.secure, fields: [...finding.fields] },
          };
        case 'leak':
          return {
            ...common,
            ...tracked,
            path: finding.path,
            details: { kind: 'leak', encodings: [...finding.encodings], carriers: [...finding.carriers] },
          };
        case 'fingerprint':
          return { ...common, ...tracked, path: '/', details: { kind: 'fingerprint', techniques: [...finding.techniques] } };
        case 'recording':
          return { ...common, ...tracked, path: '/', details: { kind: 'recording', signals: [...finding.signals] } };
      }
    }
  }
}

/** Contradictions first, then by the policy's section order (nothing cited last), then by id. */
function findingOrder(sectionOrder: readonly string[]): (a: ReportFinding, b: ReportFinding) => number {
  const position = (f: ReportFinding): number => {
    if (!f.section) return Number.MAX_SAFE_INTEGER;
    const i = sectionOrder.indexOf(f.section.id);
    return i === -1 ? sectionOrder.length : i;
  };
  return (a, b) => severity(a.verdict) - severity(b.verdict) || position(a) - position(b) || compareText(a.id, b.id);
}

function reportPage(input: ReportPageInput, policy: PolicyModel, titles: ReadonlyMap<string, string>, t: Translate, timestamps: boolean): ReportPage {
  const sectionOrder = policy.sections.map((s) => s.id);
  const findings = input.record?.findings ?? [];
  return {
    url: input.record?.url ?? input.url,
    error: input.error ?? null,
    overflow: input.record?.overflow ?? 0,
    counts: countsOf(findings),
    findings: findings.map((f) => reportFinding(f, titles, t, timestamps)).sort(findingOrder(sectionOrder)),
  };
}

function bySection(pages: readonly ReportPage[], policy: PolicyModel, t: Translate): SectionSummary[] {
  const rows = new Map<string | null, SectionSummary>();
  for (const finding of pages.flatMap((p) => p.findings)) {
    const id = finding.section?.id ?? null;
    let row = rows.get(id);
    if (!row) {
      row = { sectionId: id, title: finding.section?.title ?? t('group_not_mentioned'), contradicts: 0, 'not-covered': 0, disclosed: 0, total: 0 };
      rows.set(id, row);
    }
    row[finding.verdict] += 1;
    row.total += 1;
  }
  const order = policy.sections.map((s) => s.id);
  const position = (id: string | null): number => {
    if (id === null) return Number.MAX_SAFE_INTEGER;
    const i = order.indexOf(id);
    return i === -1 ? order.length : i;
  };
  return [...rows.values()].sort(
    (a, b) => position(a.sectionId) - position(b.sectionId) || compareText(a.sectionId ?? '', b.sectionId ?? ''),
  );
}

function notesOf(input: ReportInput): ReportPolicyNote[] {
  const { notes, sections } = input.policyNotes ?? {
    notes: reviewPolicy(input.policy.sections.map((s) => s.text).join('\n\n'), input.policy.sections),
    sections: input.policy.sections,
  };
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  return notes.map((note) => ({
    code: note.code,
    sectionId: note.sectionId,
    sectionTitle: titles.get(note.sectionId) ?? note.sectionId,
    quote: note.quote,
    text: input.t(`policyNote_${note.code}`),
  }));
}

function policyCheckOf(check: PolicyCheckInput): ReportPolicyCheck {
  return {
    url: check.url,
    error: check.error ?? null,
    changes: check.changes.map((c) => ({
      sectionId: c.sectionId,
      title: c.title,
      change: c.change,
      expected: c.expected,
      actual: c.actual,
      removedSentences: [...c.removedSentences],
      addedSentences: [...c.addedSentences],
    })),
    missingQuotes: check.missingQuotes.map((q) => ({ practice: q.practice, sectionId: q.sectionId, quote: q.quote })),
  };
}

export function buildReport(input: ReportInput): AuditReport {
  const timestamps = input.generatedAt !== null;
  const titles = new Map(input.policy.sections.map((s) => [s.id, s.title]));
  const pages = input.pages
    .map((p) => reportPage(p, input.policy, titles, input.t, timestamps))
    .sort((a, b) => compareText(a.url, b.url));
  const counts = emptyCounts();
  for (const page of pages) addCounts(counts, page.counts);
  return {
    $schema: REPORT_SCHEMA_ID,
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'PolicyLens', version: input.toolVersion },
    generatedAt: input.generatedAt === null ? null : iso(input.generatedAt),
    policy: { sections: input.policy.sections.map((s) => ({ id: s.id, title: s.title })) },
    summary: {
      pages: pages.length,
      pagesWithErrors: pages.filter((p) => p.error !== null).length,
      counts,
      bySection: bySection(pages, input.policy, input.t),
    },
    pages,
    policyCheck: input.policyCheck ? policyCheckOf(input.policyCheck) : null,
    policyNotes: notesOf(input),
  };
}

export type FailOn = 'contradicts' | 'not-covered' | 'never';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['contradicts', 'not-covered', 'never'];

/** Whether any finding reaches the level: 'not-covered' also counts contradictions. */
export function reachesFailLevel(report: AuditReport, failOn: FailOn): boolean {
  const { contradicts } = report.summary.counts;
  if (failOn === 'never') return false;
  if (failOn === 'contradicts') return contradicts > 0;
  return contradicts + report.summary.counts['not-covered'] > 0;
}
