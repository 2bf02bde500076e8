/**
 * What a careful reader finds in the policy text itself, each with its exact quote:
 * promises with nowhere to send the request, a legal basis the courts struck down,
 * consent assumed by default, words that contradict each other.
 *
 * Pure and text-driven: each rule looks for its words in whatever policy it is given
 * (the bundled one or the one a site publishes now), and a rule whose gap is filled
 * (a postal address added, Safe Harbor dropped) no longer reports anything.
 * The explanations are messages in _locales (`policyNote_<code>`).
 */
import type { SectionId } from '../model';
import { parsePolicy, type PolicySection } from './sections';

export type PolicyNoteCode =
  | 'optOutNoPostalAddress'
  | 'reviewNoChannel'
  | 'safeHarbor'
  | 'consentAssumed'
  | 'sharingWithoutOptIn'
  | 'identifiersCalledAnonymous'
  | 'noEffectiveDate';

export const POLICY_NOTE_CODES: readonly PolicyNoteCode[] = [
  'optOutNoPostalAddress',
  'reviewNoChannel',
  'safeHarbor',
  'consentAssumed',
  'sharingWithoutOptIn',
  'identifiersCalledAnonymous',
  'noEffectiveDate',
];

export interface PolicyNote {
  code: PolicyNoteCode;
  sectionId: SectionId;
  /** An exact substring of the policy text the note is about. */
  quote: string;
}

interface NoteRule {
  code: PolicyNoteCode;
  /** The words the note is about; spaces match any whitespace, so the quote is exact in any layout. */
  words: RegExp;
  /** Whether the gap exists in this policy (default: the words alone are the problem). */
  applies?: (text: string, section: PolicySection) => boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A case-insensitive pattern for a phrase, any whitespace between its words. */
const phrase = (words: string): RegExp => new RegExp(escape(words).replace(/ /g, '\\s+'), 'iu');
/** A character inside a sentence: anything but . ! ?, or a period of a common abbreviation. */
const INNER = String.raw`(?:U\.S\.|e\.g\.|i\.e\.|Inc\.|[^.!?])`;
/** The sentence around a phrase (from the previous sentence end to the next one). */
const sentenceWith = (words: string): RegExp =>
  new RegExp(String.raw`[^.!?\s]${INNER}*?${escape(words).replace(/ /g, String.raw`\s+`)}${INNER}*[.!?]`, 'u');

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const URL_OR_FORM = /https?:\/\/|www\.|\bweb form\b|\bonline form\b/i;
const PHONE = /\+?\d[\d\s().-]{7,}\d/;
/** A street address, a P.O. box or a postcode: enough to tell "an address is given" from none. */
const POSTAL_ADDRESS =
  /\b\d{1,6}\s+(?:[A-Z][\w.-]*\s+){1,5}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Court|Ct\.?|Place|Pl\.?|Parkway|Suite)\b|\bP\.?\s?O\.?\s+Box\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/;
/** A year, or words that date the text ("effective as of", "last updated"). */
const DATE = /\b(?:19|20)\d{2}\b|\beffective (?:date|as of|from|on)\b|\blast (?:updated|revised|modified)\b/i;

/** The rules, in the order a reader meets them in SmartErgo's policy. */
export const NOTE_RULES: readonly NoteRule[] = [
  {
    code: 'consentAssumed',
    words: phrase(
      'we assume you have given us your consent to collect and use your information in accordance with this Policy unless you take affirmative action to opt out at the point of collection',
    ),
  },
  {
    code: 'optOutNoPostalAddress',
    words: phrase('a written request to the address provided below'),
    applies: (text) => !POSTAL_ADDRESS.test(text),
  },
  {
    code: 'identifiersCalledAnonymous',
    words: sentenceWith('this anonymous information, such as'),
    applies: (_text, section) => /\bIP\b|Internet Protocol/i.test(section.text),
  },
  {
    code: 'sharingWithoutOptIn',
    words: phrase('may send your personal information to other companies or people under any of the following circumstances'),
    applies: (_text, section) => /unless you opt-?in/i.test(section.text) && /unless you have opted out/i.test(section.text),
  },
  {
    code: 'reviewNoChannel',
    words: phrase('simply contact us'),
    applies: (_text, section) =>
      !EMAIL.test(section.text) && !URL_OR_FORM.test(section.text) && !PHONE.test(section.text) && !POSTAL_ADDRESS.test(section.text),
  },
  {
    code: 'noEffectiveDate',
    words: phrase('may amend this policy from time to time'),
    applies: (text) => !DATE.test(text),
  },
  {
    code: 'safeHarbor',
    words: sentenceWith('Safe Harbor'),
  },
];

/**
 * The notes for a policy text, in the order of the text. `sections` may be passed when
 * already parsed (it must come from `text`). Throws a PolicyParseError for unreadable text.
 */
export function reviewPolicy(text: string, sections: readonly PolicySection[] = parsePolicy(text)): PolicyNote[] {
  const notes: { at: number; note: PolicyNote }[] = [];
  for (const rule of NOTE_RULES) {
    for (const section of sections) {
      const match = rule.words.exec(section.text);
      if (!match) continue;
      if (rule.applies && !rule.applies(text, section)) break;
      notes.push({ at: section.start + match.index, note: { code: rule.code, sectionId: section.id, quote: match[0] } });
      break;
    }
  }
  return notes.sort((a, b) => a.at - b.at).map(({ note }) => note);
}
