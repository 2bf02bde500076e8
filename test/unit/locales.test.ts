/**
 * Every locale says the same things: the same message names as English (the default
 * locale), the same placeholders, and each message uses all of them and no others,
 * so a translation can neither drop a number nor show a raw "$COUNT$".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator, type Messages } from '../../src/shared/i18n';

const LOCALES_DIR = new URL('../../public/_locales/', import.meta.url);
const load = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`${locale}/messages.json`, LOCALES_DIR), 'utf8')) as Messages;

const locales = readdirSync(LOCALES_DIR).sort();
const english = load('en');

/** The named placeholders and $1..$9 a message refers to, sorted ($$ is a literal dollar). */
const references = (message: string): string[] =>
  [...message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$|\$([1-9])/g)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase()).sort();

describe('locales', () => {
  it('has English and at least one more', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThan(1);
  });

  for (const locale of locales.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const messages = load(locale);

      it('has exactly the English message names', () => {
        const keys = Object.keys(messages);
        const englishKeys = Object.keys(english);
        expect({ missing: englishKeys.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !englishKeys.includes(k)) }).toEqual({
          missing: [],
          extra: [],
        });
      });

      it('has the same placeholders as English, each used the same way', () => {
        for (const [key, entry] of Object.entries(english)) {
          const translated = messages[key];
          if (!translated) continue; // reported above
          expect(translated.placeholders, key).toEqual(entry.placeholders);
          expect(references(translated.message), key).toEqual(references(entry.message));
        }
      });

      it('translates every message into something non-empty that formats', () => {
        const t = createTranslator(messages, { locale });
        for (const key of Object.keys(english)) {
          const text = t(key, ['A', 'B', 'C']);
          expect(text.trim().length, key).toBeGreaterThan(0);
          expect(text, key).not.toMatch(/\$[A-Za-z0-9_@]+\$/);
        }
      });

      it('keeps the store listing within Chrome\'s limits (name 75, description 132 characters)', () => {
        expect(messages['extName']?.message.length).toBeLessThanOrEqual(75);
        expect(messages['extDescription']?.message.length).toBeLessThanOrEqual(132);
      });
    });
  }
});
