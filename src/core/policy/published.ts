/**
 * The check a visitor gets on SmartErgo's policy page: does the policy published
 * there still say what PolicyLens's verdicts were built on? (The policy promises
 * notice of substantial changes on the site; this is that notice, made visible.)
 * Pure: the page's text comes in, a small result for storage goes out.
 */
import type { PolicyCheck } from '../model';
import { diffPolicy } from './diff';
import type { PolicyModel } from './disclosures';
import { parsePolicy } from './sections';

export function checkPublishedPolicy(publishedText: string, policy: PolicyModel, checkedAt: number): PolicyCheck {
  let changes;
  try {
    changes = diffPolicy(policy.sections, parsePolicy(publishedText));
  } catch {
    return { checkedAt, readable: false, changes: [] };
  }
  return {
    checkedAt,
    readable: true,
    changes: changes.map(({ sectionId, title, change }) => ({ sectionId, title, change })),
  };
}
