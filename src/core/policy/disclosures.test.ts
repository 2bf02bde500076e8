import { describe, expect, it } from 'vitest';
import policyText from '../../data/privacy-policy.txt?raw';
import type { PersonalDataKind, PracticeId } from '../model';
import {
  CONTACT_EMAIL,
  citationsFor,
  loadPolicy,
  OPT_OUT_CHANNEL,
  PERSONAL_DATA_QUOTES,
  POLICY,
  PolicyDataError,
} from './disclosures';
import { PolicyParseError } from './sections';

/** Every PracticeId, kept complete by the compiler. */
const PRACTICES = Object.keys({
  'cookies.first-party': 1,
  'cookies.traffic-patterns': 1,
  'cookies.personal-info-you-supply': 1,
  beacons: 1,
  clickstream: 1,
  'traffic-analytics': 1,
  marketing: 1,
  'pii.collection': 1,
  'connection-data': 1,
  'chat-logs': 1,
  'sharing.opt-in-only': 1,
  'sharing.service-providers': 1,
  'sharing.aggregate-to-advertisers': 1,
  'opt-out': 1,
  'review-delete': 1,
  security: 1,
  'third-party-links': 1,
  'policy-changes': 1,
  children: 1,
  'international-transfer': 1,
  contact: 1,
  'tracking.other-methods': 1,
  'cookies.choice': 1,
} satisfies Record<PracticeId, 1>) as PracticeId[];

describe('the disclosures of the SmartErgo policy', () => {
  it('has one disclosure for every practice', () => {
    expect(POLICY.disclosures.map((d) => d.practice).sort()).toEqual([...PRACTICES].sort());
    for (const practice of PRACTICES) expect(POLICY.byPractice(practice)?.practice).toBe(practice);
  });

  it('quotes only exact words of the policy, each inside its own section', () => {
    for (const { practice, sectionId, quotes } of POLICY.disclosures) {
      const section = POLICY.sections.find((s) => s.id === sectionId);
      expect(section, practice).toBeDefined();
      expect(quotes.length, practice).toBeGreaterThan(0);
      for (const quote of quotes) {
        expect(policyText.includes(quote), `${practice}: ${quote}`).toBe(true);
        const at = section?.text.indexOf(quote) ?? -1;
        expect(at, `${practice} in ${sectionId}: ${quote}`).toBeGreaterThanOrEqual(0);
        expect(policyText.slice((section?.start ?? 0) + at).startsWith(quote)).toBe(true);
      }
    }
  });

  it('cites the words the brief names', () => {
    const quotesOf = (p: PracticeId): string => POLICY.byPractice(p)?.quotes.join(' | ') ?? '';
    expect(quotesOf('cookies.personal-info-you-supply')).toContain('information you supply yourself');
    expect(quotesOf('marketing')).toContain('internal/external marketing purposes');
    expect(quotesOf('clickstream')).toContain('Internet tags or web beacons');
    expect(quotesOf('clickstream')).toContain('clickstream');
    expect(quotesOf('connection-data')).toContain('IP address');
    expect(quotesOf('chat-logs')).toContain('chat logs');
    expect(quotesOf('sharing.opt-in-only')).toBe(
      'Unless you opt-in, SmartErgo will not transfer your personal information to third parties',
    );
    expect(quotesOf('sharing.aggregate-to-advertisers')).toContain('non-identifiable aggregate information');
    expect(quotesOf('international-transfer')).toContain('Safe Harbor');
    expect(quotesOf('opt-out')).toContain('the address provided below');
  });

  it('maps every kind of personal data to the words that list it in Information Collection', () => {
    const collection = POLICY.sections.find((s) => s.id === 'information-collection');
    for (const [kind, quote] of Object.entries(PERSONAL_DATA_QUOTES)) {
      expect(collection?.text, kind).toContain(quote);
      expect(POLICY.byPractice('pii.collection')?.quotes, kind).toContain(quote);
    }
  });

  it('records the opt-out channel and the contact address, and that no postal address is given', () => {
    expect(OPT_OUT_CHANNEL).toEqual({ email: 'optout@smartergo.com', subject: 'Opt Out', postalAddress: null });
    expect(CONTACT_EMAIL).toBe('legal@smartergo.com');
    const below = policyText.slice(policyText.indexOf('the address provided below'));
    // What follows the promise holds email addresses but nothing like a street, PO box or zip code.
    expect(below).not.toMatch(/\b\d{5}(-\d{4})?\b|P\.?\s?O\.? Box|\b(Street|St\.|Avenue|Ave\.|Suite|Road)\b/i);
    expect(POLICY.byPractice('opt-out')?.note).toMatch(/no postal address/i);
  });
});

describe('citationsFor', () => {
  it('gives one citation per quote, with the section and the practice', () => {
    const citations = citationsFor(POLICY, 'cookies.traffic-patterns');
    expect(citations).toHaveLength(2);
    expect(citations[0]).toEqual({
      sectionId: 'cookies-and-tracking-technology',
      practice: 'cookies.traffic-patterns',
      quote: 'SmartErgo also uses cookies to track user traffic patterns.',
    });
  });

  it('narrows pii.collection to the definition and the kinds found', () => {
    const kinds: PersonalDataKind[] = ['email', 'phone'];
    expect(citationsFor(POLICY, 'pii.collection', kinds).map((c) => c.quote)).toEqual([
      'Personal information means any information that may be used to identify an individual',
      'email address',
      'telephone number',
    ]);
  });

  it('gives nothing for a practice the policy model lacks', () => {
    const partial = { ...POLICY, byPractice: () => undefined };
    expect(citationsFor(partial, 'beacons')).toEqual([]);
  });
});

describe('loadPolicy on a changed policy', () => {
  it('names the practice whose words are gone', () => {
    const changed = policyText.replace('SmartErgo also uses cookies to track user traffic patterns.', '');
    expect(() => loadPolicy(changed)).toThrow(PolicyDataError);
    expect(() => loadPolicy(changed)).toThrow(/cookies\.traffic-patterns: quote not found/);
  });

  it('says when a quote moved to another section', () => {
    const sentence = 'Web beacons are small pieces of data that are embedded in images on the pages of websites. ';
    const moved = policyText
      .replace(sentence, '')
      .replace('Data Security\n\n', `Data Security\n\n${sentence}`);
    expect(() => loadPolicy(moved)).toThrow(/beacons: quote is in section "data-security", not in "cookies-and-tracking-technology"/);
  });

  it('names the practice whose section is gone, and lists every problem at once', () => {
    const renamed = policyText.replace('Children’s Privacy', 'Young Visitors').replace('legal@smartergo.com', 'privacy@smartergo.com');
    let message = '';
    try {
      loadPolicy(renamed);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/children: section "childrens-privacy" is not in the policy/);
    expect(message).toMatch(/contact: quote not found/);
  });

  it('passes on parse errors as they are', () => {
    expect(() => loadPolicy('')).toThrow(PolicyParseError);
  });

  it('loads the bundled policy by default', () => {
    expect(loadPolicy().sections).toEqual(POLICY.sections);
  });
});
