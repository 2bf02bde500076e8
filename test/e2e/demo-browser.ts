/**
 * The set-up most e2e files share: the demo site and a Chromium with PolicyLens, started
 * before the file's tests and closed after; and a wait for the worker's record of a tab
 * (also for the files that launch their own browsers).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { PageRecord } from '../../src/core/model';
import { startDemoSite, type DemoSite } from '../fixtures/server';
import { launchWithExtension, type ExtensionBrowser } from './harness';

export interface DemoBrowser {
  readonly site: DemoSite;
  readonly browser: ExtensionBrowser;
  /** Waits until the worker's record for the tab satisfies `ready`, and returns it. */
  recordWhen(tabId: number, ready: (record: PageRecord) => boolean, timeout?: number): Promise<PageRecord>;
}

/** Call at the top of a test file: starts the site and the browser for its tests. */
export function useDemoBrowser(options: Parameters<typeof launchWithExtension>[1] = {}): DemoBrowser {
  let site: DemoSite | undefined;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchWithExtension(site, options);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const demo: DemoBrowser = {
    get site() {
      if (!site) throw new Error('the demo site is not started (use it inside a test)');
      return site;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched (use it inside a test)');
      return browser;
    },
    recordWhen: (tabId, ready, timeout = 15_000) => recordWhen(demo.browser, tabId, ready, timeout),
  };
  return demo;
}

/** Waits until the worker's record for the tab in `browser` satisfies `ready`, and returns it. */
export async function recordWhen(
  browser: ExtensionBrowser,
  tabId: number,
  ready: (record: PageRecord) => boolean,
  timeout = 15_000,
): Promise<PageRecord> {
  let last: PageRecord | undefined;
  await expect
    .poll(
      async () => {
        last = await browser.pageRecord(tabId);
        return last !== undefined && ready(last);
      },
      { timeout, interval: 100 },
    )
    .toBe(true);
  return last as PageRecord;
}
