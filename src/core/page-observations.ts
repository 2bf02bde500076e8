/**
 * What the worker believes of what a page's content script reports. Resource timing and
 * document.cookie are what the page really shows (a page can only lie about itself by
 * really doing it). A refused cookie write is different: with cookies allowed the script
 * that reports refusals (public/cookie-attempts.js) is not registered, so such a report
 * can only come from the page posting the message itself, naming a cookie it never set.
 */
import type { BlockingSettings } from './blocking/settings';
import type {
  CookieAttemptObservation,
  DocumentCookieObservation,
  Observation,
  PageBehaviourObservation,
  ResourceObservation,
} from './model';

export type ReportedObservation =
  | ResourceObservation
  | DocumentCookieObservation
  | CookieAttemptObservation
  | PageBehaviourObservation;

export interface Admitted {
  observations: Observation[];
  /** Cookie attempts dropped because the user does not block all cookies. */
  rejectedAttempts: number;
}

/** Cookie attempts count (as what document.cookie would have shown) only while all cookies are blocked. */
export function admitPageObservations(reported: readonly ReportedObservation[], settings: BlockingSettings): Admitted {
  const observations: Observation[] = [];
  let rejectedAttempts = 0;
  for (const observation of reported) {
    if (observation.source !== 'cookie-attempt') observations.push(observation);
    else if (settings.cookies.all) observations.push({ source: 'document-cookie', name: observation.name, value: observation.value });
    else rejectedAttempts += 1;
  }
  return { observations, rejectedAttempts };
}

export const hasCookieAttempts = (reported: readonly ReportedObservation[]): boolean =>
  reported.some((observation) => observation.source === 'cookie-attempt');
