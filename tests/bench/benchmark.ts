/** What every benchmark of `npm run bench` returns: a table to print and results to store. */
export interface BenchmarkReport {
  title: string
  columns: string[]
  rows: (string | number)[][]
  /** Lines printed under the table (ratios, targets, how it was measured). */
  notes: string[]
  /** Written to `bench-results.json` under the benchmark's name. */
  results: unknown
}

export interface Benchmark {
  name: string
  run(): Promise<BenchmarkReport>
}

/** A positive integer from the environment, or `fallback`. */
export function envInteger(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw.replaceAll('_', ''))
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`)
  }
  return value
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
