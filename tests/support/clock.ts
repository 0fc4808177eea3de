/**
 * Tests never read the machine's clock: every use case takes its `now`, and a test names the
 * moments it acts at. CI runs the suites a second time with the whole process tree's clock moved
 * (libfaketime), so a test that forgot would fail there.
 */

/** A Shanghai wall-clock time, e.g. shanghai('2026-11-23T10:00:00'), as an instant. */
export const shanghai = (local: string): Date => new Date(`${local}+08:00`)

/**
 * A clock that moves only when told: `now()` is the current test instant, `tick()` moves it on a
 * little (a second by default) and returns the new instant, so that steps keep their order.
 */
export function testClock(startLocal: string) {
  let current = shanghai(startLocal)
  return {
    now: (): Date => new Date(current),
    tick(ms = 1000): Date {
      current = new Date(current.getTime() + ms)
      return new Date(current)
    },
    set(local: string): Date {
      current = shanghai(local)
      return new Date(current)
    },
  }
}
export type TestClock = ReturnType<typeof testClock>
