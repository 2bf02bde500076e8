/**
 * The names of the requests the policy lets a visitor make, apart from their wording
 * (opt-out.ts): the message validators need these, and the content script imports
 * the validators, so this module must not pull in the policy text.
 */

export type OptOutChoice = 'direct-marketing' | 'market-research' | 'third-party-sharing';
export const OPT_OUT_CHOICES: readonly OptOutChoice[] = ['direct-marketing', 'market-research', 'third-party-sharing'];

export type RightsRequestKind = 'opt-out' | 'review-delete';
