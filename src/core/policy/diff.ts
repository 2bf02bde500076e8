/**
 * What changed between the policy PolicyLens was built with and the policy a site
 * publishes now, section by section. Pure: both sides come in as parsed sections.
 *
 * Sections are paired by id (the slug of the title), so a renamed section reads as one
 * removed and one added. Text is compared after collapsing whitespace (a web page wraps
 * and spaces text differently from the seed file); every other character counts.
 */
import type { PracticeId, SectionId } from '../model';
import type { PolicyModel } from './disclosures';
import type { PolicySection } from './sections';

export type SectionChangeKind = 'changed' | 'added' | 'removed';

export interface SectionChange {
  sectionId: SectionId;
  /** The published title (the built-in one for a removed section). */
  title: string;
  change: SectionChangeKind;
  /** The section's text as PolicyLens knows it (whitespace collapsed); null when added. */
  expected: string | null;
  /** The section's text as published (whitespace collapsed); null when removed. */
  actual: string | null;
  /** For 'changed': the sentences of `expected` that the published text no longer has, in order. */
  removedSentences: string[];
  /** For 'changed': the published sentences PolicyLens does not know, in order. */
  addedSentences: string[];
}

/** A quote the extension cites in its verdicts that the published policy no longer contains. */
export interface MissingQuote {
  practice: PracticeId;
  sectionId: SectionId;
  quote: string;
}

/** Collapses every run of whitespace (no-break spaces included) into one space, trimmed. */
export const normalizeText = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Sentences, split after . ! ? followed by a space (good enough for prose; abbreviations may split). */
export function sentencesOf(text: string): string[] {
  return normalizeText(text)
    .split(/(?<=[.!?])\s+(?=\S)/)
    .filter((s) => s !== '');
}

function sentenceDiff(expected: string, actual: string): { removed: string[]; added: string[] } {
  const before = sentencesOf(expected);
  const after = sentencesOf(actual);
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  return { removed: before.filter((s) => !afterSet.has(s)), added: after.filter((s) => !beforeSet.has(s)) };
}

/**
 * Every changed, added or removed section: first those PolicyLens knows, in its order
 * (changed or removed), then the added ones in the published order. Empty when the
 * published policy says the same thing. A changed title with the same id is a change.
 */
export function diffPolicy(expected: readonly PolicySection[], actual: readonly PolicySection[]): SectionChange[] {
  const published = new Map(actual.map((s) => [s.id, s]));
  const known = new Set(expected.map((s) => s.id));
  const changes: SectionChange[] = [];
  for (const section of expected) {
    const now = published.get(section.id);
    const before = normalizeText(section.text);
    if (!now) {
      changes.push({
        sectionId: section.id,
        title: section.title,
        change: 'removed',
        expected: before,
        actual: null,
        removedSentences: [],
        addedSentences: [],
      });
      continue;
    }
    const after = normalizeText(now.text);
    if (after === before && normalizeText(now.title) === normalizeText(section.title)) continue;
    const { removed, added } = sentenceDiff(before, after);
    changes.push({
      sectionId: section.id,
      title: now.title,
      change: 'changed',
      expected: before,
      actual: after,
      removedSentences: removed,
      addedSentences: added,
    });
  }
  for (const section of actual) {
    if (known.has(section.id)) continue;
    changes.push({
      sectionId: section.id,
      title: section.title,
      change: 'added',
      expected: null,
      actual: normalizeText(section.text),
      removedSentences: [],
      addedSentences: [],
    });
  }
  return changes;
}

/**
 * The quotes the extension's verdicts cite (src/core/policy/disclosures.ts) that the
 * published text no longer contains, in the disclosures' order: each one is a verdict
 * that may now be wrong.
 */
export function missingQuotes(policy: PolicyModel, publishedText: string): MissingQuote[] {
  const text = normalizeText(publishedText);
  return policy.disclosures.flatMap((disclosure) =>
    disclosure.quotes
      .filter((quote) => !text.includes(normalizeText(quote)))
      .map((quote) => ({ practice: disclosure.practice, sectionId: disclosure.sectionId, quote })),
  );
}
