/**
 * Pure presentation rules of the popup: labels and plain-words descriptions. No DOM
 * here, so each rule is unit-tested. Grouping and ordering are in core/page-view.ts:
 * the worker builds the popup's first screen with them.
 */
import type { Finding, Verdict } from '../core/model';
import { languageTag, type Translate } from '../shared/i18n';
import { plural } from './summary';

export {
  byVerdictThenLabel,
  findingLabel,
  groupBySection,
  NOT_MENTIONED,
  severity,
  sortByVerdictThenLabel,
  type FindingGroup,
} from '../core/page-view';

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
