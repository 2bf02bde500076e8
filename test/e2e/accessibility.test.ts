/**
 * End to end in real Chromium: the popup passes axe-core's checks (no serious or
 * critical violation) with findings and on a control page, in the light and the dark
 * colour scheme, and works by keyboard alone with a focus ring the user can see.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser';
import { runAxe, seriousViolations as serious } from './axe';
import { visit, type ExtensionBrowser } from './harness';

const demoBrowser = useDemoBrowser();
let browser: ExtensionBrowser;
beforeAll(() => {
  ({ browser } = demoBrowser);
});

/** Visits a demo page and opens the popup on its tab, once the popup shows what it should. */
async function popupFor(url: string, shown: string): Promise<{ page: Page; popup: Page }> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await visit(page, url);
  const tabId = await browser.tabIdOf(page);
  const popup = await browser.openPopup(tabId);
  await popup.locator(shown).first().waitFor();
  // The controls load their settings after the findings; check the complete popup.
  await popup.getByTestId('blocked-counts').locator('.note').waitFor();
  return { page, popup };
}

/** axe-core's serious and critical violations in the popup as it is now. */
async function seriousViolations(popup: Page): Promise<string[]> {
  const results = await runAxe(popup);
  // axe really looked: colour contrast among the rules it checked and passed.
  expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
  return serious(results);
}

describe('the popup passes axe-core', () => {
  const pages = [
    { name: 'the home page (findings)', url: 'https://www.smartergo.com/', shown: '[data-finding-id]' },
    { name: 'a control page (no findings)', url: 'https://www.smartergo.com/about', shown: '[data-testid="empty"]' },
  ];
  for (const { name, url, shown } of pages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`on ${name}, ${colorScheme}: no serious or critical violation`, async () => {
        const { page, popup } = await popupFor(url, shown);
        await popup.emulateMedia({ colorScheme });
        expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        expect(await seriousViolations(popup)).toEqual([]);
        // Expanded findings show their details (definition lists, buttons): check those too.
        const toggles = popup.locator('.finding__toggle');
        for (let i = 0; i < Math.min(await toggles.count(), 3); i++) await toggles.nth(i).click();
        expect(await seriousViolations(popup)).toEqual([]);
        await popup.close();
        await page.close();
      });
    }
  }
});

describe('the popup follows the user\'s settings', () => {
  it('dark colours under prefers-color-scheme: dark, and no animation under prefers-reduced-motion', async () => {
    const { page, popup } = await popupFor('https://www.smartergo.com/', '[data-finding-id]');
    const look = () =>
      popup.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        chevron: getComputedStyle(document.querySelector('.finding__chevron') as Element).transitionDuration,
      }));
    await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    const light = await look();
    await popup.emulateMedia({ colorScheme: 'dark', reducedMotion: 'no-preference' });
    const dark = await look();
    expect(light.background).toBe('rgb(255, 255, 255)');
    expect(dark.background).toBe('rgb(24, 24, 27)');
    expect(light.chevron).not.toBe('0s');
    await popup.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    expect((await look()).chevron).toBe('0s');
    await popup.close();
    await page.close();
  });
});

describe('the popup by keyboard alone', () => {
  it('Tab reaches the first finding, Enter opens it, and the focus ring is visible', async () => {
    const { page, popup } = await popupFor('https://www.smartergo.com/', '[data-finding-id]');
    await popup.bringToFront();
    await popup.keyboard.press('Tab');
    const focused = await popup.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      return {
        isFirstFinding: el === document.querySelector('.finding__toggle'),
        focusVisible: el.matches(':focus-visible'),
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
        boxShadow: style.boxShadow,
        expanded: el.getAttribute('aria-expanded'),
      };
    });
    expect(focused).toMatchObject({ isFirstFinding: true, focusVisible: true, expanded: 'false' });
    const ring = focused?.outline.startsWith('none') || focused?.outline.endsWith(' 0px') ? focused.boxShadow : focused?.outline;
    expect(ring, 'a visible outline or box-shadow on :focus-visible').toMatch(/^(solid|dotted|dashed|double|auto) [1-9]|rgb/);

    await popup.keyboard.press('Enter');
    const first = popup.locator('.finding').first();
    await expect.poll(() => first.locator('.finding__toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await first.locator('.finding__details').isVisible()).toBe(true);
    expect(await first.locator('.details dt').count()).toBeGreaterThan(0);

    // The focus stays on the button; Enter again closes it.
    expect(await popup.evaluate(() => document.activeElement === document.querySelector('.finding__toggle'))).toBe(true);
    await popup.keyboard.press('Enter');
    await expect.poll(() => first.locator('.finding__toggle').getAttribute('aria-expanded')).toBe('false');
    await popup.close();
    await page.close();
  });
});
