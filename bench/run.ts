/**
 * `npm run bench`: PolicyLens side by side with the blockers users already run.
 * Every figure is measured in one run with the peers beside ours, and reported as
 * ratios too: this machine is small and shared, so absolute times move with the
 * load; ratios taken in the same run move much less.
 *
 * usage: node scripts/run-ts.mjs bench/run.ts [--only=classify,memory,pageload,content,popup] [--quick]
 * Results: bench/results/<time>.json and bench/results/latest.json; the table on stdout.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { assertCorporaPresent, REPO_ROOT } from './lib/corpus';
import { benchContentScript, benchPageLoad, benchPopup, startBrowsers } from './sections/browser';
import { benchClassify, benchMemory } from './sections/node';

const SECTIONS = ['classify', 'memory', 'pageload', 'content', 'popup'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: readonly string[]): { only: Set<Section>; quick: boolean } {
  let only = new Set<Section>(SECTIONS);
  let quick = false;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) {
      const names = arg.slice('--only='.length).split(',');
      for (const name of names) if (!SECTIONS.includes(name as Section)) throw new Error(`bench: unknown section "${name}" (${SECTIONS.join(', ')})`);
      only = new Set(names as Section[]);
    } else throw new Error(`bench: unknown argument "${arg}"`);
  }
  return { only, quick };
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown (no chromium)';
  }
}

export interface Machine {
  nproc: number;
  cpu: string;
  node: string;
  chromium: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

async function main(): Promise<void> {
  const { only, quick } = parseArgs(process.argv.slice(2));
  assertCorporaPresent();
  const machine: Machine = {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    chromium: chromiumVersion(),
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  };
  console.log(
    `PolicyLens bench — ${machine.nproc} CPUs (${machine.cpu}), Node ${machine.node}, ${machine.chromium}; load average ${machine.loadAverageAtStart.join(' ')}\n` +
      'Timing on a small shared machine is noisy: every figure is taken side by side with its baseline in this run; read the ratios.\n',
  );
  const results: Record<string, unknown> = { date: new Date().toISOString(), machine, quick };
  const tables: string[] = [];
  const show = (table: string): void => {
    tables.push(table);
    console.log(`${table}\n`);
  };

  if (only.has('classify')) {
    const { result, table, met } = await benchClassify({ rounds: quick ? 8 : 40, warmupRounds: quick ? 2 : 5, batchSize: 8, memoryRepeats: 0 });
    results['classify'] = { ...result, targetMet: met };
    show(table);
  }
  if (only.has('memory')) {
    const { result, table } = await benchMemory({ rounds: 0, warmupRounds: 0, batchSize: 0, memoryRepeats: quick ? 1 : 3 });
    results['memory'] = result;
    show(table);
  }

  if (only.has('pageload') || only.has('content') || only.has('popup')) {
    const browsers = await startBrowsers();
    try {
      const options = { pageLoadPairs: quick ? 6 : 20, contentRuns: quick ? 3 : 10, stressRuns: quick ? 2 : 5, popupRuns: quick ? 3 : 15 };
      if (only.has('pageload')) {
        const { result, table } = await benchPageLoad(browsers, options);
        results['pageload'] = result;
        show(table);
      }
      if (only.has('content')) {
        const { result, table } = await benchContentScript(browsers, options);
        results['content'] = result;
        show(table);
      }
      if (only.has('popup')) {
        const { result, table } = await benchPopup(browsers, options);
        results['popup'] = result;
        show(table);
      }
    } finally {
      await browsers.close();
    }
  }

  machine.loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
  const dir = resolve(REPO_ROOT, 'bench/results');
  await mkdir(dir, { recursive: true });
  const json = JSON.stringify({ ...results, tables }, null, 2);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await writeFile(resolve(dir, `bench-${stamp}.json`), json);
  await writeFile(resolve(dir, 'latest.json'), json);
  console.log(`Written: bench/results/bench-${stamp}.json (and latest.json). Load average at the end: ${machine.loadAverageAtEnd.join(' ')}`);
}

// Awaited at the top level: Vite's module runner (scripts/run-ts.mjs) closes once this module
// has finished evaluating, and the corpus is imported through it on the way.
try {
  await main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
