/**
 * Child process (plain Node, built by bench/lib/build-node.ts): times the three request
 * classifiers side by side on the corpus and writes the figures as JSON.
 *
 * Method: every engine is built first, then run over the whole corpus for a few
 * warm-up rounds (JIT, caches), then for many measured rounds. In each round the
 * engines take turns in a rotating order (round r starts with engine r mod 3), so
 * drift and a neighbour's load hit all three alike. Within a round, the corpus is cut
 * into fixed batches of N consecutive requests; each batch is timed with
 * process.hrtime.bigint() (one timer pair per N requests, its own measured cost
 * subtracted) and divided by N. For each batch the median over rounds is kept (robust
 * to a concurrent process stealing the CPU for a moment), and the median and p99 are
 * taken over those per-batch figures. The p99 is thus a p99 of N-request averages.
 *
 * usage: node classify.mjs <corpus.json> <easyprivacy.txt> <out.json> [rounds] [warmup] [batch]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { RawRequest } from '../lib/corpus';
import { quantile } from '../lib/stats';
import { ENGINE_NAMES, loadEngine, type Engine, type EngineName } from './engines';

export interface ClassifyEngineResult {
  /** Requests the engine matched (a tracker named, a filter hit), from the first warm-up round. */
  matched: number;
  /** Nanoseconds per request: median and p99 over batches (each batch: its median over rounds). */
  medianNs: number;
  p99Ns: number;
  /** Nanoseconds per request over the whole corpus (the median round's total / requests). */
  meanNs: number;
  /** Pooled over every (batch, round) sample, for comparison with the robust figures. */
  pooledMedianNs: number;
  pooledP99Ns: number;
}

export interface ClassifyResult {
  requests: number;
  rounds: number;
  warmupRounds: number;
  batchSize: number;
  timerOverheadNs: number;
  engines: Record<EngineName, ClassifyEngineResult>;
}

function timerOverhead(): number {
  const samples: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const t0 = process.hrtime.bigint();
    const t1 = process.hrtime.bigint();
    samples.push(Number(t1 - t0));
  }
  return quantile(samples, 0.5);
}

async function main(): Promise<void> {
  const [corpusPath, easyPrivacyPath, outPath, roundsArg, warmupArg, batchArg] = process.argv.slice(2);
  if (!corpusPath || !easyPrivacyPath || !outPath) throw new Error('usage: classify.mjs <corpus.json> <easyprivacy.txt> <out.json> [rounds] [warmup] [batch]');
  const rounds = Number(roundsArg ?? 30);
  const warmupRounds = Number(warmupArg ?? 5);
  const batchSize = Number(batchArg ?? 8);
  const corpus = JSON.parse(readFileSync(corpusPath, 'utf8')) as RawRequest[];
  const n = corpus.length;
  const batches = Math.ceil(n / batchSize);

  const engines: Engine[] = [];
  const easyPrivacy = readFileSync(easyPrivacyPath, 'utf8');
  for (const name of ENGINE_NAMES) engines.push((await loadEngine(name, easyPrivacy)).prepare(corpus));

  const matched = {} as Record<EngineName, number>;
  for (let r = 0; r < warmupRounds; r++) {
    for (let k = 0; k < engines.length; k++) {
      const engine = engines[(r + k) % engines.length]!;
      const hits = engine.batch(0, n);
      if (r === 0) matched[engine.name] = hits;
    }
  }

  const overhead = timerOverhead();
  // samples[engine][batch * rounds + round], ns per request
  const samples = new Map<EngineName, Float64Array>(engines.map((e) => [e.name, new Float64Array(batches * rounds)]));
  const roundTotals = new Map<EngineName, number[]>(engines.map((e) => [e.name, []]));
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < engines.length; k++) {
      const engine = engines[(r + k) % engines.length]!;
      const out = samples.get(engine.name)!;
      let total = 0;
      for (let b = 0; b < batches; b++) {
        const start = b * batchSize;
        const end = Math.min(n, start + batchSize);
        const t0 = process.hrtime.bigint();
        sink += engine.batch(start, end);
        const t1 = process.hrtime.bigint();
        const ns = Math.max(0, Number(t1 - t0) - overhead);
        total += ns;
        out[b * rounds + r] = ns / (end - start);
      }
      roundTotals.get(engine.name)!.push(total / n);
    }
  }
  if (sink < 0) console.log(sink); // never: keeps the results observable

  const result: ClassifyResult = {
    requests: n,
    rounds,
    warmupRounds,
    batchSize,
    timerOverheadNs: overhead,
    engines: {} as Record<EngineName, ClassifyEngineResult>,
  };
  for (const engine of engines) {
    const all = samples.get(engine.name)!;
    const perBatch: number[] = [];
    for (let b = 0; b < batches; b++) perBatch.push(quantile(Array.from(all.subarray(b * rounds, (b + 1) * rounds)), 0.5));
    const pooled = Array.from(all);
    result.engines[engine.name] = {
      matched: matched[engine.name],
      medianNs: quantile(perBatch, 0.5),
      p99Ns: quantile(perBatch, 0.99),
      meanNs: quantile(roundTotals.get(engine.name)!, 0.5),
      pooledMedianNs: quantile(pooled, 0.5),
      pooledP99Ns: quantile(pooled, 0.99),
    };
  }
  writeFileSync(outPath, JSON.stringify(result, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
