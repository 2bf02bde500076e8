/**
 * Two Chromiums for side-by-side runs: one with PolicyLens (test/e2e/harness.ts's
 * launchWithExtension, as the end-to-end tests use it) and one without, with the same
 * flags. The harness keeps its flag list private, so the plain launch repeats it here
 * minus the two extension flags, and `assertSameFlags` checks the two command lines
 * (from chrome://version) really differ only in those: if the harness's flags change,
 * the bench stops with a message instead of comparing unlike browsers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startDemoSite, type DemoSite } from '../../test/fixtures/server';
import { quietChromiumArgs } from '../../src/audit/chromium';
import { SMARTERGO_MATCH_PATTERNS } from '../../src/core/site';
import { CHROMIUM_PATH, launchWithExtension, type ExtensionBrowser } from '../../test/e2e/harness';
import { startBenchSite, type BenchSite } from '../fixtures/server';

export interface Sites {
  demo: DemoSite;
  bench: BenchSite;
  /** Resolver rules for both sites' hosts, then the catch-all. */
  rules: string;
  close(): Promise<void>;
}

export async function startSites(): Promise<Sites> {
  const demo = await startDemoSite();
  const bench = await startBenchSite();
  const demoRules = demo.hostResolverRules().split(', ').filter((rule) => rule !== 'MAP * ~NOTFOUND');
  const rules = [...demoRules, ...bench.resolverRules(), 'MAP * ~NOTFOUND'].join(', ');
  return {
    demo,
    bench,
    rules,
    close: async () => {
      await Promise.all([demo.close(), bench.close()]);
    },
  };
}

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** The demo site, seen by the harness with the bench hosts added to its resolver rules. */
const withRules = (sites: Sites): DemoSite => ({ ...sites.demo, hostResolverRules: () => sites.rules });

export const launchExtension = (sites: Sites): Promise<ExtensionBrowser> => launchWithExtension(withRules(sites));

/** Chromium without the extension: the same flags as the extension browser (src/audit/chromium.ts) minus the extension pair. */
export async function launchPlain(sites: Sites, extensionDir?: string): Promise<PlainBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'policylens-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      `--host-resolver-rules=${sites.rules}`,
      '--ignore-certificate-errors',
      ...quietChromiumArgs(),
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with an extension that does nothing (a manifest and no code, permissions or
 * scripts): what any extension costs a page load in this browser, before its own work.
 * Beside the plain browser and PolicyLens it splits the page-load ratio into that floor
 * and PolicyLens's own share.
 */
export async function launchEmptyExtension(sites: Sites): Promise<PlainBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'policylens-bench-empty-extension-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Empty', version: '1.0' }));
  const browser = await launchPlain(sites, dir);
  return {
    context: browser.context,
    close: async () => {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What a floor extension may do with a page's requests. */
export interface RequestAccess {
  /** With SmartErgo host access (any of them). */
  permissions: ReadonlyArray<'webRequest' | 'declarativeNetRequest'>;
  /** A webRequest.onBeforeRequest listener on SmartErgo's URLs that only counts (needs 'webRequest'). */
  countRequests: boolean;
}

/** The least an extension that sees and blocks a page's requests, as PolicyLens does, holds. */
export const REQUEST_FLOOR: RequestAccess = { permissions: ['webRequest', 'declarativeNetRequest'], countRequests: true };

/** The rows a floor page draws: the popup's first screen (src/popup/layout.ts). */
const FLOOR_ROWS = 12;

/**
 * Chromium with an extension that does the least PolicyLens's parts can do, for floors
 * taken in the same run as PolicyLens's own figures (bench/sections/browser.ts):
 * - `static.html`: a page like the popup with its rows in the HTML, no script: what the
 *   browser takes to show an extension page at all;
 * - `ask.html`: a module script asks the worker and draws the rows it answers with: the
 *   least any popup showing what its worker knows can take;
 * - `content.js`, on SmartErgo's pages and frames from document_start like PolicyLens's:
 *   collects resource timing and sends it to the worker once, when the page is idle: the
 *   least a content script reporting what a page loads can do.
 *
 * With `requests`, the extension also holds what an extension that sees or blocks a page's
 * requests must (REQUEST_FLOOR: the webRequest and declarativeNetRequest permissions,
 * SmartErgo host access, a webRequest listener that only counts). Chromium routes a
 * page's requests through the browser process for such an extension, which costs the
 * load more than any content script here (bench/permission-costs.ts splits it by
 * permission), so that is the page-load floor of PolicyLens, or of any blocker.
 */
export async function launchFloorExtension(
  sites: Sites,
  { requests }: { requests?: RequestAccess } = {},
): Promise<PlainBrowser & { extensionId: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'policylens-bench-floor-extension-'));
  const rows = Array.from({ length: FLOOR_ROWS }, (_, i) => `row ${i + 1}`);
  const list = rows.map((row) => `<li class="finding">${row}</li>`).join('');
  const page = (body: string): string =>
    `<!doctype html><html><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>Floor</title></head><body>${body}</body></html>`;
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Floors',
      version: '1.0',
      background: { service_worker: 'worker.js' },
      ...(requests?.permissions.length ? { permissions: requests.permissions, host_permissions: SMARTERGO_MATCH_PATTERNS } : {}),
      content_scripts: [{ js: ['content.js'], matches: SMARTERGO_MATCH_PATTERNS, run_at: 'document_start', all_frames: true }],
    }),
  );
  await writeFile(
    join(dir, 'content.js'),
    [
      'const seen = [];',
      "new PerformanceObserver((list) => { for (const entry of list.getEntries()) seen.push({ url: entry.name, initiatorType: entry.initiatorType }); }).observe({ type: 'resource', buffered: true });",
      "addEventListener('load', () => requestIdleCallback(() => chrome.runtime.sendMessage({ type: 'resources', seen }).catch(() => undefined), { timeout: 500 }));",
    ].join('\n'),
  );
  const workerLines = [
    `chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ rows: ${JSON.stringify(rows)} }); });`,
    ...(requests?.countRequests
      ? ['let requests = 0;', `chrome.webRequest.onBeforeRequest.addListener(() => { requests += 1; }, { urls: ${JSON.stringify(SMARTERGO_MATCH_PATTERNS)} });`]
      : []),
  ];
  await writeFile(join(dir, 'worker.js'), `${workerLines.join('\n')}\n`);
  await writeFile(join(dir, 'static.html'), page(`<main><p>${FLOOR_ROWS} rows</p><ul>${list}</ul></main>`));
  await writeFile(join(dir, 'ask.html'), page('<main id="app"></main><script type="module" src="ask.js"></script>'));
  await writeFile(
    join(dir, 'ask.js'),
    [
      "const answer = await chrome.runtime.sendMessage({ type: 'rows' });",
      "const list = document.createElement('ul');",
      "for (const row of answer.rows) { const li = document.createElement('li'); li.className = 'finding'; li.textContent = row; list.append(li); }",
      "document.getElementById('app').append(list);",
    ].join('\n'),
  );
  const browser = await launchPlain(sites, dir);
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  return {
    context: browser.context,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function commandLine(context: BrowserContext): Promise<Set<string>> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://version');
    const text = (await page.locator('#command_line').textContent()) ?? '';
    // Flags only; drop the per-profile ones and those that name the extension.
    const flags = text.split(/\s+(?=--)/).slice(1).map((f) => f.trim());
    return new Set(flags.filter((f) => !/^--(user-data-dir|load-extension|disable-extensions-except|remote-debugging-pipe)(=|$)/.test(f)));
  } finally {
    await page.close();
  }
}

/** Throws unless the two browsers run with the same flags (apart from the extension's). */
export async function assertSameFlags(withExtension: BrowserContext, plain: BrowserContext): Promise<void> {
  const a = await commandLine(withExtension);
  const b = await commandLine(plain);
  const onlyA = [...a].filter((f) => !b.has(f));
  const onlyB = [...b].filter((f) => !a.has(f));
  // Playwright adds --disable-extensions to the plain browser only (the extension pair overrides it there).
  const unexpected = [...onlyA, ...onlyB.filter((f) => f !== '--disable-extensions')];
  if (unexpected.length > 0) {
    throw new Error(
      `bench: the browsers with and without PolicyLens run with different flags: only with: ${onlyA.join(' ') || '-'}; ` +
        `only without: ${onlyB.join(' ') || '-'}. Update launchPlain in bench/browser/launch.ts to match test/e2e/harness.ts.`,
    );
  }
}
