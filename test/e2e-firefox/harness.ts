/**
 * The Firefox end-to-end tests' browser: Debian's firefox-esr driven by puppeteer-core
 * over WebDriver BiDi (no geckodriver, no downloaded browser), with the built Firefox
 * package (dist/firefox) installed as a temporary add-on.
 *
 * Facts this relies on (see BROWSER-TESTING.md):
 * - Firefox cannot map host names to a port the way Chromium's --host-resolver-rules
 *   does. Rather than serve on 443 (root only, one test run per machine), the browser
 *   is given a tiny HTTPS proxy (CONNECT) that sends the demo hosts to the demo site
 *   and refuses every other host, so pages keep their real URLs and nothing reaches
 *   the internet.
 * - The moz-extension UUID is pinned by the pref extensions.webextensions.uuids, so the
 *   popup page has a known URL.
 * - WebDriver BiDi refuses to navigate to moz-extension: URLs unless the browser is
 *   started with --remote-allow-system-access, and puppeteer never sees such a
 *   navigation finish; extension pages are opened with that flag and awaited by polling
 *   their document.
 */
import { existsSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../scripts/manifests';
import type { GetPageResponse } from '../../src/shared/messages';
import { DEMO_HOSTS, type DemoSite } from '../fixtures/server';

export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(resolve(import.meta.dirname, '../..'), 'dist/firefox');
/** A fixed moz-extension UUID for the tests' profile (any valid UUID). */
export const EXTENSION_UUID = '5f0c7d2e-7a9b-4c41-9e3d-2b8f6a1c0d47';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
export const POPUP_PATH = 'src/popup/index.html';

/** The WebExtension API as the tests call it inside an extension page (Firefox's `browser`). */
export type BrowserInPage = {
  browser: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
    cookies: { getAll(details: { domain?: string; url?: string }): Promise<{ name: string; domain: string }[]> };
    declarativeNetRequest: { getDynamicRules(): Promise<{ id: number }[]> };
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  };
};

/** A CONNECT proxy that tunnels the demo hosts to the demo site and refuses the rest. */
export interface DemoProxy {
  port: number;
  /** Every CONNECT target asked for, allowed or not ("host:port"). */
  asked: string[];
  close(): Promise<void>;
}

export async function startDemoProxy(site: DemoSite): Promise<DemoProxy> {
  const asked: string[] = [];
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (head) => {
      const line = head.toString('latin1').split('\r\n', 1)[0] ?? '';
      const target = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.[01]$/.exec(line);
      asked.push(target ? `${target[1]}:${target[2]}` : line);
      if (!target || !DEMO_HOSTS.includes(target[1] ?? '') || target[2] !== '443') {
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const upstream = connect(site.port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    asked,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        for (const socket of open) socket.destroy(); // tunnels a browser kept alive
      }),
  };
}

export interface FirefoxWithExtension {
  browser: Browser;
  proxy: DemoProxy;
  /** Opens an extension page (e.g. the popup for a tab) and waits until its document has loaded. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  openPopup(tabId: number): Promise<Page>;
  /** Firefox's tab id for the tab showing `url`. */
  tabIdOf(url: string): Promise<number>;
  /** Asks the extension for a tab's page as the popup does ('get-page'): the settled state. */
  settledPage(tabId: number): Promise<GetPageResponse>;
  /** Runs a function in an extension page (the WebExtension API as `browser`). */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

export async function launchFirefox(site: DemoSite): Promise<FirefoxWithExtension> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}: run \`bash scripts/setup.sh\` (installs Debian's firefox-esr), or set FIREFOX_PATH.`);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error('No dist/firefox: run `npm run build` first.');
  const proxy = await startDemoProxy(site);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true, // the demo site's self-signed certificate
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.proxy.type': 1, // manual
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);

  const openExtensionPage = async (pathAndQuery: string): Promise<Page> => {
    const url = `${EXTENSION_ORIGIN}/${pathAndQuery}`;
    const page = await browser.newPage();
    // Puppeteer does not see this navigation finish; its document says when it has.
    page.goto(url, { timeout: 10_000 }).catch(() => undefined);
    await waitUntil(
      async () => (await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '')) === `${url} complete`,
      `${url} to load`,
    );
    return page;
  };

  let messenger: Promise<Page> | undefined;
  const inExtension = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    messenger ??= openExtensionPage(`${POPUP_PATH}?tab=-1`);
    return (await messenger).evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>;
  };

  return {
    browser,
    proxy,
    openExtensionPage,
    openPopup: (tabId) => openExtensionPage(`${POPUP_PATH}?tab=${tabId}`),
    async tabIdOf(url) {
      const tabs = await inExtension(() => (globalThis as unknown as BrowserInPage).browser.tabs.query({}), undefined);
      const id = tabs.find((tab) => tab.url === url)?.id;
      if (id === undefined) throw new Error(`No tab shows ${url}`);
      return id;
    },
    async settledPage(tabId) {
      const answer = await inExtension(
        (id: number) => (globalThis as unknown as BrowserInPage).browser.runtime.sendMessage({ type: 'get-page', tabId: id }),
        tabId,
      );
      if (typeof answer !== 'object' || answer === null || typeof (answer as { smartErgo?: unknown }).smartErgo !== 'boolean') {
        throw new Error('the extension gave no answer about the tab');
      }
      return answer as GetPageResponse;
    },
    inExtension,
    async close() {
      await browser.close();
      await proxy.close();
    },
  };
}

/** Loads a page and waits until its network is quiet. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 30_000 });
}

export async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
