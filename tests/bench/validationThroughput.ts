import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CO_FACILITATORS } from '../../shared/draft/index.ts'
import { envInteger, sleep, type Benchmark, type BenchmarkReport } from './benchmark.ts'
import {
  MemorySampler,
  startBenchServer,
  type BenchServer,
  type DraftroomBenchOptions,
  type ServerKind,
} from './benchServer.ts'
import { describeCpuProfile, summarizeCpuProfile } from './cpuProfile.ts'
import { DeliveryTracker } from './deliveryTracker.ts'
import { loadSequentialTrace, toTextOperations } from './editingTrace.ts'
import { planReplay, type ReplayPhase, type ReplayPlan } from './replayPlan.ts'
import { countUpdatesFrom, openTypingRoom, typeOperations } from './typingRoom.ts'
import { measureValidatorCost, type ValidatorCost } from './validatorCost.ts'
import {
  presentValidationThroughput,
  type PhaseResult,
  type ValidationThroughputOptions,
  type VariantResult,
} from './validationReport.ts'

/**
 * The validation benchmark of the tracked-proposals issue (DESIGN.md sections 3 and 9): one
 * delegation types a real trace (automerge-paper) as its proposal, a new paragraph, through the
 * real server, while 50 stock y-websocket clients watch the same room. After an unmeasured
 * warm-up (each server is a fresh process):
 *
 * - paced: one keystroke per update at a fixed rate; latency from an update leaving the typist
 *   to its arrival (applied) at each other client;
 * - flood: a few keystrokes per update, the typist keeping a window of updates in flight
 *   (sent, not yet at every client); updates per second committed and broadcast to every
 *   client, and the server's CPU time per update;
 * - the server process's RSS throughout.
 *
 * Four servers, each in a child process of its own: Draftroom with the typist as FRA
 * (validation on: shadow apply and the delegation's judge), the same with validation off
 * (`startServer({ validateUpdates: false })`: the issue's on / off comparison), Draftroom with the typist as the
 * co-facilitator `che` (the same shadow apply, a trivial judge), and the plain y-websocket loop
 * (`referenceServer.ts`: no validation, no storage, no auth). At the end every client, and one
 * that joins afterwards, must hold exactly the text the trace produces. Last, the same updates
 * go through the validator alone, in this process (`validatorCost.ts`): what validation costs
 * per update, without sockets or storage.
 *
 * Each server runs BENCH_ROUNDS times, the servers in turn; the table shows each measure's
 * best round (the least disturbed by other processes on the machine), the results file every
 * round.
 *
 * Environment: BENCH_EDITS (10,000), BENCH_CLIENTS (50), BENCH_WARMUP_EDITS (1,000),
 * BENCH_PACED_EDITS (1,000), BENCH_PACED_RATE (100 updates/s), BENCH_BATCH (4 keystrokes per
 * flood update), BENCH_WINDOW (16 updates in flight), BENCH_ROUNDS (1; the four servers take about
 * half of `npm run bench`'s time), BENCH_CPU_PROF (a
 * directory: profile the servers during the measured phases and summarize the profiles).
 */

const DELIVERY_TIMEOUT_MS = 60_000
const PROFILE_TOP_FUNCTIONS = 12
/** The server's steps for one update, whose total time a profile reports. */
const PROFILE_FOCUS = [
  'handleUpdate',
  'receiveUpdate',
  'check',
  'findStructuralProblem',
  'collectDraftChanges',
  'judgeDraftChange',
  'readProposal',
  'recordNewProposals',
  'flush',
  'append',
  'broadcast',
  'compact',
  'handlePresence',
  'messageListener',
]

export const optionsFromEnv = (): ValidationThroughputOptions => ({
  edits: envInteger('BENCH_EDITS', 10_000),
  receivers: envInteger('BENCH_CLIENTS', 50),
  warmUpEdits: envInteger('BENCH_WARMUP_EDITS', 1_000),
  pacedEdits: envInteger('BENCH_PACED_EDITS', 1_000),
  pacedRate: envInteger('BENCH_PACED_RATE', 100),
  floodBatch: envInteger('BENCH_BATCH', 4),
  floodWindow: envInteger('BENCH_WINDOW', 16),
  rounds: envInteger('BENCH_ROUNDS', 1),
  cpuProfileDir: process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null,
})

interface Variant {
  name: string
  label: string
  server: ServerKind
  /** Draftroom's `startServer` options (validation off). */
  options?: DraftroomBenchOptions
  /** The demo account that types (the reference has no accounts). */
  typist: string
  proposer: string
}

const VARIANTS: Variant[] = [
  {
    name: 'on',
    label: 'Draftroom, FRA (validation on)',
    server: 'draftroom',
    typist: 'fra',
    proposer: 'FRA',
  },
  {
    name: 'off',
    label: 'Draftroom, FRA (validation off)',
    server: 'draftroom',
    options: { validateUpdates: false },
    typist: 'fra',
    proposer: 'FRA',
  },
  {
    name: 'che',
    label: 'Draftroom, che (trivial judge)',
    server: 'draftroom',
    typist: 'che',
    proposer: CO_FACILITATORS,
  },
  {
    name: 'reference',
    label: 'reference y-websocket loop',
    server: 'reference',
    typist: 'fra',
    proposer: 'FRA',
  },
]

/** One server, one typist, the receivers: the trace replayed, measured and checked. */
async function runVariant(props: {
  variant: Variant
  options: ValidationThroughputOptions
  plan: ReplayPlan
  finalText: string
  /** The demo draft as Draftroom serves it, which the reference serves too. */
  seedFile: string
}): Promise<VariantResult> {
  const { variant, options, plan, finalText } = props
  if (variant.server === 'reference' && !fs.existsSync(props.seedFile)) {
    throw new Error('the reference serves the demo draft of a Draftroom run: run one first')
  }
  const server = await startBenchServer({
    kind: variant.server,
    ...(variant.options ? { options: variant.options } : {}),
    ...(variant.server === 'reference' ? { seedFile: props.seedFile } : {}),
  })
  const memory = new MemorySampler(server)
  let closeRoom = () => {}
  try {
    const room = await openTypingRoom({
      url: server.url,
      isDraftroom: variant.server === 'draftroom',
      typistAccount: variant.typist,
      ref: { proposalId: `bench-${variant.name}`, delegation: variant.proposer },
      receiverCount: options.receivers,
      // With validation off, Draftroom writes no proposal record.
      expectsProposalRecord:
        variant.server === 'draftroom' && variant.options?.validateUpdates !== false,
    })
    closeRoom = () => room.close()
    if (!fs.existsSync(props.seedFile)) fs.writeFileSync(props.seedFile, room.initialState)

    const { typist, text, attributes } = room
    const tracker = new DeliveryTracker(plan.updates.length, room.receivers.length)
    room.receivers.forEach((receiver, index) =>
      countUpdatesFrom(receiver.doc, typist.doc.clientID, () =>
        tracker.markArrived(index, performance.now()),
      ),
    )
    const send = (update: number) => {
      typeOperations(text, plan.updates[update]!, attributes)
      // The provider has handed the update to its WebSocket, synchronously, in the transaction.
      tracker.markSent(update, performance.now())
    }
    const sendWindowed = async ({ from, to }: ReplayPhase) => {
      for (let k = from; k < to; k++) {
        if (k - tracker.deliveredToAll >= options.floodWindow) {
          await tracker.whenDelivered(k - options.floodWindow + 1, DELIVERY_TIMEOUT_MS)
        }
        send(k)
      }
      await tracker.whenDelivered(to, DELIVERY_TIMEOUT_MS)
    }
    const sendPaced = async ({ from, to }: ReplayPhase) => {
      const start = performance.now()
      for (let k = from; k < to; k++) {
        const wait = start + ((k - from) * 1_000) / options.pacedRate - performance.now()
        if (wait > 1) await sleep(wait)
        send(k)
      }
      await tracker.whenDelivered(to, DELIVERY_TIMEOUT_MS)
    }

    await sendWindowed(plan.warmUp)
    const loadAverageStart = os.loadavg()[0] ?? 0
    await memory.start()
    if (options.cpuProfileDir) await server.startProfile()
    const paced = await measurePhase(server, tracker, plan.paced, () => sendPaced(plan.paced))
    const flood = await measurePhase(server, tracker, plan.flood, () => sendWindowed(plan.flood))
    const profileFile = options.cpuProfileDir
      ? path.join(options.cpuProfileDir, `server-${variant.name}.cpuprofile`)
      : null
    if (profileFile) await server.stopProfile(profileFile)
    await memory.stop()
    const loadAverageEnd = os.loadavg()[0] ?? 0

    // Correctness: every client, and one that joins now (the server's state), has the text.
    const latecomer = await room.connectLatecomer()
    for (const [index, client] of [typist, ...room.receivers, latecomer].entries()) {
      room.expectText(client, finalText, index === 0 ? 'the typist' : `client ${index}`)
    }
    // Presence is not the typing: its refusals are counted in `refusedMessages` below.
    const refusals = typist.notices.filter((notice) => notice.code !== 'forged_presence')
    if (refusals.length > 0) {
      throw new Error(`the server refused: ${refusals.map((n) => n.message).join('; ')}`)
    }

    return {
      name: variant.name,
      label: variant.label,
      paced: { ...paced, offeredUpdatesPerSecond: options.pacedRate },
      flood: { ...flood, window: options.floodWindow },
      serverRss: memory.summary(),
      verifiedClients: room.receivers.length + 2,
      textLength: finalText.length,
      refusedMessages: await room.refusedMessages(),
      loadAverage: { start: loadAverageStart, end: loadAverageEnd },
      profile: profileFile
        ? {
            lines: describeCpuProfile(profileFile, {
              top: PROFILE_TOP_FUNCTIONS,
              focus: PROFILE_FOCUS,
            }),
            validationShare: validationShare(profileFile),
          }
        : null,
    }
  } finally {
    await memory.stop()
    closeRoom()
    await server.dispose()
  }
}

/** The share of the server's busy time spent in `UpdateValidator.check`, from a profile. */
function validationShare(profileFile: string): number | null {
  const check = summarizeCpuProfile(profileFile).functions.find(
    (f) => f.name === 'check' && f.location.includes('UpdateValidator'),
  )
  return check ? check.totalShare : null
}

/** Runs one phase (`drive` sends its updates and waits for them) and measures it. */
async function measurePhase(
  server: BenchServer,
  tracker: DeliveryTracker,
  phase: ReplayPhase,
  drive: () => Promise<void>,
): Promise<PhaseResult> {
  const { from, to } = phase
  const serverBefore = await server.stats()
  const clientCpuBefore = process.cpuUsage()
  const wallStart = performance.now()
  const bookmark = tracker.recordedLatencies
  await drive()
  const wallMicros = (performance.now() - wallStart) * 1_000
  const clientCpu = process.cpuUsage(clientCpuBefore)
  const serverCpuMicros = (await server.stats()).cpuMicros - serverBefore.cpuMicros
  const { updatesPerSecond, seconds } = tracker.throughput(from, to)
  return {
    updates: to - from,
    keystrokesPerUpdate: phase.keystrokesPerUpdate,
    updatesPerSecond,
    keystrokesPerSecond: updatesPerSecond * phase.keystrokesPerUpdate,
    seconds,
    latencyMs: tracker.deliveryLatency(bookmark, tracker.recordedLatencies),
    toEveryClientMs: tracker.everyoneLatency(from, to),
    serverCpuMicrosPerUpdate: serverCpuMicros / (to - from),
    serverCpuShare: serverCpuMicros / wallMicros,
    clientCpuShare: (clientCpu.user + clientCpu.system) / wallMicros,
  }
}

/** Runs the benchmark and presents its results. */
export async function runValidationThroughput(
  options: ValidationThroughputOptions = optionsFromEnv(),
): Promise<BenchmarkReport> {
  const trace = loadSequentialTrace()
  const edits = trace.edits.slice(0, options.edits)
  const { operations, finalText } = toTextOperations(trace.startContent, edits)
  const plan = planReplay(operations, {
    warmUpEdits: options.warmUpEdits,
    pacedEdits: options.pacedEdits,
    batch: options.floodBatch,
  })
  if (options.cpuProfileDir) fs.mkdirSync(options.cpuProfileDir, { recursive: true })
  // Every stock client's provider listens to the process's 'exit'.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 2 * options.receivers + 10))
  const count = ({ from, to }: ReplayPhase) => to - from
  console.log(
    `validation throughput: ${edits.length} of the trace's ${trace.edits.length} edits, ` +
      `${options.receivers} clients; warm-up ${count(plan.warmUp)} updates, paced ` +
      `${count(plan.paced)} at ${options.pacedRate}/s, flood ${count(plan.flood)} of ` +
      `${options.floodBatch} keystrokes, window ${options.floodWindow}`,
  )
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftroom-bench-'))
  const seedFile = path.join(seedDir, 'demo-draft.bin')
  const rounds: VariantResult[][] = VARIANTS.map(() => [])
  let validatorCost: ValidatorCost
  try {
    // Rounds interleave the servers, so that a disturbance (another process) hits one round of
    // each rather than every round of one.
    for (let round = 1; round <= options.rounds; round++) {
      for (const [index, variant] of VARIANTS.entries()) {
        const started = performance.now()
        const result = await runVariant({ variant, options, plan, finalText, seedFile })
        console.log(
          `  round ${round}, ${variant.label}: ` +
            `${Math.round(result.flood.updatesPerSecond)} updates/s, ` +
            `${Math.round(result.flood.serverCpuMicrosPerUpdate)} µs of server CPU per update, ` +
            `paced p99 ${result.paced.latencyMs.p99.toFixed(1)} ms ` +
            `(${((performance.now() - started) / 1_000).toFixed(1)} s)`,
        )
        rounds[index]!.push(result)
      }
    }
    validatorCost = measureValidatorCost({
      seed: fs.readFileSync(seedFile),
      updates: plan.updates,
      timedFrom: plan.flood.from,
      ref: { proposalId: 'bench-in-process', delegation: 'FRA' },
    })
  } finally {
    fs.rmSync(seedDir, { recursive: true, force: true })
  }
  return presentValidationThroughput(rounds, options, {
    edits: edits.length,
    pacedEdits: count(plan.paced),
    validatorCost,
  })
}

export const validationThroughput: Benchmark = {
  name: 'validationThroughput',
  run: () => runValidationThroughput(),
}
