/**
 * A value read from the table and kept for a while in this container (Lambda reuses a container
 * across invocations). Used for data every request reads and people change a few times a year:
 * the routing catalog and the published calendar years. A failed read is not kept.
 */
export function containerCache<T>(load: () => Promise<T>, maxAgeMs: number) {
  let cached: { at: number; value: Promise<T> } | undefined
  return {
    get(now = Date.now()): Promise<T> {
      if (!cached || now - cached.at > maxAgeMs) {
        const value = load()
        cached = { at: now, value }
        value.catch(() => {
          if (cached?.value === value) cached = undefined
        })
      }
      return cached.value
    },
    /** After a write in this container: the next read goes to the table. */
    forget(): void {
      cached = undefined
    },
  }
}
