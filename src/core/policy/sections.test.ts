import { describe, expect, it } from 'vitest';
import policyText from '../../data/privacy-policy.txt?raw';
import { parsePolicy, PolicyParseError, slugify } from './sections';

describe('parsePolicy on the SmartErgo policy', () => {
  const sections = parsePolicy(policyText);

  it('finds the twelve sections, in order, the opening paragraph as the introduction', () => {
    expect(sections.map((s) => s.title)).toEqual([
      'Introduction',
      'Information Collection',
      'Choice/Opt-Out',
      'Cookies and Tracking Technology',
      'How We Use Information Collected',
      'Information Sharing and Disclosure',
      'Your Ability to Review and Delete Information',
      'Data Security',
      'Changes to this Privacy Policy',
      'Children’s Privacy',
      'International Privacy Protection',
      'Contact Information',
    ]);
    expect(sections.map((s) => s.id)).toEqual([
      'introduction',
      'information-collection',
      'choice-opt-out',
      'cookies-and-tracking-technology',
      'how-we-use-information-collected',
      'information-sharing-and-disclosure',
      'your-ability-to-review-and-delete-information',
      'data-security',
      'changes-to-this-privacy-policy',
      'childrens-privacy',
      'international-privacy-protection',
      'contact-information',
    ]);
  });

  it('gives each section its body, at its offsets in the text, in order and without overlap', () => {
    let previousEnd = 0;
    for (const section of sections) {
      expect(section.text).toBe(policyText.slice(section.start, section.end));
      expect(section.text).toBe(section.text.trim());
      expect(section.text.startsWith(section.title)).toBe(false);
      expect(section.text).not.toMatch(/privacy policy\n/i);
      expect(section.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = section.end;
    }
  });

  it('keeps the heading out of the introduction and every paragraph of a section in it', () => {
    const [intro] = sections;
    expect(intro?.text.startsWith('SmartErgo, Inc. (“SmartErgo”), respects your privacy')).toBe(true);
    expect(intro?.text.endsWith('(the “Website”).')).toBe(true);
    const cookies = sections.find((s) => s.id === 'cookies-and-tracking-technology');
    expect(cookies?.text.startsWith('A cookie is a small data file')).toBe(true);
    expect(cookies?.text.endsWith('visit various parts of our Website.')).toBe(true);
    const security = sections.find((s) => s.id === 'data-security');
    expect(security?.text).toContain('Our Website may contain links to websites operated by other companies.');
  });

  it('reads the same text with Windows line endings (titles, bodies, exact offsets)', () => {
    const crlf = policyText.replace(/\n/g, '\r\n');
    const parsed = parsePolicy(crlf);
    expect(parsed.map((s) => s.id)).toEqual(sections.map((s) => s.id));
    for (const section of parsed) expect(section.text).toBe(crlf.slice(section.start, section.end));
  });
});

describe('parsePolicy on bad input', () => {
  it.each([
    ['empty text', ''],
    ['only blank lines', '\n\n  \n'],
    ['no section titles', 'Privacy Policy\n\nWe collect nothing.\n\nReally nothing at all.'],
    ['no paragraphs', 'Privacy Policy\n\nCookies\n\nContact'],
    ['a title with no text under it', 'Intro text here.\n\nCookies\n\nContact\n\nWrite to us.'],
    ['the same title twice', 'Intro.\n\nCookies\n\nOne.\n\nCookies\n\nTwo.'],
  ])('%s gives a PolicyParseError that says what is wrong', (_label, text) => {
    expect(() => parsePolicy(text)).toThrow(PolicyParseError);
    expect(() => parsePolicy(text)).toThrow(/polic|section|title/i);
  });

  it('is not fooled into an index error by odd input', () => {
    expect(() => parsePolicy(undefined as unknown as string)).toThrow(PolicyParseError);
    expect(() => parsePolicy('Cookies')).toThrow(PolicyParseError);
  });

  it('accepts a policy without a heading: its opening paragraphs are the introduction', () => {
    const parsed = parsePolicy('We care.\n\nCookies\n\nWe use some.');
    expect(parsed.map((s) => [s.id, s.text])).toEqual([
      ['introduction', 'We care.'],
      ['cookies', 'We use some.'],
    ]);
  });
});

describe('slugify', () => {
  it('makes kebab ids, an apostrophe joining the word', () => {
    expect(slugify('Children’s Privacy')).toBe('childrens-privacy');
    expect(slugify('Choice/Opt-Out')).toBe('choice-opt-out');
    expect(slugify('  Données  personnelles ')).toBe('donnees-personnelles');
  });
});
