import { describe, expect, it } from 'vitest';
import {
  byVerdictThenLabel,
  durationText,
  findingLabel,
  groupBySection,
  hostOf,
  kindText,
  lifetimeText,
  NOT_MENTIONED,
  partyText,
  personalDataText,
  reasonText,
  sortByVerdictThenLabel,
} from './present';
import {
  ALL_FINDINGS,
  EMAIL_LEAK,
  FB_PIXEL,
  FBP_COOKIE,
  FONT,
  GA_BEACON,
  GA_COOKIE,
  GTM_SCRIPT,
  recordingTranslator,
  SCRIPT_COOKIE,
  SECTION_TITLES,
  SESSION_COOKIE,
} from './test-support';

const { t, missing } = recordingTranslator();

describe('groupBySection', () => {
  const groups = groupBySection(ALL_FINDINGS, Object.keys(SECTION_TITLES));

  it('puts groups with a contradiction first, then not covered, then disclosed (policy order among equals)', () => {
    expect(groups.map((g) => [g.sectionId, g.verdict])).toEqual([
      ['information-sharing-and-disclosure', 'contradicts'],
      [NOT_MENTIONED, 'not-covered'],
      ['information-collection', 'disclosed'],
      ['cookies-and-tracking-technology', 'disclosed'],
    ]);
  });

  it('sorts findings by verdict severity, then label', () => {
    expect(groups[0]?.findings.map((f) => f.id)).toEqual([EMAIL_LEAK.id, FB_PIXEL.id]);
    expect(groups[3]?.findings.map(findingLabel)).toEqual(['_ga', 'cart_hint', 'Google', 'Google', 'PHPSESSID']);
  });

  it('keeps the distinct quotes of the first citations, most severe first', () => {
    expect(groups[0]?.quotes).toEqual([
      EMAIL_LEAK.match.citations[0]?.quote,
      FB_PIXEL.match.citations[0]?.quote,
    ]);
    expect(groups[1]?.quotes).toEqual([]);
    expect(groups[3]?.quotes).toHaveLength(3);
  });

  it('places an unknown section after the known ones of the same verdict', () => {
    const odd = { ...FBP_COOKIE, id: 'x', match: { ...FBP_COOKIE.match, citations: [{ ...FBP_COOKIE.match.citations[0]!, sectionId: 'zzz' }] } };
    expect(groupBySection([odd, GA_COOKIE], ['cookies-and-tracking-technology']).map((g) => g.sectionId)).toEqual([
      'cookies-and-tracking-technology',
      'zzz',
    ]);
  });
});

describe('plain words', () => {
  it('labels cookies by name, requests by organisation or host', () => {
    expect(findingLabel(GA_COOKIE)).toBe('_ga');
    expect(findingLabel(FB_PIXEL)).toBe('Meta');
    expect(findingLabel(FONT)).toBe('fonts.gstatic.com');
  });

  it('names kinds and parties', () => {
    expect(kindText(t, GA_COOKIE)).toBe('Cookie');
    expect(kindText(t, FB_PIXEL)).toBe('Web beacon (image)');
    expect(kindText(t, GTM_SCRIPT)).toBe('Script');
    expect(partyText(t, GA_COOKIE)).toBe('Set by SmartErgo');
    expect(partyText(t, { ...GA_COOKIE, party: 'third-party' })).toBe('Set by another company');
    expect(partyText(t, GA_BEACON)).toBe('Sent to another company');
  });

  it('says how long a cookie lives', () => {
    expect(lifetimeText(t, SESSION_COOKIE)).toBe('Until you close the browser');
    expect(lifetimeText(t, GA_COOKIE)).toBe('2 years');
    expect(lifetimeText(t, FBP_COOKIE)).toBe('3 months');
    expect(lifetimeText(t, SCRIPT_COOKIE)).toBe('Not known');
    expect(lifetimeText(t, GA_BEACON)).toBeUndefined();
    expect(durationText(t, 86_400)).toBe('1 day');
    expect(durationText(t, 3 * 3600)).toBe('3 hours');
    expect(durationText(t, 20)).toBe('1 minute');
    expect(durationText(t, 400 * 86_400)).toBe('1 year');
  });

  it('lists personal data kinds and gives the reason', () => {
    expect(personalDataText(t, EMAIL_LEAK)).toBe('Email address and Name');
    expect(personalDataText(t, GA_COOKIE)).toBe('None found');
    expect(reasonText(t, EMAIL_LEAK)).toContain('HubSpot');
  });

  it('reads the host of a page URL', () => {
    expect(hostOf('https://www.smartergo.com/x?y=1')).toBe('www.smartergo.com');
    expect(hostOf('not a url')).toBe('');
  });

  it('uses only messages that exist', () => {
    expect([...missing]).toEqual([]);
  });
});

describe('sortByVerdictThenLabel', () => {
  it('orders exactly as sorting with byVerdictThenLabel does', () => {
    const findings = [...ALL_FINDINGS, ...ALL_FINDINGS.map((f) => ({ ...f, id: `${f.id}-b` }))].reverse();
    expect(sortByVerdictThenLabel(findings).map((f) => f.id)).toEqual([...findings].sort(byVerdictThenLabel).map((f) => f.id));
  });
});
