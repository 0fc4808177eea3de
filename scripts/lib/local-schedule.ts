import type { SweepCounts } from '../../functions/supervision/sweep.use-case'

/**
 * `npm start`'s stand-in for the two EventBridge schedules, which serverless offline does not
 * run: every minute the sweep, and the Monday digest once 09:00 Shanghai has passed and the
 * week's digests are not made yet. In this process, on the same table as the API. A run still
 * going when the next one is due is not doubled.
 */
export interface LocalSchedule {
  /** Stops the timer and waits (a few seconds at most) for a run in progress. */
  stop(): Promise<void>
}

const STOP_WAIT_MS = 5000
const step = (message: string) => `\x1b[36m▸\x1b[0m ${message}`
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

function describeSweep(c: SweepCounts): string | null {
  const parts = [
    c.overdue > 0 ? `${c.overdue} marked overdue (${c.escalated} escalated)` : '',
    c.autoClosed > 0 ? `${c.autoClosed} auto-closed as not evaluated` : '',
    c.reminded > 0 ? `${c.reminded} owners reminded of a deadline due tomorrow` : '',
    c.failed > 0 ? `${c.failed} failed, retried next minute` : '',
  ].filter(Boolean)
  return parts.length > 0 ? `sweep: ${parts.join(', ')}` : null
}

async function runOnce(print: (line: string) => void): Promise<void> {
  // Imported here, not at the top: the function modules read the table name and endpoint on
  // import, and start.ts sets them only once DynamoDB Local is up.
  const [{ runSweep }, { makeDigestsIfDue }] = await Promise.all([
    import('../../functions/supervision/sweep.use-case'),
    import('../../functions/supervision/digest.use-case'),
  ])
  try {
    // Quiet unless the sweep changed something: it runs every minute.
    await runSweep(new Date(), (counts) => {
      const line = describeSweep(counts)
      if (line) print(step(line))
    })
  } catch (error) {
    print(step(`sweep failed: ${errorText(error)}`))
  }
  try {
    const run = await makeDigestsIfDue(new Date())
    if (run && run.created.length > 0) print(step(`weekly digests of ${run.week}: ${run.created.length} made`))
  } catch (error) {
    print(step(`weekly digest failed: ${errorText(error)}`))
  }
}

export function startLocalSchedule(options: { everyMs?: number; print?: (line: string) => void } = {}): LocalSchedule {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`))
  let running: Promise<void> | undefined
  const tick = () => {
    if (running) return
    running = runOnce(print).finally(() => (running = undefined))
  }
  const timer = setInterval(tick, options.everyMs ?? 60_000)
  tick()
  return {
    async stop() {
      clearInterval(timer)
      if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())])
    },
  }
}
