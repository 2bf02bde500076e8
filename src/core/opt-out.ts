/**
 * The requests the policy offers the visitor, composed as mailto: URLs. Pure: the
 * popup opens the URL (the user's mail client sends it) and can copy it.
 *
 * The email is written to SmartErgo in English, the policy's language, whatever
 * language the popup is in.
 */
import { CONTACT_EMAIL, OPT_OUT_CHANNEL } from './policy/channels';
import { OPT_OUT_CHOICES, type OptOutChoice } from './rights';

export { OPT_OUT_CHOICES, type OptOutChoice, type RightsRequestKind } from './rights';

export interface Identity {
  /** As the user typed it; blank means not given. */
  email?: string;
  name?: string;
}

export interface ComposedEmail {
  to: string;
  subject: string;
  body: string;
  /** RFC 6068: every reserved character percent-encoded, lines ended by CRLF. */
  mailto: string;
}

const CHOICE_TEXT: Readonly<Record<OptOutChoice, string>> = {
  'direct-marketing': 'receiving direct marketing information',
  'market-research': 'receiving market research information',
  'third-party-sharing': 'the sharing of my personal information with third parties',
};

/** The section the review request cites (its title in the policy). */
export const REVIEW_SECTION_TITLE = 'Your Ability to Review and Delete Information';

export const REVIEW_SUBJECT = 'Request to review and delete my information';

function identityLines(identity: Identity): string[] {
  const name = identity.name?.trim();
  const email = identity.email?.trim();
  if (!name && !email) return [];
  return ['', 'To identify me:', ...(name ? [`Name: ${name}`] : []), ...(email ? [`Email address: ${email}`] : [])];
}

export function mailtoUrl(to: string, subject: string, body: string): string {
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

function compose(to: string, subject: string, lines: string[]): ComposedEmail {
  const body = lines.join('\n');
  return { to, subject, body, mailto: mailtoUrl(to, subject, body) };
}

/** The opt-out the policy offers (Choice/Opt-Out): to optout@smartergo.com, "Opt Out" in the subject. */
export function composeOptOut(choices: readonly OptOutChoice[], identity: Identity = {}): ComposedEmail {
  const chosen = OPT_OUT_CHOICES.filter((choice) => choices.includes(choice));
  if (chosen.length === 0) throw new Error('composeOptOut: choose at least one thing to opt out of');
  return compose(OPT_OUT_CHANNEL.email, OPT_OUT_CHANNEL.subject, [
    'Hello,',
    '',
    'As your privacy policy offers (Choice/Opt-Out), I opt out of:',
    ...chosen.map((choice) => `- ${CHOICE_TEXT[choice]}`),
    '',
    'Please confirm when this has been done.',
    ...identityLines(identity),
  ]);
}

/** A request under "Your Ability to Review and Delete Information", to the contact the policy gives. */
export function composeReviewDelete(identity: Identity = {}): ComposedEmail {
  return compose(CONTACT_EMAIL, REVIEW_SUBJECT, [
    'Hello,',
    '',
    `Under "${REVIEW_SECTION_TITLE}" in your privacy policy, I ask you to:`,
    '- tell me what personal information SmartErgo holds about me, and',
    '- delete it.',
    '',
    'Please confirm when this has been done.',
    ...identityLines(identity),
  ]);
}

/** The policy also offers "a written request to the address provided below", but gives no address. */
export const POSTAL_ADDRESS_GIVEN = OPT_OUT_CHANNEL.postalAddress !== null;
