import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'

/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: per function, its
 * self time and its total time (with what it calls; a function counted once per sample even
 * when recursive). Run alone: `node --import tsx tests/bench/cpuProfile.ts <file> [top]`.
 */

const CpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number(),
      }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
})

export interface FunctionTime {
  name: string
  /** File (relative to the repository or node_modules) and line. */
  location: string
  selfMs: number
  totalMs: number
  selfShare: number
  totalShare: number
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)'])

export function summarizeCpuProfile(file: string): {
  busyMs: number
  idleMs: number
  gcMs: number
  functions: FunctionTime[]
} {
  const profile = CpuProfile.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  const parentOf = new Map<number, number>()
  const keyOf = new Map<number, string>()
  const frames = new Map<string, { name: string; location: string }>()
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id)
    const { functionName, url, lineNumber } = node.callFrame
    const name = functionName || '(anonymous)'
    const location = url ? `${shortPath(url)}:${lineNumber + 1}` : ''
    const key = `${name} ${location}`
    keyOf.set(node.id, key)
    frames.set(key, { name, location })
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let idleMs = 0
  let gcMs = 0
  let busyMs = 0
  profile.samples.forEach((nodeId, i) => {
    // A sample's time is the delta to the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1_000
    const key = keyOf.get(nodeId) ?? '?'
    const name = frames.get(key)?.name ?? '?'
    if (name === '(idle)') idleMs += ms
    else busyMs += ms
    if (name === '(garbage collector)') gcMs += ms
    self.set(key, (self.get(key) ?? 0) + ms)
    const seen = new Set<string>()
    for (let id: number | undefined = nodeId; id !== undefined; id = parentOf.get(id)) {
      const stackKey = keyOf.get(id) ?? '?'
      if (seen.has(stackKey)) continue
      seen.add(stackKey)
      total.set(stackKey, (total.get(stackKey) ?? 0) + ms)
    }
  })
  const functions = [...frames.entries()]
    .filter(([, frame]) => !IDLE.has(frame.name) || frame.name === '(garbage collector)')
    .map(([key, frame]) => ({
      ...frame,
      selfMs: self.get(key) ?? 0,
      totalMs: total.get(key) ?? 0,
      selfShare: (self.get(key) ?? 0) / busyMs,
      totalShare: (total.get(key) ?? 0) / busyMs,
    }))
  return { busyMs, idleMs, gcMs, functions }
}

function shortPath(url: string): string {
  const file = url.startsWith('file://') ? new URL(url).pathname : url
  const modules = file.lastIndexOf('node_modules/')
  if (modules >= 0) return file.slice(modules + 'node_modules/'.length)
  return path.relative(process.cwd(), file)
}

/**
 * As printable lines: the `focus` functions' total time, then the `top` functions by self
 * time and by total time.
 */
export function describeCpuProfile(
  file: string,
  options: { top?: number; focus?: readonly string[] } = {},
): string[] {
  const top = options.top ?? 15
  const focus = options.focus ?? []
  const { busyMs, idleMs, gcMs, functions } = summarizeCpuProfile(file)
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`.padStart(6)
  const line = (f: FunctionTime, share: number) => `${percent(share)}  ${f.name}  ${f.location}`
  const bySelf = [...functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)
  const byTotal = [...functions]
    .filter((f) => f.location && !f.location.startsWith('node:'))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, top)
  const focused = focus.flatMap((name) => {
    const matches = functions.filter((f) => f.name === name)
    return matches.length > 0 ? [matches.reduce((a, b) => (a.totalMs > b.totalMs ? a : b))] : []
  })
  return [
    `${path.basename(file)}: busy ${Math.round(busyMs)} ms, idle ${Math.round(idleMs)} ms, ` +
      `GC ${Math.round(gcMs)} ms`,
    ...(focused.length > 0 ? ['total time of chosen functions (share of busy):'] : []),
    ...focused.map((f) => line(f, f.totalShare)),
    'self time (share of busy):',
    ...bySelf.map((f) => line(f, f.selfShare)),
    'total time, with callees (share of busy):',
    ...byTotal.map((f) => line(f, f.totalShare)),
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, top] = process.argv.slice(2)
  if (!file) throw new Error('usage: cpuProfile.ts <file.cpuprofile> [top]')
  for (const line of describeCpuProfile(file, { top: top ? Number(top) : 15 })) console.log(line)
}
