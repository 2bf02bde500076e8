/**
 * Chrome's message formatting (chrome.i18n.getMessage) as a pure function over a
 * parsed `_locales/<locale>/messages.json`, so unit tests and Node-side reports say
 * exactly what the extension says.
 *
 * The rules, as Chrome applies them:
 * - named placeholders `$NAME$` (case-insensitive) are replaced by their `content`,
 *   which usually is a substitution reference like "$1";
 * - `$1` .. `$9` are replaced by the substitutions (a missing one by "");
 * - `$$` is a literal `$`; a substituted value is never formatted again.
 *
 * One deliberate difference: a missing message gives back its key instead of "",
 * so a forgotten string shows up on screen and in tests rather than as a blank.
 */

export interface MessagePlaceholder {
  content: string;
  example?: string;
}

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, MessagePlaceholder>;
}

export type Messages = Record<string, MessageEntry>;

export type Translate = (key: string, substitutions?: string[]) => string;

export interface TranslatorOptions {
  /** What `@@ui_locale` answers, in Chrome's form ("en", "en_US"). */
  locale?: string;
  /** Told about every key that has no message (tests collect them). */
  onMissing?: (key: string) => void;
}

const NAMED_PLACEHOLDER = /\$\$|\$([A-Za-z0-9_@]+)\$/g;
const SUBSTITUTION = /\$(\$|[1-9])/g;

/** Replaces `$name$` by the placeholder's content, leaving `$$` for the second pass. */
function expandPlaceholders(entry: MessageEntry): string {
  const placeholders = entry.placeholders;
  if (!placeholders) return entry.message;
  const byName = new Map(Object.entries(placeholders).map(([name, p]) => [name.toLowerCase(), p.content]));
  return entry.message.replace(NAMED_PLACEHOLDER, (whole, name: string | undefined) =>
    name === undefined ? whole : (byName.get(name.toLowerCase()) ?? whole),
  );
}

export function formatMessage(entry: MessageEntry, substitutions: readonly string[] = []): string {
  return expandPlaceholders(entry).replace(SUBSTITUTION, (_whole, what: string) =>
    what === '$' ? '$' : (substitutions[Number(what) - 1] ?? ''),
  );
}

export function createTranslator(messages: Messages, options: TranslatorOptions = {}): Translate {
  const locale = options.locale ?? 'en';
  const predefined: Record<string, string> = {
    '@@ui_locale': locale,
    '@@bidi_dir': 'ltr',
    '@@bidi_reversed_dir': 'rtl',
    '@@bidi_start_edge': 'left',
    '@@bidi_end_edge': 'right',
  };
  // Chrome matches message names case-insensitively.
  const byKey = new Map(Object.entries(messages).map(([key, entry]) => [key.toLowerCase(), entry]));
  return (key, substitutions) => {
    const fixed = predefined[key];
    if (fixed !== undefined) return fixed;
    const entry = byKey.get(key.toLowerCase());
    if (!entry) {
      options.onMissing?.(key);
      return key;
    }
    return formatMessage(entry, substitutions);
  };
}

/** `@@ui_locale` ("en_US") as a BCP 47 language tag for `<html lang>` ("en-US"). */
export const languageTag = (uiLocale: string): string => uiLocale.replace(/_/g, '-') || 'en';
