/**
 * Drives Debian's Chromium with the built, unpacked extension: the one launcher the
 * end-to-end tests (test/e2e/harness.ts) and the headless audit share, so both see the
 * browser the same way. Node-side only (Playwright); facts it relies on are in
 * ../shared/BROWSER-TESTING.md: a persistent context loads extensions headless, and
 * --host-resolver-rules sends chosen host names to chosen servers without DNS.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PageRecord } from '../core/model';
import type { GetPageResponse } from '../shared/messages';

export const PACKAGE_DIR = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(PACKAGE_DIR, 'dist/chrome');
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const POPUP_PATH = 'src/popup/index.html';

/** The browser or the built extension is missing, or Chromium would not start. */
export class LaunchError extends Error {
  override name = 'LaunchError';
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (started again if Chromium stopped it). */
  worker(): Promise<Worker>;
  /** Chromium's tab id of a Playwright page. */
  tabIdOf(page: Page): Promise<number>;
  /** The findings record the worker keeps for a tab, read from storage.session. */
  pageRecord(tabId: number): Promise<PageRecord | undefined>;
  /**
   * Asks the worker for a tab's page the way the popup does ('get-page'): the answer
   * comes once every pending write is saved, so it is the settled state.
   */
  settledPage(tabId: number): Promise<GetPageResponse>;
  badgeText(tabId: number): Promise<string>;
  /** Runs a function in the extension's worker (woken again if Chromium stopped it). */
  inWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Stops the extension's worker the way Chromium does when it is idle; resolves once its globals are gone. */
  stopWorker(): Promise<void>;
  /** Opens the popup as a page, showing the given tab. */
  openPopup(tabId: number): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** For --host-resolver-rules, e.g. "MAP www.smartergo.com 127.0.0.1:8443, MAP * ~NOTFOUND". */
  hostResolverRules?: string;
  /** Accept self-signed certificates (the demo site, a staging server). */
  ignoreCertificateErrors?: boolean;
  headless?: boolean;
  /**
   * A profile directory to use, kept when the browser closes, so a second launch with
   * it is the same user's browser restarted. Default: a fresh one, deleted on close.
   */
  userDataDir?: string;
  /**
   * Allow third-party cookies, as most users' Chrome still does (this Chromium blocks
   * them by default in a new profile): written into the new profile's preferences.
   */
  allowThirdPartyCookies?: boolean;
  extensionDir?: string;
  chromiumPath?: string;
  /** More Chromium flags, after the launcher's own (e.g. --log-net-log=FILE for a test that watches the network). */
  extraArgs?: string[];
  /** Playwright's own flags to leave out (e.g. --disable-back-forward-cache, for a test of that cache). */
  ignoreDefaultArgs?: string[];
}

/**
 * The few extension APIs this file calls inside the browser (in the worker or an extension
 * page), typed here so the launcher does not depend on the tests' declarations.
 */
type ChromeInPage = {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
    storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
  };
};
// Functions passed to evaluate() run in the browser: they must reach `chrome` themselves
// (a helper defined here would not exist there), hence the cast repeated in each.

export async function launchExtensionBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const chromiumPath = options.chromiumPath ?? CHROMIUM_PATH;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new LaunchError(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  if (!existsSync(chromiumPath)) {
    throw new LaunchError(
      `No Chromium at ${chromiumPath}: run \`bash scripts/setup.sh\` (installs Debian's chromium), or set CHROMIUM_PATH.`,
    );
  }
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'policylens-')));
  const preferences = join(userDataDir, 'Default', 'Preferences');
  if (options.allowThirdPartyCookies && !existsSync(preferences)) {
    await mkdir(join(userDataDir, 'Default'), { recursive: true });
    // profile.cookie_controls_mode: 0 = allow third-party cookies, 1 = block them.
    await writeFile(preferences, JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: options.headless ?? true,
      args: chromiumArgs(extensionDir, options),
      ...(options.ignoreDefaultArgs ? { ignoreDefaultArgs: options.ignoreDefaultArgs } : {}),
    });
  } catch (error) {
    if (ownDir) await rm(userDataDir, { recursive: true, force: true });
    throw new LaunchError(`Chromium (${chromiumPath}) did not start: ${error instanceof Error ? error.message : String(error)}`);
  }

  const worker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const extensionId = new URL((await worker()).url()).host;
  const extensionPage = (query: string): string => `chrome-extension://${extensionId}/${POPUP_PATH}${query}`;

  /** Runs code in the worker; if Chromium stopped it meanwhile, wakes it and tries once more. */
  const inWorker = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    // Playwright's generic Unboxed<A> does not line up with a generic A; the argument is plain JSON.
    const run = async () => (await worker()).evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
    try {
      return await run();
    } catch (error) {
      if (!String(error).includes('Target closed') && !String(error).includes('has been closed')) throw error;
      const page = await context.newPage();
      await page.goto(extensionPage('?tab=-1')).catch(() => undefined);
      await page.close();
      return run();
    }
  };

  /** One extension page, opened on first use, to send the worker the popup's messages from. */
  let messenger: Promise<Page> | undefined;
  const messengerPage = (): Promise<Page> => {
    messenger ??= (async () => {
      const page = await context.newPage();
      await page.goto(extensionPage('?tab=-1'));
      return page;
    })();
    return messenger;
  };

  return {
    context,
    extensionId,
    worker,
    inWorker,
    async tabIdOf(page) {
      const url = page.url();
      const id = await inWorker(async (wanted: string) => {
        const tabs = await (globalThis as unknown as ChromeInPage).chrome.tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id;
      }, url);
      if (id === undefined) throw new Error(`No tab shows ${url}`);
      return id;
    },
    pageRecord: (tabId) =>
      inWorker(
        async (key: string) => (await (globalThis as unknown as ChromeInPage).chrome.storage.session.get(key))[key] as PageRecord | undefined,
        `page:${tabId}`,
      ),
    async settledPage(tabId) {
      const page = await messengerPage();
      const answer = await page.evaluate(
        (id: number) => (globalThis as unknown as ChromeInPage).chrome.runtime.sendMessage({ type: 'get-page', tabId: id }),
        tabId,
      );
      if (typeof answer !== 'object' || answer === null || typeof (answer as { smartErgo?: unknown }).smartErgo !== 'boolean') {
        throw new Error('the extension gave no answer about the tab');
      }
      return answer as GetPageResponse;
    },
    badgeText: (tabId) =>
      inWorker((id: number) => (globalThis as unknown as ChromeInPage).chrome.action.getBadgeText({ tabId: id }), tabId),
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
      await popup.goto(extensionPage(`?tab=${tabId}`));
      return popup;
    },
    async close() {
      await context.close();
      if (ownDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

function chromiumArgs(extensionDir: string, options: LaunchOptions): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(options.hostResolverRules ? [`--host-resolver-rules=${options.hostResolverRules}`] : []),
    // Self-signed certificates (the demo site); Secure and SameSite=None cookies need HTTPS.
    ...(options.ignoreCertificateErrors ? ['--ignore-certificate-errors'] : []),
    ...quietChromiumArgs(),
    ...(options.extraArgs ?? []),
  ];
}

/** Flags every PolicyLens Chromium runs with: Chromium's own background traffic kept off the (closed) network. */
export function quietChromiumArgs(): string[] {
  return [
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
