import { countDelta } from '../../shared/domain/appeal-counts'
import { workIndexOf } from '../../shared/domain/appeal-write-plan'
import { parseAppealNumber } from '../../shared/domain/appeal-number'
import { shanghaiDate } from '../../shared/domain/calendar'
import type { WorkingCalendar } from '../../shared/domain/calendar'
import type { AppealStatus } from '../../shared/schemas/appeal.schema'
import type { GeneratedAppeal } from './generate-appeals'

/*
 * Writes generated appeals in bulk (BatchWrite, not one transaction per change: a year of a
 * city's appeals is millions of changes), then brings what the transactions would have kept
 * up to date: each enterprise's open/closed counters and, by a recount, the monthly report cells.
 * The environment must name the table (TABLE_NAME, DYNAMODB_ENDPOINT) before this module's
 * functions run: the store modules read it when first imported.
 */

export interface LoadOptions {
  calendar: WorkingCalendar
  /** Write the timelines too (the app's appeal pages show them); the bench leaves them out. */
  events: boolean
  /** The report recount's "now": the generator's. */
  now: Date
  /** Appeals per round (1,000 by default): one round is written while the next is generated, and progress is told per round. */
  chunk?: number
  /** BatchWrite streams side by side within a round. */
  parallel?: number
  /** Hears the running count of appeals written. */
  onProgress?: (written: number) => void
  /** Hears that the writing is done and the report recount begins. */
  onRecount?: () => void
}

export interface LoadSummary {
  appeals: number
  /** Items written: appeals, events, co-handling inbox entries. */
  items: number
  events: number
  byStatus: Partial<Record<AppealStatus, number>>
  notEvaluated: number
  reopened: number
  /** Report cells the recount wrote. */
  cellsWritten: number
  writeMs: number
  rebuildMs: number
}

const DEFAULT_CHUNK = 1000
/** DynamoDB Local answers a handful of BatchWrites at once; more only queue there. */
const DEFAULT_PARALLEL = 8

function slices<T>(items: T[], count: number): T[][] {
  const size = Math.ceil(items.length / count)
  return Array.from({ length: count }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0)
}

/** Moves the enterprises' public counters by what the appeals add, a few enterprises at a time. */
async function addEnterpriseCounters(deltas: Map<string, { open: number; closed: number }>): Promise<void> {
  const [{ counterUpdate }, { transactWrite }] = await Promise.all([import('../../functions/store/enterprise.store'), import('../../functions/store/transact')])
  const queue = [...deltas]
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let next = queue.pop(); next; next = queue.pop()) {
        const items = counterUpdate(next[0], next[1])
        if (items.length > 0) await transactWrite(items)
      }
    }),
  )
}

/** Raises the stored number counters past the numbers loaded, so that later filings of those days get new ones. */
async function raiseNumberCounters(highest: Map<string, number>): Promise<void> {
  const { raiseNumberSequence } = await import('../../functions/store/appeal-number.store')
  const queue = [...highest]
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let next = queue.pop(); next; next = queue.pop()) {
        const [prefix, day, shard] = next[0].split('#') as [string, string, string]
        await raiseNumberSequence(prefix, day, Number(shard), next[1])
      }
    }),
  )
}

/**
 * Where the number counters of each day from `from` to `to` (Shanghai dates) stand, as the
 * generator's `numbersAfter`: a second run over the same days numbers on from the first.
 */
export async function storedNumberSequences(prefix: string, from: Date, to: Date): Promise<Map<string, number>> {
  const { daySequences } = await import('../../functions/store/appeal-number.store')
  const days: string[] = []
  for (let at = from.getTime(); shanghaiDate(new Date(at)) <= shanghaiDate(to); at += 86_400_000) days.push(shanghaiDate(new Date(at)).replace(/-/g, ''))
  const found = new Map<string, number>()
  const queue = [...days]
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let day = queue.pop(); day; day = queue.pop()) for (const [shard, sequence] of await daySequences(prefix, day)) found.set(`${day}#${shard}`, sequence)
    }),
  )
  return found
}

/**
 * Writes the appeals (with their timelines when asked, and their numbers' lookups), the
 * enterprises' and the number counters, then recounts the report cells from the stored appeals
 * (`rebuildReports` with apply): the cells come out exactly as the per-change transactions would have left them, which the recount's
 * check mode confirms afterwards.
 */
export async function loadGenerated(source: Iterable<GeneratedAppeal>, options: LoadOptions): Promise<LoadSummary> {
  const [{ appealBulkItems }, { batchWriteAll }, { rebuildReports }] = await Promise.all([
    import('../../functions/store/appeal.store'),
    import('../../functions/store/batch'),
    import('../../functions/reports/rebuild.use-case'),
  ])
  const chunk = options.chunk ?? DEFAULT_CHUNK
  const parallel = options.parallel ?? DEFAULT_PARALLEL
  const summary: LoadSummary = { appeals: 0, items: 0, events: 0, byStatus: {}, notEvaluated: 0, reopened: 0, cellsWritten: 0, writeMs: 0, rebuildMs: 0 }
  const counters = new Map<string, { open: number; closed: number }>()
  const highestNumbers = new Map<string, number>()
  const started = Date.now()

  let pending: Record<string, unknown>[] = []
  let inFlight: Promise<void> = Promise.resolve()
  let inRound = 0
  const flush = async () => {
    const items = pending
    const written = summary.appeals
    pending = []
    inRound = 0
    // One round in flight while the next is generated; a second waits for it.
    await inFlight
    inFlight = Promise.all(slices(items, parallel).map((slice) => batchWriteAll(slice))).then(() => options.onProgress?.(written))
    // Its failure surfaces at the next await of it; until then it is not an unhandled rejection.
    inFlight.catch(() => undefined)
  }

  for (const { appeal, events } of source) {
    const written = options.events ? events : []
    pending.push(...appealBulkItems(appeal, written, workIndexOf(appeal, options.calendar)))
    summary.appeals++
    summary.events += written.length
    summary.byStatus[appeal.status] = (summary.byStatus[appeal.status] ?? 0) + 1
    if (appeal.notEvaluated) summary.notEvaluated++
    if (appeal.reopenCount > 0) summary.reopened++
    const number = parseAppealNumber(appeal.number)
    if (number) {
      const counter = `${number.prefix}#${number.day}#${number.shard}`
      highestNumbers.set(counter, Math.max(highestNumbers.get(counter) ?? 0, number.sequence))
    }
    const delta = countDelta(null, appeal.status)
    const counter = counters.get(appeal.enterpriseId) ?? { open: 0, closed: 0 }
    counters.set(appeal.enterpriseId, { open: counter.open + delta.open, closed: counter.closed + delta.closed })
    if (++inRound >= chunk) {
      summary.items += pending.length
      await flush()
    }
  }
  summary.items += pending.length
  await flush()
  await inFlight
  await Promise.all([addEnterpriseCounters(counters), raiseNumberCounters(highestNumbers)])
  summary.writeMs = Date.now() - started

  options.onRecount?.()
  const rebuilt = Date.now()
  const result = await rebuildReports({ apply: true, now: options.now })
  summary.cellsWritten = result.rewritten
  summary.rebuildMs = Date.now() - rebuilt
  return summary
}
