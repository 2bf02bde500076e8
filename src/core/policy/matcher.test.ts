import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PracticeId, ReasonCode, TrackerCategory, TrackerInfo, Verdict } from '../model';
import { POLICY } from './disclosures';
import { findRule, matchFinding, RULES, type UnmatchedCookie, type UnmatchedFinding, type UnmatchedRequest } from './matcher';

// --- A small factory: an ordinary first-party finding, changed where a case needs it.

const cookie = (over: Partial<UnmatchedCookie> = {}): UnmatchedCookie => ({
  kind: 'cookie',
  name: 'sid',
  domain: 'www.smartergo.com',
  path: '/',
  party: 'first-party',
  session: true,
  attributesKnown: true,
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  purpose: 'session',
  personalData: [],
  valueLength: 32,
  ...over,
});

const request = (over: Partial<UnmatchedRequest> = {}): UnmatchedRequest => ({
  kind: 'request',
  requestKind: 'script',
  host: 'www.smartergo.com',
  path: '/app.js',
  sampleUrl: 'https://www.smartergo.com/app.js',
  party: 'first-party',
  personalData: [],
  ...over,
});

type Of<K extends UnmatchedFinding['kind']> = Extract<UnmatchedFinding, { kind: K }>;
const storage = (over: Partial<Of<'storage'>> = {}): Of<'storage'> => ({
  kind: 'storage', area: 'local', key: 'theme', host: 'www.smartergo.com', party: 'first-party',
  valueLength: 4, identifier: false, purpose: 'unknown', personalData: [], ...over,
});
const form = (over: Partial<Of<'form'>> = {}): Of<'form'> => ({
  kind: 'form', host: 'www.smartergo.com', path: '/contact', party: 'first-party', secure: true, method: 'post',
  fields: ['name', 'email'], personalData: ['name', 'email'], ...over,
});
const leak = (over: Partial<Of<'leak'>> = {}): Of<'leak'> => ({
  kind: 'leak', host: 'www.smartergo.com', path: '/api/subscribe', party: 'first-party', personalData: ['email'],
  encodings: ['sha256'], carriers: ['url'], ...over,
});
const consent = (over: Partial<Of<'consent'>> = {}): Of<'consent'> => ({
  kind: 'consent', tool: '', answer: 'none', trackingBeforeAnswer: [], host: 'www.smartergo.com', party: 'first-party',
  personalData: [], ...over,
});

const beacon = (over: Partial<UnmatchedRequest> = {}): UnmatchedRequest =>
  request({ kind: 'beacon', requestKind: 'pixel', path: '/p.gif', ...over });

const tracker = (category: TrackerCategory, organisation: string, domain: string): Partial<UnmatchedRequest> => ({
  party: 'third-party',
  host: `www.${domain}`,
  tracker: { organisation, category, domain } satisfies TrackerInfo,
});

interface Case {
  finding: UnmatchedFinding;
  verdict: Verdict;
  code: ReasonCode;
  params: string[];
  cites: PracticeId[];
}

const CASES: Record<string, Case> = {
  // Cookies
  ...Object.fromEntries(
    (['session', 'preferences', 'security', 'consent', 'unknown'] as const).map((purpose): [string, Case] => [
      `first-party ${purpose} cookie`,
      { finding: cookie({ purpose }), verdict: 'disclosed', code: 'firstPartyCookie', params: [], cites: ['cookies.first-party'] },
    ]),
  ),
  'first-party analytics cookie (_ga)': {
    finding: cookie({ name: '_ga', domain: '.smartergo.com', purpose: 'analytics', organisation: 'Google' }),
    verdict: 'disclosed', code: 'analyticsCookie', params: [], cites: ['cookies.traffic-patterns'],
  },
  'first-party advertising cookie (_fbp)': {
    finding: cookie({ name: '_fbp', domain: '.smartergo.com', purpose: 'advertising', organisation: 'Meta' }),
    verdict: 'disclosed', code: 'advertisingCookie', params: ['Meta'], cites: ['marketing'],
  },
  'first-party advertising cookie of no known company': {
    finding: cookie({ name: 'adid', domain: '.smartergo.com', purpose: 'advertising' }),
    verdict: 'disclosed', code: 'advertisingCookie', params: ['smartergo.com'], cites: ['marketing'],
  },
  'first-party session-replay cookie (_hjSessionUser)': {
    finding: cookie({ name: '_hjSessionUser_1', purpose: 'session-replay', organisation: 'Hotjar' }),
    verdict: 'not-covered', code: 'sessionReplay', params: ['Hotjar'], cites: ['clickstream'],
  },
  'first-party social cookie': {
    finding: cookie({ name: 'li_fat_id', purpose: 'social', organisation: 'LinkedIn' }),
    verdict: 'not-covered', code: 'socialTracker', params: ['LinkedIn'], cites: ['sharing.aggregate-to-advertisers'],
  },
  'personal data in SmartErgo’s own cookie': {
    finding: cookie({ name: 'user', personalData: ['email'] }),
    verdict: 'disclosed', code: 'personalDataInOwnCookie', params: [], cites: ['cookies.personal-info-you-supply', 'pii.collection'],
  },
  'personal data in a first-party cookie of a known company': {
    finding: cookie({ name: '_fbp', purpose: 'advertising', organisation: 'Meta', personalData: ['email'] }),
    verdict: 'contradicts', code: 'personalDataToThirdPartyCookie', params: ['Meta'], cites: ['sharing.opt-in-only', 'pii.collection'],
  },
  'personal data in a third-party cookie': {
    finding: cookie({ domain: '.tracker.example', party: 'third-party', personalData: ['name', 'phone'] }),
    verdict: 'contradicts', code: 'personalDataToThirdPartyCookie', params: ['tracker.example'], cites: ['sharing.opt-in-only', 'pii.collection'],
  },
  'third-party cookie without personal data': {
    finding: cookie({ name: 'IDE', domain: '.doubleclick.net', party: 'third-party', purpose: 'advertising', organisation: 'Google' }),
    verdict: 'not-covered', code: 'thirdPartyCookie', params: ['Google'], cites: ['cookies.first-party'],
  },
  'third-party consent cookie': {
    finding: cookie({ name: 'OptanonConsent', domain: '.cookielaw.org', party: 'third-party', purpose: 'consent' }),
    verdict: 'not-covered', code: 'thirdPartyCookie', params: ['cookielaw.org'], cites: ['cookies.first-party'],
  },

  // Personal data in requests
  'email in a third-party beacon': {
    finding: beacon({ ...tracker('analytics', 'Google', 'google-analytics.com'), personalData: ['email'] }),
    verdict: 'contradicts', code: 'personalDataToThirdParty', params: ['Google'], cites: ['sharing.opt-in-only', 'pii.collection'],
  },
  'email in a request to an unknown company': {
    finding: request({ kind: 'request', requestKind: 'fetch', host: 'collect.example', party: 'third-party', personalData: ['email', 'phone'] }),
    verdict: 'contradicts', code: 'personalDataToThirdParty', params: ['collect.example'], cites: ['sharing.opt-in-only', 'pii.collection'],
  },
  'personal data sent to SmartErgo': {
    finding: request({ requestKind: 'fetch', path: '/api/contact', personalData: ['name', 'email'] }),
    verdict: 'disclosed', code: 'firstPartyBeacon', params: [], cites: ['pii.collection', 'connection-data'],
  },

  // Beacons and trackers
  'SmartErgo’s own beacon': { finding: beacon(), verdict: 'disclosed', code: 'firstPartyBeacon', params: [], cites: ['beacons', 'clickstream'] },
  'SmartErgo’s own sendBeacon': {
    finding: beacon({ requestKind: 'sendbeacon' }),
    verdict: 'disclosed', code: 'firstPartyBeacon', params: [], cites: ['beacons', 'clickstream'],
  },
  'analytics beacon': {
    finding: beacon(tracker('analytics', 'Google', 'google-analytics.com')),
    verdict: 'disclosed', code: 'analyticsBeacon', params: ['Google'], cites: ['beacons', 'traffic-analytics'],
  },
  'analytics script': {
    finding: request(tracker('analytics', 'Google', 'google-analytics.com')),
    verdict: 'disclosed', code: 'analyticsRequest', params: ['Google'], cites: ['traffic-analytics'],
  },
  'tag manager': {
    finding: request(tracker('tag-manager', 'Google', 'googletagmanager.com')),
    verdict: 'disclosed', code: 'tagManager', params: ['Google'], cites: ['traffic-analytics'],
  },
  'advertising pixel': {
    finding: beacon(tracker('advertising', 'Meta', 'facebook.com')),
    verdict: 'not-covered', code: 'advertisingTracker', params: ['Meta'], cites: ['sharing.aggregate-to-advertisers'],
  },
  'advertising script': {
    finding: request(tracker('advertising', 'Google', 'doubleclick.net')),
    verdict: 'not-covered', code: 'advertisingTracker', params: ['Google'], cites: ['sharing.aggregate-to-advertisers'],
  },
  'social widget': {
    finding: request({ ...tracker('social', 'LinkedIn', 'linkedin.com'), requestKind: 'iframe' }),
    verdict: 'not-covered', code: 'socialTracker', params: ['LinkedIn'], cites: ['sharing.aggregate-to-advertisers'],
  },
  'session replay': {
    finding: request(tracker('session-replay', 'Hotjar', 'hotjar.com')),
    verdict: 'not-covered', code: 'sessionReplay', params: ['Hotjar'], cites: ['clickstream'],
  },
  'support chat': {
    finding: request(tracker('customer-support', 'Zendesk', 'zdassets.com')),
    verdict: 'disclosed', code: 'supportChat', params: ['Zendesk'], cites: ['chat-logs'],
  },
  'cookie-consent tool': {
    finding: request(tracker('consent', 'OneTrust', 'cookielaw.org')),
    verdict: 'disclosed', code: 'consentTool', params: ['OneTrust'], cites: ['cookies.first-party'],
  },

  // Unknown companies
  'beacon to an unknown company': {
    finding: beacon({ host: 'pixel.unknown.example', party: 'third-party' }),
    verdict: 'not-covered', code: 'unknownThirdPartyBeacon', params: ['pixel.unknown.example'], cites: ['beacons'],
  },
  'beacon to a tracker of category other': {
    finding: beacon({ ...tracker('other', 'Acme Data', 'acme.example'), requestKind: 'ping' }),
    verdict: 'not-covered', code: 'unknownThirdPartyBeacon', params: ['Acme Data'], cites: ['beacons'],
  },
  'script from an unknown company': {
    finding: request({ host: 'cdn.unknown.example', party: 'third-party' }),
    verdict: 'not-covered', code: 'unknownThirdParty', params: ['cdn.unknown.example'], cites: ['sharing.service-providers'],
  },
  'other request to SmartErgo': {
    finding: request({ requestKind: 'image', path: '/logo.png' }),
    verdict: 'disclosed', code: 'firstPartyBeacon', params: [], cites: ['clickstream'],
  },
  // Storage
  'email kept in storage by Segment': {
    finding: storage({ key: 'ajs_user_traits', organisation: 'Segment (Twilio)', purpose: 'analytics', personalData: ['email'] }),
    verdict: 'contradicts', code: 'storagePersonalDataThirdParty', params: ['Segment (Twilio)'], cites: ['sharing.opt-in-only', 'pii.collection'],
  },
  'email kept in SmartErgo’s own storage': {
    finding: storage({ key: 'checkout', personalData: ['email'] }),
    verdict: 'disclosed', code: 'storagePersonalData', params: [], cites: ['cookies.personal-info-you-supply', 'pii.collection'],
  },
  'a replay recorder’s storage': {
    finding: storage({ key: '_hjSessionUser_1', organisation: 'Hotjar', purpose: 'session-replay', identifier: true }),
    verdict: 'not-covered', code: 'storageThirdPartyTracker', params: ['Hotjar'], cites: ['tracking.other-methods', 'sharing.aggregate-to-advertisers'],
  },
  'an identifier in storage': {
    finding: storage({ key: 'visitor', identifier: true }),
    verdict: 'disclosed', code: 'storageIdentifier', params: ['www.smartergo.com'], cites: ['tracking.other-methods'],
  },
  'a preference in storage': {
    finding: storage(),
    verdict: 'disclosed', code: 'storageOther', params: [], cites: ['cookies.first-party'],
  },

  // Forms
  'card number posted over plain HTTP': {
    finding: form({ secure: false, fields: ['name', 'credit-card'], personalData: ['name', 'credit-card'] }),
    verdict: 'contradicts', code: 'formInsecureCard', params: ['www.smartergo.com'], cites: ['security', 'pii.collection'],
  },
  'card number posted to a company that takes no payments': {
    finding: form({ host: 'forms.collect.example', party: 'third-party', fields: ['credit-card'], personalData: ['credit-card'] }),
    verdict: 'contradicts', code: 'formInsecureCard', params: ['forms.collect.example'], cites: ['security', 'pii.collection'],
  },
  'a form asking for a passport number': {
    finding: form({ fields: ['name', 'national-id'], personalData: ['name'] }),
    verdict: 'not-covered', code: 'formUnlisted', params: [], cites: ['pii.collection'],
  },
  'a newsletter form posting to another company': {
    finding: form({ host: 'forms.mailer.example', party: 'third-party' }),
    verdict: 'not-covered', code: 'formToThirdParty', params: ['forms.mailer.example'], cites: ['sharing.service-providers', 'pii.collection'],
  },
  'card number posted to a payment processor': {
    finding: form({ host: 'api.stripe.com', party: 'third-party', fields: ['credit-card'], personalData: ['credit-card'] }),
    verdict: 'disclosed', code: 'formListed', params: [], cites: ['pii.collection'],
  },
  'a contact form posting to SmartErgo': {
    finding: form(),
    verdict: 'disclosed', code: 'formListed', params: [], cites: ['pii.collection'],
  },

  // Typed data sent on
  'hashed email sent to Meta': {
    finding: leak({ host: 'www.facebook.com', party: 'third-party', tracker: { organisation: 'Meta', category: 'advertising', domain: 'facebook.com' } }),
    verdict: 'contradicts', code: 'leakToThirdParty', params: ['Meta'], cites: ['sharing.opt-in-only', 'pii.collection'],
  },
  'typed email sent to SmartErgo': {
    finding: leak(),
    verdict: 'disclosed', code: 'leakToFirstParty', params: [], cites: ['pii.collection'],
  },

  // Fingerprinting, recording, consent
  'canvas and WebGL fingerprinting': {
    finding: { kind: 'fingerprint', techniques: ['canvas', 'webgl'], host: 'fp.example', party: 'third-party', personalData: [] },
    verdict: 'not-covered', code: 'fingerprinting', params: ['fp.example'], cites: ['tracking.other-methods'],
  },
  'a session recorder': {
    finding: { kind: 'recording', signals: ['dom-mutations', 'mouse-movement'], host: 'www.smartergo.com', party: 'first-party', personalData: [] },
    verdict: 'not-covered', code: 'sessionRecording', params: ['www.smartergo.com'], cites: ['clickstream'],
  },
  'tracking before the banner was answered': {
    finding: consent({ trackingBeforeAnswer: ['Google', 'Meta'] }),
    verdict: 'contradicts', code: 'trackingBeforeConsent', params: ['2', 'Google, Meta'], cites: ['cookies.choice'],
  },
  'a banner tracking waits for': {
    finding: consent({ answer: 'accepted' }),
    verdict: 'disclosed', code: 'consentRespected', params: [], cites: ['cookies.choice'],
  },

  'a malformed finding': {
    finding: { kind: 'mystery', host: 'odd.example' } as unknown as UnmatchedFinding,
    verdict: 'not-covered', code: 'unknownThirdParty', params: ['odd.example'], cites: [],
  },
};

const practicesOf = (finding: UnmatchedFinding): PracticeId[] => [
  ...new Set(matchFinding(finding, POLICY).citations.map((c) => c.practice)),
];

describe('matchFinding', () => {
  it.each(Object.entries(CASES))('%s', (_label, { finding, verdict, code, params, cites }) => {
    const match = matchFinding(finding, POLICY);
    expect(match.verdict).toBe(verdict);
    expect(match.reason).toEqual({ code, params });
    expect(practicesOf(finding)).toEqual(cites);
  });

  it('exercises every rule of the table', () => {
    const fired = new Set(Object.values(CASES).map(({ finding }) => findRule(finding)?.name));
    expect(RULES.filter((rule) => !fired.has(rule.name)).map((rule) => rule.name)).toEqual([]);
  });

  it('cites only words of the policy, inside the section it names', () => {
    for (const { finding } of Object.values(CASES)) {
      for (const citation of matchFinding(finding, POLICY).citations) {
        expect(POLICY.sections.find((s) => s.id === citation.sectionId)?.text).toContain(citation.quote);
      }
    }
  });

  it('cites, for personal data, the policy’s words for exactly the kinds found', () => {
    const match = matchFinding(request({ party: 'third-party', host: 'x.example', personalData: ['email', 'credit-card'] }), POLICY);
    expect(match.citations.filter((c) => c.practice === 'pii.collection').map((c) => c.quote)).toEqual([
      'Personal information means any information that may be used to identify an individual',
      'email address',
      'a credit card number (including expiration date)',
    ]);
    expect(match.citations[0]?.quote).toBe(
      'Unless you opt-in, SmartErgo will not transfer your personal information to third parties',
    );
  });

  it('never throws, whatever it is given', () => {
    const odd = [null, undefined, {}, { kind: 'cookie' }, { kind: 'beacon', personalData: 'email' }, { kind: 'request', tracker: null }];
    for (const finding of odd) {
      const match = matchFinding(finding as unknown as UnmatchedFinding, POLICY);
      expect(['disclosed', 'not-covered', 'contradicts']).toContain(match.verdict);
    }
    const partialPolicy = { ...POLICY, byPractice: () => undefined };
    expect(matchFinding(beacon(), partialPolicy)).toEqual({
      verdict: 'disclosed',
      reason: { code: 'firstPartyBeacon', params: [] },
      citations: [],
    });
  });

  it('does not claim a disclosure for a malformed finding', () => {
    for (const finding of [null, {}, { kind: 'cookie' }]) {
      expect(matchFinding(finding as unknown as UnmatchedFinding, POLICY).verdict).not.toBe('disclosed');
    }
  });
});

describe('the reason messages', () => {
  const messages = JSON.parse(
    readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
  ) as Record<string, { message?: unknown; description?: unknown }>;

  /** Every ReasonCode, kept complete by the compiler. */
  const CODES = Object.keys({
    firstPartyCookie: 1, analyticsCookie: 1, advertisingCookie: 1, personalDataInOwnCookie: 1,
    personalDataToThirdPartyCookie: 1, thirdPartyCookie: 1, firstPartyBeacon: 1, analyticsBeacon: 1,
    analyticsRequest: 1, advertisingTracker: 1, socialTracker: 1, sessionReplay: 1, supportChat: 1,
    tagManager: 1, consentTool: 1, unknownThirdParty: 1, unknownThirdPartyBeacon: 1, personalDataToThirdParty: 1,
    storageIdentifier: 1, storagePersonalData: 1, storagePersonalDataThirdParty: 1, storageOther: 1,
    storageThirdPartyTracker: 1, formListed: 1, formUnlisted: 1, formToThirdParty: 1, formInsecureCard: 1,
    leakToThirdParty: 1, leakToFirstParty: 1, fingerprinting: 1, sessionRecording: 1, consentRespected: 1,
    trackingBeforeConsent: 1,
  } satisfies Record<ReasonCode, 1>) as ReasonCode[];

  it('has a message with a description for every reason code (and so for every rule)', () => {
    for (const code of [...CODES, ...RULES.map((r) => r.reason)]) {
      const entry = messages[`reason_${code}`];
      expect(typeof entry?.message, code).toBe('string');
      expect(typeof entry?.description, code).toBe('string');
    }
  });

  it('uses exactly the substitutions each rule gives, and no other $', () => {
    for (const [label, { finding }] of Object.entries(CASES)) {
      const { code, params } = matchFinding(finding, POLICY).reason;
      const message = String(messages[`reason_${code}`]?.message);
      const used = [...message.matchAll(/\$(\d)/g)].map((m) => Number(m[1]));
      expect(Math.max(0, ...used), label).toBe(params.length);
      expect(message.replace(/\$\d/g, ''), label).not.toContain('$');
    }
  });
});
