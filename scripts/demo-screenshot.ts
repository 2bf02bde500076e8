/**
 * Smoke check of the demo site in real headless Chromium (no extension): loads every page of
 * DEMO_PAGES through the host resolver rules, prints what the server saw (host, method, path)
 * and the page's resource timing initiatorTypes, runs each page's interactions, and saves a
 * screenshot per page in reports/demo-site/ (gitignored).
 *
 *   node -e "import('vite').then((v) => v.runnerImport('./scripts/demo-screenshot.ts'))"
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { DEMO_PAGES, startDemoSite } from '../test/fixtures/server';

const OUT = 'reports/demo-site';
await mkdir(OUT, { recursive: true });
const site = await startDemoSite();
const context = await chromium.launchPersistentContext('', {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  headless: true,
  args: ['--ignore-certificate-errors', `--host-resolver-rules=${site.hostResolverRules()}`],
});

try {
  for (const demo of DEMO_PAGES) {
    await context.clearCookies();
    site.clearLog();
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
    await page.goto(demo.url, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    for (const interaction of demo.interactions ?? []) {
      for (const [selector, text] of interaction.fill ?? []) await page.fill(selector, text);
      await page.click(interaction.selector);
      await page.waitForTimeout(300);
    }
    const timing = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => `${(entry as PerformanceResourceTiming).initiatorType} ${entry.name.split('?')[0] ?? ''}`),
    );
    const cookies = (await context.cookies()).map((c) => `${c.name}@${c.domain}`);
    console.log(`\n${demo.control ? 'CONTROL ' : 'TRACKING'} ${demo.url}`);
    console.log(`  expects:  ${demo.expects.join(', ') || '(nothing)'}`);
    console.log(`  cookies:  ${cookies.join(', ') || '(none)'}`);
    console.log('  server saw:');
    for (const r of site.requestLog) console.log(`    ${r.method} ${r.host}${r.url.length > 90 ? r.url.slice(0, 90) + '…' : r.url}`);
    console.log('  resource timing:');
    for (const line of timing) console.log(`    ${line}`);
    const file = `${OUT}/${new URL(demo.url).hostname}${demo.path.replace(/\//g, '_')}.png`;
    await page.screenshot({ path: file, fullPage: true });
    await page.close();
  }
  console.log(`\nScreenshots in ${OUT}/`);
} finally {
  await context.close();
  await site.close();
}
