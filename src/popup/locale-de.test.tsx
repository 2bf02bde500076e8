// @vitest-environment happy-dom
/**
 * The popup in German: the second locale goes through the same path as English
 * (every string from _locales/<locale>/messages.json), with no key missing and no
 * English message left on screen.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { createTranslator, type Messages } from '../shared/i18n';
import { App } from './components/app';
import { startPopup, type PopupState } from './state';
import { ALL_FINDINGS, FakeSource, loadMessages, pageWith, SECTION_TITLES } from './test-support';
import { loadDetails } from './components/finding-row';

// Rows load their details' code when first opened; here it is in before any test opens one.
beforeAll(() => loadDetails());

// A path, not a URL object: under happy-dom the global URL is the DOM's, which node:fs refuses.
const german = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales/de/messages.json'), 'utf8'),
) as Messages;

let mounted: { container: HTMLElement; state: PopupState } | undefined;
afterEach(() => {
  if (!mounted) return;
  mounted.state.stop();
  render(null, mounted.container);
  mounted.container.remove();
  mounted = undefined;
});

describe('the popup in German', () => {
  it('shows German text for every finding and its details, with no key missing and no English message', async () => {
    const missingKeys = new Set<string>();
    const t = createTranslator(german, { locale: 'de', onMissing: (key) => missingKeys.add(key) });
    const source = new FakeSource(async () => ({ smartErgo: true, page: pageWith(ALL_FINDINGS) }));
    const container = document.createElement('div');
    document.body.append(container);
    const state = startPopup(source);
    await act(async () => {
      render(<App state={state} t={t} sectionTitles={SECTION_TITLES} />, container);
      await state.ready;
    });
    mounted = { container, state };
    await act(async () => {
      for (const button of container.querySelectorAll<HTMLButtonElement>('.finding__toggle')) button.click();
    });
    expect(container.querySelectorAll('[aria-expanded="true"]')).toHaveLength(ALL_FINDINGS.length);
    expect([...missingKeys]).toEqual([]);

    const shown = container.textContent ?? '';
    expect(shown).toContain('Widerspricht der Erklärung');
    expect(shown).toContain('Warum');
    // No English message whose German differs is on screen (long enough to be unambiguous).
    const english = loadMessages();
    const leftInEnglish = Object.entries(english)
      .filter(([key, entry]) => !entry.message.includes('$') && entry.message.length >= 12 && german[key]?.message !== entry.message)
      .map(([, entry]) => entry.message)
      .filter((message) => shown.includes(message));
    expect(leftInEnglish).toEqual([]);
  });
});
