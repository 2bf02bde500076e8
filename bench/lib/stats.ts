/** Small statistics helpers for the benchmarks: quantiles, IQR, a bootstrap CI. */

/** Linear-interpolated quantile (q in [0, 1]) of a list; NaN when empty. Does not modify `values`. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return quantileSorted(sorted, q);
}

export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export interface Spread {
  median: number;
  q1: number;
  q3: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantileSorted(sorted, 0.5), q1: quantileSorted(sorted, 0.25), q3: quantileSorted(sorted, 0.75) };
}

/** A deterministic PRNG (mulberry32), so a bootstrap is reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Percentile-bootstrap 95% CI of median(with) / median(without) for paired samples:
 * pairs are resampled together, so drift that hits both sides of a pair cancels.
 */
export function bootstrapRatioOfMedians(
  withX: readonly number[],
  withoutX: readonly number[],
  resamples = 5000,
  seed = 8,
): { ratio: number; low: number; high: number } {
  if (withX.length !== withoutX.length || withX.length === 0) throw new Error('bootstrap: need paired, non-empty samples');
  const n = withX.length;
  const random = prng(seed);
  const ratios: number[] = [];
  const a: number[] = new Array<number>(n);
  const b: number[] = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      a[i] = withX[k]!;
      b[i] = withoutX[k]!;
    }
    ratios.push(median(a) / median(b));
  }
  ratios.sort((x, y) => x - y);
  return { ratio: median(withX) / median(withoutX), low: quantileSorted(ratios, 0.025), high: quantileSorted(ratios, 0.975) };
}
