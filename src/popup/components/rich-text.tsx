import type { ComponentChildren } from 'preact';
import type { Translate } from '../../shared/i18n';

const FIRST_MARK = 0xe000; // private-use characters never occur in our messages
const MARKS = /[\uE000-\uE008]/g;

/**
 * A message whose substitutions are elements, e.g. a summary with one part in
 * <strong>: the translator places private-use marks, which are then swapped for
 * the elements, so word order stays the translator's.
 */
export function richText(t: Translate, key: string, parts: readonly ComponentChildren[]): ComponentChildren[] {
  const text = t(
    key,
    parts.map((_, i) => String.fromCharCode(FIRST_MARK + i)),
  );
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKS)) {
    const index = match.index;
    if (index > last) out.push(text.slice(last, index));
    out.push(parts[match[0].charCodeAt(0) - FIRST_MARK]);
    last = index + 1;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
