import fs from 'node:fs'

/**
 * Linux counts a process's CPU time in clock ticks (`getconf CLK_TCK`), 100 a second on every
 * architecture Linux runs Node on; /proc/<pid>/stat has no way to say otherwise.
 */
const MICROS_PER_TICK = 1_000_000 / 100

/**
 * User + system CPU time a child process has used so far, in microseconds, read from
 * /proc/<pid>/stat (fields 14 and 15): the bench's servers run as plain children here, without
 * the IPC channel `MonitoredServer` asks `process.cpuUsage()` through. Resolution: 10 ms.
 */
export function processCpuMicros(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`unreadable /proc/${pid}/stat`)
  }
  return (utime + stime) * MICROS_PER_TICK
}

/** CPU time used by all of `pids` together, microseconds. */
export function totalCpuMicros(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + processCpuMicros(pid), 0)
}
