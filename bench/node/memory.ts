/**
 * Child process (plain Node with --expose-gc, one engine per process): how much memory
 * an engine keeps once it is ready to match.
 *
 * Method: the inputs (the corpus and the EasyPrivacy text) are read first and stay
 * referenced to the end, so they are in every measurement and cancel out. Then, each
 * time after forcing full garbage collections:
 *   base    - nothing of the engine loaded;
 *   loaded  - the engine imported (its code and bundled data) and built (lists parsed,
 *             tracker data compiled): what it costs to have it in a process;
 *   warmed  - after classifying the whole corpus once: what its caches add
 *             (the per-engine inputs made by `prepare` are measured apart and left out).
 * Retained size = heapUsed + external (ArrayBuffers and wasm memory live outside the JS
 * heap: the peers keep their filters in typed arrays).
 *
 * usage: node --expose-gc memory.mjs <engine> <corpus.json> <easyprivacy.txt> <out.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { RawRequest } from '../lib/corpus';
import { ENGINE_NAMES, loadEngine, type EngineName } from './engines';

export interface MemorySample {
  heapUsed: number;
  external: number;
}

export interface MemoryResult {
  engine: EngineName;
  /** Bytes retained by the loaded engine (code + data + compiled structures). */
  loaded: MemorySample;
  /** Bytes its caches hold after one pass over the corpus. */
  caches: MemorySample;
}

function settle(): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('memory.mjs needs node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external };
}

const diff = (a: MemorySample, b: MemorySample): MemorySample => ({ heapUsed: b.heapUsed - a.heapUsed, external: b.external - a.external });

async function main(): Promise<void> {
  const [name, corpusPath, easyPrivacyPath, outPath] = process.argv.slice(2);
  if (!ENGINE_NAMES.includes(name as EngineName) || !corpusPath || !easyPrivacyPath || !outPath) {
    throw new Error(`usage: memory.mjs <${ENGINE_NAMES.join('|')}> <corpus.json> <easyprivacy.txt> <out.json>`);
  }
  const corpus = JSON.parse(readFileSync(corpusPath, 'utf8')) as RawRequest[];
  const easyPrivacy = readFileSync(easyPrivacyPath, 'utf8');

  const base = settle();
  const loaded = await loadEngine(name as EngineName, easyPrivacy);
  const afterLoad = settle();
  const engine = loaded.prepare(corpus);
  const afterPrepare = settle();
  const hits = engine.batch(0, corpus.length);
  const afterRun = settle();

  const result: MemoryResult & { hits: number } = {
    engine: name as EngineName,
    loaded: diff(base, afterLoad),
    caches: diff(afterPrepare, afterRun),
    hits,
  };
  writeFileSync(outPath, JSON.stringify(result, null, 2));
  // Keep everything alive until the last measurement.
  if (corpus.length < 0 || easyPrivacy.length < 0 || engine.name === undefined) console.log('unreachable');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
