import { Writable } from 'node:stream'
import type { Actor } from '../../shared/domain/actor'
import { monthOf } from '../../shared/domain/report-month'
import type { MonthlyReport } from '../../shared/schemas/report.schema'
import type { ReportScope } from '../../functions/services/report-scope'
import type { GeneratedAppeal } from './generate-appeals'

const APPEALS = Number(process.env.BENCH_REPORT_APPEALS ?? 100_000)
const MONTHS = 12
const SEED = 1
const WARM_RUNS = 5
const RSS_SAMPLE_MS = 50
/** DynamoDB's limit on one item: a report cell must stay under it. */
const ITEM_LIMIT = 400 * 1024

const cityAdmin: Actor = { id: 'ad-city', name: '万明建', role: 'city_admin', enterpriseIds: [], pendingEnterpriseIds: [] }

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const count = (n: number) => n.toLocaleString('en-US')

/** Counts the appeals filed per month as they go by on their way to the table. */
function* countingMonths(source: Iterable<GeneratedAppeal>, filed: Map<string, number>): Generator<GeneratedAppeal> {
  for (const generated of source) {
    const month = monthOf(new Date(generated.appeal.createdAt))
    filed.set(month, (filed.get(month) ?? 0) + 1)
    yield generated
  }
}

/** The first run, then `WARM_RUNS` more: their median and maximum. */
async function coldAndWarm(run: () => Promise<unknown>): Promise<{ cold: number; p50: number; max: number }> {
  let t = Date.now()
  await run()
  const cold = Date.now() - t
  const warm: number[] = []
  for (let i = 0; i < WARM_RUNS; i++) {
    t = Date.now()
    await run()
    warm.push(Date.now() - t)
  }
  warm.sort((a, b) => a - b)
  return { cold, p50: warm[Math.floor(warm.length / 2)]!, max: warm[warm.length - 1]! }
}

/** Roughly what DynamoDB counts for a report cell item: attribute names, numbers and label strings. */
function cellBytes(counters: Record<string, number>, labels: Record<string, string>): number {
  let bytes = 64 // keys and the entity attribute
  for (const [name, n] of Object.entries(counters)) bytes += Buffer.byteLength(`n:${name}`) + 1 + Math.ceil(String(Math.abs(n)).length / 2)
  for (const [name, value] of Object.entries(labels)) bytes += Buffer.byteLength(`l:${name}`) + Buffer.byteLength(value)
  return bytes
}

/** Samples this process's resident memory every 50 ms until stopped; reports the peak over the start. */
function rssWatch(): { stop: () => { baseline: number; peak: number } } {
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), RSS_SAMPLE_MS)
  return {
    stop: () => {
      clearInterval(timer)
      peak = Math.max(peak, process.memoryUsage().rss)
      return { baseline, peak }
    },
  }
}

/**
 * Reports at a city's scale, in this process against the bench's DynamoDB Local (the demo city
 * already seeded): `BENCH_REPORT_APPEALS` appeals over 12 months from the generator (bulk, no
 * timelines) and the report recount; the recount's check; one month's city and area report
 * (the busiest month), first run and warm; the largest report cell against DynamoDB's item
 * limit; and the city's XLSX export of that month written to a byte-counting sink, with its
 * peak memory.
 */
export async function benchReports(write: (line: string) => void): Promise<void> {
  const { loadWorld } = await import('./gen-world')
  const { generateAppeals } = await import('./generate-appeals')
  const { loadGenerated } = await import('./load-generated')
  const { currentWorkingCalendar } = await import('../../functions/services/working-calendar')
  const { rebuildReports } = await import('../../functions/reports/rebuild.use-case')
  const { authoriseReportScope, buildMonthlyReport } = await import('../../functions/services/monthly-report')
  const { readMonthCells } = await import('../../functions/store/report.store')

  const now = new Date()
  const [world, calendar] = await Promise.all([loadWorld(), currentWorkingCalendar()])
  const filed = new Map<string, number>()
  let shown = 0
  const loaded = await loadGenerated(countingMonths(generateAppeals(world, calendar, { appeals: APPEALS, months: MONTHS, seed: SEED, now }), filed), {
    calendar,
    events: false,
    now,
    onProgress: (written) => {
      if (written * 4 < (shown + 1) * APPEALS) return
      shown = Math.floor((written * 4) / APPEALS)
      write(`  … ${count(written)} appeals written\n`)
    },
  })
  write(
    `generated ${count(loaded.appeals)} appeals over ${MONTHS} months (seed ${SEED}, no timelines): ${count(loaded.items)} items written in ${seconds(loaded.writeMs)} (generated alongside), ` +
      `report cells recounted and ${count(loaded.cellsWritten)} written in ${seconds(loaded.rebuildMs)}\n`,
  )

  let t = Date.now()
  const check = await rebuildReports({ apply: false, now })
  write(`rebuildReports check: ${count(check.appeals)} appeals, ${count(check.cells)} cells over ${check.months.length} months, ${check.differences.length} differences   ${seconds(Date.now() - t)}\n`)

  const [month, busiest] = [...filed].sort((a, b) => b[1] - a[1])[0]!
  const city = await authoriseReportScope(cityAdmin, 'city')
  let cityReport: MonthlyReport | undefined
  const cityTimes = await coldAndWarm(async () => (cityReport = await buildMonthlyReport(city, month, now)))
  const topArea = cityReport!.breakdowns.area[0]!
  const area = await authoriseReportScope(cityAdmin, `area:${topArea.key}`)
  const areaTimes = await coldAndWarm(() => buildMonthlyReport(area, month, now))
  const line = (label: string, s: { cold: number; p50: number; max: number }) =>
    `${label.padEnd(40)} first ${seconds(s.cold)}   warm p50 ${seconds(s.p50)}   max ${seconds(s.max)} (${WARM_RUNS} runs)\n`
  write(`busiest month ${month}: ${count(busiest)} appeals filed; the city report counts ${count(cityReport!.figures.received)} received, ${count(cityReport!.figures.closed)} closed\n`)
  write(line(`monthly report, city, ${month}`, cityTimes))
  write(line(`monthly report, area ${topArea.key}, ${month}`, areaTimes))

  const sizes = [...(await readMonthCells(month))].map(([scope, cell]) => ({ scope, bytes: cellBytes(cell.counters, cell.labels), counters: Object.keys(cell.counters).length }))
  const largest = sizes.sort((a, b) => b.bytes - a.bytes)[0]!
  const specialists = world.users.filter((u) => u.role === 'specialist').length
  write(
    `largest report cell of ${month}: ${largest.scope}, ${count(largest.counters)} counters ≈ ${(largest.bytes / 1024).toFixed(1)} KB ` +
      `(${((largest.bytes / ITEM_LIMIT) * 100).toFixed(0)}% of DynamoDB's 400 KB item limit, with ${specialists} specialists)\n`,
  )

  await benchWorkbook(write, city, month, now)
}

/**
 * The city's XLSX of the month as the export worker makes it (the report, then the worker's own
 * detail pages), into a sink that only counts bytes, not S3.
 */
async function benchWorkbook(write: (line: string) => void, city: ReportScope, month: string, now: Date): Promise<void> {
  const { writeWorkbook } = await import('../../functions/exports/export-workbook')
  const { detailPages } = await import('../../functions/exports/run-export.use-case')
  const { buildMonthlyReport } = await import('../../functions/services/monthly-report')

  let bytes = 0
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      done()
    },
  })
  const finished = new Promise<void>((resolveFinish, reject) => sink.once('finish', resolveFinish).once('error', reject))

  const watch = rssWatch()
  const t = Date.now()
  const report = await buildMonthlyReport(city, month, now)
  const rows = await writeWorkbook(report, detailPages(city, month), sink)
  await finished
  const ms = Date.now() - t
  const { baseline, peak } = watch.stop()
  write(`XLSX export, city, ${month}: ${count(rows)} detail rows, ${mb(bytes)} to a counting sink   ${seconds(ms)}   peak RSS +${mb(peak - baseline)} over ${mb(baseline)}\n`)
}
