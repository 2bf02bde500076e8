/**
 * Two builds of the extension side by side in one run: the content scripts' time and the
 * page's load on the demo home and stress pages, and the popup's first frame with the
 * stress page's ~1,000 findings, each build's runs interleaved with the other's. On this
 * small shared machine absolute times move by 2x between runs; a change's effect is the
 * ratio taken in the same run.
 *
 * usage: node scripts/run-ts.mjs bench/compare-builds.ts <before dist/chrome> <after dist/chrome> [rounds=8] [--popup-only | --pages-only]
 * e.g. a build of the last commit made in a worktree, against this checkout's dist/chrome.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchExtensionBrowser, type ExtensionBrowser } from '../src/audit/chromium';
import { HOME_URL } from '../test/fixtures/server';
import { startSites } from './browser/launch';
import { BENCH_ORIGIN, STRESS_RESOURCES } from './fixtures/server';
import { quantile } from './lib/stats';
import { formatTable } from './lib/table';
import { contentScriptFiles, contentScriptTime, openAndWatch, tracedLoad } from './sections/browser';

const args = process.argv.slice(2);
const popupOnly = args.includes('--popup-only');
const pagesOnly = args.includes('--pages-only');
const [beforeArg, afterArg, roundsArg] = args.filter((arg) => !arg.startsWith('--'));
if (!beforeArg || !afterArg) throw new Error('usage: compare-builds.ts <before dist/chrome> <after dist/chrome> [rounds]');
const dirs = { before: resolve(beforeArg), after: resolve(afterArg) };
for (const dir of Object.values(dirs)) if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`compare-builds: no manifest.json in ${dir} (build it first)`);
const rounds = Number(roundsArg ?? 8);
type Side = keyof typeof dirs;
/** Alternates which build goes first, so drift within a round cancels over the run. */
const order = (round: number): Side[] => (round % 2 === 0 ? ['before', 'after'] : ['after', 'before']);

const figures = new Map<string, Record<Side, number[]>>();
const note = (figure: string, side: Side, value: number): void => {
  if (!figures.has(figure)) figures.set(figure, { before: [], after: [] });
  figures.get(figure)![side].push(value);
};

const sites = await startSites();
const browsers: Record<Side, ExtensionBrowser> = {
  before: await launchExtensionBrowser({ extensionDir: dirs.before, hostResolverRules: sites.rules, ignoreCertificateErrors: true }),
  after: await launchExtensionBrowser({ extensionDir: dirs.after, hostResolverRules: sites.rules, ignoreCertificateErrors: true }),
};
/** Each build's own scripts, as its manifest and src/content/late/ name them. */
const scriptUrls: Record<Side, string[]> = {
  before: contentScriptFiles(dirs.before).map((file) => `chrome-extension://${browsers.before.extensionId}/${file}`),
  after: contentScriptFiles(dirs.after).map((file) => `chrome-extension://${browsers.after.extensionId}/${file}`),
};
try {
  for (const [page, url] of popupOnly ? [] : ([['home', HOME_URL], ['stress', `${BENCH_ORIGIN}/stress`]] as const)) {
    for (let round = 0; round <= rounds; round++) {
      for (const side of order(round)) {
        const browser = browsers[side];
        const { events, counts } = await tracedLoad(browser.context, url);
        if (round === 0) continue; // warms the caches
        const time = contentScriptTime(events, scriptUrls[side]);
        note(`${page}: content scripts, CPU`, side, time.cpuMs);
        note(`${page}: content scripts, CPU before load`, side, time.cpuMsBeforeLoad);
        note(`${page}: content scripts, CPU evaluating them`, side, time.evaluateCpuMs);
        note(`${page}: content scripts, wall`, side, time.wallMs);
        note(`${page}: loadEventEnd`, side, counts.loadEventEnd);
      }
    }
  }

  const tabIds = {} as Record<Side, number>;
  for (const side of pagesOnly ? [] : (['before', 'after'] as const)) {
    const browser = browsers[side];
    const tab = await browser.context.newPage();
    await tab.goto(`${BENCH_ORIGIN}/stress`, { waitUntil: 'load', timeout: 60_000 });
    await tab.waitForLoadState('networkidle');
    tabIds[side] = await browser.tabIdOf(tab);
    for (let i = 0; i < 50 && ((await browser.pageRecord(tabIds[side]))?.findings.length ?? 0) < STRESS_RESOURCES; i++) {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  for (let round = 0; round <= (pagesOnly ? -1 : rounds * 2); round++) {
    for (const side of order(round)) {
      const browser = browsers[side];
      // The frame that first shows rows, and the one with every group's first page (bench/sections/browser.ts).
      const render = await openAndWatch(browser.context, `chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabIds[side]}`);
      if (round === 0) continue;
      note('popup: first frame with findings', side, render.frameMs);
      note('popup: frame with every group’s first page', side, render.pageFrameMs);
      note('popup: domInteractive', side, render.domInteractiveMs);
    }
  }

  const rows = [...figures].map(([figure, values]) => {
    const before = quantile(values.before, 0.5);
    const after = quantile(values.after, 0.5);
    return [figure, `${before.toFixed(1)} ms`, `${after.toFixed(1)} ms`, `${(after / before).toFixed(2)}×`];
  });
  console.log(`Medians of ${rounds} interleaved runs per page (popup: ${rounds * 2}); before = ${dirs.before}, after = ${dirs.after}`);
  console.log(formatTable(['figure', 'before', 'after', 'after / before'], rows));
} finally {
  await Promise.allSettled([browsers.before.close(), browsers.after.close()]);
  await sites.close();
}
