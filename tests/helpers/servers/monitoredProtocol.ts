import { z } from 'zod'

/**
 * What `MonitoredServer` and its process (`monitoredServerMain.ts`) say to each other over the
 * IPC channel: every request carries an id, answered once.
 */

/** Draftroom, or the plain y-websocket loop benchmarks compare it with. */
export const SERVER_KINDS = ['draftroom', 'reference'] as const
export type ServerKind = (typeof SERVER_KINDS)[number]

/** What the server process reports about itself. */
export const ServerStats = z.object({
  /** Resident set size, bytes. */
  rss: z.number(),
  /** What the process holds (after a collection, if one was asked for): JS heap and buffers. */
  heapUsed: z.number(),
  arrayBuffers: z.number(),
  /** User + system CPU time the process has used since it started, microseconds. */
  cpuMicros: z.number(),
  /** The longest the event loop was blocked since the last reset, ms. */
  maxLoopDelayMs: z.number(),
  p99LoopDelayMs: z.number(),
})
export type ServerStats = z.infer<typeof ServerStats>

/** `startServer`'s options a monitored server may be given (JSON, through the environment). */
export const MonitoredServerOptions = z.object({
  validateUpdates: z.boolean().optional(),
  roomIdleMs: z.number().optional(),
  /** The per-user budgets (WriterBudget). */
  writerLimits: z
    .object({
      bytes: z.number(),
      items: z.number(),
      refusals: z.number(),
      connections: z.number(),
      requests: z.number(),
      messages: z.number(),
    })
    .partial()
    .optional(),
})
export type MonitoredServerOptions = z.infer<typeof MonitoredServerOptions>
export const SERVER_OPTIONS_ENV = 'MONITORED_SERVER_OPTIONS'

export const ParentMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('stats'),
    id: z.number(),
    /** Run a full collection first: garbage a collection would free is not held memory. */
    collectGarbage: z.boolean(),
    /** Start a new measurement of the event-loop delay after this one. */
    resetLoopDelay: z.boolean(),
  }),
  /** Starts the V8 CPU profiler (what `node --cpu-prof` runs), for the measured phases only. */
  z.object({ type: z.literal('startProfile'), id: z.number() }),
  /** Stops it and writes the profile (`.cpuprofile`, as `--cpu-prof` does) to `file`. */
  z.object({ type: z.literal('stopProfile'), id: z.number(), file: z.string() }),
  z.object({ type: z.literal('close') }),
])
export type ParentMessage = z.infer<typeof ParentMessage>

export const ChildMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), port: z.number() }),
  z.object({ type: z.literal('stats'), id: z.number(), stats: ServerStats }),
  z.object({ type: z.literal('done'), id: z.number() }),
])
export type ChildMessage = z.infer<typeof ChildMessage>
