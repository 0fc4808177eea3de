import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { holderText, LEDGER_COLUMNS, sourceText } from '@shared/domain/problem-ledger'
import type { LedgerRow } from '@shared/schemas/ledger.schema'
import { drained, header, pageLayout } from './export-workbook'
import { shanghaiTime, shanghaiWallClock } from './export-rows'

/*
 * The problem ledger (问题台账) as an XLSX workbook: one sheet 「问题台账」, a title and the filters
 * above the table, one row per problem. It prints by the monthly report's rules (A4 across the
 * page, one page wide, the header row on every page, the ledger's name at the top and 第 n 页，
 * 共 N 页 at the foot), and is written with exceljs's streaming writer, so ten thousand rows
 * never sit in memory whole.
 */

export const LEDGER_SHEET = '问题台账'

/** A row as printed: the ledger row and the enterprise contact's phone, already masked. */
export interface LedgerPrintRow extends LedgerRow {
  phone: string
}

export interface LedgerWorkbookMeta {
  scopeName: string
  /** The filters in words (ledgerFilterText). */
  filterText: string
  asOf: string
}

export const ledgerTitle = (scopeName: string): string => `亲商直通 问题台账 — ${scopeName}`

const DATE = 'yyyy-mm-dd'
const TITLE_LINES = 3

function values(row: LedgerPrintRow, index: number): ExcelJS.CellValue[] {
  return [
    index,
    row.number,
    row.enterpriseName,
    row.areaName,
    row.categoryName,
    row.title,
    sourceText(row),
    shanghaiWallClock(row.createdAt),
    row.measure?.text ?? '未定',
    row.measure?.unit ?? '',
    row.measure ? new Date(`${row.measure.dueDate}T00:00:00Z`) : null,
    holderText(row),
    shanghaiWallClock(row.dueAt),
    row.statusLabel,
    row.overdue ? '是' : '否',
    row.closedAt ? shanghaiWallClock(row.closedAt) : null,
    row.satisfaction,
    row.phone,
  ]
}

/** Dates (提出日期, 措施时限, 办理时限, 办结日期), 1-based; every other column wraps within its width. */
const DATES = [8, 11, 13, 16]

const LINE_HEIGHT = 17

/** Columns a text takes at the default font: a Chinese character is two, anything else one. */
const textWidth = (text: string) => Array.from(text).reduce((sum, ch) => sum + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0)

/** How many lines the row's longest text wraps to in its column. */
function linesOf(cells: readonly ExcelJS.CellValue[]): number {
  return Math.max(
    1,
    ...cells.map((value, i) => (typeof value === 'string' ? Math.ceil(textWidth(value) / Math.max(1, LEDGER_COLUMNS[i]!.width - 1)) : 1)),
  )
}

/**
 * Writes the ledger into `sink`, taking its rows page by page; `onRows` hears the running count
 * after every page. Returns the number of rows. The sink is ended when the workbook is complete.
 */
export async function writeLedgerWorkbook(
  meta: LedgerWorkbookMeta,
  pages: AsyncIterable<readonly LedgerPrintRow[]>,
  sink: Writable,
  onRows: (rows: number) => Promise<void> | void = () => undefined,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false })
  workbook.creator = '亲商直通'
  workbook.created = new Date(meta.asOf)
  const headerRow = TITLE_LINES + 1
  const sheet = workbook.addWorksheet(LEDGER_SHEET, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    ...pageLayout(ledgerTitle(meta.scopeName), { orientation: 'landscape', headerRow }),
  })
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }))
  const title = sheet.addRow([ledgerTitle(meta.scopeName)])
  title.font = { bold: true, size: 14 }
  title.commit()
  sheet.addRow([`筛选条件：${meta.filterText}　　导出时间：${shanghaiTime(meta.asOf)}　　联系电话已隐去中间四位`]).commit()
  sheet.addRow([]).commit()
  header(sheet, LEDGER_COLUMNS.map((c) => c.header))
  let rows = 0
  for await (const page of pages) {
    for (const item of page) {
      rows++
      const cells = values(item, rows)
      const row = sheet.addRow(cells)
      row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'top' }))
      DATES.forEach((i) => (row.getCell(i).numFmt = DATE))
      // Spreadsheets do not grow a written row for its wrapped text when they open the file: tall enough for its longest cell.
      row.height = LINE_HEIGHT * linesOf(cells)
      row.commit()
      if (rows % 200 === 0) await drained(sink)
    }
    await onRows(rows)
  }
  if (rows === 0) sheet.addRow(['没有符合条件的问题']).commit()
  sheet.commit()
  await workbook.commit()
  return rows
}
