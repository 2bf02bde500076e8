/**
 * The privacy policy as sections, parsed from its plain text by title.
 *
 * The seed is plain text: paragraphs separated by blank lines, and a section title is a
 * block of one short line without a final sentence mark. The short lines at the very top
 * ("Privacy Policy", "privacy policy") are the document heading; the paragraphs after
 * them, before the first section title, become the section 'introduction'.
 */
import type { SectionId } from '../model';

export interface PolicySection {
  /** Kebab slug of the title, e.g. 'cookies-and-tracking-technology'. */
  id: SectionId;
  title: string;
  /** The section's body (the paragraphs under the title, without the title): `source.slice(start, end)`. */
  text: string;
  /** Offset of the body's first character in the policy text. */
  start: number;
  /** Offset just past the body's last character. */
  end: number;
}

export class PolicyParseError extends Error {
  override name = 'PolicyParseError';
}

export const INTRODUCTION_ID: SectionId = 'introduction';
const INTRODUCTION_TITLE = 'Introduction';

/** Longest line still read as a title; the policy's longest is 45 characters. */
const MAX_TITLE_LENGTH = 80;

/** 'Children’s Privacy' -> 'childrens-privacy', 'Choice/Opt-Out' -> 'choice-opt-out'. */
export function slugify(title: string): SectionId {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents
    .replace(/['’‘`]/g, '') // an apostrophe does not split a word
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Block {
  /** Offset of the first character of the first non-blank line. */
  start: number;
  /** Offset just past the last character of the last line (line break excluded). */
  end: number;
  lines: string[];
}

/** Splits the text into blocks of non-blank lines, keeping exact offsets (any line ending). */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  const lineRe = /([^\r\n]*)(\r\n|\n|\r|$)/y;
  let offset = 0;
  while (offset <= text.length) {
    lineRe.lastIndex = offset;
    const m = lineRe.exec(text);
    if (!m) break;
    const line = m[1] ?? '';
    const lineEnd = offset + line.length;
    if (line.trim() === '') {
      current = undefined;
    } else if (current) {
      current.lines.push(line);
      current.end = lineEnd;
    } else {
      current = { start: offset, end: lineEnd, lines: [line] };
      blocks.push(current);
    }
    if (m[0].length === 0) break; // end of text
    offset += m[0].length;
  }
  return blocks;
}

function isTitle(block: Block): boolean {
  if (block.lines.length !== 1) return false;
  const line = (block.lines[0] ?? '').trim();
  return (
    line.length > 0 &&
    line.length <= MAX_TITLE_LENGTH &&
    /\p{L}/u.test(line) &&
    !/[.!?:;,]$/.test(line)
  );
}

/**
 * Parses the policy into its sections, in order. Throws a PolicyParseError (never an
 * index error) when the text is empty, has no section titles, or has a title with no
 * text under it or twice the same title.
 */
export function parsePolicy(text: string): PolicySection[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new PolicyParseError('The privacy policy text is empty.');
  }
  const blocks = blocksOf(text);

  // The document heading: the short lines before the first paragraph.
  let i = 0;
  while (i < blocks.length && isTitle(blocks[i] as Block)) i++;
  if (i === blocks.length) {
    throw new PolicyParseError('The privacy policy has titles but no paragraphs.');
  }

  const drafts: { title: string; body: Block[] }[] = [];
  let draft: { title: string; body: Block[] } = { title: INTRODUCTION_TITLE, body: [] };
  drafts.push(draft);
  for (; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (isTitle(block)) {
      draft = { title: (block.lines[0] ?? '').trim(), body: [] };
      drafts.push(draft);
    } else {
      draft.body.push(block);
    }
  }
  if (drafts.length < 2) {
    throw new PolicyParseError(
      'No section titles found in the privacy policy (a title is a short line without a final period, between blank lines).',
    );
  }

  const sections: PolicySection[] = [];
  const seen = new Set<SectionId>();
  for (const [index, { title, body }] of drafts.entries()) {
    const first = body[0];
    const last = body[body.length - 1];
    if (!first || !last) {
      throw new PolicyParseError(`The policy section "${title}" has no text under its title.`);
    }
    const id = index === 0 ? INTRODUCTION_ID : slugify(title);
    if (id === '') throw new PolicyParseError(`The policy title "${title}" gives an empty section id.`);
    if (seen.has(id)) throw new PolicyParseError(`Two policy sections have the id "${id}" ("${title}").`);
    seen.add(id);
    sections.push({ id, title, text: text.slice(first.start, last.end), start: first.start, end: last.end });
  }
  return sections;
}
