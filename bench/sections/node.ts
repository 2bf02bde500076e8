/** Request classification speed and engine memory: both measured in plain-Node children. */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ClassifyResult } from '../node/classify';
import { ENGINE_LABELS, ENGINE_NAMES, type EngineName } from '../node/engines';
import type { MemoryResult } from '../node/memory';
import { buildNodeEntries } from '../lib/build-node';
import { runChild } from '../lib/child';
import { EASYPRIVACY_PATH, loadRequestCorpus, REPO_ROOT } from '../lib/corpus';
import { median } from '../lib/stats';
import { formatTable, mb, ratio, us, verdict } from '../lib/table';

const WORK_DIR = resolve(REPO_ROOT, 'dist-bench');

export interface NodeBenchOptions {
  rounds: number;
  warmupRounds: number;
  batchSize: number;
  memoryRepeats: number;
}

export interface MemoryFigures {
  engine: EngineName;
  /** Medians over the repeats, bytes. */
  loadedBytes: number;
  loadedHeapBytes: number;
  loadedExternalBytes: number;
  cacheBytes: number;
  repeats: number;
}

let prepared: Promise<{ corpusJson: string; classify: string; memory: string }> | undefined;

/** Builds the children and writes the corpus as JSON for them (once per run). */
function prepare(): Promise<{ corpusJson: string; classify: string; memory: string }> {
  prepared ??= (async () => {
    const corpus = await loadRequestCorpus();
    await mkdir(WORK_DIR, { recursive: true });
    const entries = await buildNodeEntries();
    const corpusJson = resolve(WORK_DIR, 'corpus.json');
    await writeFile(corpusJson, JSON.stringify(corpus));
    return { corpusJson, ...entries };
  })();
  return prepared;
}

export async function benchClassify(options: NodeBenchOptions): Promise<{ result: ClassifyResult; table: string; met: boolean }> {
  const { corpusJson, classify } = await prepare();
  const out = resolve(WORK_DIR, 'classify.json');
  const result = await runChild<ClassifyResult>(
    [],
    classify,
    [corpusJson, EASYPRIVACY_PATH, out, String(options.rounds), String(options.warmupRounds), String(options.batchSize)],
    out,
  );
  const ours = result.engines.policylens;
  const rows = ENGINE_NAMES.map((name) => {
    const e = result.engines[name];
    return [
      ENGINE_LABELS[name],
      us(e.medianNs),
      us(e.p99Ns),
      us(e.meanNs),
      name === 'policylens' ? '—' : ratio(ours.medianNs / e.medianNs),
      name === 'policylens' ? '—' : ratio(ours.p99Ns / e.p99Ns),
      String(e.matched),
    ];
  });
  const belowPeers = ours.medianNs < result.engines.ghostery.medianNs && ours.medianNs < result.engines.ubo.medianNs;
  const met = belowPeers && ours.medianNs < 1000;
  const table =
    `Request classification: ${result.requests} requests, ${result.rounds} rounds after ${result.warmupRounds} warm-up, ` +
    `batches of ${result.batchSize} (timer cost ${result.timerOverheadNs} ns subtracted)\n` +
    formatTable(['engine', 'median/req', 'p99/req', 'mean/req', 'ours/peer median', 'ours/peer p99', 'matched'], rows) +
    `\n  target: median < 1 µs and below both peers → ${verdict(met)}` +
    ` (below both peers: ${belowPeers ? 'yes' : 'no'}; absolute µs depend on this machine's load, the ratios much less)` +
    `\n  "matched": PolicyLens names an organisation from its tracker data (hand list + third-party-web, ~1,370 organisations); the peers hit an EasyPrivacy filter.`;
  return { result, table, met };
}

export async function benchMemory(options: NodeBenchOptions): Promise<{ result: MemoryFigures[]; table: string }> {
  const { corpusJson, memory } = await prepare();
  const samples = new Map<EngineName, MemoryResult[]>(ENGINE_NAMES.map((name) => [name, []]));
  // Interleaved repeats, one fresh process per engine and repeat.
  for (let r = 0; r < options.memoryRepeats; r++) {
    for (const name of ENGINE_NAMES) {
      const out = resolve(WORK_DIR, `memory-${name}.json`);
      const sample = await runChild<MemoryResult>(['--expose-gc'], memory, [name, corpusJson, EASYPRIVACY_PATH, out], out);
      samples.get(name)!.push(sample);
    }
  }
  const result = ENGINE_NAMES.map((name): MemoryFigures => {
    const list = samples.get(name)!;
    return {
      engine: name,
      loadedBytes: median(list.map((s) => s.loaded.heapUsed + s.loaded.external)),
      loadedHeapBytes: median(list.map((s) => s.loaded.heapUsed)),
      loadedExternalBytes: median(list.map((s) => s.loaded.external)),
      cacheBytes: median(list.map((s) => s.caches.heapUsed + s.caches.external)),
      repeats: list.length,
    };
  });
  const ours = result.find((m) => m.engine === 'policylens')!;
  const rows = result.map((m) => [
    ENGINE_LABELS[m.engine],
    mb(m.loadedBytes),
    mb(m.loadedHeapBytes),
    mb(m.loadedExternalBytes),
    mb(m.cacheBytes),
    m.engine === 'policylens' ? '—' : ratio(ours.loadedBytes / m.loadedBytes),
  ]);
  const table =
    `Memory retained by each engine once loaded (child process per engine, --expose-gc, median of ${options.memoryRepeats})\n` +
    formatTable(['engine', 'loaded total', 'JS heap', 'external', '+caches after corpus', 'ours/peer'], rows) +
    '\n  loaded = code + data + compiled matcher (heapUsed + external after full GCs, minus the same before loading);' +
    '\n  PolicyLens includes tldts (its Public Suffix List); the peers load EasyPrivacy (network filters).';
  return { result, table };
}
