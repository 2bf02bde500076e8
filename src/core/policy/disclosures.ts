/**
 * The privacy policy as data: for each practice (PracticeId), the section that discloses
 * it and the exact words. Read this file beside src/data/privacy-policy.txt.
 *
 * Every quote is checked against the text when the policy is loaded (and so when this
 * module is imported): a changed policy that no longer says a quoted thing fails the
 * build and the tests with an error naming the practice, instead of citing words the
 * policy no longer contains.
 */
import { CONTACT_EMAIL, OPT_OUT_CHANNEL } from './channels';
import policyText from '../../data/privacy-policy.txt?raw';
import type { Citation, PersonalDataKind, PracticeId, SectionId } from '../model';
import { parsePolicy, type PolicySection } from './sections';

export interface Disclosure {
  practice: PracticeId;
  sectionId: SectionId;
  /** Exact substrings of the policy text, each inside the section; the first says it most directly. */
  quotes: readonly string[];
  /** For a reviewer: what the quotes leave unsaid. */
  note?: string;
}

export interface PolicyModel {
  sections: PolicySection[];
  disclosures: Disclosure[];
  byPractice(p: PracticeId): Disclosure | undefined;
}

export class PolicyDataError extends Error {
  override name = 'PolicyDataError';
}

/** Section ids, as parsePolicy derives them from the titles. */
const SECTION = {
  collection: 'information-collection',
  choice: 'choice-opt-out',
  cookies: 'cookies-and-tracking-technology',
  sharing: 'information-sharing-and-disclosure',
  review: 'your-ability-to-review-and-delete-information',
  security: 'data-security',
  changes: 'changes-to-this-privacy-policy',
  children: 'childrens-privacy',
  international: 'international-privacy-protection',
  contact: 'contact-information',
} as const satisfies Record<string, SectionId>;

/** The personal information the policy lists (Information Collection), each kind with its words. */
export const PERSONAL_DATA_QUOTES: Readonly<Record<PersonalDataKind, string>> = {
  name: 'a first and last name',
  company: 'company name',
  email: 'email address',
  phone: 'telephone number',
  'postal-address': 'postal or other physical address',
  'birth-date': 'birth date',
  gender: 'gender',
  occupation: 'occupation',
  'credit-card': 'a credit card number (including expiration date)',
};

export { CONTACT_EMAIL, OPT_OUT_CHANNEL };

const PII_DEFINITION = 'Personal information means any information that may be used to identify an individual';

type DisclosureSpec = Omit<Disclosure, 'practice' | 'quotes'> & { quotes: readonly [string, ...string[]] };

/** One entry per practice: the compiler rejects a PracticeId left out. */
const DISCLOSURE_TABLE: { readonly [P in PracticeId]: DisclosureSpec } = {
  'cookies.first-party': {
    sectionId: SECTION.cookies,
    quotes: [
      'A cookie is a small data file that certain websites write to your hard drive when you visit them.',
      'Cookies save you time, for example, if you personalize a web page, or navigate within a website, a cookie recalls your specific information on subsequent visits.',
      'You may accept or decline cookies.',
    ],
    note: 'The section speaks only of SmartErgo’s own cookies; it says nothing of cookies set by other companies.',
  },
  'cookies.traffic-patterns': {
    sectionId: SECTION.cookies,
    quotes: [
      'SmartErgo also uses cookies to track user traffic patterns.',
      'We do this in order to determine the usefulness of our Website information to our users and to see how effective our navigational structure is in helping users reach that information.',
    ],
  },
  'cookies.choice': {
    sectionId: SECTION.cookies,
    quotes: [
      'You may accept or decline cookies.',
      'Most web browsers automatically accept cookies, however you can modify your browser setting to decline cookies.',
    ],
    note: 'A visitor can only decline what has not already been set: tracking that starts before a cookie banner is answered leaves nothing to decline.',
  },
  'tracking.other-methods': {
    sectionId: SECTION.cookies,
    quotes: [
      'In addition to cookies, our Website uses a variety of technical methods for tracking purposes, including web beacons.',
      'SmartErgo also uses these technical methods to analyze the traffic patterns on our Website, such as the frequency with which our users visit various parts of our Website.',
    ],
    note: 'Covers browser storage used like a cookie; it names no method besides web beacons, and nothing about identifying a device from its features or recording what the visitor does.',
  },
  'cookies.personal-info-you-supply': {
    sectionId: SECTION.cookies,
    quotes: ['the only personal information a cookie can contain is information you supply yourself'],
  },
  beacons: {
    sectionId: SECTION.cookies,
    quotes: [
      'In addition to cookies, our Website uses a variety of technical methods for tracking purposes, including web beacons.',
      'Web beacons are small pieces of data that are embedded in images on the pages of websites.',
    ],
    note: 'Information Collection also names them: “cookies, Internet tags or web beacons” (cited under clickstream).',
  },
  clickstream: {
    sectionId: SECTION.collection,
    quotes: [
      'certain anonymous information can be passively collected (that is, gathered without your actively providing the information) using various technologies, such as cookies, Internet tags or web beacons, and navigational data collection (log files, server logs, clickstream)',
      'the date and time you access the Website and the pages that you access while at the Website',
    ],
  },
  'traffic-analytics': {
    sectionId: SECTION.cookies,
    quotes: [
      'SmartErgo also uses these technical methods to analyze the traffic patterns on our Website, such as the frequency with which our users visit various parts of our Website.',
    ],
    note: 'The policy does not say that another company does the analysis.',
  },
  marketing: {
    sectionId: SECTION.collection,
    quotes: [
      'This information is used for internal/external marketing purposes, to analyze trends and to improve our Website, products, Apps and services.',
    ],
    note: '“This information” is the anonymous information collected passively (cookies, web beacons, logs).',
  },
  'pii.collection': {
    sectionId: SECTION.collection,
    quotes: [
      PII_DEFINITION,
      PERSONAL_DATA_QUOTES.name,
      PERSONAL_DATA_QUOTES.company,
      PERSONAL_DATA_QUOTES.email,
      PERSONAL_DATA_QUOTES.phone,
      PERSONAL_DATA_QUOTES['postal-address'],
      PERSONAL_DATA_QUOTES['birth-date'],
      PERSONAL_DATA_QUOTES.gender,
      PERSONAL_DATA_QUOTES.occupation,
      PERSONAL_DATA_QUOTES['credit-card'],
    ],
  },
  'connection-data': {
    sectionId: SECTION.collection,
    quotes: [
      'Certain of our products, Apps and services also store connection or session information such as time/date and length of collection, IP address, chat logs and technician information.',
      'Your internet browser automatically transmits some of this anonymous information, such as the URL of the website you just came from and the Internet Protocol (IP) address and the browser version your computer or mobile device is currently using',
    ],
  },
  'chat-logs': {
    sectionId: SECTION.collection,
    quotes: ['chat logs and technician information'],
  },
  'sharing.opt-in-only': {
    sectionId: SECTION.sharing,
    quotes: ['Unless you opt-in, SmartErgo will not transfer your personal information to third parties'],
    note: 'The exceptions that follow are legal process, protecting rights and safety, and a sale of the business.',
  },
  'sharing.service-providers': {
    sectionId: SECTION.sharing,
    quotes: [
      'If you choose to provide us with your personal information, we may transfer that information within SmartErgo or to SmartErgo’s third party service providers with your permission.',
      'we need to send the information to companies who work on behalf of SmartErgo to provide a product or service to you (we will only provide those companies the information they need to deliver the service, and they are prohibited from using that information for any other purpose)',
    ],
    note: 'The service providers are not named.',
  },
  'sharing.aggregate-to-advertisers': {
    sectionId: SECTION.sharing,
    quotes: [
      'we may share non-identifiable aggregate information about our users (for example, the proportion of male and female users) with advertisers, business partners, and other third parties in an effort to customize or enhance the content and advertising on our Website for our users.',
    ],
    note: 'Only aggregate, non-identifiable information: nothing here covers reporting each visit to an advertiser.',
  },
  'opt-out': {
    sectionId: SECTION.choice,
    quotes: [
      'You may elect to “opt out” of receiving direct marketing or market research information.',
      // The policy has a no-break space between "to" and the address.
      'you may do so at any time by sending an email request to\u00a0optout@smartergo.com',
      '(please indicate “Opt Out” in the subject line)',
      'or by sending a written request to the address provided below',
    ],
    note: 'No postal address is provided below, or anywhere in the policy: the written request has nowhere to go.',
  },
  'review-delete': {
    sectionId: SECTION.review,
    quotes: [
      'You can always ask to review any personal information that we have collected from you, have us update, correct or delete this information and/or instruct us not to use this information in the future.',
    ],
  },
  security: {
    sectionId: SECTION.security,
    quotes: [
      'SmartErgo safeguards the security and confidentiality of the data you send us with physical, technical, and managerial procedures.',
      'no security measures are perfect or impenetrable',
    ],
  },
  'third-party-links': {
    sectionId: SECTION.security,
    quotes: [
      'Our Website may contain links to websites operated by other companies.',
      'SmartErgo is not responsible for the privacy practices of websites operated by third parties that are linked to our site.',
    ],
    note: 'This paragraph sits in Data Security (it has no title of its own). It covers links the visitor follows, not companies loaded into SmartErgo’s pages.',
  },
  'policy-changes': {
    sectionId: SECTION.changes,
    quotes: [
      'SmartErgo may amend this policy from time to time.',
      'If we make any substantial changes in the way we use your personal information we will make that information available by posting a notice on this site.',
    ],
  },
  children: {
    sectionId: SECTION.children,
    quotes: [
      'does not target and is not intended for children under the age of 13',
      'SmartErgo does not knowingly solicit or maintain personal information pertaining to children under the age of 13.',
    ],
  },
  'international-transfer': {
    sectionId: SECTION.international,
    quotes: [
      'Personal information that we maintain is controlled and processed in the United States of America and/or other countries',
      'SmartErgo adheres to the Safe Harbor Privacy Principles administered by the U.S. Department of Commerce.',
    ],
    note: 'Safe Harbor was declared invalid by the EU Court of Justice in 2015 (Schrems I).',
  },
  contact: {
    sectionId: SECTION.contact,
    // A no-break space before the address, as in the policy.
    quotes: ['please contact us electronically at\u00a0legal@smartergo.com'],
  },
};

/** Values other modules use as facts; each must appear inside a quote of its practice. */
const FACTS: readonly { practice: PracticeId; value: string }[] = [
  { practice: 'opt-out', value: OPT_OUT_CHANNEL.email },
  { practice: 'opt-out', value: `“${OPT_OUT_CHANNEL.subject}”` },
  { practice: 'contact', value: CONTACT_EMAIL },
];

const preview = (quote: string): string => (quote.length > 60 ? `${quote.slice(0, 57)}...` : quote);

/** Every problem between the disclosures and the sections, in words naming the practice. */
function checkDisclosures(text: string, sections: PolicySection[], disclosures: Disclosure[]): string[] {
  const problems: string[] = [];
  const byId = new Map(sections.map((s) => [s.id, s]));
  for (const { practice, sectionId, quotes } of disclosures) {
    const section = byId.get(sectionId);
    if (!section) {
      problems.push(
        `${practice}: section "${sectionId}" is not in the policy (sections: ${sections.map((s) => s.id).join(', ')})`,
      );
      continue;
    }
    if (quotes.length === 0) problems.push(`${practice}: no quote`);
    for (const quote of quotes) {
      if (quote.trim() === '') {
        problems.push(`${practice}: an empty quote`);
      } else if (!section.text.includes(quote)) {
        const at = text.indexOf(quote);
        const elsewhere = sections.find((s) => at >= s.start && at < s.end);
        problems.push(
          at < 0
            ? `${practice}: quote not found in the policy: "${preview(quote)}"`
            : `${practice}: quote is in section "${elsewhere?.id ?? '(heading)'}", not in "${sectionId}": "${preview(quote)}"`,
        );
      }
    }
  }
  for (const { practice, value } of FACTS) {
    const disclosure = disclosures.find((d) => d.practice === practice);
    if (!disclosure?.quotes.some((q) => q.includes(value))) {
      problems.push(`${practice}: "${value}" is not in any of its quotes`);
    }
  }
  return problems;
}

/**
 * The policy model: its sections and the disclosures checked against them.
 * Throws a PolicyParseError for unreadable text, a PolicyDataError listing every
 * practice whose quote the text no longer contains.
 */
export function loadPolicy(text: string = policyText): PolicyModel {
  const sections = parsePolicy(text);
  const disclosures: Disclosure[] = (Object.keys(DISCLOSURE_TABLE) as PracticeId[]).map((practice) => ({
    practice,
    ...DISCLOSURE_TABLE[practice],
  }));
  const problems = checkDisclosures(text, sections, disclosures);
  if (problems.length > 0) {
    throw new PolicyDataError(
      `The privacy policy text does not match its disclosures (src/core/policy/disclosures.ts):\n- ${problems.join('\n- ')}`,
    );
  }
  const byPractice = new Map(disclosures.map((d) => [d.practice, d]));
  return { sections, disclosures, byPractice: (p) => byPractice.get(p) };
}

/**
 * The citations of one practice, one per quote. For 'pii.collection' with `kinds`, only
 * the definition and the words of those kinds. Empty when the policy lacks the practice.
 */
export function citationsFor(policy: PolicyModel, practice: PracticeId, kinds?: readonly PersonalDataKind[]): Citation[] {
  const disclosure = policy.byPractice(practice);
  if (!disclosure) return [];
  let quotes = disclosure.quotes;
  if (practice === 'pii.collection' && kinds && kinds.length > 0) {
    const wanted = new Set<string>(kinds.map((k) => PERSONAL_DATA_QUOTES[k]).filter((q) => q !== undefined));
    quotes = quotes.filter((q, i) => i === 0 || wanted.has(q));
  }
  return quotes.map((quote) => ({ sectionId: disclosure.sectionId, practice, quote }));
}

/** The policy bundled with the extension, checked when this module loads. */
export const POLICY: PolicyModel = loadPolicy();
