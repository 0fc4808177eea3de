/**
 * A small seeded PRNG for the data generator: mulberry32 (32-bit state, fast, good enough for
 * picking mixes — not for anything secret). Each appeal draws from a stream of its own, derived
 * from (seed, index), so that appeal n is the same whatever the number of appeals asked for.
 */

/** Murmur3's finaliser: spreads neighbouring integers over the whole 32-bit range. */
function mix32(value: number): number {
  let h = value >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Random {
  readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  /** The stream of item `index` under `seed`. */
  static forItem(seed: number, index: number): Random {
    return new Random(mix32(mix32(seed) ^ mix32(index + 0x632be5ab)))
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][]
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    let r = this.next() * total
    for (const [key, w] of entries) {
      r -= w
      if (r < 0) return key
    }
    return entries[entries.length - 1]![0]
  }
}

/**
 * Picks indexes in proportion to fixed weights in O(log n): the cumulative sums are computed
 * once (filing days over a year, enterprises of a city).
 */
export class WeightedIndex {
  private readonly cumulative: number[]

  constructor(weights: readonly number[]) {
    let sum = 0
    this.cumulative = weights.map((w) => (sum += w))
    if (sum <= 0) throw new Error('weights must add up to more than zero')
  }

  draw(random: Random): number {
    const r = random.next() * this.cumulative[this.cumulative.length - 1]!
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.cumulative[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}
