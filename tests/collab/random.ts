/** A small seeded PRNG (mulberry32), so that a failing fuzz run can be replayed by its seed. */
export class Random {
  #state: number

  constructor(readonly seed: number) {
    this.#state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }

  /** An integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below)
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[this.int(items.length)]!
  }

  bytes(length: number): Uint8Array {
    const bytes = new Uint8Array(length)
    for (let i = 0; i < length; i++) bytes[i] = this.int(256)
    return bytes
  }

  /** A short run of text, French typography included. */
  text(maxLength: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz      éèàçœ’«»\u00a0,.;'
    let text = ''
    const length = 1 + this.int(maxLength)
    for (let i = 0; i < length; i++) text += alphabet[this.int(alphabet.length)]
    return text
  }
}

/** Seeds from `FUZZ_SEEDS` (`"3,17"`), else `count` seeds from 1. */
export function fuzzSeeds(count: number): number[] {
  const fromEnv = process.env.FUZZ_SEEDS
  if (fromEnv) {
    const seeds = fromEnv.split(',').map((part) => Number(part.trim()))
    if (seeds.some((seed) => !Number.isInteger(seed))) {
      throw new Error(`FUZZ_SEEDS must be integers separated by commas, got ${fromEnv}`)
    }
    return seeds
  }
  return Array.from({ length: count }, (_, i) => i + 1)
}
