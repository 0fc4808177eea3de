import { execFile } from 'node:child_process'
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import type { BreakdownRow, Dimension, Figures, MonthlyReport } from '@shared/schemas/report.schema'
import { figuresOf, ratesOf } from '@shared/domain/report-figures'
import { monthSummary } from '@shared/domain/report-summary'
import { CHANNEL_LABEL, SCALE_LABEL } from '@shared/labels'
import { maskPhone } from '@shared/domain/mask'
import { type DetailRow } from '../../functions/exports/export-rows'
import { BREAKDOWN_SHEETS, DETAIL_SHEET, SUMMARY_SHEET, reportTitle, writeWorkbook } from '../../functions/exports/export-workbook'
import { readDemoCity } from '../../scripts/lib/demo-data'
import { Random } from '../../scripts/lib/gen-random'
import { topicOf } from '../../scripts/lib/gen-texts'
import { testBuildDir } from '../support/ports'

/*
 * The report workbook as a park or city office prints it: converted by LibreOffice (headless, as
 * `soffice --convert-to pdf` prints) and measured with poppler's pdfinfo/pdftotext. The city's
 * report of one month, with the demo city's areas, units, 54 specialists and 14 categories, and
 * DETAIL_ROWS appeals — about what Xiangtan's first round collected (358).
 *
 * soffice and pdfinfo/pdftotext must be installed (Debian: libreoffice-calc-nogui, poppler-utils;
 * CI installs them): without them this test fails, it does not skip.
 */

const execFileAsync = promisify(execFile)
const PACKAGE_OF: Record<string, string> = { soffice: 'libreoffice-calc-nogui', pdfinfo: 'poppler-utils', pdftotext: 'poppler-utils' }

/** Runs one of the tools this test needs; a missing one fails the test, saying what to install. */
async function run(tool: string, args: string[], options: { timeout?: number; maxBuffer?: number } = {}) {
  try {
    return await execFileAsync(tool, args, { encoding: 'utf8', ...options })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is not installed: apt-get install -y ${PACKAGE_OF[tool] ?? tool}`)
    throw error
  }
}
const DETAIL_ROWS = 400
const MONTH = '2026-11'
const A4 = { short: 595.28, long: 841.89 }

const city = readDemoCity()
const areaName = new Map(city.areas.map((a) => [a.id, a.name]))
const specialistOf = new Map(city.assignments.map((a) => [a.enterpriseId, city.specialists.find((s) => s.id === a.specialistId)!]))

/** A month of the demo city's appeals, as detail rows: the same every run. */
function detailRows(): DetailRow[] {
  return Array.from({ length: DETAIL_ROWS }, (_, i) => {
    const random = Random.forItem(7, i)
    const enterprise = random.pick(city.enterprises)
    const category = random.pick(city.categories)
    const channel = random.weighted({ miniapp: 6, visit: 2, phone: 1, event: 1 })
    const day = String(random.int(2, 27)).padStart(2, '0')
    const submittedAt = `${MONTH}-${day}T0${random.int(1, 8)}:${String(random.int(10, 59))}:00.000Z`
    const state = random.weighted({ closed: 8, open: 2, withdrawn: 0.2 })
    const at = (hours: number) => new Date(Date.parse(submittedAt) + hours * 3_600_000).toISOString()
    const closed = state === 'closed'
    return {
      number: `XT-${MONTH.replace('-', '')}${day}-${String(i * 10 + 10).padStart(4, '0')}`,
      title: topicOf(random, category.id).title,
      enterprise: enterprise.name,
      scale: SCALE_LABEL[enterprise.scale ?? 'other'],
      category: category.name,
      channel: CHANNEL_LABEL[channel],
      area: areaName.get(enterprise.areaId) ?? enterprise.areaId,
      owner: specialistOf.get(enterprise.id)?.name ?? '待分派',
      submittedAt,
      ...(state !== 'withdrawn' ? { acceptedAt: at(2) } : {}),
      ...(closed ? { respondedAt: at(70), closedAt: at(96), handlingDays: random.int(1, 9) } : {}),
      onTime: closed ? (random.chance(0.93) ? '是' : '否') : '',
      outcome: closed ? random.pick(['已解决', '已解决', '已解决', '部分解决']) : '',
      rating: closed ? random.pick(['满意', '满意', '满意', '满意', '基本满意', '不满意', '未评价']) : '',
      status: closed ? '已办结' : state === 'withdrawn' ? '已撤回' : '办理中',
      phone: channel === 'miniapp' ? maskPhone(enterprise.contact.phone) : '',
    }
  })
}

function figuresFor(rows: readonly DetailRow[]): Figures {
  const closed = rows.filter((r) => r.status === '已办结')
  return {
    ...figuresOf({}),
    received: rows.filter((r) => r.status !== '已撤回').length,
    withdrawn: rows.filter((r) => r.status === '已撤回').length,
    closed: closed.length,
    resolved: closed.filter((r) => r.outcome === '已解决').length,
    cohortClosed: closed.length,
    onTime: closed.filter((r) => r.onTime === '是').length,
    evaluated: closed.filter((r) => r.rating !== '未评价').length,
    satisfied: closed.filter((r) => r.rating === '满意').length,
    basically: closed.filter((r) => r.rating === '基本满意').length,
    unsatisfied: closed.filter((r) => r.rating === '不满意').length,
    notEvaluated: closed.filter((r) => r.rating === '未评价').length,
    escalations: Math.floor(rows.length / 40),
    extensions: Math.floor(rows.length / 60),
    overdueAtMonthEnd: rows.filter((r) => r.status === '办理中').length,
  }
}

function breakdown(rows: readonly DetailRow[], names: readonly string[], of: (row: DetailRow) => string): BreakdownRow[] {
  return names.map((name, i) => {
    const figures = figuresFor(rows.filter((r) => of(r) === name))
    return { key: `k${i}`, name, figures, rates: ratesOf(figures) }
  })
}

function cityReport(rows: readonly DetailRow[]): MonthlyReport {
  const figures = figuresFor(rows)
  const rates = ratesOf(figures)
  const units = [...city.departments, ...city.taskForces].map((u) => u.name)
  const breakdowns: Record<Dimension, BreakdownRow[]> = {
    area: breakdown(rows, city.areas.map((a) => a.name), (r) => r.area),
    // Co-handling is not in the detail rows: each unit gets a share, for the sheet's size.
    unit: units.map((name, i) => {
      const share = figuresFor(rows.filter((_, n) => n % units.length === i))
      return { key: `u${i}`, name, figures: share, rates: ratesOf(share) }
    }),
    specialist: breakdown(rows, city.specialists.map((s) => s.name), (r) => r.owner),
    category: breakdown(rows, city.categories.map((c) => c.name), (r) => r.category),
    channel: breakdown(rows, Object.values(CHANNEL_LABEL), (r) => r.channel),
    scale: breakdown(rows, Object.values(SCALE_LABEL), (r) => r.scale),
  }
  const firstResponseDays = { median: 1, p90: 2, count: figures.received }
  const handlingDays = { median: 4, p90: 8, count: figures.closed }
  const asOf = new Date('2026-12-01T01:00:00.000Z')
  const top = [...breakdowns.category].sort((a, b) => b.figures.received - a.figures.received)
  return {
    scope: { key: 'city', kind: 'city', name: city.city.name },
    month: MONTH,
    asOf: asOf.toISOString(),
    monthComplete: true,
    figures,
    rates,
    firstResponseDays,
    handlingDays,
    overdueNow: 12,
    escalatedNow: 4,
    breakdowns,
    trend: [],
    summary: monthSummary({ scopeName: city.city.name, month: MONTH, asOf, monthComplete: true, figures, rates, firstResponseDays, handlingDays, overdueNow: 12, topCategories: top }),
  }
}

async function* pagesOf(rows: DetailRow[]): AsyncGenerator<DetailRow[]> {
  for (let i = 0; i < rows.length; i += 100) yield rows.slice(i, i + 100)
}

interface PrintedPage {
  width: number
  height: number
  text: string
}

const dir = mkdtempSync(join(tmpdir(), 'qinshang-print-'))
const report = cityReport(detailRows())

/** What LibreOffice prints: every page's size (pdfinfo) and text (pdftotext). */
async function printed(pdf: string): Promise<PrintedPage[]> {
  const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '10000', pdf])
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[2]), height: Number(m[3]) }))
  expect(sizes).toHaveLength(count)
  const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })
  // pdftotext ends every page with a form feed.
  const texts = text.split('\f')
  return sizes.map((size, i) => ({ ...size, text: texts[i] ?? '' }))
}

/** The city report written, printed by LibreOffice and read back, once for all the tests. */
async function printReport(): Promise<PrintedPage[]> {
  const xlsx = join(dir, 'report.xlsx')
  const sink = createWriteStream(xlsx)
  const closed = new Promise<void>((resolve, reject) => sink.on('close', () => resolve()).on('error', reject))
  await writeWorkbook(report, pagesOf(detailRows()), sink)
  await closed
  // A profile of its own: parallel conversions on one machine must not share one.
  const profile = pathToFileURL(join(dir, 'lo-profile')).href
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 150_000 })
  const pages = await printed(join(dir, 'report.pdf'))
  // Kept to look at (pdftoppm -r 50 … shows the pages).
  const artifacts = join(process.cwd(), 'test-artifacts', testBuildDir('print'))
  mkdirSync(artifacts, { recursive: true })
  copyFileSync(join(dir, 'report.pdf'), join(artifacts, 'city-report.pdf'))
  return pages
}
// Awaited by every test rather than in a hook: without soffice or pdfinfo each test fails, none is skipped.
let printing: Promise<PrintedPage[]> | undefined
const printedPages = () => (printing ??= printReport())
const PRINT_MS = 180_000

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const isA4Portrait = (p: PrintedPage) => Math.abs(p.width - A4.short) < 1 && Math.abs(p.height - A4.long) < 1
const isA4Landscape = (p: PrintedPage) => Math.abs(p.width - A4.long) < 1 && Math.abs(p.height - A4.short) < 1
/** The sheet a page belongs to, as its running header names it at the right (the first line printed). */
function sheetOf(p: PrintedPage): string | undefined {
  const header = p.text.split('\n').find((line) => line.trim() !== '') ?? ''
  const right = header.trim().split(/\s{2,}/).pop()
  return [SUMMARY_SHEET, ...BREAKDOWN_SHEETS.map((b) => b.sheet), DETAIL_SHEET].find((name) => name === right)
}

describe(`the printed city report (${DETAIL_ROWS} appeals)`, () => {
  it('prints every page on A4: the summary upright, the wide tables across', async () => {
    const pages = await printedPages()
    expect(pages.length).toBeGreaterThan(0)
    for (const [i, page] of pages.entries()) expect({ page: i + 1, a4: isA4Portrait(page) || isA4Landscape(page) }).toEqual({ page: i + 1, a4: true })
    expect(isA4Portrait(pages[0]!)).toBe(true)
    for (const page of pages.slice(1)) expect(isA4Landscape(page)).toBe(true)
  }, PRINT_MS)

  it('fits the summary on its one page, title whole', async () => {
    const [first, second] = await printedPages()
    expect(first!.text).toContain('统计范围')
    expect(first!.text).toContain('当前提级督办')
    expect(first!.text).toContain('概述')
    // The title as its cell holds it, and again in the running header.
    expect(first!.text.split(reportTitle(report)).length - 1).toBe(2)
    expect(second!.text).not.toContain('统计范围')
  }, PRINT_MS)

  it('gives each sheet its pages, one page wide, its header row repeated on each', async () => {
    const pages = await printedPages()
    const bySheet = new Map<string, PrintedPage[]>()
    for (const page of pages) {
      const sheet = sheetOf(page)
      expect(sheet, page.text.slice(0, 200)).toBeDefined()
      bySheet.set(sheet!, [...(bySheet.get(sheet!) ?? []), page])
    }
    expect([...bySheet.keys()]).toEqual([SUMMARY_SHEET, ...BREAKDOWN_SHEETS.map((b) => b.sheet), DETAIL_SHEET])
    expect(bySheet.get(SUMMARY_SHEET)).toHaveLength(1)
    for (const spec of BREAKDOWN_SHEETS) {
      for (const page of bySheet.get(spec.sheet)!) {
        // The first and the last column on every page: nothing spills onto a page of its own.
        expect(page.text).toContain(spec.column)
        expect(page.text).toContain('解决率')
      }
    }
    const detail = bySheet.get(DETAIL_SHEET)!
    for (const page of detail) {
      expect(page.text).toContain('诉求编号')
      expect(page.text).toContain('联系电话')
    }
    // Every appeal printed once, on the detail pages.
    expect(detail.map((p) => p.text.match(/XT-202611\d{2}-\d{4,}/g)?.length ?? 0).reduce((a, b) => a + b, 0)).toBe(DETAIL_ROWS)
  }, PRINT_MS)

  it('numbers the pages “第 n 页，共 N 页” under the report’s name', async () => {
    const pages = await printedPages()
    for (const [i, page] of pages.entries()) {
      expect(page.text).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`)
      expect(page.text).toContain(reportTitle(report))
    }
  }, PRINT_MS)

  it('prints the month of a city in a sensible number of pages', async () => {
    const pages = await printedPages()
    // One page for the summary, one or two per breakdown, a few dozen rows a page of detail.
    expect(pages.length).toBeGreaterThanOrEqual(8)
    expect(pages.length).toBeLessThanOrEqual(20)
  }, PRINT_MS)
})
