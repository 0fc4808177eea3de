import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { BreakdownRow, Figures, MonthlyReport } from '@shared/schemas/report.schema'
import { figuresOf, ratesOf } from '@shared/domain/report-figures'
import { DETAIL_COLUMNS, detailRowOf, type DetailRow } from '../../functions/exports/export-rows'
import {
  BREAKDOWN_SHEETS,
  DETAIL_SHEET,
  FIELD_WORK_LINES,
  FIGURE_COLUMNS,
  RATE_COLUMNS,
  SUMMARY_LINES,
  SUMMARY_SHEET,
  UPGRADE_LINES,
  reportTitle,
  writeWorkbook,
} from '../../functions/exports/export-workbook'
import { makeAppeal } from '../support/fixtures'

const figures = (overrides: Partial<Figures> = {}): Figures => ({
  ...figuresOf({}),
  ...overrides,
})

const row = (key: string, name: string, f: Figures): BreakdownRow => ({ key, name, figures: f, rates: ratesOf(f) })

// Xiangtan's published first round: 358 received, 337 closed (94.1%).
const totals = figures({ received: 358, withdrawn: 4, closed: 337, resolved: 320, cohortClosed: 300, onTime: 330, evaluated: 300, satisfied: 280, basically: 12, unsatisfied: 8, notEvaluated: 37, escalations: 6, extensions: 3, reopenings: 2, overdueAtMonthEnd: 5 })
const report: MonthlyReport = {
  scope: { key: 'area:yuhu', kind: 'area', name: '雨湖区' },
  month: '2026-11',
  asOf: '2026-12-01T01:00:00.000Z',
  monthComplete: true,
  figures: totals,
  rates: ratesOf(totals),
  firstResponseDays: { median: 1, p90: 2, count: 350 },
  handlingDays: { median: 4, p90: 9, count: 337 },
  overdueNow: 3,
  escalatedNow: 2,
  breakdowns: {
    area: [row('yuhu', '雨湖区', totals)],
    unit: [],
    specialist: [row('sp-001', '姜婷', figures({ received: 10, closed: 0 })), row('queue', '待分派（值班队列）', figures({ received: 2 }))],
    category: [row('power', '用电', totals)],
    channel: [row('miniapp', '小程序', totals)],
    scale: [row('above', '规上', totals)],
  },
  trend: [],
  summary: '2026年11月，雨湖区共受理企业诉求358件。',
}

const context = { areaName: (id: string) => (id === 'xt-hitech' ? '湘潭高新区' : id), phoneOf: (id: string) => (id === 'staff-en-0001' ? '13812345678' : undefined) }
const open = detailRowOf(makeAppeal({ id: 'ap-open', number: 'XT-20261123-0010', status: 'in_progress', acceptedAt: '2026-11-23T03:30:00.000Z' }), context)
const closed = detailRowOf(
  makeAppeal({
    id: 'ap-closed',
    number: 'XT-20261120-0021',
    status: 'closed',
    enterpriseScale: 'above',
    acceptedAt: '2026-11-23T03:30:00.000Z',
    respondedAt: '2026-11-27T08:00:00.000Z',
    closedAt: '2026-11-28T02:00:00.000Z',
    response: { outcome: 'resolved', message: '已接电', at: '2026-11-27T08:00:00.000Z' },
    evaluation: { rating: 'satisfied', comment: '', at: '2026-11-28T02:00:00.000Z' },
    tally: { handlingDays: 4, firstResponseDays: 0, escalatedAt: [], extendedAt: [], reopenedAt: [], overdueAtMonthEnd: [] },
  }),
  context,
)
const late = detailRowOf(makeAppeal({ id: 'ap-late', number: 'XT-20261118-0035', status: 'closed', respondedAt: '2026-12-02T08:00:00.000Z', closedAt: '2026-12-03T08:00:00.000Z', notEvaluated: true }), context)

async function* pagesOf(...pages: DetailRow[][]): AsyncGenerator<DetailRow[]> {
  for (const page of pages) yield page
}

async function workbookOf(pages: AsyncIterable<DetailRow[]>, onRows?: (rows: number) => void, of: MonthlyReport = report): Promise<{ workbook: ExcelJS.Workbook; rows: number }> {
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on('data', (chunk: Buffer) => chunks.push(chunk))
  const rows = await writeWorkbook(of, pages, sink, onRows)
  const workbook = new ExcelJS.Workbook()
  // exceljs types its input as an ArrayBuffer look-alike that a Node Buffer does not satisfy.
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
  return { workbook, rows }
}

const valuesOf = (sheet: ExcelJS.Worksheet, rowNumber: number) => (sheet.getRow(rowNumber).values as ExcelJS.CellValue[]).slice(1)

/** The summary's lines as label → [value, note], wherever they sit. */
function summaryLines(sheet: ExcelJS.Worksheet): Map<string, { value: ExcelJS.CellValue; numFmt: string | undefined; note: string }> {
  const lines = new Map<string, { value: ExcelJS.CellValue; numFmt: string | undefined; note: string }>()
  sheet.eachRow((r) => {
    const label = r.getCell(1).value
    if (typeof label === 'string') lines.set(label, { value: r.getCell(2).value, numFmt: r.getCell(2).numFmt, note: String(r.getCell(3).value ?? '') })
  })
  return lines
}

describe('the report workbook', () => {
  it('has the summary, one sheet per breakdown and the detail rows, in that order', async () => {
    const { workbook } = await workbookOf(pagesOf([open]))
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, '地区', '部门与专班', '专员', '诉求类别', '渠道', '企业规模', DETAIL_SHEET])
    expect(BREAKDOWN_SHEETS.map((b) => b.sheet)).toEqual(['地区', '部门与专班', '专员', '诉求类别', '渠道', '企业规模'])
  })

  it('opens the summary with the scope, the month and the report date in Shanghai time', async () => {
    const sheet = (await workbookOf(pagesOf())).workbook.getWorksheet(SUMMARY_SHEET)!
    const lines = summaryLines(sheet)
    expect(lines.get('统计范围')?.value).toBe('雨湖区')
    expect(lines.get('统计月份')?.value).toBe('2026年11月')
    expect(lines.get('报告日期')?.value).toBe('2026-12-01 09:00')
    expect(lines.get('概述')?.value).toBe(report.summary)
  })

  it('writes every headline figure, rates as numbers with a percentage format and their definition beside them', async () => {
    const lines = summaryLines((await workbookOf(pagesOf())).workbook.getWorksheet(SUMMARY_SHEET)!)
    expect(lines.get('受理数')?.value).toBe(358)
    expect(lines.get('办结数')?.value).toBe(337)
    expect(lines.get('办结率')).toMatchObject({ value: 337 / 358, numFmt: '0.0%', note: '办结率 = 办结数 ÷ 受理数' })
    expect(lines.get('当月诉求办结率（截至报告日）')?.value).toBeCloseTo(300 / 358)
    expect(lines.get('按时办结率')?.value).toBeCloseTo(330 / 337)
    expect(lines.get('满意率')).toMatchObject({ value: 292 / 300, numFmt: '0.0%', note: '满意率 = (满意 + 基本满意) ÷ 已评价；未评价 37 件不计入' })
    expect(lines.get('未评价')?.value).toBe(37)
    expect(lines.get('解决率')?.value).toBeCloseTo(320 / 337)
    expect(lines.get('首次响应用时 中位数（工作日）')?.value).toBe(1)
    expect(lines.get('办理用时 P90（工作日）')?.value).toBe(9)
    expect(lines.get('提级次数')?.value).toBe(6)
    expect(lines.get('延期次数')?.value).toBe(3)
    expect(lines.get('重新办理次数')?.value).toBe(2)
    expect(lines.get('月末超期')?.value).toBe(5)
    for (const line of SUMMARY_LINES) expect(lines.get(line.label)?.value, line.label).toBe(line.value(report))
  })

  it('adds the month’s field work and 升规入统 when the report has them, and nothing when not', async () => {
    const withSections: MonthlyReport = {
      ...report,
      fieldWork: { visits: 42, enterprisesVisited: 35, problemsByChannel: [{ channel: 'visit', name: '上门走访', count: 9 }, { channel: 'event', name: '交流活动', count: 4 }] },
      upgrade: {
        month: '2026-11',
        stages: { cultivating: 20, applying: 4, entered: 3, left: 1 },
        newThisMonth: { cultivating: 2, applying: 1, entered: 1, left: 0 },
        newlyEntered: [{ id: 'en-0026', name: '湖南凯旋轨道交通装备有限公司', acceptedMonth: '2026-11' }],
      },
    }
    const lines = summaryLines((await workbookOf(pagesOf(), undefined, withSections)).workbook.getWorksheet(SUMMARY_SHEET)!)
    expect(lines.get('走访次数')?.value).toBe(42)
    expect(lines.get('发现问题数')).toMatchObject({ value: 13, note: '上门走访 9，交流活动 4' })
    expect(lines.get('升规：申报中')).toMatchObject({ value: 4, note: '报告日在申报阶段；本月新申报 1 家' })
    expect(lines.get('升规：已入规')).toMatchObject({ value: 3, note: '本月新入规 1 家：湖南凯旋轨道交通装备有限公司' })
    for (const line of [...FIELD_WORK_LINES, ...UPGRADE_LINES]) expect(lines.get(line.label)?.value, line.label).toBe(line.value(withSections))
    const plain = summaryLines((await workbookOf(pagesOf())).workbook.getWorksheet(SUMMARY_SHEET)!)
    expect(plain.has('走访次数')).toBe(false)
    expect(plain.has('升规：培育中')).toBe(false)
  })

  it('shows a rate with nothing to divide by as —', async () => {
    const sheet = (await workbookOf(pagesOf())).workbook.getWorksheet('专员')!
    const header = valuesOf(sheet, 1)
    expect(header).toEqual(['专员', ...FIGURE_COLUMNS.map((c) => c.header), ...RATE_COLUMNS.map((c) => c.header)])
    const closeRate = 2 + FIGURE_COLUMNS.length
    expect(sheet.getRow(2).getCell(1).value).toBe('姜婷')
    expect(sheet.getRow(2).getCell(closeRate).value).toBe(0)
    expect(sheet.getRow(2).getCell(closeRate).numFmt).toBe('0.0%')
    expect(sheet.getRow(2).getCell(closeRate + RATE_COLUMNS.findIndex((c) => c.rate === 'onTimeRate')).value).toBe('—')
    expect(sheet.getRow(3).getCell(1).value).toBe('待分派（值班队列）')
  })

  it('writes each breakdown row’s figures and rates', async () => {
    const sheet = (await workbookOf(pagesOf())).workbook.getWorksheet('诉求类别')!
    const values = valuesOf(sheet, 2)
    expect(values.slice(0, 1 + FIGURE_COLUMNS.length)).toEqual(['用电', ...FIGURE_COLUMNS.map((c) => totals[c.figure])])
    expect(values[1 + FIGURE_COLUMNS.length]).toBeCloseTo(337 / 358)
    expect(valuesOf((await workbookOf(pagesOf())).workbook.getWorksheet('部门与专班')!, 2)).toEqual(['本月无数据'])
  })

  it('lists the detail rows under their Chinese headers, with Shanghai times, labels and masked phones', async () => {
    const seen: number[] = []
    const { workbook, rows } = await workbookOf(pagesOf([open, closed], [late]), (n) => seen.push(n))
    expect(rows).toBe(3)
    expect(seen).toEqual([2, 3])
    const sheet = workbook.getWorksheet(DETAIL_SHEET)!
    expect(valuesOf(sheet, 1)).toEqual(DETAIL_COLUMNS.map((c) => c.header))
    expect(sheet.actualRowCount).toBe(4)
    const cells = (n: number) => Object.fromEntries(DETAIL_COLUMNS.map((c, i) => [c.header, sheet.getRow(n).getCell(i + 1).value]))
    expect(cells(2)).toMatchObject({ 诉求编号: 'XT-20261123-0010', 状态: '办理中', 是否按时: null, 评价: null, 联系电话: '138****5678', 地区: '湘潭高新区', 企业规模: '未登记', 渠道: '小程序' })
    // 11:30 in Shanghai, as a date cell: spreadsheets keep wall time.
    expect(cells(2)['受理时间']).toEqual(new Date('2026-11-23T11:30:00.000Z'))
    expect(sheet.getRow(2).getCell(10).numFmt).toBe('yyyy-mm-dd hh:mm')
    expect(cells(3)).toMatchObject({ 诉求编号: 'XT-20261120-0021', 状态: '已办结', 是否按时: '是', 办理结果: '已解决', 评价: '满意', '办理用时(工作日)': 4, 企业规模: '规上' })
    expect(cells(4)).toMatchObject({ 诉求编号: 'XT-20261118-0035', 是否按时: '否', 评价: '未评价' })
  })
})

describe('the report workbook on paper (see export-workbook-print.test.ts for the printed pages)', () => {
  it('sets every sheet to A4, one page wide, its header row repeated, the report named and the pages numbered', async () => {
    const { workbook } = await workbookOf(pagesOf([open, closed]))
    expect(reportTitle(report)).toBe('亲商直通 企业诉求办理月报 — 雨湖区 2026年11月')
    for (const sheet of workbook.worksheets) {
      const summary = sheet.name === SUMMARY_SHEET
      expect({ sheet: sheet.name, ...sheet.pageSetup }).toMatchObject({
        sheet: sheet.name,
        paperSize: 9,
        orientation: summary ? 'portrait' : 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: summary ? 1 : 0,
        printTitlesRow: summary ? '6:6' : '1:1',
      })
      expect(sheet.headerFooter.oddHeader).toBe('&L&9亲商直通 企业诉求办理月报 — 雨湖区 2026年11月&R&9&A')
      expect(sheet.headerFooter.oddFooter).toBe('&C&9第 &P 页，共 &N 页')
    }
    // The summary's repeated row is its table's header.
    expect(valuesOf(workbook.getWorksheet(SUMMARY_SHEET)!, 6)).toEqual(['指标', '数值', '口径说明'])
  })

  it('writes a scope’s own & so that the header does not read it as a code', async () => {
    const sink = new PassThrough()
    const chunks: Buffer[] = []
    sink.on('data', (chunk: Buffer) => chunks.push(chunk))
    await writeWorkbook({ ...report, scope: { ...report.scope, name: '工业&建筑业专班' } }, pagesOf(), sink)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
    expect(workbook.getWorksheet(SUMMARY_SHEET)!.headerFooter.oddHeader).toBe('&L&9亲商直通 企业诉求办理月报 — 工业&&建筑业专班 2026年11月&R&9&A')
  })
})
