/**
 * What a page load costs with extensions that differ by one permission: the floor
 * extension's content script alone, then with the webRequest or declarativeNetRequest
 * permission (SmartErgo host access), with a webRequest listener that only counts, with
 * all of that (the page-load section's request floor), and PolicyLens. The browsers'
 * loads are interleaved, rotating which goes first; each is a ratio of medians to the
 * plain browser in the same run, with its 95% bootstrap CI.
 *
 * It shows where the page-load figure's cost comes from: Chromium routes a page's
 * requests through the browser process for an extension that may see or block them.
 *
 * usage: node scripts/run-ts.mjs bench/permission-costs.ts [rounds=20] [url=demo home]
 */
import type { Page } from 'playwright-core';
import { HOME_URL } from '../test/fixtures/server';
import { launchExtension, launchFloorExtension, launchPlain, REQUEST_FLOOR, startSites, type RequestAccess } from './browser/launch';
import { bootstrapRatioOfMedians, quantile } from './lib/stats';
import { formatTable, ms, ratio } from './lib/table';
import { loadTime } from './sections/browser';

const [roundsArg, urlArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 20);
if (!Number.isInteger(rounds) || rounds < 2) throw new Error(`permission-costs: rounds must be a whole number of 2 or more, not ${roundsArg}`);
const url = urlArg ?? HOME_URL;

const variants: Array<[string, RequestAccess | undefined]> = [
  ['floor content script', undefined],
  ['+ webRequest, no listener', { permissions: ['webRequest'], countRequests: false }],
  ['+ webRequest, a counting listener', { permissions: ['webRequest'], countRequests: true }],
  ['+ declarativeNetRequest, no rules', { permissions: ['declarativeNetRequest'], countRequests: false }],
  ['+ both and the listener (request floor)', REQUEST_FLOOR],
];

const sites = await startSites();
const browsers = [
  { name: 'plain Chromium', browser: await launchPlain(sites) },
  ...(await Promise.all(variants.map(async ([name, requests]) => ({ name, browser: await launchFloorExtension(sites, { requests }) })))),
  { name: 'PolicyLens', browser: await launchExtension(sites) },
];
try {
  const tabs: Page[] = await Promise.all(browsers.map(({ browser }) => browser.context.newPage()));
  const times: number[][] = browsers.map(() => []);
  for (const tab of tabs) for (let i = 0; i < 2; i++) await loadTime(tab, url); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < tabs.length; k++) {
      const index = (round + k) % tabs.length;
      times[index]!.push(await loadTime(tabs[index]!, url));
      await new Promise((resolve) => setTimeout(resolve, 150)); // the worker's trailing work, off the next load
    }
  }
  const plain = times[0]!;
  const rows = browsers.map(({ name }, i) => {
    const boot = bootstrapRatioOfMedians(times[i]!, plain);
    return [name, ms(quantile(times[i]!, 0.5)), ratio(boot.ratio), `${boot.low.toFixed(2)}–${boot.high.toFixed(2)}`];
  });
  console.log(`Page load (loadEventEnd) of ${url}, ${rounds} rounds, rotating which browser goes first\n`);
  console.log(formatTable(['browser', 'median', '/ plain', '95% CI'], rows));
} finally {
  await Promise.allSettled(browsers.map(({ browser }) => browser.close()));
  await sites.close();
}
