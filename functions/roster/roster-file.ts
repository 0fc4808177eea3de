import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { normalizeCreditCode } from '@shared/domain/credit-code'
import { INDUSTRY_LABEL, ROSTER_COLUMNS, SCALE_LABEL, cleanText } from '@shared/domain/roster'
import type { RosterField, RosterRow } from '@shared/domain/roster'
import { ValidationError } from '@shared/errors'
import type { Area } from '@shared/schemas/catalog.schema'

/**
 * Roster files (企业名单) in and out: reads an admin's XLSX or CSV into RosterRow values for
 * planRosterImport, and builds the template they fill in. File-level trouble (wrong type,
 * unreadable, missing column, too many rows) throws ValidationError; row-level trouble is the
 * planner's business, so cells come back as the text the admin typed.
 */

export const MAX_ROSTER_ROWS = 5000
/** Admins often put a title row or two above the header; look this far down for it. */
const HEADER_SEARCH_ROWS = 20

export interface RosterFile {
  name: string
  content: Buffer
}

export interface RosterFileContent {
  rows: RosterRow[]
  /** Warnings about the file as a whole, in Chinese; the rows are still usable. */
  problems: string[]
}

type RosterFormat = 'xlsx' | 'csv'

const unreadable = (message: string) => new ValidationError(message, {}, 'ROSTER_UNREADABLE')

function formatOf(fileName: string): RosterFormat {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase()
  if (extension === 'xlsx' || extension === 'csv') return extension
  // .xls is the format admins most often still have; tell them the one step that fixes it.
  const hint = extension === 'xls' ? '不支持 Excel 97-2003（.xls）格式，请在 Excel 中另存为 .xlsx 后上传' : '仅支持 .xlsx 或 .csv 格式的名单文件'
  throw new ValidationError(hint, { file: hint }, 'ROSTER_UNSUPPORTED_FILE')
}

/**
 * CSV arrives as UTF-8 (with or without BOM) from most tools, but Excel's plain "CSV" on a
 * Chinese Windows writes GB18030; decode that too rather than import mojibake.
 */
function decodeCsv(content: Buffer): string {
  if (content.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    throw unreadable('文件内容是 Excel 工作簿而不是 CSV，请把扩展名改为 .xlsx 后上传')
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content) // drops the BOM
  } catch {
    try {
      return new TextDecoder('gb18030').decode(content)
    } catch {
      throw unreadable('无法识别 CSV 文件的编码，请另存为「CSV UTF-8（逗号分隔）」后上传')
    }
  }
}

async function firstWorksheet(format: RosterFormat, content: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  if (format === 'csv') {
    const text = decodeCsv(content)
    try {
      // The identity map keeps every cell as typed: exceljs would otherwise turn an 18-digit
      // credit code into a float (losing digits) and phone numbers into numbers.
      return await workbook.csv.read(Readable.from([Buffer.from(text, 'utf8')]), { map: (value: unknown) => value })
    } catch {
      throw unreadable('无法读取 CSV 文件，请检查引号和分隔符是否成对、正确')
    }
  }
  try {
    // exceljs types its input as an ArrayBuffer look-alike that a Node Buffer does not satisfy.
    await workbook.xlsx.load(new Uint8Array(content).buffer)
  } catch {
    throw unreadable('无法读取文件，请确认是有效的 .xlsx 文件（可用 Excel 或 WPS 打开后另存为 .xlsx）')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw unreadable('文件中没有工作表')
  return sheet
}

/** The text a person sees in a cell, whatever exceljs made of it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  // Phone numbers typed into a General cell come back as numbers; never show them as 1.38e10.
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run: { text?: unknown }) => cellText(run.text)).join('')
    if ('text' in value) return cellText(value.text) // hyperlink; its text may itself be rich text
    if ('result' in value) return cellText(value.result) // formula, shared formula
    if ('error' in value) return cellText(value.error)
  }
  return ''
}

/** '*企业名称', ' 企业名称（必填）' and '企业名称' are the same column. */
const headerKey = (text: string): string =>
  text
    .replace(/[\s*＊]+/g, '')
    .replace(/[（(][^（()）]*[)）]$/, '')

const COLUMN_BY_HEADER = new Map(ROSTER_COLUMNS.map((c) => [headerKey(c.header), c]))

interface HeaderRow {
  rowNumber: number
  columnOf: Partial<Record<RosterField, number>>
  problems: string[]
}

function findHeaderRow(sheet: ExcelJS.Worksheet): HeaderRow {
  let best: HeaderRow | undefined
  for (let rowNumber = 1; rowNumber <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); rowNumber++) {
    const row = sheet.findRow(rowNumber)
    if (!row) continue
    const columnOf: Partial<Record<RosterField, number>> = {}
    const problems: string[] = []
    row.eachCell((cell, columnNumber) => {
      const text = cleanText(cellText(cell.value))
      if (!text) return
      const column = COLUMN_BY_HEADER.get(headerKey(text))
      if (!column) problems.push(`已忽略未识别的列「${text}」`)
      else if (columnOf[column.key] !== undefined) problems.push(`列「${column.header}」出现了多次，只读取第一列`)
      else columnOf[column.key] = columnNumber
    })
    const found = Object.keys(columnOf).length
    if (found > 0 && (!best || found > Object.keys(best.columnOf).length)) best = { rowNumber, columnOf, problems }
  }
  if (!best) {
    const fields = Object.fromEntries(ROSTER_COLUMNS.filter((c) => c.required).map((c) => [c.key, `缺少列「${c.header}」`]))
    throw new ValidationError(
      `未找到表头：第一个工作表的前 ${HEADER_SEARCH_ROWS} 行中没有「统一社会信用代码」「企业名称」等列名，请使用名单模板`,
      fields,
      'ROSTER_COLUMN_MISSING',
    )
  }
  const header = best
  const missing = ROSTER_COLUMNS.filter((c) => header.columnOf[c.key] === undefined)
  const missingRequired = missing.filter((c) => c.required)
  if (missingRequired.length > 0) {
    const fields = Object.fromEntries(missingRequired.map((c) => [c.key, `缺少列「${c.header}」`]))
    throw new ValidationError(Object.values(fields).join('；'), fields, 'ROSTER_COLUMN_MISSING')
  }
  for (const column of missing) header.problems.push(`未找到列「${column.header}」，该列按空白处理`)
  return header
}

const EXAMPLE_CREDIT_CODE = ROSTER_COLUMNS.find((c) => c.key === 'creditCode')?.example

export async function readRosterFile(file: RosterFile): Promise<RosterFileContent> {
  const sheet = await firstWorksheet(formatOf(file.name), file.content)
  const header = findHeaderRow(sheet)
  const problems = [...header.problems]
  const rows: RosterRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= header.rowNumber) return
    const rosterRow: RosterRow = {
      row: rowNumber,
      creditCode: '',
      enterpriseName: '',
      areaName: '',
      industry: '',
      scale: '',
      contactName: '',
      contactPhone: '',
      specialistName: '',
      specialistPhone: '',
      specialistTitle: '',
    }
    for (const column of ROSTER_COLUMNS) {
      const columnNumber = header.columnOf[column.key]
      if (columnNumber !== undefined) rosterRow[column.key] = cleanText(cellText(row.getCell(columnNumber).value))
    }
    if (ROSTER_COLUMNS.every((c) => rosterRow[c.key] === '')) return
    const creditCodeColumn = header.columnOf.creditCode
    if (creditCodeColumn !== undefined && typeof row.getCell(creditCodeColumn).value === 'number') {
      problems.push(`第 ${rowNumber} 行的统一社会信用代码被存成了数字，末几位可能已被 Excel 改写，请把该列设为文本格式后重新填写`)
    }
    if (normalizeCreditCode(rosterRow.creditCode) === EXAMPLE_CREDIT_CODE) {
      problems.push(`第 ${rowNumber} 行是模板中的示例，如无需导入请删除`)
    }
    rows.push(rosterRow)
  })
  if (rows.length > MAX_ROSTER_ROWS) {
    throw new ValidationError(
      `名单最多 ${MAX_ROSTER_ROWS} 行数据，当前文件有 ${rows.length} 行，请分批导入`,
      { file: `最多 ${MAX_ROSTER_ROWS} 行` },
      'ROSTER_TOO_MANY_ROWS',
    )
  }
  return { rows, problems }
}

const COLUMN_HELP: Record<RosterField, string> = {
  creditCode: '18 位，营业执照上的代码；同一企业在名单中只能出现一次，已登记的企业按此代码更新',
  enterpriseName: '与营业执照一致的全称',
  areaName: '从下拉列表选择，须与下方「可填的所属属地」完全一致',
  industry: `从下拉列表选择：${Object.values(INDUSTRY_LABEL).join('、')}`,
  scale: `从下拉列表选择：${Object.values(SCALE_LABEL).join('、')}`,
  contactName: '企业方联系人；与联系人手机都留空时保留系统中原有联系人',
  contactPhone: '11 位手机号',
  specialistName: '专员三列都留空：不改变企业现有的专员；新企业进入属地值班队列',
  specialistPhone: '填写专员时必填；系统按手机号识别专员，未登记的手机号会新建专员',
  specialistTitle: '可留空，新专员默认为「企业服务专员」',
}

const COLUMN_WIDTH: Record<RosterField, number> = {
  creditCode: 24,
  enterpriseName: 34,
  areaName: 16,
  industry: 12,
  scale: 10,
  contactName: 12,
  contactPhone: 16,
  specialistName: 12,
  specialistPhone: 16,
  specialistTitle: 22,
}

/** Typed as text so that Excel keeps leading zeros and all 18 digits, and shows phones as typed. */
const TEXT_COLUMNS = new Set<RosterField>(['creditCode', 'contactPhone', 'specialistPhone'])

const HELP_SHEET = '填写说明'

// exceljs 4.4 has worksheet.dataValidations at runtime (range addresses included) but leaves it
// out of its typings; one range rule beats 5,000 per-cell copies.
type WithDataValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }

const listValidation = (formula: string, what: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [formula],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: `${what}不正确`,
  error: `请从下拉列表中选择${what}`,
})

function exampleRow(areas: readonly Area[]): Record<RosterField, string> {
  const example = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.example])) as Record<RosterField, string>
  return { ...example, areaName: areas[0]?.name ?? example.areaName }
}

function addHelpSheet(workbook: ExcelJS.Workbook, areas: readonly Area[]): string | undefined {
  const help = workbook.addWorksheet(HELP_SHEET)
  help.columns = [{ width: 20 }, { width: 10 }, { width: 70 }, { width: 24 }]
  help.addRow(['企业名单填写说明']).font = { bold: true, size: 14 }
  help.addRow(['只读取第一个工作表「企业名单」；表头行请勿修改，列的顺序可以调整。'])
  help.addRow([`一行一家企业，最多 ${MAX_ROSTER_ROWS} 行；导入前会先列出每行将新增、更新或出错的内容，确认后才写入。`])
  help.addRow(['示例行仅作参考，导入前请删除。'])
  help.addRow([])
  help.addRow(['列名', '是否必填', '说明', '示例']).font = { bold: true }
  for (const column of ROSTER_COLUMNS) {
    help.addRow([column.header, column.required ? '必填' : '选填', COLUMN_HELP[column.key], exampleRow(areas)[column.key]])
  }
  help.addRow([])
  help.addRow(['可填的所属属地']).font = { bold: true }
  const first = help.rowCount + 1
  for (const area of areas) help.addRow([area.name])
  // The area list lives here so the drop-down on the first sheet can point at it (no 255-character limit).
  return areas.length > 0 ? `'${HELP_SHEET}'!$A$${first}:$A$${help.rowCount}` : undefined
}

async function buildXlsxTemplate(areas: readonly Area[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '亲商直通'
  const sheet = workbook.addWorksheet('企业名单', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: COLUMN_WIDTH[c.key],
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {},
  }))
  const headerRow = sheet.getRow(1)
  headerRow.font = { bold: true }
  ROSTER_COLUMNS.forEach((column, index) => {
    const cell = headerRow.getCell(index + 1)
    cell.note = `${column.required ? '必填' : '选填'}：${COLUMN_HELP[column.key]}`
    if (column.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } }
  })
  sheet.addRow(exampleRow(areas))

  const areaRange = addHelpSheet(workbook, areas)
  const validations = (sheet as unknown as WithDataValidations).dataValidations
  const columnRange = (key: RosterField) => {
    const letter = sheet.getColumn(key).letter
    return `${letter}2:${letter}${MAX_ROSTER_ROWS + 1}`
  }
  validations.add(columnRange('industry'), listValidation(`"${Object.values(INDUSTRY_LABEL).join(',')}"`, '行业'))
  validations.add(columnRange('scale'), listValidation(`"${Object.values(SCALE_LABEL).join(',')}"`, '规模'))
  if (areaRange) validations.add(columnRange('areaName'), listValidation(areaRange, '所属属地'))

  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function buildCsvTemplate(areas: readonly Area[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('企业名单')
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header))
  const example = exampleRow(areas)
  sheet.addRow(ROSTER_COLUMNS.map((c) => example[c.key]))
  // The BOM is what makes Excel open a UTF-8 CSV as UTF-8 rather than the ANSI code page.
  return Buffer.from(await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: true } }))
}

/** The template admins download: the header row plus one example row. */
export async function buildRosterTemplate(format: 'xlsx' | 'csv', areas: Area[]): Promise<Buffer> {
  return format === 'xlsx' ? buildXlsxTemplate(areas) : buildCsvTemplate(areas)
}
