/**
 * npm run soak [-- --loads N]: N (default 1,000) page loads of the demo pages in one
 * Chromium with the built extension, in tabs that are opened and closed as a user does
 * (a new tab every TAB_LIFETIME loads, the old one closed), then the size of
 * storage.session. Exits 1 if it is over SOAK_BOUND_BYTES: records of closed tabs must
 * not pile up (issue #7). Not part of `npm test` (it takes minutes).
 */
import type { Page } from 'playwright-core';
import { DEMO_PAGES, startDemoSite } from '../test/fixtures/server';
import { launchWithExtension, visit } from '../test/e2e/harness';

/** storage.session after the soak: at most two open tabs' demo-page records (each under 64 KB), with room to spare. */
export const SOAK_BOUND_BYTES = 256 * 1024;
const TAB_LIFETIME = 10;

const loadsArg = process.argv.indexOf('--loads');
const loads = loadsArg >= 0 ? Number(process.argv[loadsArg + 1]) : 1_000;
if (!Number.isInteger(loads) || loads < 1) {
  console.error('usage: npm run soak [-- --loads N]');
  process.exit(2);
}

type SessionChrome = { chrome: { storage: { session: { get(key: null): Promise<Record<string, unknown>> } } } };

const site = await startDemoSite();
const browser = await launchWithExtension(site);
const started = Date.now();
let page: Page | undefined;
let maxBytes = 0;
try {
  for (let i = 0; i < loads; i++) {
    if (i % TAB_LIFETIME === 0) {
      const next = await browser.context.newPage();
      await page?.close();
      page = next;
      await browser.context.clearCookies();
    }
    const demo = DEMO_PAGES[i % DEMO_PAGES.length]!;
    await visit(page!, demo.url);
    if ((i + 1) % 100 === 0) {
      const bytes = await sessionBytes();
      maxBytes = Math.max(maxBytes, bytes);
      console.error(`soak: ${i + 1}/${loads} loads, storage.session ${bytes} bytes, ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }
  await page?.close();
  // The worker removes a closed tab's record on tabs.onRemoved; give it that event's turn.
  const deadline = Date.now() + 10_000;
  let bytes = await sessionBytes();
  while (Date.now() < deadline && (await sessionKeys()).some((key) => key.startsWith('page:'))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  bytes = await sessionBytes();
  const keys = await sessionKeys();
  const pageKeys = keys.filter((key) => key.startsWith('page:')).length;
  console.log(
    JSON.stringify({ loads, seconds: Math.round((Date.now() - started) / 1000), sessionBytesAtEnd: bytes, sessionBytesMaxDuring: maxBytes, pageRecordsAtEnd: pageKeys, boundBytes: SOAK_BOUND_BYTES }),
  );
  if (maxBytes > SOAK_BOUND_BYTES || bytes > SOAK_BOUND_BYTES || pageKeys > 0) {
    console.error(`soak: FAILED: storage.session must stay under ${SOAK_BOUND_BYTES} bytes and hold no closed tab's record`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await site.close();
}

async function sessionBytes(): Promise<number> {
  return browser.inWorker(async () => JSON.stringify(await (globalThis as unknown as SessionChrome).chrome.storage.session.get(null)).length, undefined);
}

async function sessionKeys(): Promise<string[]> {
  return browser.inWorker(async () => Object.keys(await (globalThis as unknown as SessionChrome).chrome.storage.session.get(null)), undefined);
}
