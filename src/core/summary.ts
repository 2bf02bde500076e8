/**
 * The counts a visitor sees first (popup summary line, toolbar badge, report header).
 * One definition for all of them:
 * - beacon: a finding of kind "beacon" (pixel, sendBeacon, <a ping>, keepalive), first- or third-party;
 * - tracker: a finding of kind "request", i.e. any other request sent to another company
 *   (the classifier keeps only third-party ones), known tracker or not;
 * - cookie: a finding of kind "cookie".
 * A finding is counted once, so trackers + beacons is the number on the badge.
 */
import type { Finding, Verdict } from './model';

export interface Summary {
  trackers: number;
  beacons: number;
  cookies: number;
  verdicts: Record<Verdict, number>;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = {
    trackers: 0,
    beacons: 0,
    cookies: 0,
    verdicts: { disclosed: 0, 'not-covered': 0, contradicts: 0 },
  };
  for (const finding of findings) {
    if (finding.kind === 'cookie') summary.cookies += 1;
    else if (finding.kind === 'beacon') summary.beacons += 1;
    else summary.trackers += 1;
    summary.verdicts[finding.match.verdict] += 1;
  }
  return summary;
}

export const badgeCount = (summary: Summary): number => summary.trackers + summary.beacons;
