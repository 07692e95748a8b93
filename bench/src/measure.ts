export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Milliseconds per call after a warm-up, as percentiles: medians and tails, never one run. Each
 * measure starts from a collected heap (`pnpm bench` runs with `--expose-gc`): the API and the SQL
 * alone are measured one after the other in this process, and the garbage the API's calls leave
 * was otherwise collected during the SQL's, which read its p95 at 1.08-2.32 ms where the same
 * statement alone in a process of its own reads 0.53-0.81 ms.
 */
export async function measure(iterations: number, call: () => Promise<unknown>): Promise<Percentiles> {
  const warmup = Math.min(50, Math.ceil(iterations / 10));
  for (let i = 0; i < warmup; i++) await call();
  globalThis.gc?.();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await call();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export function formatMs(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}
