import { describe, expect, it } from 'vitest';
import policyText from '../../data/privacy-policy.txt?raw';
import { POLICY_NOTE_CODES, reviewPolicy } from './review';
import { parsePolicy } from './sections';

describe('reviewPolicy on SmartErgo’s policy', () => {
  const notes = reviewPolicy(policyText);
  const byCode = Object.fromEntries(notes.map((n) => [n.code, n]));

  it('finds every note, in the order of the text, each quote exact and inside its section', () => {
    expect(notes.map((n) => n.code)).toEqual([
      'identifiersCalledAnonymous',
      'consentAssumed',
      'optOutNoPostalAddress',
      'sharingWithoutOptIn',
      'reviewNoChannel',
      'noEffectiveDate',
      'safeHarbor',
    ]);
    expect(new Set(notes.map((n) => n.code))).toEqual(new Set(POLICY_NOTE_CODES));
    const sections = new Map(parsePolicy(policyText).map((s) => [s.id, s]));
    for (const note of notes) expect(sections.get(note.sectionId)?.text).toContain(note.quote);
  });

  it('quotes the words QA must see', () => {
    expect(byCode['optOutNoPostalAddress']).toEqual({
      code: 'optOutNoPostalAddress',
      sectionId: 'choice-opt-out',
      quote: 'a written request to the address provided below',
    });
    expect(byCode['reviewNoChannel']).toMatchObject({
      sectionId: 'your-ability-to-review-and-delete-information',
      quote: 'simply contact us',
    });
    expect(byCode['safeHarbor']).toMatchObject({
      sectionId: 'international-privacy-protection',
      quote:
        'For personally identifiable information collected from users in the European Economic Area and Switzerland, SmartErgo adheres to the Safe Harbor Privacy Principles administered by the U.S. Department of Commerce.',
    });
    expect(byCode['consentAssumed']?.quote).toMatch(/^we assume you have given us your consent .* opt out at the point of collection$/);
    expect(byCode['identifiersCalledAnonymous']?.quote).toMatch(/^Your internet browser automatically transmits .*Internet Protocol \(IP\) address.*Website\.$/);
    expect(byCode['sharingWithoutOptIn']?.sectionId).toBe('information-sharing-and-disclosure');
  });

  it('drops a note once the policy fills the gap', () => {
    const fixed = policyText
      .replace('simply contact us.', 'simply contact us at privacy@smartergo.com.')
      .replace(/legal@smartergo\.com\s+and/, 'legal@smartergo.com or write to SmartErgo, Inc., 100 Main Street, Springfield, IL 62701 and')
      .replace(/For personally identifiable information[^\n]*Commerce\./, 'Transfers from the EU rely on the EU-U.S. Data Privacy Framework.')
      .replace('SmartErgo may amend this policy from time to time.', 'Last updated 1 March 2026. SmartErgo may amend this policy from time to time.');
    const codes = reviewPolicy(fixed).map((n) => n.code);
    expect(codes).not.toContain('reviewNoChannel');
    expect(codes).not.toContain('optOutNoPostalAddress');
    expect(codes).not.toContain('safeHarbor');
    expect(codes).not.toContain('noEffectiveDate');
    expect(codes).toContain('consentAssumed');
  });

  it('finds the quotes in text laid out differently (a web page: other line breaks, no-break spaces)', () => {
    const reflowed = policyText.replace(/ (?=address provided)/, '\n').replace('simply contact', 'simply\u00a0contact');
    const notes2 = reviewPolicy(reflowed);
    expect(notes2.find((n) => n.code === 'optOutNoPostalAddress')?.quote).toBe('a written request to the\naddress provided below');
    expect(notes2.find((n) => n.code === 'reviewNoChannel')?.quote).toBe('simply\u00a0contact us');
  });
});
