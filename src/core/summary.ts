/**
 * The counts a visitor sees first: the popup's summary line, the toolbar badge and
 * the reports all use these, so "tracker" means the same thing everywhere.
 */
import type { Finding } from './model';

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
  /** Findings of the other kinds: storage, forms, leaks, fingerprinting, recording, consent banners. */
  other: number;
  /** Findings whose verdict is 'not-covered'. */
  notCovered: number;
  /** Findings whose verdict is 'contradicts'. */
  contradicts: number;
  /** All findings. */
  total: number;
}

export function isTracker(finding: Finding): boolean {
  if ((finding.kind !== 'beacon' && finding.kind !== 'request') || finding.party !== 'third-party') return false;
  return finding.tracker !== undefined || finding.kind === 'beacon';
}

const TRACKING_PURPOSES: readonly string[] = ['analytics', 'advertising', 'social', 'session-replay'];

/**
 * Tracking, in the sense of a cookie banner: what a visitor can decline. Trackers
 * (above), cookies and storage kept for analytics, advertising, social networks or
 * replay, fingerprinting and session recording. SmartErgo's own session, preference
 * and security cookies are not.
 */
export function isTracking(finding: Finding): boolean {
  switch (finding.kind) {
    case 'beacon':
    case 'request':
      return isTracker(finding);
    case 'cookie':
    case 'storage':
      return TRACKING_PURPOSES.includes(finding.purpose);
    case 'fingerprint':
    case 'recording':
      return true;
    default:
      return false;
  }
}

/** Who or what tracks, in a word a visitor knows: the organisation when known. */
export function trackingLabel(finding: Finding): string {
  switch (finding.kind) {
    case 'cookie':
      return finding.organisation ?? finding.name;
    case 'storage':
      return finding.organisation ?? finding.key;
    case 'consent':
      return finding.tool || finding.host;
    default:
      return finding.tracker?.organisation ?? finding.host;
  }
}

export function countFindings(findings: readonly Finding[]): SummaryCounts {
  const counts: SummaryCounts = { trackers: 0, beacons: 0, cookies: 0, other: 0, notCovered: 0, contradicts: 0, total: 0 };
  for (const finding of findings) {
    counts.total += 1;
    if (isTracker(finding)) counts.trackers += 1;
    if (finding.kind === 'beacon') counts.beacons += 1;
    if (finding.kind === 'cookie') counts.cookies += 1;
    else if (finding.kind !== 'beacon' && finding.kind !== 'request') counts.other += 1;
    if (finding.match.verdict === 'not-covered') counts.notCovered += 1;
    if (finding.match.verdict === 'contradicts') counts.contradicts += 1;
  }
  return counts;
}

/** The toolbar badge: how many findings are trackers or beacons (each finding once). */
export const badgeCount = (findings: readonly Finding[]): number =>
  findings.filter((finding) => finding.kind === 'beacon' || isTracker(finding)).length;
