/**
 * Drives Debian's Chromium with the built, unpacked extension against the demo site.
 * Facts this relies on are in ../shared/BROWSER-TESTING.md: a persistent context loads
 * extensions headless; the resolver map keeps every request on loopback.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PageRecord } from '../../src/core/model';
import type { DemoSite } from '../fixtures/server';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../dist/chrome');
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (started again if Chromium stopped it). */
  worker(): Promise<Worker>;
  /** Chromium's tab id of a Playwright page. */
  tabIdOf(page: Page): Promise<number>;
  /** The findings record the worker keeps for a tab, read from storage.session. */
  pageRecord(tabId: number): Promise<PageRecord | undefined>;
  badgeText(tabId: number): Promise<string>;
  /** Stops the extension's worker the way Chromium does when it is idle; resolves once its globals are gone. */
  stopWorker(): Promise<void>;
  /** Opens the popup as a page, showing the given tab. */
  openPopup(tabId: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(site: DemoSite, options: { headless?: boolean } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run \`bash scripts/setup.sh\` (installs Debian's chromium).`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'policylens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: chromiumArgs(site),
  });

  const worker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const extensionId = new URL((await worker()).url()).host;

  /** Runs code in the worker; if Chromium stopped it meanwhile, wakes it and tries once more. */
  const inWorker = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    // Playwright's generic Unboxed<A> does not line up with a generic A; the argument is plain JSON.
    const run = async () => (await worker()).evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
    try {
      return await run();
    } catch (error) {
      if (!String(error).includes('Target closed') && !String(error).includes('has been closed')) throw error;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=-1`).catch(() => undefined);
      await page.close();
      return run();
    }
  };

  return {
    context,
    extensionId,
    worker,
    async tabIdOf(page) {
      const url = page.url();
      const id = await inWorker(async (wanted: string) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id;
      }, url);
      if (id === undefined) throw new Error(`No tab shows ${url}`);
      return id;
    },
    pageRecord: (tabId) =>
      inWorker(async (key: string) => (await chrome.storage.session.get(key))[key] as PageRecord | undefined, `page:${tabId}`),
    badgeText: (tabId) => inWorker((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId),
    async stopWorker() {
      // A marker in the worker's globals tells the old instance from a restarted one.
      type Marked = { policylensTestMarker?: true };
      await inWorker(() => {
        (globalThis as Marked).policylensTestMarker = true;
      }, undefined);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.close();
      // Playwright keeps its handle on the target; once the globals are gone, the worker was stopped.
      await waitUntil(
        async () => !(await inWorker(() => (globalThis as Marked).policylensTestMarker === true, undefined).catch(() => true)),
        'the extension worker to restart',
      );
    },
    async openPopup(tabId) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
      return popup;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

function chromiumArgs(site: DemoSite): string[] {
  return [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    `--host-resolver-rules=${site.hostResolverRules()}`,
    // The demo site's certificate is self-signed; Secure and SameSite=None cookies need HTTPS.
    '--ignore-certificate-errors',
    // This machine's network is closed: keep Chromium's own background traffic off it.
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

/** Loads a page and waits until its network is quiet and the worker has had the content script's last batch. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
}

/** Polls a condition the browser gives no event for, until it holds or the time is up. */
export async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
