import ExcelJS from 'exceljs'
import { MAX_POLICY_IMPORT_ROWS, POLICY_IMPORT_COLUMNS, type PolicyImportField, type PolicyImportRow } from '@shared/domain/policy-import'
import { ValidationError } from '@shared/errors'

/*
 * Policies files (政策批量导入) in and out: reads an admin's XLSX into PolicyImportRow values for
 * planPolicyImport, and builds the template. File-level trouble throws ValidationError; row-level
 * trouble is the planner's.
 */

const HEADER_SEARCH_ROWS = 20
const unreadable = (message: string) => new ValidationError(message, { file: message }, 'POLICIES_UNREADABLE')

/** The text a person sees in a cell, whatever exceljs made of it (dates as YYYY-MM-DD, Shanghai). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (value instanceof Date) return new Date(value.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run: { text?: unknown }) => cellText(run.text)).join('')
    if ('hyperlink' in value && 'text' in value) return cellText(value.text)
    if ('text' in value) return cellText(value.text)
    if ('result' in value) return cellText(value.result)
  }
  return ''
}

/** '*政策名称' and '政策名称（必填）' are the same column. */
const headerKey = (text: string): string => text.replace(/[\s*＊]+/g, '').replace(/[（(][^（()）]*[)）]$/, '')
const COLUMN_BY_HEADER = new Map<string, PolicyImportField>(POLICY_IMPORT_COLUMNS.map((c) => [headerKey(c.header), c.key]))

export async function readPolicyFile(content: Buffer): Promise<{ rows: PolicyImportRow[]; problems: string[] }> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(new Uint8Array(content).buffer)
  } catch {
    throw unreadable('无法读取文件，请确认是有效的 .xlsx 文件（可用 Excel 或 WPS 打开后另存为 .xlsx）')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw unreadable('文件中没有工作表')

  let header: { rowNumber: number; columnOf: Partial<Record<PolicyImportField, number>>; problems: string[] } | undefined
  for (let rowNumber = 1; rowNumber <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); rowNumber++) {
    const columnOf: Partial<Record<PolicyImportField, number>> = {}
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
  const missing = POLICY_IMPORT_COLUMNS.filter((c) => c.required && found?.columnOf[c.key] === undefined)
  if (!found || missing.length > 0) {
    const fields = Object.fromEntries(missing.map((c) => [c.key, `缺少列「${c.header}」`]))
    throw new ValidationError(found ? Object.values(fields).join('；') : '未找到表头：请使用政策导入模板', { file: '缺少必需的列', ...fields }, 'POLICIES_COLUMN_MISSING')
  }

  const rows: PolicyImportRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= found.rowNumber) return
    const line = { row: rowNumber } as PolicyImportRow
    for (const c of POLICY_IMPORT_COLUMNS) {
      const column = found.columnOf[c.key]
      line[c.key] = column === undefined ? '' : cellText(row.getCell(column).value).trim()
    }
    if (POLICY_IMPORT_COLUMNS.every((c) => line[c.key] === '')) return
    rows.push(line)
  })
  if (rows.length === 0) throw new ValidationError('文件中没有数据行', { file: '文件中没有数据行' }, 'POLICIES_EMPTY')
  if (rows.length > MAX_POLICY_IMPORT_ROWS) {
    throw new ValidationError(`最多 ${MAX_POLICY_IMPORT_ROWS} 行数据，当前文件有 ${rows.length} 行，请分批导入`, { file: `最多 ${MAX_POLICY_IMPORT_ROWS} 行` }, 'POLICIES_TOO_MANY_ROWS')
  }
  return { rows, problems: found.problems }
}

/** The template: the header row (dates and phone typed as text), one example row and a help sheet. */
export async function buildPolicyTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '亲商直通'
  const sheet = workbook.addWorksheet('政策', { views: [{ state: 'frozen', ySplit: 1 }] })
  const asText = new Set<PolicyImportField>(['issuedOn', 'effectiveOn', 'expiresOn', 'phone'])
  sheet.columns = POLICY_IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'keyPoints' || c.key === 'howToApply' ? 40 : 18, style: asText.has(c.key) ? { numFmt: '@' } : {} }))
  sheet.getRow(1).font = { bold: true }
  POLICY_IMPORT_COLUMNS.forEach((c, index) => {
    sheet.getRow(1).getCell(index + 1).note = `${c.required ? '必填' : '选填'}：${c.help}`
  })
  sheet.addRow(Object.fromEntries(POLICY_IMPORT_COLUMNS.map((c) => [c.key, c.example])))
  const help = workbook.addWorksheet('填写说明')
  help.columns = [{ width: 16 }, { width: 10 }, { width: 70 }]
  help.addRow(['政策批量导入填写说明']).font = { bold: true, size: 14 }
  help.addRow(['只读取第一个工作表；一行一条政策；示例行导入前请删除。'])
  help.addRow(['导入前会先逐行列出将新增、已存在（同名政策不重复导入）或有误的内容；导入的政策都是草稿，核对后再逐条发布。'])
  help.addRow([])
  help.addRow(['列名', '是否必填', '说明']).font = { bold: true }
  for (const c of POLICY_IMPORT_COLUMNS) help.addRow([c.header, c.required ? '必填' : '选填', c.help])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
