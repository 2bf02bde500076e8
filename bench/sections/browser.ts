/**
 * The in-browser figures, all in Debian's headless Chromium against local pages:
 * page-load overhead (with vs without PolicyLens, paired), the content script's
 * main-thread time (from a Chromium trace), and the popup's first render with ~1,000
 * findings plus its gzipped bundle size.
 */
import { FIRST_SCREEN_ROWS, ROWS_PER_PAGE } from '../../src/popup/layout';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { HOME_URL } from '../../test/fixtures/server';
import { EXTENSION_DIR, type ExtensionBrowser } from '../../test/e2e/harness';
import { BENCH_ORIGIN, HEAVY_REQUESTS, STRESS_ELEMENTS, STRESS_RESOURCES } from '../fixtures/server';
import { assertSameFlags, launchEmptyExtension, launchExtension, launchFloorExtension, launchPlain, REQUEST_FLOOR, startSites, type PlainBrowser, type Sites } from '../browser/launch';
import { bootstrapRatioOfMedians, quantile, spread } from '../lib/stats';
import { formatTable, kb, ms, ratio, verdict } from '../lib/table';

export interface BrowserBenchOptions {
  pageLoadPairs: number;
  contentRuns: number;
  stressRuns: number;
  popupRuns: number;
}

export interface Browsers {
  sites: Sites;
  extension: ExtensionBrowser;
  plain: PlainBrowser;
  /** An extension without code: the floor any extension pays (bench/browser/launch.ts). */
  empty: PlainBrowser;
  /** An extension doing the least PolicyLens's content script and popup can: their floors (bench/browser/launch.ts). */
  floor: PlainBrowser & { extensionId: string };
  close(): Promise<void>;
}

export async function startBrowsers(): Promise<Browsers> {
  const sites = await startSites();
  const extension = await launchExtension(sites);
  const plain = await launchPlain(sites);
  const empty = await launchEmptyExtension(sites);
  const floor = await launchFloorExtension(sites);
  await assertSameFlags(extension.context, plain.context);
  await assertSameFlags(empty.context, plain.context);
  await assertSameFlags(floor.context, plain.context);
  return {
    sites,
    extension,
    plain,
    empty,
    floor,
    close: async () => {
      await Promise.allSettled([extension.close(), plain.close(), empty.close(), floor.close()]);
      await sites.close();
    },
  };
}

const settle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------
// Page load

/** Loads `url` from about:blank and returns the page's own loadEventEnd (ms from navigation start). */
export async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
}

export interface PageLoadFigures {
  page: string;
  url: string;
  pairs: number;
  withMs: number[];
  withoutMs: number[];
  medianWithMs: number;
  medianWithoutMs: number;
  /** median(with) / median(without), and its 95% bootstrap CI over pairs. */
  ratio: number;
  ci95: [number, number];
  /** Quartiles of the per-pair ratios. */
  pairRatioIqr: [number, number];
  targetMet: boolean;
  /** The same loads in a browser with an extension that has no code (the floor any extension pays). */
  emptyExtensionMs: number[];
  medianEmptyExtensionMs: number;
  /** median(empty) / median(without): what merely having an extension costs here. */
  emptyRatio: number;
  /** median(with) / median(empty): PolicyLens's own share, and its 95% bootstrap CI. */
  ownRatio: number;
  ownCi95: [number, number];
  /** The same loads with the floor extension (a content script that only reports resource timing once). */
  floorMs: number[];
  /** median(floor) / median(without), and its 95% bootstrap CI: what the least content-script auditor costs a load here. */
  floorRatio: number;
  floorCi95: [number, number];
  /** The same loads with the floor extension that also holds the request permissions and a listener that only counts. */
  requestFloorMs: number[];
  /** median(request floor) / median(without), and its 95% bootstrap CI: the least any extension that sees or blocks requests costs. */
  requestFloorRatio: number;
  requestFloorCi95: [number, number];
  /** median(with) / median(request floor), and its 95% bootstrap CI: PolicyLens above that floor. */
  aboveRequestFloorRatio: number;
  aboveRequestFloorCi95: [number, number];
}

export async function benchPageLoad(browsers: Browsers, options: BrowserBenchOptions): Promise<{ result: PageLoadFigures[]; table: string }> {
  const pages = [
    { page: 'demo home', url: HOME_URL },
    { page: `heavy (${HEAVY_REQUESTS} third-party requests)`, url: `${BENCH_ORIGIN}/heavy` },
  ];
  // Only this section needs it: started here, closed at the end.
  const requestFloor = await launchFloorExtension(browsers.sites, { requests: REQUEST_FLOOR });
  await assertSameFlags(requestFloor.context, browsers.plain.context);
  const tabs = {
    with: await browsers.extension.context.newPage(),
    without: await browsers.plain.context.newPage(),
    empty: await browsers.empty.context.newPage(),
    floor: await browsers.floor.context.newPage(),
    requestFloor: await requestFloor.context.newPage(),
  };
  type Side = keyof typeof tabs;
  // Each side goes in each place equally often (the rotations of one order), so drift within a round cancels over the run.
  const sides = Object.keys(tabs) as Side[];
  const orders: Side[][] = sides.map((_, shift) => [...sides.slice(shift), ...sides.slice(0, shift)]);
  const result: PageLoadFigures[] = [];
  for (const { page, url } of pages) {
    for (let i = 0; i < 2; i++) for (const side of orders[0]!) await loadTime(tabs[side], url);
    const times: Record<Side, number[]> = { with: [], without: [], empty: [], floor: [], requestFloor: [] };
    for (let i = 0; i < options.pageLoadPairs; i++) {
      for (const side of orders[i % orders.length]!) {
        times[side].push(await loadTime(tabs[side], url));
        await settle(150); // let the worker's trailing work finish before the next side loads
      }
    }
    const { with: withMs, without: withoutMs, empty: emptyExtensionMs, floor: floorMs, requestFloor: requestFloorMs } = times;
    const boot = bootstrapRatioOfMedians(withMs, withoutMs);
    const own = bootstrapRatioOfMedians(withMs, emptyExtensionMs);
    const floor = bootstrapRatioOfMedians(floorMs, withoutMs);
    const requests = bootstrapRatioOfMedians(requestFloorMs, withoutMs);
    const aboveRequests = bootstrapRatioOfMedians(withMs, requestFloorMs);
    const pairRatios = withMs.map((w, i) => w / withoutMs[i]!);
    const s = spread(pairRatios);
    result.push({
      page,
      url,
      pairs: options.pageLoadPairs,
      withMs,
      withoutMs,
      medianWithMs: quantile(withMs, 0.5),
      medianWithoutMs: quantile(withoutMs, 0.5),
      ratio: boot.ratio,
      ci95: [boot.low, boot.high],
      pairRatioIqr: [s.q1, s.q3],
      targetMet: boot.ratio <= 1.03,
      emptyExtensionMs,
      medianEmptyExtensionMs: quantile(emptyExtensionMs, 0.5),
      emptyRatio: quantile(emptyExtensionMs, 0.5) / quantile(withoutMs, 0.5),
      ownRatio: own.ratio,
      ownCi95: [own.low, own.high],
      floorMs,
      floorRatio: floor.ratio,
      floorCi95: [floor.low, floor.high],
      requestFloorMs,
      requestFloorRatio: requests.ratio,
      requestFloorCi95: [requests.low, requests.high],
      aboveRequestFloorRatio: aboveRequests.ratio,
      aboveRequestFloorCi95: [aboveRequests.low, aboveRequests.high],
    });
  }
  await Promise.all(Object.values(tabs).map((tab) => tab.close()));
  await requestFloor.close();
  const ci = (low: number, high: number): string => `${low.toFixed(2)}–${high.toFixed(2)}`;
  const rows = result.map((r) => [
    r.page,
    ms(r.medianWithoutMs),
    ms(r.medianWithMs),
    ratio(r.ratio),
    `${r.ci95[0].toFixed(2)}–${r.ci95[1].toFixed(2)}`,
    `${r.pairRatioIqr[0].toFixed(2)}–${r.pairRatioIqr[1].toFixed(2)}`,
    verdict(r.targetMet),
    ms(r.medianEmptyExtensionMs),
    ratio(r.emptyRatio),
    `${ratio(r.ownRatio)} (${r.ownCi95[0].toFixed(2)}–${r.ownCi95[1].toFixed(2)})`,
    `${ratio(r.floorRatio)} (${ci(...r.floorCi95)})`,
    `${ratio(r.requestFloorRatio)} (${ci(...r.requestFloorCi95)})`,
    `${ratio(r.aboveRequestFloorRatio)} (${ci(...r.aboveRequestFloorCi95)})`,
  ]);
  const table =
    `Page load (loadEventEnd), headless Chromium without PolicyLens, with it, with an extension that has no code, and with the two floor extensions; ${options.pageLoadPairs} rounds per page, rotating which goes first, after 2 warm-up loads each\n` +
    formatTable(
      ['page', 'without', 'with', 'ratio of medians', 'bootstrap 95% CI', 'pair-ratio IQR', 'target ≤ 1.03', 'empty extension', 'empty / without', 'with / empty (95% CI)', 'floor / without (95% CI)', 'request floor / without (95% CI)', 'with / request floor (95% CI)'],
      rows,
    ) +
    '\n  empty / without: what having any extension costs a load in this browser; with / empty: PolicyLens\'s own share;' +
    '\n  floor / without: an extension whose content script only reports resource timing once (bench/browser/launch.ts), the least such an auditor can cost;' +
    '\n  request floor: the same extension with the webRequest and declarativeNetRequest permissions, SmartErgo host access and a webRequest listener that only counts:' +
    '\n  the least any extension that sees or blocks a page\'s requests costs; with / request floor: PolicyLens above it.';
  return { result, table };
}

// ---------------------------------------------------------------------------
// Content script

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; isOutermostMainFrame?: boolean }; fileName?: string; name?: string };
}

export async function traceWhile(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  // The protocol types trace events as plain objects; these are Chromium's trace-event JSON.
  const onData = (e: { value: object[] }): void => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'] },
  });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

/**
 * The content scripts' main-thread time in a trace: the renderer main-thread slices
 * whose script is one of ours (EvaluateScript / v8.compile / v8.run of the file,
 * FunctionCall of its callbacks: the PerformanceObserver, timers, event listeners),
 * outermost only, so nested slices are not counted twice. Their wall durations include
 * what the script calls into (querySelectorAll, style, sendMessage's serialisation).
 * Not counted: our page-world wrappers running inside a page script's own call (a
 * wrapped addEventListener), which the trace files under the page's script.
 */
export function contentScriptTime(
  events: readonly TraceEvent[],
  scriptUrls: readonly string[],
): {
  wallMs: number;
  cpuMs: number;
  slices: number;
  cpuMsByScript: Record<string, number>;
  cpuMsBeforeLoad: number;
  /** CPU of evaluating the scripts themselves (compile and top level), without their callbacks. */
  evaluateCpuMs: number;
} {
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`),
  );
  const ours = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        mainThreads.has(`${e.pid}/${e.tid}`) &&
        scriptUrls.includes(e.args?.data?.url ?? e.args?.fileName ?? '') &&
        ['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run', 'TimerFire', 'EventDispatch'].includes(e.name),
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let wall = 0;
  let cpu = 0;
  let slices = 0;
  let cpuBeforeLoad = 0;
  let evaluateCpu = 0;
  // The page's load event, on the thread our scripts first ran on: what ran before it held the load up.
  const first = ours[0];
  const load = first
    ? events.find((e) => e.name === 'MarkLoad' && e.pid === first.pid && e.tid === first.tid && e.ts > first.ts && e.args?.data?.isOutermostMainFrame)
    : undefined;
  const cpuMsByScript: Record<string, number> = Object.fromEntries(scriptUrls.map((url) => [url, 0]));
  const openUntil = new Map<string, number>();
  for (const e of ours) {
    const thread = `${e.pid}/${e.tid}`;
    if (e.ts < (openUntil.get(thread) ?? -1)) continue; // nested in a slice already counted
    openUntil.set(thread, e.ts + (e.dur ?? 0));
    wall += e.dur ?? 0;
    cpu += e.tdur ?? e.dur ?? 0;
    if (load && e.ts < load.ts) cpuBeforeLoad += e.tdur ?? e.dur ?? 0;
    if (e.name === 'EvaluateScript') evaluateCpu += e.tdur ?? e.dur ?? 0;
    const url = e.args?.data?.url ?? e.args?.fileName ?? '';
    cpuMsByScript[url] = (cpuMsByScript[url] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
    slices++;
  }
  return { wallMs: wall / 1000, cpuMs: cpu / 1000, slices, cpuMsByScript, cpuMsBeforeLoad: cpuBeforeLoad / 1000, evaluateCpuMs: evaluateCpu / 1000 };
}

export interface ContentFigures {
  page: string;
  runs: number;
  wallMs: number[];
  cpuMs: number[];
  medianWallMs: number;
  medianCpuMs: number;
  /** Median CPU before the page's load event (what held it up); the rest ran in idle time after. */
  medianCpuMsBeforeLoad: number;
  /** The same for the floor extension's content script, which only collects resource timing and sends it once. */
  medianFloorCpuMs: number;
  /** Median CPU per script: the isolated-world script and the two page-world ones. */
  medianCpuMsByScript: Record<string, number>;
  maxWallMs: number;
  targetMs: number;
  targetMet: boolean;
  resourceEntries: number;
  elements: number;
}

/**
 * Every script of ours that runs in a page, as paths in a build: the manifest's content
 * scripts, then the modules the worker injects when a page needs them (src/content/late/).
 */
export function contentScriptFiles(extensionDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  const declared = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
  const lateDir = join(extensionDir, 'src/content/late');
  const late = existsSync(lateDir) ? readdirSync(lateDir).filter((file) => file.endsWith('.js')).map((file) => `src/content/late/${file}`) : [];
  return [...declared, ...late];
}

export async function benchContentScript(browsers: Browsers, options: BrowserBenchOptions): Promise<{ result: ContentFigures[]; table: string }> {
  // All three content scripts run on every SmartErgo page and frame: the isolated-world one
  // and the two page-world ones (sendBeacon hints; fingerprinting and recording wrappers);
  // the modules the worker injects count too, on a page that needs them.
  const scripts = contentScriptFiles(EXTENSION_DIR);
  const scriptUrls = scripts.map((file) => `chrome-extension://${browsers.extension.extensionId}/${file}`);
  const floorScriptUrl = `chrome-extension://${browsers.floor.extensionId}/content.js`;
  const pages = [
    { page: 'demo home', url: HOME_URL, runs: options.contentRuns, targetMs: 5 },
    { page: `stress (${STRESS_ELEMENTS} elements, ${STRESS_RESOURCES} resources)`, url: `${BENCH_ORIGIN}/stress`, runs: options.stressRuns, targetMs: 50 },
  ];
  const result: ContentFigures[] = [];
  for (const { page, url, runs, targetMs } of pages) {
    const wallMs: number[] = [];
    const cpuMs: number[] = [];
    const cpuMsByScript: Record<string, number[]> = Object.fromEntries(scripts.map((file) => [file, []]));
    const cpuMsBeforeLoad: number[] = [];
    const floorCpuMs: number[] = [];
    let resourceEntries = 0;
    let elements = 0;
    for (let i = 0; i < runs + 1; i++) {
      // The floor's load first, interleaved with ours: the machine's load weighs on both alike.
      const floor = await tracedLoad(browsers.floor.context, url);
      if (i > 0) floorCpuMs.push(contentScriptTime(floor.events, [floorScriptUrl]).cpuMs);
      const { events, counts } = await tracedLoad(browsers.extension.context, url);
      if (i === 0) continue; // the first run warms the disk cache of the extension's files
      const t = contentScriptTime(events, scriptUrls);
      if (t.slices === 0) throw new Error(`bench: no content-script activity in the trace of ${url} (are ${scripts.join(', ')} the scripts?)`);
      wallMs.push(t.wallMs);
      cpuMs.push(t.cpuMs);
      scripts.forEach((file, k) => cpuMsByScript[file]!.push(t.cpuMsByScript[scriptUrls[k]!] ?? 0));
      cpuMsBeforeLoad.push(t.cpuMsBeforeLoad);
      resourceEntries = counts.resources;
      elements = counts.elements;
    }
    const medianWallMs = quantile(wallMs, 0.5);
    result.push({
      page,
      runs,
      wallMs,
      cpuMs,
      medianWallMs,
      medianCpuMs: quantile(cpuMs, 0.5),
      medianCpuMsBeforeLoad: quantile(cpuMsBeforeLoad, 0.5),
      medianFloorCpuMs: quantile(floorCpuMs, 0.5),
      medianCpuMsByScript: Object.fromEntries(scripts.map((file) => [file, quantile(cpuMsByScript[file]!, 0.5)])),
      maxWallMs: Math.max(...wallMs),
      targetMs,
      targetMet: medianWallMs <= targetMs,
      resourceEntries,
      elements,
    });
  }
  const rows = result.map((r) => [
    r.page,
    String(r.runs),
    ms(r.medianWallMs),
    ms(r.maxWallMs),
    ms(r.medianCpuMs),
    ms(r.medianCpuMsBeforeLoad),
    `${ms(r.medianFloorCpuMs)} (${(r.medianCpuMs / r.medianFloorCpuMs).toFixed(1)}×)`,
    Object.values(r.medianCpuMsByScript).map((v) => v.toFixed(1)).join(' + '),
    `${r.resourceEntries} / ${r.elements}`,
    `≤ ${r.targetMs} ms: ${verdict(r.targetMet)}`,
  ]);
  const byScript = `CPU: ${scripts.map((file) => file.replace(/^src\/content\//, '').replace(/\.js$/, '')).join(' + ')} (medians)`;
  const table =
    'Content scripts\' main-thread time (Chromium trace: outermost slices of our content scripts, and of the modules the worker injects, on the renderer main thread)\n' +
    formatTable(['page', 'runs', 'median wall', 'max wall', 'median CPU', 'CPU before load', 'floor CPU (ours / floor)', byScript, 'resources / elements', 'target'], rows);
  return { result, table: `${table}\n  floor: a content script that only collects resource timing and sends it to its worker once, in an extension of its own (bench/browser/launch.ts).` };
}

/** Loads `url` in a new tab of `context` under a trace; the trace, what the page had, and its loadEventEnd. */
export async function tracedLoad(
  context: BrowserContext,
  url: string,
): Promise<{ events: TraceEvent[]; counts: { resources: number; elements: number; loadEventEnd: number } }> {
  const tab = await context.newPage();
  try {
    await tab.goto('about:blank');
    const cdp = await context.newCDPSession(tab);
    const events = await traceWhile(cdp, async () => {
      await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await tab.waitForLoadState('networkidle');
      await settle(300); // the reporter's last batch (50 ms) and late observer callbacks
    });
    const counts = await tab.evaluate(() => ({
      resources: performance.getEntriesByType('resource').length,
      elements: document.getElementsByTagName('*').length,
      loadEventEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
    await cdp.detach();
    return { events, counts };
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------
// Popup

/** Installed in the popup before its scripts: notes when the findings are in the DOM, and the frame after. */
function watchFirstRender(): void {
  type Render = { domMs: number; frameMs: number; rows: number; pageFrameMs?: number; pageRows?: number; domInteractiveMs?: number };
  const w = window as unknown as { __render?: Render };
  /** Calls `then` with the time of the frame that shows the DOM as it is now: a rAF, then a task after that frame's paint. */
  const afterFrame = (then: (frameMs: number) => void): void => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(null);
    });
  };
  let first: Render | undefined;
  const check = (): boolean => {
    const rows = document.querySelectorAll('li.finding').length;
    if (rows === 0) return false;
    if (!first) {
      const domMs = performance.now();
      first = { domMs, frameMs: 0, rows };
      const pending = first;
      afterFrame((frameMs) => {
        pending.frameMs = frameMs;
      });
    }
    // The first page of every group: the groups are no longer busy (components/groups.tsx).
    if (document.querySelector('.groups[aria-busy="true"]')) return false;
    const done = first;
    afterFrame((frameMs) => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      w.__render = { ...done, pageFrameMs: frameMs, pageRows: document.querySelectorAll('li.finding').length, domInteractiveMs: navigation?.domInteractive ?? 0 };
    });
    return true;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
}

export interface PopupFigures {
  findings: number;
  runs: number;
  firstRenderMs: number[];
  medianFirstRenderMs: number;
  medianDomMs: number;
  /** The frame showing the first page of every group (ROWS_PER_PAGE each), right after the first. */
  medianFirstPageMs: number;
  /** When the popup's document was parsed: the part of the first render before any of its code ran. */
  medianDomInteractiveMs: number;
  /** The same frame for an extension page with the rows in its HTML, and for one that asks its worker for them first. */
  floorMs: { static: number; ask: number };
  targetMet: boolean;
  bundle: { files: Array<{ file: string; bytes: number; gzipBytes: number }>; gzipBytes: number; cssGzipBytes: number; targetMet: boolean };
}

async function popupBundle(): Promise<PopupFigures['bundle']> {
  const html = await readFile(resolve(EXTENSION_DIR, 'src/popup/index.html'), 'utf8');
  const pending = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const files: Array<{ file: string; bytes: number; gzipBytes: number }> = [];
  while (pending.length > 0) {
    const path = resolve(EXTENSION_DIR, `.${pending.pop()!}`);
    if (seen.has(path)) continue;
    seen.add(path);
    const code = await readFile(path);
    files.push({ file: path.slice(EXTENSION_DIR.length + 1), bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    // Static imports between chunks: import{...}from"./x.js" / import"./x.js".
    for (const m of code.toString('utf8').matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+\.js)"/g)) {
      pending.push(`/${resolve(path, '..', m[1]!).slice(EXTENSION_DIR.length + 1)}`);
    }
  }
  let cssGzipBytes = 0;
  for (const href of css) cssGzipBytes += gzipSync(await readFile(resolve(EXTENSION_DIR, `.${href}`)), { level: 9 }).length;
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, gzipBytes, cssGzipBytes, targetMet: gzipBytes <= 20 * 1024 };
}

type Render = { domMs: number; frameMs: number; rows: number; pageFrameMs: number; pageRows: number; domInteractiveMs: number };

/** Opens an extension page in a new tab and waits for watchFirstRender's figures. */
export async function openAndWatch(context: BrowserContext, url: string): Promise<Render> {
  const page = await context.newPage();
  try {
    await page.addInitScript(watchFirstRender);
    await page.goto(url);
    const render = await page.waitForFunction(() => (window as unknown as { __render?: Render }).__render, undefined, { timeout: 30_000 });
    return (await render.jsonValue()) as Render;
  } finally {
    await page.close();
  }
}

export async function benchPopup(browsers: Browsers, options: BrowserBenchOptions): Promise<{ result: PopupFigures; table: string }> {
  const { extension } = browsers;
  const tab = await extension.context.newPage();
  await tab.goto(`${BENCH_ORIGIN}/stress`, { waitUntil: 'load', timeout: 60_000 });
  await tab.waitForLoadState('networkidle');
  const tabId = await extension.tabIdOf(tab);
  let findings = 0;
  for (let i = 0; i < 50 && findings < STRESS_RESOURCES; i++) {
    await settle(200);
    findings = (await extension.pageRecord(tabId))?.findings.length ?? 0;
  }
  if (findings < STRESS_RESOURCES) throw new Error(`bench: the stress page gave ${findings} findings, expected ${STRESS_RESOURCES}`);

  const firstRenderMs: number[] = [];
  const domMs: number[] = [];
  const firstPageMs: number[] = [];
  const domInteractiveMs: number[] = [];
  const floorMs = { static: [] as number[], ask: [] as number[] };
  const { floor } = browsers;
  for (let i = 0; i < options.popupRuns + 1; i++) {
    // The floors' opens interleaved with the popup's, so the machine's load weighs on all three alike.
    for (const page of ['static', 'ask'] as const) {
      const r = await openAndWatch(floor.context, `chrome-extension://${floor.extensionId}/${page}.html`);
      if (i > 0) floorMs[page].push(r.frameMs);
    }
    const r = await openAndWatch(extension.context, `chrome-extension://${extension.extensionId}/src/popup/index.html?tab=${tabId}`);
    if (i === 0) continue; // first open compiles the popup's code cold
    // The first frame holds the first screen of rows; the next, the first page of every group
    // (the rest is behind "Show more"): never fewer rows than that.
    if (r.rows < Math.min(findings, FIRST_SCREEN_ROWS)) throw new Error(`bench: the popup's first frame showed ${r.rows} rows for ${findings} findings`);
    if (r.pageRows < Math.min(findings, ROWS_PER_PAGE)) throw new Error(`bench: the popup showed ${r.pageRows} rows for ${findings} findings`);
    firstRenderMs.push(r.frameMs);
    domMs.push(r.domMs);
    firstPageMs.push(r.pageFrameMs);
    domInteractiveMs.push(r.domInteractiveMs);
  }
  await tab.close();
  const bundle = await popupBundle();
  const medianFirstRenderMs = quantile(firstRenderMs, 0.5);
  const result: PopupFigures = {
    findings,
    runs: options.popupRuns,
    firstRenderMs,
    medianFirstRenderMs,
    medianDomMs: quantile(domMs, 0.5),
    medianFirstPageMs: quantile(firstPageMs, 0.5),
    medianDomInteractiveMs: quantile(domInteractiveMs, 0.5),
    floorMs: { static: quantile(floorMs.static, 0.5), ask: quantile(floorMs.ask, 0.5) },
    targetMet: medianFirstRenderMs <= 50,
    bundle,
  };
  const table =
    `Popup (headless Chromium, ${findings} findings, ${options.popupRuns} opens after one cold open)\n` +
    formatTable(
      ['figure', 'value', 'target'],
      [
        [`floor: an extension page with ${FIRST_SCREEN_ROWS} rows in its HTML, no script (same browser flags, same run)`, ms(result.floorMs.static), ''],
        [`floor: an extension page whose script asks its worker for ${FIRST_SCREEN_ROWS} rows and draws them`, ms(result.floorMs.ask), ''],
        ['the popup document parsed (domInteractive), before any of its code runs', ms(result.medianDomInteractiveMs), ''],
        ['first render: findings in the DOM', ms(result.medianDomMs), ''],
        [`first render: the frame showing them (summary and first ${FIRST_SCREEN_ROWS} rows)`, `${ms(medianFirstRenderMs)} (p90 ${ms(quantile(firstRenderMs, 0.9))})`, `≤ 50 ms: ${verdict(result.targetMet)}`],
        ['first render above the asking floor (PolicyLens\'s own share)', `${ms(medianFirstRenderMs - result.floorMs.ask)} (${(medianFirstRenderMs / result.floorMs.ask).toFixed(2)}×)`, ''],
        [`the next frame: the first ${ROWS_PER_PAGE} rows of every group`, ms(result.medianFirstPageMs), ''],
        [`JS bundle, gzip -9 (${bundle.files.map((f) => f.file).join(', ')})`, kb(bundle.gzipBytes), `≤ 20 KB: ${verdict(bundle.targetMet)}`],
        ['CSS, gzip -9 (not counted above)', kb(bundle.cssGzipBytes), ''],
      ],
    ) +
    '\n  first render = from the popup page\'s navigation start (its HTML, scripts, the worker\'s answer, Preact\'s render) to the frame after the rows appear;' +
    '\n  the floors are the same frame, measured the same way, for pages that do the least a popup can (bench/browser/launch.ts).';
  return { result, table };
}

