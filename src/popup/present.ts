/**
 * Pure presentation rules of the popup: grouping by policy section, ordering,
 * labels and plain-words descriptions. No DOM here, so each rule is unit-tested.
 */
import { VERDICTS, type Finding, type Verdict } from '../core/model';
import { languageTag, type Translate } from '../shared/i18n';
import { plural } from './summary';

/** 0 for the most severe verdict ('contradicts'), then 'not-covered', then 'disclosed'. */
export const severity = (verdict: Verdict): number => VERDICTS.indexOf(verdict);

export const NOT_MENTIONED = '';

export interface FindingGroup {
  /** The section id of the findings' first citation, or NOT_MENTIONED. */
  sectionId: string;
  /** The worst verdict in the group. */
  verdict: Verdict;
  /** The distinct quotes of the findings' first citations, most severe finding first. */
  quotes: string[];
  findings: Finding[];
}

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
 * disclosed ones; among equals, the policy's own section order (the key order of
 * `sectionOrder`), with "not mentioned" last.
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

/** Message keys are made from model values with '-' replaced by '_' ("session-replay" → "category_session_replay"). */
export const messageKey = (prefix: string, value: string): string => `${prefix}_${value.replace(/-/g, '_')}`;

export const verdictText = (t: Translate, verdict: Verdict): string => t(messageKey('verdict', verdict));

export function kindText(t: Translate, finding: Finding): string {
  if (finding.kind === 'beacon' || finding.kind === 'request') return t(messageKey('requestKind', finding.requestKind));
  return t(messageKey('kind', finding.kind));
}

export function partyText(t: Translate, finding: Finding): string {
  const firstParty = finding.party === 'first-party';
  if (finding.kind === 'cookie') return t(firstParty ? 'party_cookie_first' : 'party_cookie_third');
  return t(firstParty ? 'party_request_first' : 'party_request_third');
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** A duration in the largest whole unit that fits, rounded: 63 072 000 s → "2 years", 86 400 s → "1 day". */
export function durationText(t: Translate, seconds: number): string {
  const units: [number, string][] = [
    [YEAR, 'duration_years'],
    [MONTH, 'duration_months'],
    [DAY, 'duration_days'],
    [HOUR, 'duration_hours'],
  ];
  for (const [size, key] of units) {
    if (seconds >= size) return plural(t, key, Math.round(seconds / size));
  }
  return plural(t, 'duration_minutes', Math.max(1, Math.round(seconds / MINUTE)));
}

export function lifetimeText(t: Translate, finding: Finding): string | undefined {
  if (finding.kind !== 'cookie') return undefined;
  if (finding.session) return t('lifetime_session');
  if (finding.lifetimeSeconds === undefined) return t('lifetime_unknown');
  if (finding.lifetimeSeconds <= 0) return t('lifetime_expired');
  return durationText(t, finding.lifetimeSeconds);
}

export function personalDataText(t: Translate, finding: Finding): string {
  if (finding.personalData.length === 0) return t('personalData_none');
  const names = finding.personalData.map((kind) => t(messageKey('personalData', kind)));
  return new Intl.ListFormat(languageTag(t('@@ui_locale')), { type: 'conjunction' }).format(names);
}

export const reasonText = (t: Translate, finding: Finding): string =>
  t(`reason_${finding.match.reason.code}`, finding.match.reason.params);

/** The host of a page URL, or '' when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
