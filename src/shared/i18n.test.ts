import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator, formatMessage, languageTag, type Messages } from './i18n';

const real = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Messages;

describe('formatMessage (Chrome rules)', () => {
  it('substitutes $1..$9 directly in the message', () => {
    expect(formatMessage({ message: '$2 before $1' }, ['a', 'b'])).toBe('b before a');
  });

  it('replaces named placeholders by their content, case-insensitively', () => {
    const entry = { message: 'Hello $User$, $COUNT$ new', placeholders: { user: { content: '$1' }, count: { content: '$2' } } };
    expect(formatMessage(entry, ['Ada', '3'])).toBe('Hello Ada, 3 new');
  });

  it('keeps literal placeholder content and leaves unknown $names$ alone', () => {
    const entry = { message: '$BRAND$ and $OTHER$', placeholders: { brand: { content: 'SmartErgo' } } };
    expect(formatMessage(entry)).toBe('SmartErgo and $OTHER$');
  });

  it('turns $$ into $ and never formats a substituted value again', () => {
    expect(formatMessage({ message: 'costs $$5, $$1 is not $1' }, ['$2'])).toBe('costs $5, $1 is not $2');
  });

  it('gives "" for a missing substitution, as Chrome does', () => {
    expect(formatMessage({ message: 'a$1b$2c' }, ['X'])).toBe('aXbc');
  });
});

describe('createTranslator', () => {
  it('returns the key for a missing message and reports it', () => {
    const missing: string[] = [];
    const t = createTranslator({}, { onMissing: (k) => missing.push(k) });
    expect(t('nope')).toBe('nope');
    expect(missing).toEqual(['nope']);
  });

  it('answers the predefined @@ messages', () => {
    const t = createTranslator({}, { locale: 'en_GB' });
    expect(t('@@ui_locale')).toBe('en_GB');
    expect(languageTag(t('@@ui_locale'))).toBe('en-GB');
    expect(t('@@bidi_dir')).toBe('ltr');
  });

  it('matches message names case-insensitively', () => {
    expect(createTranslator({ extName: { message: 'X' } })('EXTNAME')).toBe('X');
  });

  it('formats the real messages.json', () => {
    const t = createTranslator(real);
    expect(t('extName')).toBe('PolicyLens');
    expect(t('popup_error', ['no answer'])).toBe('PolicyLens could not read this tab: no answer');
    expect(t('summary_trackers_other', ['12'])).toBe('12 trackers');
    expect(t('summary_counts', ['12 trackers', '3 beacons', '9 cookies'])).toBe('12 trackers, 3 beacons, 9 cookies');
  });

  it('defines every named placeholder the real messages use', () => {
    for (const [key, entry] of Object.entries(real)) {
      const names = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());
      const defined = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
      for (const name of names) expect(defined, `${key}: $${name}$`).toContain(name);
    }
  });
});
