/**
 * Seeds of the fault tests: from an environment variable (`CRASH_SEEDS=3,17`) to replay a
 * failing run, else `count` seeds from `first`. A failing seed is printed in the failure message
 * with the variable that replays it.
 */
export function seedsFromEnv(variable: string, count: number, first = 1): number[] {
  const fromEnv = process.env[variable]
  if (fromEnv) {
    const seeds = fromEnv.split(',').map((part) => Number(part.trim()))
    if (seeds.some((seed) => !Number.isInteger(seed))) {
      throw new Error(`${variable} must be integers separated by commas, got ${fromEnv}`)
    }
    return seeds
  }
  return Array.from({ length: count }, (_, i) => first + i)
}

/** A positive integer from the environment (a count, a duration), else `fallback`. */
export function numberFromEnv(variable: string, fallback: number): number {
  const raw = process.env[variable]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${variable} must be a positive integer, got ${raw}`)
  }
  return value
}

/**
 * Runs one seed; on failure rethrows with the seed, how to replay it and the last steps of
 * `trace`, so that the report says which run to replay.
 */
export async function runSeed(
  props: { seed: number; variable: string; trace: string[] },
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(
      `seed ${props.seed} failed (replay: ${props.variable}=${props.seed}): ${message}\n` +
        `last steps:\n${props.trace.slice(-25).join('\n')}`,
      { cause: error },
    )
  }
}

export const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))
