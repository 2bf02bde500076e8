/**
 * The policy's section titles by id, in the policy's order: what the popup needs to
 * head its groups, without loading the whole policy text. A test keeps this equal to
 * what parsePolicy reads from src/data/privacy-policy.txt, so a changed policy fails
 * the build until this is updated with it.
 */
export const SECTION_TITLES: Readonly<Record<string, string>> = {
  introduction: 'Introduction',
  'information-collection': 'Information Collection',
  'choice-opt-out': 'Choice/Opt-Out',
  'cookies-and-tracking-technology': 'Cookies and Tracking Technology',
  'how-we-use-information-collected': 'How We Use Information Collected',
  'information-sharing-and-disclosure': 'Information Sharing and Disclosure',
  'your-ability-to-review-and-delete-information': 'Your Ability to Review and Delete Information',
  'data-security': 'Data Security',
  'changes-to-this-privacy-policy': 'Changes to this Privacy Policy',
  'childrens-privacy': 'Children’s Privacy',
  'international-privacy-protection': 'International Privacy Protection',
  'contact-information': 'Contact Information',
};
