import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Benchmark, BenchmarkReport } from './benchmark.ts'
import { browserTyping } from './browserTyping.ts'
import { benchCompareRevisions } from './compareRevisions.ts'
import { clusterFanOut } from './clusterFanOut.ts'
import { coldSync } from './coldSync.ts'
import { concurrentReplay } from './concurrentReplay.ts'
import { fanOut } from './fanOut.ts'
import { manyRooms } from './manyRooms.ts'
import { storageCommit } from './storageCommit.ts'
import { underAttack } from './underAttack.ts'
import { validationThroughput } from './validationThroughput.ts'
import { benchWordRoundTrip } from './wordRoundTrip.ts'

/**
 * `npm run bench`: runs every benchmark in sequence, prints a table for each and writes the
 * results to `bench-results.json` at the repository root. Knobs are environment variables,
 * listed in each benchmark (e.g. BENCH_EDITS).
 */

/** DESIGN.md section 9: comparing two full revisions takes under 100 ms. */
const COMPARE_TARGET_MS = 100

const compareRevisions: Benchmark = {
  name: 'compareRevisions',
  run: async () => {
    const results = await benchCompareRevisions()
    const timings = Object.entries(results).filter(([key]) => key.startsWith('compareDrafts'))
    return {
      title: 'Comparing two full revisions (compareRevisions.ts)',
      columns: ['measure', 'value'],
      rows: Object.entries(results).map(([key, value]) => [key, Number(value.toFixed(2))]),
      notes: timings.map(
        ([key, ms]) =>
          `${key}: ${ms.toFixed(1)} ms, target < ${COMPARE_TARGET_MS} ms: ` +
          `${ms < COMPARE_TARGET_MS ? 'met' : 'NOT met'}`,
      ),
      results,
    }
  },
}

const wordRoundTrip: Benchmark = {
  name: 'wordRoundTrip',
  run: async () => {
    const results = await benchWordRoundTrip()
    return {
      title: 'Word round trip, full compact with 500 proposals (wordRoundTrip.ts)',
      columns: ['measure', 'value'],
      rows: Object.entries(results),
      notes: [],
      results,
    }
  },
}

const BENCHMARKS: Benchmark[] = [
  validationThroughput,
  fanOut,
  coldSync,
  manyRooms,
  compareRevisions,
  wordRoundTrip,
  concurrentReplay,
  storageCommit,
  browserTyping,
  underAttack,
  clusterFanOut,
]
const RESULTS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../bench-results.json',
)

function formatTable(columns: string[], rows: (string | number)[][]): string {
  const cells = [columns, ...rows.map((row) => row.map(String))]
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)))
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join(' | ')
  return [
    line(columns),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map((row) => line(row.map(String))),
  ].join('\n')
}

function print(report: BenchmarkReport): void {
  console.log(`\n${report.title}\n`)
  console.log(formatTable(report.columns, report.rows))
  console.log('')
  for (const note of report.notes) console.log(`- ${note}`)
}

// `npm run bench -- fanOut coldSync` (or BENCH_ONLY=fanOut,coldSync): only those benchmarks.
const only = [...process.argv.slice(2), ...(process.env.BENCH_ONLY ?? '').split(',')].filter(
  (name) => name !== '',
)
const unknown = only.filter((name) => !BENCHMARKS.some((b) => b.name === name))
if (unknown.length > 0) {
  throw new Error(
    `no benchmark ${unknown.join(', ')}; there are ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  )
}
const started = new Date()
const results: Record<string, unknown> = {}
for (const benchmark of BENCHMARKS) {
  if (only.length > 0 && !only.includes(benchmark.name)) continue
  const report = await benchmark.run()
  print(report)
  results[benchmark.name] = report.results
}
const cpus = os.cpus()
fs.writeFileSync(
  RESULTS_FILE,
  `${JSON.stringify(
    {
      startedAt: started.toISOString(),
      seconds: Math.round((Date.now() - started.getTime()) / 1_000),
      machine: { node: process.version, cpus: cpus.length, cpu: cpus[0]?.model ?? null },
      results,
    },
    null,
    2,
  )}\n`,
)
console.log(`\nresults: ${path.relative(process.cwd(), RESULTS_FILE)}`)
