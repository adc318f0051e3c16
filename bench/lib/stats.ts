/** Order statistics and a result line, shared by the benchmarks. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: number[]) => quantile(values, 0.5);

/** Median of the rounds with their spread, as reported. */
export function summary(rounds: number[]): { median: number; min: number; max: number; rounds: number[] } {
  const r = rounds.map((x) => Math.round(x * 100) / 100);
  return { median: median(r), min: Math.min(...r), max: Math.max(...r), rounds: r };
}

export const quick = process.argv.includes("--quick");

/** A benchmark process prints one JSON line (prefixed) that the runner picks up. */
export function report(result: Record<string, unknown>): void {
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

export const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
