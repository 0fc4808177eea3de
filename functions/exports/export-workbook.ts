import { once } from 'node:events'
import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Dimension, FigureName, MonthlyReport, Rates } from '@shared/schemas/report.schema'
import { monthLabel } from '@shared/domain/report-month'
import { DETAIL_COLUMNS, shanghaiTime, shanghaiWallClock, type DetailRow } from './export-rows'

/*
 * The monthly report as an XLSX workbook (DESIGN §7): 「汇总」 the headline figures with every
 * rate defined in words, one sheet per breakdown, and 「明细」 the month's appeals. Written with
 * exceljs's streaming writer: each row is committed as it is made and leaves for the sink, so
 * a city's month of appeals never sits in memory whole.
 */

export const SUMMARY_SHEET = '汇总'
export const DETAIL_SHEET = '明细'

export const BREAKDOWN_SHEETS: readonly { dimension: Dimension; sheet: string; column: string }[] = [
  { dimension: 'area', sheet: '地区', column: '地区' },
  { dimension: 'unit', sheet: '部门与专班', column: '部门/专班' },
  { dimension: 'specialist', sheet: '专员', column: '专员' },
  { dimension: 'category', sheet: '诉求类别', column: '诉求类别' },
  { dimension: 'channel', sheet: '渠道', column: '渠道' },
  { dimension: 'scale', sheet: '企业规模', column: '企业规模' },
]

export const FIGURE_COLUMNS: readonly { figure: FigureName; header: string }[] = [
  { figure: 'received', header: '受理数' },
  { figure: 'withdrawn', header: '撤回数' },
  { figure: 'closed', header: '办结数' },
  { figure: 'resolved', header: '解决数' },
  { figure: 'cohortClosed', header: '当月受理已办结数' },
  { figure: 'onTime', header: '按时办结数' },
  { figure: 'evaluated', header: '已评价' },
  { figure: 'satisfied', header: '满意' },
  { figure: 'basically', header: '基本满意' },
  { figure: 'unsatisfied', header: '不满意' },
  { figure: 'notEvaluated', header: '未评价' },
  { figure: 'escalations', header: '提级' },
  { figure: 'extensions', header: '延期' },
  { figure: 'reopenings', header: '重新办理' },
  { figure: 'overdueAtMonthEnd', header: '月末超期' },
]

export const RATE_COLUMNS: readonly { rate: keyof Rates; header: string }[] = [
  { rate: 'closeRate', header: '办结率' },
  { rate: 'cohortCloseRate', header: '当月诉求办结率' },
  { rate: 'onTimeRate', header: '按时办结率' },
  { rate: 'satisfactionRate', header: '满意率' },
  { rate: 'resolvedRate', header: '解决率' },
]

type LineKind = 'count' | 'rate' | 'days'

/** One line of the summary sheet: what it is called, its value, and how it is counted. */
export interface SummaryLine {
  label: string
  kind: LineKind
  value: (r: MonthlyReport) => number | null
  note: (r: MonthlyReport) => string
}

const count = (label: string, figure: FigureName, note: string | ((r: MonthlyReport) => string)): SummaryLine => ({
  label,
  kind: 'count',
  value: (r) => r.figures[figure],
  note: typeof note === 'string' ? () => note : note,
})

export const SUMMARY_LINES: readonly SummaryLine[] = [
  count('受理数', 'received', '当月提交的诉求（不含已撤回的）'),
  count('撤回数', 'withdrawn', '当月提交、企业已撤回的诉求'),
  count('办结数', 'closed', '当月办结的诉求（无论何时受理）'),
  count('解决数', 'resolved', '当月办结且办理结果为「已解决」'),
  count('当月受理已办结数', 'cohortClosed', '当月受理的诉求中，截至报告日已办结的'),
  count('按时办结数', 'onTime', '当月办结、在办理时限（含延期）内答复的'),
  { label: '办结率', kind: 'rate', value: (r) => r.rates.closeRate, note: () => '办结率 = 办结数 ÷ 受理数' },
  {
    label: '当月诉求办结率（截至报告日）',
    kind: 'rate',
    value: (r) => r.rates.cohortCloseRate,
    note: () => '当月诉求办结率 = 当月受理已办结数 ÷ 受理数',
  },
  { label: '按时办结率', kind: 'rate', value: (r) => r.rates.onTimeRate, note: () => '按时办结率 = 按时办结数 ÷ 办结数' },
  {
    label: '满意率',
    kind: 'rate',
    value: (r) => r.rates.satisfactionRate,
    note: (r) => `满意率 = (满意 + 基本满意) ÷ 已评价；未评价 ${r.figures.notEvaluated} 件不计入`,
  },
  count('已评价', 'evaluated', '当月办结、企业已评价的'),
  count('满意', 'satisfied', '企业评价为「满意」'),
  count('基本满意', 'basically', '企业评价为「基本满意」'),
  count('不满意', 'unsatisfied', '企业评价为「不满意」'),
  count('未评价', 'notEvaluated', '答复后企业逾期未评价、系统自动办结的，不计为满意'),
  { label: '解决率', kind: 'rate', value: (r) => r.rates.resolvedRate, note: () => '解决率 = 解决数 ÷ 办结数' },
  {
    label: '首次响应用时 中位数（工作日）',
    kind: 'days',
    value: (r) => r.firstResponseDays.median,
    note: (r) => `当月受理的 ${r.firstResponseDays.count} 件，从提交到受理`,
  },
  { label: '首次响应用时 P90（工作日）', kind: 'days', value: (r) => r.firstResponseDays.p90, note: () => '90% 的诉求在此用时内受理' },
  {
    label: '办理用时 中位数（工作日）',
    kind: 'days',
    value: (r) => r.handlingDays.median,
    note: (r) => `当月办结的 ${r.handlingDays.count} 件，从提交到答复，不含等待企业补充材料的天数`,
  },
  { label: '办理用时 P90（工作日）', kind: 'days', value: (r) => r.handlingDays.p90, note: () => '90% 的诉求在此用时内答复' },
  count('提级次数', 'escalations', '当月提级督办的件次'),
  count('延期次数', 'extensions', '当月延长办理时限的件次'),
  count('重新办理次数', 'reopenings', '企业不满意、当月重新办理的件次'),
  count('月末超期', 'overdueAtMonthEnd', (r) => (r.monthComplete ? '月末仍未办结且已超过时限的' : '本月尚未结束，月末数待月末统计')),
  { label: '当前超期', kind: 'count', value: (r) => r.overdueNow, note: () => '截至报告日仍未办结且已超过时限的' },
  { label: '当前提级督办', kind: 'count', value: (r) => r.escalatedNow, note: () => '截至报告日仍未办结、处于属地或市级督办的' },
]

/**
 * The sampled return visits (抽查回访) of the month, for the city and area reports that have them:
 * 回访满意率 beside the enterprises' own 满意率, and the sample sizes it stands on.
 */
export const RETURN_VISIT_LINES: readonly SummaryLine[] = [
  {
    label: '回访满意率',
    kind: 'rate',
    value: (r) => r.returnVisits?.rate ?? null,
    note: () => '回访满意率 = (满意 + 基本满意) ÷ 回访接通数；抽查当月办结的诉求，未评价的全部回访',
  },
  { label: '回访抽查数', kind: 'count', value: (r) => r.returnVisits?.sampled ?? null, note: () => '按属地、渠道分层随机抽取的当月办结诉求' },
  { label: '回访接通数', kind: 'count', value: (r) => r.returnVisits?.reached ?? null, note: () => '电话接通、企业给出评价的' },
  {
    label: '回访未接通数',
    kind: 'count',
    value: (r) => r.returnVisits?.notReached ?? null,
    note: (r) => `已拨打但未接通的；另有 ${r.returnVisits?.pending ?? 0} 件尚未回访`,
  },
  { label: '回访评价不一致', kind: 'count', value: (r) => r.returnVisits?.inconsistent ?? null, note: () => '回访不满意、而企业在小程序中评价满意或基本满意的' },
]

/** Field work of the month (走访), for the city and area reports that have it. */
export const FIELD_WORK_LINES: readonly SummaryLine[] = [
  { label: '走访次数', kind: 'count', value: (r) => r.fieldWork?.visits ?? null, note: () => '当月记录的走访（含电话、视频、座谈）' },
  { label: '走访企业数', kind: 'count', value: (r) => r.fieldWork?.enterprisesVisited ?? null, note: () => '当月至少走访过一次的企业' },
  {
    label: '发现问题数',
    kind: 'count',
    value: (r) => (r.fieldWork ? r.fieldWork.problemsByChannel.reduce((sum, c) => sum + c.count, 0) : null),
    note: (r) => (r.fieldWork?.problemsByChannel ?? []).map((c) => `${c.name} ${c.count}`).join('，') || '当月受理的诉求，按来源渠道',
  },
]

/** Common problems (共性问题) linked in the month, for the city and area reports. */
export const COMMON_PROBLEM_LINES: readonly SummaryLine[] = [
  {
    label: '共性问题数',
    kind: 'count',
    value: (r) => r.commonProblems?.created ?? null,
    note: (r) => `当月合并的共性问题，报告日已统一答复 ${r.commonProblems?.answered ?? 0} 个`,
  },
  {
    label: '共性问题涉及诉求',
    kind: 'count',
    value: (r) => r.commonProblems?.appealsCovered ?? null,
    note: (r) => `一次办理、统一答复的诉求件数，涉及企业 ${r.commonProblems?.enterprisesCovered ?? 0} 家`,
  },
]

/** 升规入统 of the month, for the reports that have it. */
export const UPGRADE_LINES: readonly SummaryLine[] = [
  { label: '升规：培育中', kind: 'count', value: (r) => r.upgrade?.stages.cultivating ?? null, note: (r) => `报告日在培育阶段；本月新建档 ${r.upgrade?.newThisMonth.cultivating ?? 0} 家` },
  { label: '升规：申报中', kind: 'count', value: (r) => r.upgrade?.stages.applying ?? null, note: (r) => `报告日在申报阶段；本月新申报 ${r.upgrade?.newThisMonth.applying ?? 0} 家` },
  {
    label: '升规：已入规',
    kind: 'count',
    value: (r) => r.upgrade?.stages.entered ?? null,
    note: (r) => {
      const entered = r.upgrade?.newlyEntered ?? []
      return entered.length ? `本月新入规 ${entered.length} 家：${entered.map((e) => e.name).join('、')}` : '本月无新入规企业'
    },
  },
  { label: '升规：退出培育', kind: 'count', value: (r) => r.upgrade?.stages.left ?? null, note: (r) => `本月退出 ${r.upgrade?.newThisMonth.left ?? 0} 家` },
]

const PERCENT = '0.0%'
const DATE_TIME = 'yyyy-mm-dd hh:mm'
/** What a rate with nothing to divide by shows, as the dashboard does. */
const NO_VALUE = '—'
const BOLD = { bold: true }
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }

/** The report's name: the summary's title, and the header of every printed page. */
export const reportTitle = (report: Pick<MonthlyReport, 'scope' | 'month'>): string => `亲商直通 企业诉求办理月报 — ${report.scope.name} ${monthLabel(report.month)}`

/** In a header or footer `&` starts a code (&P, &N, &A…): a name's own `&` is written `&&`. */
const headerFooterText = (text: string) => text.replace(/&/g, '&&')

/** A4 in the OOXML paper-size list (exceljs declares it in a const enum, which isolated modules cannot read). */
const A4 = 9

/**
 * How a sheet prints, as an office prints it (A4, not the US Letter a spreadsheet assumes when
 * told nothing): one page wide, as many pages down as the rows need (the summary on exactly one),
 * across the page where the table is wide, its header row repeated on every page, and each page
 * headed with the report's name and the sheet, numbered 第 n 页，共 N 页 at the foot. Given when
 * the sheet is added: the streaming writer reads it then.
 */
function printLayout(
  report: MonthlyReport,
  layout: { orientation: 'portrait' | 'landscape'; headerRow: number; onePage?: boolean },
): Pick<ExcelJS.AddWorksheetOptions, 'pageSetup' | 'headerFooter'> {
  return pageLayout(reportTitle(report), layout)
}

/** The same print rules for any workbook of the product, headed with its own title. */
export function pageLayout(
  title: string,
  layout: { orientation: 'portrait' | 'landscape'; headerRow: number; onePage?: boolean },
): Pick<ExcelJS.AddWorksheetOptions, 'pageSetup' | 'headerFooter'> {
  return {
    pageSetup: {
      paperSize: A4,
      orientation: layout.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: layout.onePage ? 1 : 0,
      printTitlesRow: `${layout.headerRow}:${layout.headerRow}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L&9${headerFooterText(title)}&R&9&A`,
      oddFooter: '&C&9第 &P 页，共 &N 页',
    },
  }
}

/** Committed rows between two looks at the sink: keeps what waits for the upload to about a page. */
const DRAIN_EVERY = 200

export async function drained(sink: Writable): Promise<void> {
  if (sink.writableNeedDrain) await once(sink, 'drain')
}

/** Columns a text takes at the default font: a Chinese character is two, anything else one. */
const textWidth = (text: string) => Array.from(text).reduce((sum, ch) => sum + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0)

/**
 * A table's header row. A header wider than its column wraps instead of running into the next
 * one (当月受理已办结数 over a column of ten), the row made tall enough for the most lines.
 */
export function header(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values)
  row.font = BOLD
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  })
  const lines = Math.max(1, ...values.map((text, i) => Math.ceil(textWidth(text) / Math.max(1, (sheet.getColumn(i + 1).width ?? 10) - 1))))
  if (lines > 1) row.height = 15 * lines
  row.commit()
}

function writeSummary(workbook: ExcelJS.stream.xlsx.WorkbookWriter, report: MonthlyReport): void {
  const asOf = `${shanghaiTime(report.asOf)}${report.monthComplete ? '' : '（本月尚未结束，数据截至此时）'}`
  const about = [
    ['统计范围', report.scope.name],
    ['统计月份', monthLabel(report.month)],
    ['报告日期', asOf],
  ] as const
  // The title, the lines about the report and a blank line, then the table's header. Three
  // columns fit upright; the headline figures are one page, as the monthly report's first page is.
  const headerRow = 1 + about.length + 2
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, printLayout(report, { orientation: 'portrait', headerRow, onePage: true }))
  sheet.columns = [{ width: 30 }, { width: 14 }, { width: 60 }]
  const title = sheet.addRow([reportTitle(report)])
  title.font = { bold: true, size: 14 }
  title.commit()
  for (const [label, value] of about) sheet.addRow([label, value]).commit()
  sheet.addRow([]).commit()
  header(sheet, ['指标', '数值', '口径说明'])
  const sections = [
    ...(report.returnVisits ? RETURN_VISIT_LINES : []),
    ...(report.fieldWork ? FIELD_WORK_LINES : []),
    ...(report.commonProblems ? COMMON_PROBLEM_LINES : []),
    ...(report.upgrade ? UPGRADE_LINES : []),
  ]
  for (const line of [...SUMMARY_LINES, ...sections]) {
    const value = line.value(report)
    const row = sheet.addRow([line.label, value ?? NO_VALUE, line.note(report)])
    row.getCell(3).alignment = { indent: 1 }
    const cell = row.getCell(2)
    if (value !== null && line.kind === 'rate') cell.numFmt = PERCENT
    if (value === null) cell.alignment = { horizontal: 'right' }
    row.commit()
  }
  sheet.addRow([]).commit()
  // The paragraph spans the value and note columns, wrapped, tall enough for a few lines.
  const summary = sheet.addRow(['概述', report.summary])
  sheet.mergeCells(summary.number, 2, summary.number, 3)
  summary.getCell(1).alignment = { vertical: 'top' }
  summary.getCell(2).alignment = { wrapText: true, vertical: 'top' }
  summary.height = 15 * Math.max(2, Math.ceil(Array.from(report.summary).length / 36))
  summary.commit()
  sheet.commit()
}

function writeBreakdown(workbook: ExcelJS.stream.xlsx.WorkbookWriter, report: MonthlyReport, spec: (typeof BREAKDOWN_SHEETS)[number]): void {
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }], ...printLayout(report, { orientation: 'landscape', headerRow: 1 }) })
  sheet.columns = [{ width: 24 }, ...FIGURE_COLUMNS.map(() => ({ width: 10 })), ...RATE_COLUMNS.map(() => ({ width: 14 }))]
  header(sheet, [spec.column, ...FIGURE_COLUMNS.map((c) => c.header), ...RATE_COLUMNS.map((c) => c.header)])
  const rows = report.breakdowns[spec.dimension] ?? []
  if (rows.length === 0) sheet.addRow(['本月无数据']).commit()
  for (const item of rows) {
    const rates = RATE_COLUMNS.map((c) => item.rates[c.rate])
    const row = sheet.addRow([item.name, ...FIGURE_COLUMNS.map((c) => item.figures[c.figure]), ...rates.map((r) => r ?? NO_VALUE)])
    rates.forEach((r, i) => {
      const cell = row.getCell(2 + FIGURE_COLUMNS.length + i)
      if (r === null) cell.alignment = { horizontal: 'right' }
      else cell.numFmt = PERCENT
    })
    row.commit()
  }
  sheet.commit()
}

/** 1-based positions of the time columns. */
const TIME_COLUMNS = DETAIL_COLUMNS.flatMap((c, i) => (c.kind === 'time' ? [i + 1] : []))

function detailValue(row: DetailRow, column: (typeof DETAIL_COLUMNS)[number]): ExcelJS.CellValue {
  const value = row[column.key]
  if (value === undefined || value === '') return null
  return column.kind === 'time' ? shanghaiWallClock(String(value)) : value
}

/**
 * Writes the workbook into `sink`, taking the detail rows page by page; `onRows` hears the running
 * count after every page. Returns the number of detail rows. The sink is ended when the workbook
 * is complete.
 */
export async function writeWorkbook(
  report: MonthlyReport,
  pages: AsyncIterable<readonly DetailRow[]>,
  sink: Writable,
  onRows: (rows: number) => Promise<void> | void = () => undefined,
): Promise<number> {
  // Inline strings, not a shared-strings table: that table would be held until the very end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false })
  workbook.creator = '亲商直通'
  workbook.created = new Date(report.asOf)
  // Sheets go into the zip in order, and a sheet is buffered until those before it are done:
  // the small ones are committed first, so that the detail rows stream straight through.
  writeSummary(workbook, report)
  for (const spec of BREAKDOWN_SHEETS) writeBreakdown(workbook, report, spec)

  const detail = workbook.addWorksheet(DETAIL_SHEET, { views: [{ state: 'frozen', ySplit: 1 }], ...printLayout(report, { orientation: 'landscape', headerRow: 1 }) })
  detail.columns = DETAIL_COLUMNS.map((c) => ({ width: c.width }))
  header(detail, DETAIL_COLUMNS.map((c) => c.header))
  let rows = 0
  for await (const page of pages) {
    for (const item of page) {
      const row = detail.addRow(DETAIL_COLUMNS.map((c) => detailValue(item, c)))
      TIME_COLUMNS.forEach((i) => (row.getCell(i).numFmt = DATE_TIME))
      row.commit()
      rows++
      if (rows % DRAIN_EVERY === 0) await drained(sink)
    }
    await onRows(rows)
  }
  detail.commit()
  await workbook.commit()
  return rows
}
