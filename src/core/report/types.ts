/**
 * The audit report, version 1: what PolicyLens found on some pages, matched to the
 * privacy policy, as plain JSON. schema/report.v2.schema.json describes the same shape
 * (a test checks that reports built here validate against it); change both together,
 * and bump REPORT_SCHEMA_VERSION for any change a consumer could notice.
 */
import type {
  ConsentAnswer,
  CookiePurpose,
  FingerprintTechnique,
  FormFieldKind,
  LeakCarrier,
  LeakEncoding,
  RecordingSignal,
  StorageArea,
  FindingKind,
  Party,
  PersonalDataKind,
  PracticeId,
  ReasonCode,
  RequestKind,
  SameSite,
  TrackerCategory,
  Verdict,
} from '../model';
import type { SectionChangeKind } from '../policy/diff';
import type { PolicyNoteCode } from '../policy/review';

export const REPORT_SCHEMA_VERSION = 2;
export const REPORT_SCHEMA_ID = 'urn:policylens:report:v2';

export interface ReportSectionRef {
  id: string;
  title: string;
}

export interface ReportCitation {
  sectionId: string;
  sectionTitle: string;
  practice: PracticeId;
  /** Exact words of the policy. */
  quote: string;
}

export interface ReportCookie {
  name: string;
  /** As the browser keeps it: ".smartergo.com" for a domain cookie. */
  domain: string;
  path: string;
  session: boolean;
  /** How long it lives, rounded to the minute; null for a session cookie or when not known. */
  lifetimeSeconds: number | null;
  /** False when only document.cookie saw it: then secure, httpOnly and sameSite are null. */
  attributesKnown: boolean;
  secure: boolean | null;
  httpOnly: boolean | null;
  sameSite: SameSite | null;
  purpose: CookiePurpose;
  /** Removed while the page was open. */
  removed: boolean;
}

/** What only a page-behaviour finding has (storage, form, leak, fingerprint, recording, consent). */
export type ReportDetails =
  | { kind: 'storage'; area: StorageArea; key: string; valueLength: number; identifier: boolean; purpose: CookiePurpose }
  | { kind: 'form'; method: 'get' | 'post' | 'dialog'; secure: boolean; fields: FormFieldKind[] }
  | { kind: 'leak'; encodings: LeakEncoding[]; carriers: LeakCarrier[] }
  | { kind: 'fingerprint'; techniques: FingerprintTechnique[] }
  | { kind: 'recording'; signals: RecordingSignal[] }
  | { kind: 'consent'; tool: string; answer: ConsentAnswer; trackingBeforeAnswer: string[] };

export interface ReportFinding {
  /** Stable within a page, e.g. "cookie:_ga@.smartergo.com/", "beacon:www.facebook.com/tr". */
  id: string;
  kind: FindingKind;
  /** How a request was made; null for a cookie. */
  requestKind: RequestKind | null;
  /** The request's host, or the cookie's domain without its leading dot. */
  host: string;
  /** The request's path (no query), or the cookie's path. */
  path: string;
  party: Party;
  organisation: string | null;
  /** The tracker category of a request to a known tracker; null otherwise (a cookie has `cookie.purpose`). */
  category: TrackerCategory | null;
  /** Kinds of personal data found (never the values), sorted. */
  personalData: PersonalDataKind[];
  cookie: ReportCookie | null;
  /** Null for a cookie, beacon or request. */
  details: ReportDetails | null;
  /** ISO 8601; null in a report made without timestamps. */
  firstSeen: string | null;
  verdict: Verdict;
  reason: { code: ReasonCode; params: string[]; text: string };
  /** The section the finding is grouped under (its first citation); null when the policy says nothing near it. */
  section: ReportSectionRef | null;
  citations: ReportCitation[];
}

export type VerdictCounts = Record<Verdict, number>;

export interface ReportCounts extends VerdictCounts {
  total: number;
  trackers: number;
  beacons: number;
  cookies: number;
}

export interface ReportPage {
  url: string;
  /** Why the page could not be audited (not loaded, not a SmartErgo page); null when it was. */
  error: string | null;
  /** Findings the extension did not keep because the page passed its bound. */
  overflow: number;
  counts: ReportCounts;
  findings: ReportFinding[];
}

export interface SectionSummary extends VerdictCounts {
  /** null: findings the policy says nothing near. */
  sectionId: string | null;
  title: string;
  total: number;
}

export interface ReportSectionChange {
  sectionId: string;
  title: string;
  change: SectionChangeKind;
  expected: string | null;
  actual: string | null;
  removedSentences: string[];
  addedSentences: string[];
}

export interface ReportPolicyCheck {
  /** The policy page that was read. */
  url: string;
  /** Why it could not be read; null when it was. */
  error: string | null;
  /** Sections changed, added or removed since PolicyLens was built. */
  changes: ReportSectionChange[];
  /** Quotes PolicyLens cites that the published policy no longer contains. */
  missingQuotes: { practice: PracticeId; sectionId: string; quote: string }[];
}

export interface ReportPolicyNote {
  code: PolicyNoteCode;
  sectionId: string;
  sectionTitle: string;
  quote: string;
  text: string;
}

export interface AuditReport {
  $schema: typeof REPORT_SCHEMA_ID;
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'PolicyLens'; version: string };
  /** ISO 8601; null in a report made without timestamps (so two reports diff cleanly). */
  generatedAt: string | null;
  /** The policy the verdicts were given against: the one PolicyLens was built with. */
  policy: { sections: ReportSectionRef[] };
  summary: {
    pages: number;
    pagesWithErrors: number;
    counts: ReportCounts;
    bySection: SectionSummary[];
  };
  /** Sorted by URL. */
  pages: ReportPage[];
  /** The published policy compared with the built-in one; null when not checked (the popup). */
  policyCheck: ReportPolicyCheck | null;
  /** What a careful reader finds in the policy text (the published one when it was read). */
  policyNotes: ReportPolicyNote[];
}

export const REPORT_FORMATS = ['json', 'markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
