/**
 * End to end in real Chromium: PolicyLens makes no network request of its own. A session
 * with the extension visits the demo home page, lets the worker classify everything,
 * opens the popup and a finding's details; two watchers see every request:
 * - Playwright's request events, which name the service worker or the frame behind
 *   each request (the worker's and the popup's included);
 * - Chromium's own network log (--log-net-log), which holds every request of the whole
 *   session from start-up on, with the origin that started it.
 * Neither may show a request from the extension (other than reading its own files), and
 * the page may make no request that the same page does not make in a Chromium without
 * the extension (the content script runs in the page). A canary request made from the
 * worker and the popup at the end proves that both watchers would have seen one.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../fixtures/server';
import { CHROMIUM_PATH, launchWithExtension, visit, type ExtensionBrowser } from './harness';

const HOME = 'https://www.smartergo.com/';
const CANARY = '/policylens-network-test-canary';

interface Seen {
  url: string;
  /** 'worker:<url>', 'frame:<url of the frame's page when the request started>' */
  by: string;
  page?: Page;
}

/** One URL request in Chromium's network log: what it asked for and which origin started it. */
interface NetLogRequest {
  url: string;
  initiator: string;
  isolationKey: string;
}

let site: DemoSite;
let netLogDir: string;
let extensionId = '';
const seen: Seen[] = [];
let netLog: NetLogRequest[] = [];
/** origin + path of each request the home page makes in a Chromium without PolicyLens. */
let baseline = new Set<string>();
let homePage: Page | undefined;

const originAndPath = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
};
const ownFile = (url: string): boolean => url.startsWith(`chrome-extension://${extensionId}/`);

function describeRequest(request: Request): Seen {
  const worker = request.serviceWorker();
  if (worker) return { url: request.url(), by: `worker:${worker.url()}` };
  try {
    const page = request.frame().page();
    return { url: request.url(), by: `frame:${page.url()}`, page };
  } catch {
    return { url: request.url(), by: 'unknown' };
  }
}

async function readNetLog(file: string): Promise<NetLogRequest[]> {
  const log = JSON.parse(await readFile(file, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string; network_isolation_key?: string } }[];
  };
  const startJob = log.constants.logEventTypes['URL_REQUEST_START_JOB'];
  return log.events
    .filter((e) => e.type === startJob && typeof e.params?.url === 'string')
    .map((e) => ({ url: e.params?.url ?? '', initiator: e.params?.initiator ?? '', isolationKey: e.params?.network_isolation_key ?? '' }));
}

/** The home page's requests in a Chromium without the extension, same flags and host map. */
async function pageRequestsWithoutExtension(): Promise<Set<string>> {
  const plain = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--host-resolver-rules=${site.hostResolverRules()}`,
      '--ignore-certificate-errors',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  try {
    const page = await plain.newPage();
    const urls = new Set<string>();
    page.on('request', (request) => urls.add(originAndPath(request.url())));
    await visit(page, HOME);
    return urls;
  } finally {
    await plain.close();
  }
}

beforeAll(async () => {
  site = await startDemoSite();
  baseline = await pageRequestsWithoutExtension();
  netLogDir = await mkdtemp(join(tmpdir(), 'policylens-netlog-'));
  const netLogFile = join(netLogDir, 'netlog.json');
  const browser: ExtensionBrowser = await launchWithExtension(site, {
    extraArgs: [`--log-net-log=${netLogFile}`, '--net-log-capture-mode=Default'],
  });
  try {
    extensionId = browser.extensionId;
    browser.context.on('request', (request) => seen.push(describeRequest(request)));

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    homePage = page;
    await visit(page, HOME);
    const tabId = await browser.tabIdOf(page);
    // The worker has classified and saved everything it was told about.
    const settled = await browser.settledPage(tabId);
    expect(settled.page?.findings.length ?? 0).toBeGreaterThan(0);
    const popup = await browser.openPopup(tabId);
    await popup.locator('.finding__toggle').first().click();
    await popup.getByTestId('blocked-counts').locator('.note').waitFor();
    await page.waitForTimeout(1_000); // anything the worker would send on its own, later

    // The canary: a request from the worker and from the popup, which both watchers must see.
    await browser.inWorker((path: string) => fetch(`https://www.smartergo.com${path}?from=worker`).then(() => undefined), CANARY);
    await popup.evaluate((path: string) => fetch(`https://www.smartergo.com${path}?from=popup`).then(() => undefined), CANARY);
  } finally {
    await browser.close(); // the network log is complete once Chromium has quit
  }
  netLog = await readNetLog(netLogFile);
}, 120_000);

afterAll(async () => {
  await site?.close();
  if (netLogDir) await rm(netLogDir, { recursive: true, force: true });
});

const isCanary = (url: string): boolean => url.includes(CANARY);

describe('PolicyLens makes no network request of its own', () => {
  it('the watchers would see one: the canary from the worker and the popup is in both', () => {
    const canaries = seen.filter((s) => isCanary(s.url)).map((s) => s.by.split(':')[0]);
    expect(canaries.sort()).toEqual(['frame', 'worker']);
    const fromExtension = netLog.filter((r) => isCanary(r.url) && r.initiator === `chrome-extension://${extensionId}`);
    expect(fromExtension).toHaveLength(2);
    expect(site.requestLog.filter((r) => isCanary(r.url))).toHaveLength(2);
  });

  it('the worker and the popup request nothing but the extension\'s own files', () => {
    const fromExtension = seen.filter(
      (s) => !isCanary(s.url) && (s.by.startsWith('worker:chrome-extension://') || s.by.startsWith('frame:chrome-extension://')),
    );
    expect(fromExtension.length).toBeGreaterThan(0); // the popup's page, script and style
    expect(fromExtension.filter((s) => !ownFile(s.url))).toEqual([]);
  });

  it('Chromium\'s network log, from start-up on, has no request started by the extension', () => {
    expect(netLog.some((r) => originAndPath(r.url) === HOME)).toBe(true);
    const byExtension = netLog.filter(
      (r) => !isCanary(r.url) && (r.initiator.startsWith('chrome-extension://') || r.isolationKey.includes('chrome-extension://')),
    );
    expect(byExtension).toEqual([]);
  });

  it('the page requests nothing it does not request without the extension', () => {
    const pageRequests = seen.filter((s) => s.page !== undefined && s.page === homePage && !ownFile(s.url)).map((s) => originAndPath(s.url));
    expect(pageRequests).toContain(HOME);
    expect(baseline.size).toBeGreaterThan(3);
    expect([...new Set(pageRequests)].filter((url) => !baseline.has(url))).toEqual([]);
  });

  it('every request the demo site received came from the page (a navigation, or with the page as referrer)', () => {
    const notFromPage = site.requestLog.filter(
      (r) => !isCanary(r.url) && r.headers['sec-fetch-mode'] !== 'navigate' && r.headers['referer'] !== HOME,
    );
    expect(notFromPage.map((r) => `${r.method} ${r.host}${r.url}`)).toEqual([]);
  });
});
