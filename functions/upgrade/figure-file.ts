import ExcelJS from 'exceljs'
import { FIGURE_IMPORT_ALIASES, FIGURE_IMPORT_COLUMNS, MAX_FIGURE_IMPORT_ROWS, type FigureImportField, type FigureImportRow } from '@shared/domain/upgrade-import'
import { ValidationError } from '@shared/errors'

/**
 * Monthly figures files (升规月度数据) in and out: reads an admin's XLSX into FigureImportRow values
 * for planFigureImport, and builds the template. File-level trouble (unreadable, missing column,
 * too many rows) throws ValidationError; row-level trouble is the planner's.
 */

const HEADER_SEARCH_ROWS = 20
const unreadable = (message: string) => new ValidationError(message, { file: message }, 'FIGURES_UNREADABLE')

/** The text a person sees in a cell, whatever exceljs made of it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 7)
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run: { text?: unknown }) => cellText(run.text)).join('')
    if ('text' in value) return cellText(value.text)
    if ('result' in value) return cellText(value.result)
  }
  return ''
}

/** '*月份', '本年累计营业收入（万元）' and '本年累计营业收入' are the same column. */
const headerKey = (text: string): string => text.replace(/[\s*＊]+/g, '').replace(/[（(][^（()）]*[)）]$/, '')

const COLUMN_BY_HEADER = new Map<string, FigureImportField>([
  ...FIGURE_IMPORT_COLUMNS.map((c): [string, FigureImportField] => [headerKey(c.header), c.key]),
  ...Object.entries(FIGURE_IMPORT_ALIASES),
])

export async function readFigureFile(content: Buffer): Promise<{ rows: FigureImportRow[]; problems: string[] }> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(new Uint8Array(content).buffer)
  } catch {
    throw unreadable('无法读取文件，请确认是有效的 .xlsx 文件（可用 Excel 或 WPS 打开后另存为 .xlsx）')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw unreadable('文件中没有工作表')

  let header: { rowNumber: number; columnOf: Partial<Record<FigureImportField, number>>; problems: string[] } | undefined
  for (let rowNumber = 1; rowNumber <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); rowNumber++) {
    const columnOf: Partial<Record<FigureImportField, number>> = {}
    const problems: string[] = []
    sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
      const text = cellText(cell.value).trim()
      if (!text) return
      const key = COLUMN_BY_HEADER.get(headerKey(text))
      if (!key) problems.push(`已忽略未识别的列「${text}」`)
      else if (columnOf[key] === undefined) columnOf[key] = columnNumber
    })
    if (Object.keys(columnOf).length > Object.keys(header?.columnOf ?? {}).length) header = { rowNumber, columnOf, problems }
  }
  const found = header
  const missing = FIGURE_IMPORT_COLUMNS.filter((c) => c.required && found?.columnOf[c.key] === undefined)
  if (!found || missing.length > 0) {
    const fields = Object.fromEntries(missing.map((c) => [c.key, `缺少列「${c.header}」`]))
    throw new ValidationError(
      found ? Object.values(fields).join('；') : '未找到表头：请使用月度数据模板（统一社会信用代码、月份、本年累计营业收入、从业人员）',
      { file: '缺少必需的列', ...fields },
      'FIGURES_COLUMN_MISSING',
    )
  }

  const rows: FigureImportRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= found.rowNumber) return
    const read = (key: FigureImportField) => {
      const column = found.columnOf[key]
      return column === undefined ? '' : cellText(row.getCell(column).value).trim()
    }
    const line: FigureImportRow = { row: rowNumber, enterprise: read('enterprise'), month: read('month'), revenueYtd: read('revenueYtd'), lastYearRevenue: read('lastYearRevenue'), employees: read('employees') }
    if (FIGURE_IMPORT_COLUMNS.every((c) => line[c.key] === '')) return
    rows.push(line)
  })
  if (rows.length === 0) throw new ValidationError('文件中没有数据行', { file: '文件中没有数据行' }, 'FIGURES_EMPTY')
  if (rows.length > MAX_FIGURE_IMPORT_ROWS) {
    throw new ValidationError(`最多 ${MAX_FIGURE_IMPORT_ROWS} 行数据，当前文件有 ${rows.length} 行，请分批导入`, { file: `最多 ${MAX_FIGURE_IMPORT_ROWS} 行` }, 'FIGURES_TOO_MANY_ROWS')
  }
  return { rows, problems: found.problems }
}

/** The template: the header row (code and month typed as text), one example row and a help sheet. */
export async function buildFigureTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '亲商直通'
  const sheet = workbook.addWorksheet('月度数据', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = FIGURE_IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'enterprise' ? 24 : 22,
    style: c.key === 'enterprise' || c.key === 'month' ? { numFmt: '@' } : {},
  }))
  sheet.getRow(1).font = { bold: true }
  FIGURE_IMPORT_COLUMNS.forEach((c, index) => {
    sheet.getRow(1).getCell(index + 1).note = `${c.required ? '必填' : '选填'}：${c.help}`
  })
  sheet.addRow(Object.fromEntries(FIGURE_IMPORT_COLUMNS.map((c) => [c.key, c.example])))
  const help = workbook.addWorksheet('填写说明')
  help.columns = [{ width: 26 }, { width: 10 }, { width: 60 }]
  help.addRow(['升规入统月度数据填写说明']).font = { bold: true, size: 14 }
  help.addRow(['只读取第一个工作表；一行一家企业一个月份；示例行导入前请删除。'])
  help.addRow(['导入前会先逐行列出将新增、更新、不变或有误的内容，确认后才写入；更正的月份保留原值。'])
  help.addRow([])
  help.addRow(['列名', '是否必填', '说明']).font = { bold: true }
  for (const c of FIGURE_IMPORT_COLUMNS) help.addRow([c.header, c.required ? '必填' : '选填', c.help])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
