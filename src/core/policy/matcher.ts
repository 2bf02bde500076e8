/**
 * The policy matcher: what the privacy policy says about one finding.
 *
 * The rules are a table, read top to bottom beside the policy; the first rule whose
 * `when` holds gives the verdict, the reason and the practices cited (for 'disclosed',
 * the words that disclose it; for 'not-covered' and 'contradicts', the nearest words).
 * The last rule always matches, so every finding gets a verdict.
 */
import type { Citation, Finding, PolicyMatch, PracticeId, ReasonCode, TrackerCategory, Verdict } from '../model';
import { isBeaconKind, UNLISTED_FORM_FIELDS, type FormFieldKind } from '../model';
import { isPaymentProcessor } from '../classify/form-fields';
import { citationsFor, type PolicyModel } from './disclosures';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A finding before it is matched: what the classifiers produce, without the per-page bookkeeping. */
export type UnmatchedFinding = DistributiveOmit<
  Finding,
  'id' | 'firstSeen' | 'lastSeen' | 'count' | 'sightings' | 'match'
>;
export type UnmatchedCookie = Extract<UnmatchedFinding, { kind: 'cookie' }>;
export type UnmatchedRequest = Extract<UnmatchedFinding, { kind: 'beacon' | 'request' }>;
type Unmatched<K extends UnmatchedFinding['kind']> = Extract<UnmatchedFinding, { kind: K }>;

export interface MatchRule {
  /** For reviewers and tests: which rule fired. */
  name: string;
  when: (f: UnmatchedFinding) => boolean;
  verdict: Verdict;
  reason: ReasonCode;
  /** Substitutions for the reason's message ($1, ...). */
  params?: (f: UnmatchedFinding) => string[];
  /** Practices cited, in order; 'pii.collection' cites only the kinds of personal data found. */
  cite: readonly PracticeId[];
}

// ---------------------------------------------------------------------------
// Predicates. Defensive: findings may come back from storage, so a missing field is "no".

const isCookie = (f: UnmatchedFinding): f is UnmatchedCookie => f.kind === 'cookie';
const isRequest = (f: UnmatchedFinding): f is UnmatchedRequest => f.kind === 'beacon' || f.kind === 'request';
const kindOf =
  <K extends UnmatchedFinding['kind']>(kind: K, test: (f: Unmatched<K>) => boolean = () => true) =>
  (f: UnmatchedFinding): boolean =>
    f.kind === kind && test(f as Unmatched<K>);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** Card data may go to a payment processor over HTTPS; anywhere else it is unprotected. */
const cardUnprotected = (f: Unmatched<'form'>): boolean =>
  listOf(f.fields).includes('credit-card') && (f.secure !== true || (isThirdParty(f) && !isPaymentProcessor(f.host)));
const hasUnlistedFields = (f: Unmatched<'form'>): boolean => listOf(f.fields).some((k) => UNLISTED_FORM_FIELDS.includes(k as FormFieldKind));
const TRACKING_PURPOSES: readonly unknown[] = ['advertising', 'social', 'session-replay'];
const isBeacon = (f: UnmatchedFinding): boolean =>
  isRequest(f) && (f.kind === 'beacon' || (typeof f.requestKind === 'string' && isBeaconKind(f.requestKind)));
const hasPersonalData = (f: UnmatchedFinding): boolean => Array.isArray(f.personalData) && f.personalData.length > 0;
const isThirdParty = (f: UnmatchedFinding): boolean => f.party === 'third-party';
const isFirstParty = (f: UnmatchedFinding): boolean => f.party === 'first-party';
const cookieOf = (f: UnmatchedFinding, test: (c: UnmatchedCookie) => boolean): boolean => isCookie(f) && test(f);
const trackerIs =
  (category: TrackerCategory) =>
  (f: UnmatchedFinding): boolean =>
    isRequest(f) && f.tracker?.category === category;

/** Who receives it: the organisation when known, else the host (requests) or cookie domain. */
function who(f: UnmatchedFinding): string {
  if (isCookie(f)) return f.organisation ?? String(f.domain ?? '').replace(/^\./, '');
  if (f.kind === 'storage') return f.organisation ?? String(f.host ?? '');
  if (f.kind === 'consent') return f.tool || String(f.host ?? '');
  return f.tracker?.organisation ?? String(f.host ?? '');
}
const byWho = (f: UnmatchedFinding): string[] => [who(f)];

// ---------------------------------------------------------------------------
// The table. Section names refer to src/data/privacy-policy.txt.

export const RULES: readonly MatchRule[] = [
  // --- Cookies (Cookies and Tracking Technology)
  {
    name: 'personal data in a cookie of another company',
    // "Unless you opt-in, SmartErgo will not transfer your personal information to third parties"
    when: (f) => cookieOf(f, (c) => hasPersonalData(c) && (isThirdParty(c) || Boolean(c.organisation))),
    verdict: 'contradicts',
    reason: 'personalDataToThirdPartyCookie',
    params: byWho,
    cite: ['sharing.opt-in-only', 'pii.collection'],
  },
  {
    name: 'personal data in SmartErgo’s own cookie',
    // "the only personal information a cookie can contain is information you supply yourself"
    when: (f) => cookieOf(f, hasPersonalData),
    verdict: 'disclosed',
    reason: 'personalDataInOwnCookie',
    cite: ['cookies.personal-info-you-supply', 'pii.collection'],
  },
  {
    name: 'third-party cookie',
    // The cookies section only speaks of SmartErgo's own cookies.
    when: (f) => cookieOf(f, isThirdParty),
    verdict: 'not-covered',
    reason: 'thirdPartyCookie',
    params: byWho,
    cite: ['cookies.first-party'],
  },
  {
    name: 'first-party analytics cookie',
    // "SmartErgo also uses cookies to track user traffic patterns."
    when: (f) => cookieOf(f, (c) => c.purpose === 'analytics'),
    verdict: 'disclosed',
    reason: 'analyticsCookie',
    cite: ['cookies.traffic-patterns'],
  },
  {
    name: 'first-party advertising cookie',
    // "This information is used for internal/external marketing purposes"
    when: (f) => cookieOf(f, (c) => c.purpose === 'advertising'),
    verdict: 'disclosed',
    reason: 'advertisingCookie',
    params: byWho,
    cite: ['marketing'],
  },
  {
    name: 'first-party session-replay cookie',
    // Recording what the visitor does is more than the logs the policy names.
    when: (f) => cookieOf(f, (c) => c.purpose === 'session-replay'),
    verdict: 'not-covered',
    reason: 'sessionReplay',
    params: byWho,
    cite: ['clickstream'],
  },
  {
    name: 'first-party social-network cookie',
    when: (f) => cookieOf(f, (c) => c.purpose === 'social'),
    verdict: 'not-covered',
    reason: 'socialTracker',
    params: byWho,
    cite: ['sharing.aggregate-to-advertisers'],
  },
  {
    name: 'first-party cookie (session, preferences, security, consent, unknown)',
    // "A cookie is a small data file ...", "a cookie recalls your specific information"
    when: (f) => cookieOf(f, isFirstParty),
    verdict: 'disclosed',
    reason: 'firstPartyCookie',
    cite: ['cookies.first-party'],
  },

  // --- Requests and beacons carrying personal data (Information Sharing and Disclosure)
  {
    name: 'personal data sent to another company',
    when: (f) => isRequest(f) && hasPersonalData(f) && isThirdParty(f),
    verdict: 'contradicts',
    reason: 'personalDataToThirdParty',
    params: byWho,
    cite: ['sharing.opt-in-only', 'pii.collection'],
  },
  {
    name: 'personal data sent to SmartErgo',
    // ReasonCode has no code of its own for this case; firstPartyBeacon's message is worded to cover it.
    when: (f) => isRequest(f) && hasPersonalData(f) && isFirstParty(f),
    verdict: 'disclosed',
    reason: 'firstPartyBeacon',
    cite: ['pii.collection', 'connection-data'],
  },

  // --- Beacons and trackers (Information Collection, Cookies and Tracking Technology)
  {
    name: 'SmartErgo’s own beacon',
    when: (f) => isBeacon(f) && isFirstParty(f),
    verdict: 'disclosed',
    reason: 'firstPartyBeacon',
    cite: ['beacons', 'clickstream'],
  },
  {
    name: 'analytics beacon',
    when: (f) => trackerIs('analytics')(f) && isBeacon(f),
    verdict: 'disclosed',
    reason: 'analyticsBeacon',
    params: byWho,
    cite: ['beacons', 'traffic-analytics'],
  },
  {
    name: 'analytics script or request',
    when: trackerIs('analytics'),
    verdict: 'disclosed',
    reason: 'analyticsRequest',
    params: byWho,
    cite: ['traffic-analytics'],
  },
  {
    name: 'tag manager',
    when: trackerIs('tag-manager'),
    verdict: 'disclosed',
    reason: 'tagManager',
    params: byWho,
    cite: ['traffic-analytics'],
  },
  {
    name: 'advertising tracker',
    // The policy only promises non-identifiable, aggregate data to advertisers; an ad pixel reports each visit.
    when: trackerIs('advertising'),
    verdict: 'not-covered',
    reason: 'advertisingTracker',
    params: byWho,
    cite: ['sharing.aggregate-to-advertisers'],
  },
  {
    name: 'social-network tracker',
    when: trackerIs('social'),
    verdict: 'not-covered',
    reason: 'socialTracker',
    params: byWho,
    cite: ['sharing.aggregate-to-advertisers'],
  },
  {
    name: 'session replay',
    when: trackerIs('session-replay'),
    verdict: 'not-covered',
    reason: 'sessionReplay',
    params: byWho,
    cite: ['clickstream'],
  },
  {
    name: 'support chat',
    // "... IP address, chat logs and technician information."
    when: trackerIs('customer-support'),
    verdict: 'disclosed',
    reason: 'supportChat',
    params: byWho,
    cite: ['chat-logs'],
  },
  {
    name: 'cookie-consent tool',
    when: trackerIs('consent'),
    verdict: 'disclosed',
    reason: 'consentTool',
    params: byWho,
    cite: ['cookies.first-party'],
  },

  // --- Other companies the policy does not name (tracker category 'other', or no tracker)
  {
    name: 'beacon to an unknown company',
    when: (f) => isBeacon(f) && isThirdParty(f),
    verdict: 'not-covered',
    reason: 'unknownThirdPartyBeacon',
    params: byWho,
    cite: ['beacons'],
  },
  {
    name: 'request to an unknown company',
    when: (f) => isRequest(f) && isThirdParty(f),
    verdict: 'not-covered',
    reason: 'unknownThirdParty',
    params: byWho,
    cite: ['sharing.service-providers'],
  },
  {
    name: 'other request to SmartErgo',
    // Its server logs: "navigational data collection (log files, server logs, clickstream)".
    // Reuses firstPartyBeacon, as above.
    when: (f) => isRequest(f) && isFirstParty(f),
    verdict: 'disclosed',
    reason: 'firstPartyBeacon',
    cite: ['clickstream'],
  },
  // --- Browser storage used like a cookie (Cookies and Tracking Technology)
  {
    name: 'personal data in storage kept for another company',
    when: kindOf('storage', (s) => hasPersonalData(s) && Boolean(s.organisation)),
    verdict: 'contradicts',
    reason: 'storagePersonalDataThirdParty',
    params: byWho,
    cite: ['sharing.opt-in-only', 'pii.collection'],
  },
  {
    name: 'personal data in SmartErgo’s own storage',
    when: kindOf('storage', hasPersonalData),
    verdict: 'disclosed',
    reason: 'storagePersonalData',
    cite: ['cookies.personal-info-you-supply', 'pii.collection'],
  },
  {
    name: 'advertising, social or replay storage',
    when: kindOf('storage', (s) => TRACKING_PURPOSES.includes(s.purpose)),
    verdict: 'not-covered',
    reason: 'storageThirdPartyTracker',
    params: byWho,
    cite: ['tracking.other-methods', 'sharing.aggregate-to-advertisers'],
  },
  {
    name: 'an identifier or analytics key in storage',
    // "our Website uses a variety of technical methods for tracking purposes"
    when: kindOf('storage', (s) => s.identifier === true || s.purpose === 'analytics' || Boolean(s.organisation)),
    verdict: 'disclosed',
    reason: 'storageIdentifier',
    params: byWho,
    cite: ['tracking.other-methods'],
  },
  {
    name: 'other storage (preferences, a cart, a session)',
    when: kindOf('storage'),
    verdict: 'disclosed',
    reason: 'storageOther',
    cite: ['cookies.first-party'],
  },

  // --- Forms asking for personal information (Information Collection, Data Security)
  {
    name: 'card data sent unprotected',
    // "SmartErgo safeguards the security and confidentiality of the data you send us"
    when: kindOf('form', cardUnprotected),
    verdict: 'contradicts',
    reason: 'formInsecureCard',
    params: byWho,
    cite: ['security', 'pii.collection'],
  },
  {
    name: 'a form asking for something the policy does not list',
    when: kindOf('form', hasUnlistedFields),
    verdict: 'not-covered',
    reason: 'formUnlisted',
    cite: ['pii.collection'],
  },
  {
    name: 'a form sending personal information to another company',
    when: kindOf('form', (f) => isThirdParty(f) && !(listOf(f.fields).includes('credit-card') && isPaymentProcessor(f.host))),
    verdict: 'not-covered',
    reason: 'formToThirdParty',
    params: byWho,
    cite: ['sharing.service-providers', 'pii.collection'],
  },
  {
    name: 'a form asking for what the policy lists',
    when: kindOf('form'),
    verdict: 'disclosed',
    reason: 'formListed',
    cite: ['pii.collection'],
  },

  // --- What the visitor typed, sent on (Information Sharing and Disclosure)
  {
    name: 'typed personal information sent to another company',
    // "Unless you opt-in, SmartErgo will not transfer your personal information to third parties"
    when: kindOf('leak', isThirdParty),
    verdict: 'contradicts',
    reason: 'leakToThirdParty',
    params: byWho,
    cite: ['sharing.opt-in-only', 'pii.collection'],
  },
  {
    name: 'typed personal information sent to SmartErgo',
    when: kindOf('leak'),
    verdict: 'disclosed',
    reason: 'leakToFirstParty',
    cite: ['pii.collection'],
  },

  // --- Fingerprinting and session recording: more than the policy's "anonymous information"
  {
    name: 'device fingerprinting',
    when: kindOf('fingerprint'),
    verdict: 'not-covered',
    reason: 'fingerprinting',
    params: byWho,
    cite: ['tracking.other-methods'],
  },
  {
    name: 'session recording',
    when: kindOf('recording'),
    verdict: 'not-covered',
    reason: 'sessionRecording',
    params: byWho,
    cite: ['clickstream'],
  },

  // --- Cookie banners ("You may accept or decline cookies.")
  {
    name: 'tracking started before the banner was answered',
    when: kindOf('consent', (c) => listOf(c.trackingBeforeAnswer).length > 0),
    verdict: 'contradicts',
    reason: 'trackingBeforeConsent',
    params: (f) => {
      const started = f.kind === 'consent' ? listOf(f.trackingBeforeAnswer).map(String) : [];
      return [String(started.length), started.slice(0, 3).join(', ')];
    },
    cite: ['cookies.choice'],
  },
  {
    name: 'a cookie banner that tracking waits for',
    when: kindOf('consent'),
    verdict: 'disclosed',
    reason: 'consentRespected',
    cite: ['cookies.choice'],
  },

  {
    name: 'anything else (a malformed finding)',
    // Never claim a disclosure we could not check.
    when: () => true,
    verdict: 'not-covered',
    reason: 'unknownThirdParty',
    params: byWho,
    cite: [],
  },
];

/** The first rule that matches (the last one always does). A rule whose predicate throws is skipped. */
export function findRule(finding: UnmatchedFinding, rules: readonly MatchRule[] = RULES): MatchRule | undefined {
  return rules.find((rule) => {
    try {
      return rule.when(finding);
    } catch {
      return false;
    }
  });
}

const FALLBACK_RULE = RULES[RULES.length - 1] as MatchRule;

function safeParams(rule: MatchRule, finding: UnmatchedFinding): string[] {
  try {
    return rule.params ? rule.params(finding).map((p) => String(p)) : [];
  } catch {
    return rule.params ? [''] : [];
  }
}

function citations(rule: MatchRule, finding: UnmatchedFinding, policy: PolicyModel): Citation[] {
  const kinds = Array.isArray(finding?.personalData) ? finding.personalData : [];
  return rule.cite.flatMap((practice) => {
    try {
      return citationsFor(policy, practice, kinds);
    } catch {
      return [];
    }
  });
}

/** What the policy says about one finding. Pure; never throws. */
export function matchFinding(finding: UnmatchedFinding, policy: PolicyModel): PolicyMatch {
  const rule = findRule(finding) ?? FALLBACK_RULE;
  return {
    verdict: rule.verdict,
    reason: { code: rule.reason, params: safeParams(rule, finding) },
    citations: citations(rule, finding, policy),
  };
}
