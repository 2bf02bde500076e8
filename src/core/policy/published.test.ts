import { describe, expect, it } from 'vitest';
import policyText from '../../data/privacy-policy.txt?raw';
import { POLICY } from './disclosures';
import { checkPublishedPolicy } from './published';

describe('checkPublishedPolicy', () => {
  it('finds no change when the page publishes the same policy, however it is spaced', () => {
    const asOnAPage = policyText.replace(/\n\n/g, '\n\n  ').replace(/ /g, '  ');
    expect(checkPublishedPolicy(asOnAPage, POLICY, 7)).toEqual({ checkedAt: 7, readable: true, changes: [] });
  });

  it('names each section that changed, was added or removed', () => {
    const changed = policyText
      .replace('SmartErgo may amend this policy from time to time.', 'SmartErgo may amend this policy at any time without notice.')
      .replace(/Children’s Privacy\n\n[^\n]+\n\n/, '')
      .concat('\n\nDo Not Track\n\nWe do not respond to Do Not Track signals.\n');
    const check = checkPublishedPolicy(changed, POLICY, 1);
    expect(check.readable).toBe(true);
    expect(check.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Changes to this Privacy Policy', change: 'changed' }),
        expect.objectContaining({ change: 'removed', sectionId: expect.stringContaining('children') }),
        expect.objectContaining({ title: 'Do Not Track', change: 'added' }),
      ]),
    );
    expect(check.changes).toHaveLength(3);
  });

  it('says so, without throwing, when the text is not a policy at all', () => {
    expect(checkPublishedPolicy('', POLICY, 1)).toEqual({ checkedAt: 1, readable: false, changes: [] });
    expect(checkPublishedPolicy('Page not found', POLICY, 1).readable).toBe(false);
  });
});
