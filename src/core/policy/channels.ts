/**
 * The ways the policy tells a visitor to reach SmartErgo. Kept apart from
 * disclosures.ts (which checks them against the policy's quotes) so the popup can
 * use them without loading the whole policy text.
 */

/** How the policy says to opt out, for whoever helps the visitor do it. Checked against the quotes. */
export const OPT_OUT_CHANNEL = {
  email: 'optout@smartergo.com',
  subject: 'Opt Out',
  /** The policy offers "a written request to the address provided below" but gives no postal address. */
  postalAddress: null,
} as const;

/** Where the policy says to write about it. Checked against the quotes. */
export const CONTACT_EMAIL = 'legal@smartergo.com';
