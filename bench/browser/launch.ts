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
