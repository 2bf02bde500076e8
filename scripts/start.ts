/**
 * `npm start`: the demo SmartErgo site with PolicyLens in Debian's Chromium.
 * - With a display: opens Chromium with the extension on the demo home page and
 *   keeps it open until you close it (or press Ctrl-C).
 * - Without one (a server, CI): visits every demo page headless and prints what
 *   PolicyLens found, in the words the popup uses.
 * Flags: --headless forces the printed run; --headed forces a window.
 */
import { readFileSync } from 'node:fs';
import { countFindings } from '../src/core/summary';
import type { Finding } from '../src/core/model';
import { POLICY } from '../src/core/policy/disclosures';
import { createTranslator, type Messages } from '../src/shared/i18n';
import { groupBySection, findingLabel, kindText, reasonText, verdictText } from '../src/popup/present';
import { summarise, summaryText } from '../src/popup/summary';
import { DEMO_PAGES, HOME_URL, startDemoSite } from '../test/fixtures/server';
import { missing } from '../test/e2e/expectations';
import { launchWithExtension, visit, waitUntil } from '../test/e2e/harness';

const args = new Set(process.argv.slice(2));
const headed = args.has('--headed') || (!args.has('--headless') && Boolean(process.env['DISPLAY']));

const messages = JSON.parse(readFileSync(new URL('../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Messages;
const t = createTranslator(messages);

const site = await startDemoSite();
const browser = await launchWithExtension(site, { headless: !headed }).catch(async (error: unknown) => {
  await site.close();
  console.error(`PolicyLens: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});

if (headed) {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(HOME_URL);
  console.log(`PolicyLens is running in Chromium on the demo site (${HOME_URL}).`);
  console.log('Click the PolicyLens icon in the toolbar (pin it from the puzzle-piece menu). Close the window to stop.');
  await new Promise<void>((resolve) => {
    browser.context.on('close', () => resolve());
    process.on('SIGINT', () => resolve());
  });
  await browser.close().catch(() => undefined);
  await site.close();
} else {
  try {
    for (const demo of DEMO_PAGES) {
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      await visit(page, demo.url);
      for (const interaction of demo.interactions ?? []) {
        for (const [selector, text] of interaction.fill ?? []) await page.fill(selector, text);
        await page.click(interaction.selector);
      }
      const tabId = await browser.tabIdOf(page);
      // What a click sets off (a sign-up's hashed email sent on) reaches the worker a moment
      // later: wait for what the demo page lists, so each run prints the same (up to 15 s,
      // then prints what there is).
      const expected = [...demo.expects, ...(demo.interactions ?? []).flatMap((interaction) => interaction.expects)];
      await waitUntil(
        async () => missing((await browser.pageRecord(tabId))?.findings ?? [], expected).length === 0,
        `the findings ${demo.url} should give`,
      ).catch(() => undefined);
      // The popup's question waits until the worker has saved everything it was told.
      const popup = await browser.openPopup(tabId);
      await popup.locator('[data-testid="summary"], [data-testid="empty"]').first().waitFor();
      const findings = (await browser.pageRecord(tabId))?.findings ?? [];
      await popup.close();
      await page.close();
      print(demo.url, demo.control, findings);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

function print(url: string, control: boolean, findings: readonly Finding[]): void {
  console.log(`\n${url}${control ? '  (control page: should be empty)' : ''}`);
  if (findings.length === 0) {
    console.log(`  ${t('popup_empty')}`);
    return;
  }
  console.log(`  ${summaryText(summarise(countFindings(findings), t), t)}`);
  const titles = new Map(POLICY.sections.map((section) => [section.id, section.title]));
  for (const group of groupBySection(findings, POLICY.sections.map((s) => s.id))) {
    console.log(`  § ${titles.get(group.sectionId) ?? t('group_not_mentioned')}`);
    for (const finding of group.findings) {
      console.log(`    [${verdictText(t, finding.match.verdict)}] ${findingLabel(finding)} (${kindText(t, finding)})`);
      console.log(`      ${reasonText(t, finding)}`);
    }
  }
}
