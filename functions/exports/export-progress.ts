/**
 * When a running export writes its progress: after at least EVERY_ROWS more rows or EVERY_MS
 * since the last write, whichever comes first — often enough for a progress bar, rarely enough
 * that a city's export costs a few dozen writes. The total is an upper-bound estimate (the
 * report's received + withdrawn + closed: an appeal can be in two of them but is listed once),
 * so `done` is clamped to it until the end, when both become the real count.
 */
export const EVERY_ROWS = 500
export const EVERY_MS = 1000

export interface Progress {
  done: number
  total: number
}

export function progressThrottle(total: number, now: () => number) {
  let lastRows = 0
  let lastAt = now()
  return {
    /** The progress to record after `rows` rows, or null when it is too soon. */
    next(rows: number): Progress | null {
      const at = now()
      if (rows - lastRows < EVERY_ROWS && at - lastAt < EVERY_MS) return null
      lastRows = rows
      lastAt = at
      return { done: Math.min(rows, total), total }
    },
  }
}
