import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/**
 * A server under test in its own process, so that its CPU time and memory are its own and the
 * 50 clients do not compete with it for the same event loop. Talks to `serverProcess.ts` over
 * the IPC channel.
 */

export const SERVER_KINDS = ['draftroom', 'reference'] as const
export type ServerKind = (typeof SERVER_KINDS)[number]

export const ServerStats = z.object({
  /** Resident set size of the server process, bytes. */
  rss: z.number(),
  heapUsed: z.number(),
  /** User + system CPU time the server process has used since it started, microseconds. */
  cpuMicros: z.number(),
})
export type ServerStats = z.infer<typeof ServerStats>

export const ParentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stats'), id: z.number() }),
  z.object({ type: z.literal('close') }),
])
export type ParentMessage = z.infer<typeof ParentMessage>

export const ChildMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string() }),
  z.object({ type: z.literal('stats'), id: z.number(), stats: ServerStats }),
])
export type ChildMessage = z.infer<typeof ChildMessage>

export interface ChildServer {
  url: string
  stats(): Promise<ServerStats>
  close(): Promise<void>
}

const SERVER_PROCESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'serverProcess.ts')
const START_TIMEOUT_MS = 30_000

/**
 * Starts a server process. With `cpuProfile`, the process runs under `node --cpu-prof` and
 * writes `<name>.cpuprofile` into `cpuProfile.dir` when it exits.
 */
export function forkServer(props: {
  kind: ServerKind
  seedFile?: string
  cpuProfile?: { dir: string; name: string }
}): Promise<ChildServer> {
  const profileArgs = props.cpuProfile
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${props.cpuProfile.dir}`,
        `--cpu-prof-name=${props.cpuProfile.name}.cpuprofile`,
      ]
    : []
  const child = fork(SERVER_PROCESS, [props.kind, ...(props.seedFile ? [props.seedFile] : [])], {
    execArgv: ['--import', 'tsx', ...profileArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pendingStats = new Map<number, (stats: ServerStats) => void>()
  let nextId = 1
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const request = (message: ParentMessage) => child.send(message)

  return new Promise<ChildServer>((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill()
      reject(new Error(`${props.kind} server did not start in ${START_TIMEOUT_MS} ms`))
    }, START_TIMEOUT_MS)
    exited
      .then((code) => reject(new Error(`${props.kind} server exited (${code}) before it started`)))
      .catch(reject)
    child.on('message', (raw) => {
      const message = ChildMessage.parse(raw)
      switch (message.type) {
        case 'ready':
          clearTimeout(timeout)
          resolve({
            url: message.url,
            stats: () =>
              new Promise<ServerStats>((resolveStats) => {
                const id = nextId++
                pendingStats.set(id, resolveStats)
                request({ type: 'stats', id })
              }),
            close: async () => {
              request({ type: 'close' })
              await exited
            },
          })
          return
        case 'stats':
          pendingStats.get(message.id)?.(message.stats)
          pendingStats.delete(message.id)
          return
      }
    })
  })
}
