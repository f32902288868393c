import os from 'node:os'
import type { BenchmarkReport } from './benchmark.ts'
import type { LatencySummary } from './deliveryTracker.ts'
import type { ValidatorCost } from './validatorCost.ts'

/** The validation throughput benchmark's knobs (see `validationThroughput.ts`). */
export interface ValidationThroughputOptions {
  /** Edits of the trace replayed (its first ones). */
  edits: number
  /** Clients watching the room besides the typist. */
  receivers: number
  /** Edits sent first, unmeasured, to warm up the fresh server process and the clients. */
  warmUpEdits: number
  /** Edits typed one per update at `pacedRate` (latency). */
  pacedEdits: number
  /** Updates per second of the paced phase. */
  pacedRate: number
  /** Keystrokes per update in the flood phase (throughput) and the warm-up. */
  floodBatch: number
  /** Updates in flight (sent, not yet at every client) in the flood phase and the warm-up. */
  floodWindow: number
  /** How many times each server runs (in turn); each measure keeps its best round. */
  rounds: number
  /** Where to write the servers' CPU profiles of the measured phases, if anywhere. */
  cpuProfileDir: string | null
}

export interface PhaseResult {
  updates: number
  keystrokesPerUpdate: number
  /** From the phase's first send to its last update's arrival at the last client. */
  updatesPerSecond: number
  keystrokesPerSecond: number
  seconds: number
  /** Every (update, client) delivery. */
  latencyMs: LatencySummary
  /** Each update reaching the last of the clients. */
  toEveryClientMs: LatencySummary
  serverCpuMicrosPerUpdate: number
  /** Server CPU time / wall time of the phase (1: one core busy). */
  serverCpuShare: number
  /** The same for this process: the typist and the receiving clients. */
  clientCpuShare: number
}

export interface VariantResult {
  name: string
  label: string
  paced: PhaseResult & { offeredUpdatesPerSecond: number }
  flood: PhaseResult & { window: number }
  serverRss: { startMb: number; peakMb: number; endMb: number }
  verifiedClients: number
  textLength: number
  /**
   * Client messages the server refused during the run, by code (Draftroom's audit log): none
   * expected. (The stock y-websocket provider sends back every awareness update it receives,
   * other clients' entries included; Draftroom must drop those echoes, not refuse them.)
   */
  refusedMessages: Record<string, number>
  /** The machine's 1-minute load average when the measured phases started and ended. */
  loadAverage: { start: number; end: number }
  /**
   * Where the server spent its time in the measured phases, with BENCH_CPU_PROF; with the share
   * of its busy time in `UpdateValidator.check` (the shadow apply, the changes and the judge).
   */
  profile: { lines: string[]; validationShare: number | null } | null
}

/**
 * Draftroom with validation on is compared with these: `off` is the issue's comparison (the same
 * server with `validateUpdates: false`), the others stand-ins (a trivial judge, no server logic).
 */
const OFF_STAND_INS = ['off', 'che', 'reference']
/** The issue's target: validation costs less than a third of the throughput. */
const TARGET_RATIO = 2 / 3

const fixed = (value: number, digits = 0) => value.toFixed(digits)

/**
 * A server's best round: its flood (throughput, server CPU) from the round that passed the most
 * updates per second, its paced latencies from the round with the lowest p99; the peak memory
 * and the refusals of every round.
 */
function bestRound(rounds: readonly VariantResult[]): VariantResult {
  const pick = (better: (a: VariantResult, b: VariantResult) => boolean) =>
    rounds.reduce((best, round) => (better(round, best) ? round : best))
  const fastest = pick((a, b) => a.flood.updatesPerSecond > b.flood.updatesPerSecond)
  const steadiest = pick((a, b) => a.paced.latencyMs.p99 < b.paced.latencyMs.p99)
  const refusedMessages: Record<string, number> = {}
  for (const round of rounds) {
    for (const [code, count] of Object.entries(round.refusedMessages)) {
      refusedMessages[code] = (refusedMessages[code] ?? 0) + count
    }
  }
  return {
    ...fastest,
    paced: steadiest.paced,
    serverRss: {
      ...fastest.serverRss,
      peakMb: Math.max(...rounds.map((round) => round.serverRss.peakMb)),
    },
    refusedMessages,
  }
}

/** The table and notes of the validation throughput benchmark (`rounds`: per server). */
export function presentValidationThroughput(
  rounds: VariantResult[][],
  options: ValidationThroughputOptions,
  run: { edits: number; pacedEdits: number; validatorCost: ValidatorCost },
): BenchmarkReport {
  const results = rounds.filter((runs) => runs.length > 0).map(bestRound)
  const on = results.find((r) => r.name === 'on')
  const { validatorCost } = run
  // Validation's share of what the server spends per update; without it, the rest is left.
  const validationShare = on
    ? validatorCost.validateMicrosPerUpdate / on.flood.serverCpuMicrosPerUpdate
    : NaN
  const ratios = OFF_STAND_INS.flatMap((name) => {
    const off = results.find((r) => r.name === name)
    if (!on || !off) return []
    return [
      {
        against: name,
        throughput: on.flood.updatesPerSecond / off.flood.updatesPerSecond,
        // Capacity: what a fully busy server core would pass, 1 / (CPU time per update).
        serverCapacity: off.flood.serverCpuMicrosPerUpdate / on.flood.serverCpuMicrosPerUpdate,
        pacedP99: on.paced.latencyMs.p99 / off.paced.latencyMs.p99,
      },
    ]
  })
  const verdict = (ratio: number) =>
    `${fixed(ratio, 2)} (${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`
  return {
    title:
      `Validation throughput: automerge-paper, first ${run.edits} edits, ` +
      `${options.receivers} clients`,
    columns: [
      'server',
      'updates/s',
      'keys/s',
      'server µs/update',
      'server CPU',
      'client CPU',
      'flood p50/p99 ms',
      'paced p50/p99 ms',
      'paced p99 all ms',
      'server RSS MB start/peak',
      'text',
    ],
    rows: results.map((r) => [
      r.label,
      fixed(r.flood.updatesPerSecond),
      fixed(r.flood.keystrokesPerSecond),
      fixed(r.flood.serverCpuMicrosPerUpdate),
      `${fixed(r.flood.serverCpuShare * 100)}%`,
      `${fixed(r.flood.clientCpuShare * 100)}%`,
      `${fixed(r.flood.latencyMs.p50, 1)} / ${fixed(r.flood.latencyMs.p99, 1)}`,
      `${fixed(r.paced.latencyMs.p50, 1)} / ${fixed(r.paced.latencyMs.p99, 1)}`,
      fixed(r.paced.toEveryClientMs.p99, 1),
      `${r.serverRss.startMb} / ${r.serverRss.peakMb}`,
      `ok, ${r.verifiedClients} clients`,
    ]),
    notes: [
      ...ratios.map(
        (r) =>
          `validation on / ${r.against}: throughput ${verdict(r.throughput)}, server capacity ` +
          `${verdict(r.serverCapacity)}, paced p99 x${fixed(r.pacedP99, 2)} ` +
          `(target: on >= ${fixed(TARGET_RATIO, 2)} of off)`,
      ),
      `in-process, the same ${validatorCost.updates} flood updates as FRA (validatorCost.ts): ` +
        `validation ${fixed(validatorCost.validateMicrosPerUpdate)} µs/update, live apply ` +
        `${fixed(validatorCost.applyMicrosPerUpdate)} µs/update; that is ` +
        `${fixed(validationShare * 100, 1)}% of the server's CPU per flood update (on), ` +
        `so on / off (validation alone removed) ~ ${verdict(1 - validationShare)}`,
      'updates/s: flood phase, first send to the last client applying the last update; server ' +
        'µs/update: server process CPU time per flood update (capacity = 1 / that); server/client ' +
        'CPU: share of one core used during the flood by the server process / by the process of ' +
        'the typist and the clients',
      `best of ${options.rounds} round(s) per server: flood columns from its fastest round, ` +
        'paced from its lowest p99 (every round in the results file)',
      `flood: ${options.floodBatch} keystrokes per update, ${options.floodWindow} updates in ` +
        `flight; paced: ${run.pacedEdits} updates of 1 keystroke at ${options.pacedRate}/s ` +
        '(paced p99 all: each update reaching the last client)',
      `load average (1 min) at the start of the measured phases: ${results
        .map((r) => `${r.name} ${fixed(r.loadAverage.start, 1)}`)
        .join(', ')} on ${os.cpus().length} cores (above that, other processes skew the times)`,
      `client messages the server refused (audit log): ${results
        .map((r) => `${r.name} ${JSON.stringify(r.refusedMessages)}`)
        .join(', ')}`,
      ...results.flatMap(({ label, profile }) =>
        profile?.validationShare != null
          ? [
              `${label}: validation (UpdateValidator.check) takes ` +
                `${fixed(profile.validationShare * 100, 1)}% of the server's busy time; ` +
                `without it, on / off capacity would be about ` +
                `${verdict(1 - profile.validationShare)}`,
            ]
          : [],
      ),
      ...results.flatMap((r) =>
        r.profile ? [`CPU profile, ${r.label}:`, ...r.profile.lines] : [],
      ),
    ],
    results: { options, best: results, ratios, validatorCost, rounds },
  }
}
