// Timing helpers: interleaved rounds so drift and GC hit every contender alike, medians reported.
// No forced GC between runs: a full GC drops optimized code that embedded the last run's objects
// ("weak objects" deopts), so every run would start cold; steady state is what a server sees.

declare const gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (typeof gc === 'function') gc();
}

export interface Timed<T> {
  /** Median wall time in milliseconds. */
  ms: number;
  result: T;
}

/**
 * Runs each contender `rounds` times after `warmup` unmeasured rounds, rotating the order each round.
 * Returns the median per contender and the result of its last run (for the correctness check).
 */
export async function compare<T>(
  contenders: Record<string, () => T | Promise<T>>,
  { rounds, warmup }: { rounds: number; warmup: number },
): Promise<Record<string, Timed<T>>> {
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const results: Record<string, T> = {};
  for (let round = 0; round < warmup + rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const start = performance.now();
      results[name] = await contenders[name]!();
      const elapsed = performance.now() - start;
      if (round >= warmup) times[name]!.push(elapsed);
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, { ms: median(times[name]!), result: results[name]! }]),
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
