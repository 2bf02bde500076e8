import { describe, expect, it } from 'vitest';
import policyText from '../../data/privacy-policy.txt?raw';
import { POLICY } from './disclosures';
import { diffPolicy, missingQuotes, normalizeText, sentencesOf } from './diff';
import { parsePolicy } from './sections';

const bundled = parsePolicy(policyText);

describe('diffPolicy', () => {
  it('finds nothing when the published text says the same, however it is spaced', () => {
    const reflowed = policyText.replace(/\. /g, '.\n').replace(/\u00a0/g, ' ').replace(/\n\n/g, '\n\n\n');
    expect(diffPolicy(bundled, parsePolicy(reflowed))).toEqual([]);
  });

  it('reports a changed section with the sentences removed and added', () => {
    const changed = policyText.replace(
      'SmartErgo may amend this policy from time to time.',
      'SmartErgo may amend this policy at any time without notice.',
    );
    const diff = diffPolicy(bundled, parsePolicy(changed));
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatchObject({
      sectionId: 'changes-to-this-privacy-policy',
      title: 'Changes to this Privacy Policy',
      change: 'changed',
      removedSentences: ['SmartErgo may amend this policy from time to time.'],
      addedSentences: ['SmartErgo may amend this policy at any time without notice.'],
    });
    expect(diff[0]?.actual).toContain('at any time without notice');
    expect(diff[0]?.expected).toContain('from time to time');
  });

  it('reports removed and added sections, known order first, then the new ones', () => {
    const withoutChildren = policyText.replace(/Children’s Privacy\n\n[^\n]+\n\n/, '');
    const withRetention = `${withoutChildren}\n\nData Retention\n\nWe keep your data for ten years.`;
    const diff = diffPolicy(bundled, parsePolicy(withRetention));
    expect(diff.map((c) => [c.sectionId, c.change])).toEqual([
      ['childrens-privacy', 'removed'],
      ['data-retention', 'added'],
    ]);
    expect(diff[0]).toMatchObject({ expected: expect.stringContaining('under the age of 13'), actual: null });
    expect(diff[1]).toMatchObject({ title: 'Data Retention', expected: null, actual: 'We keep your data for ten years.' });
  });

  it('treats a renamed title with the same id as a change', () => {
    const renamed = policyText.replace('Contact Information', 'Contact information');
    expect(diffPolicy(bundled, parsePolicy(renamed)).map((c) => [c.sectionId, c.change, c.title])).toEqual([
      ['contact-information', 'changed', 'Contact information'],
    ]);
  });
});

describe('missingQuotes', () => {
  it('is empty for the bundled policy, even reflowed', () => {
    expect(missingQuotes(POLICY, policyText)).toEqual([]);
    expect(missingQuotes(POLICY, policyText.replace(/\u00a0/g, ' ').replace(/ /g, '\n'))).toEqual([]);
  });

  it('names each cited quote the published policy dropped', () => {
    const changed = policyText.replace('Unless you opt-in, SmartErgo will not transfer', 'SmartErgo may transfer');
    expect(missingQuotes(POLICY, changed)).toEqual([
      {
        practice: 'sharing.opt-in-only',
        sectionId: 'information-sharing-and-disclosure',
        quote: 'Unless you opt-in, SmartErgo will not transfer your personal information to third parties',
      },
    ]);
  });
});

describe('text helpers', () => {
  it('normalizes whitespace and splits sentences', () => {
    expect(normalizeText(' a\u00a0b\n\n c ')).toBe('a b c');
    expect(sentencesOf('One. Two!  Three? four')).toEqual(['One.', 'Two!', 'Three?', 'four']);
  });
});
