import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { planRosterImport, ROSTER_COLUMNS } from '@shared/domain/roster'
import { ValidationError } from '@shared/errors'
import { buildRosterTemplate, MAX_ROSTER_ROWS, readRosterFile } from '../../functions/roster/roster-file'
import { BAD_ROWS, GOOD_ROWS, demo, demoContext, newCreditCode } from '../fixtures/roster/roster-fixtures'

const fixture = (name: string) => ({ name, content: readFileSync(new URL(`../fixtures/roster/${name}`, import.meta.url)) })

const HEADERS = ROSTER_COLUMNS.map((c) => c.header)

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('名单')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const csv = (lines: string[], bom = false): Buffer => Buffer.from((bom ? '\uFEFF' : '') + lines.join('\r\n'), 'utf8')

/** Excel's plain "CSV" on Chinese Windows is GB18030; Node decodes it but cannot encode it, so invert the decoder. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(Uint8Array.of(lead, trail))
      if (trail !== 0x7f && !table.has(char)) table.set(char, [lead, trail])
    }
  }
  return Buffer.from(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)]
      const bytes = table.get(char)
      if (!bytes) throw new Error(`no GB18030 bytes for ${char}`)
      return bytes
    }),
  )
}

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return error as ValidationError
}

describe('reading roster files', () => {
  it.each(['good.xlsx', 'good.csv'])('reads %s row by row, numbered as in the spreadsheet', async (name) => {
    const { rows, problems } = await readRosterFile(fixture(name))
    expect(rows).toEqual(GOOD_ROWS.map((cells, index) => ({ row: index + 2, ...cells })))
    // Not circular: the all-digit code of en-0002 must survive (exceljs's CSV reader would make it a float).
    expect(rows[1]?.creditCode).toBe('914303041455409130')
    expect(problems).toEqual([])
  })

  it.each(['good.xlsx', 'good.csv'])('plans %s: two unchanged, one reassigned, two created', async (name) => {
    const plan = planRosterImport((await readRosterFile(fixture(name))).rows, demoContext(['xt-hitech']))
    expect(plan.summary).toEqual({ create: 2, update: 1, unchanged: 2, invalid: 0 })
    expect(plan.reassignments).toEqual([
      { enterpriseId: 'en-0003', fromSpecialistId: 'sp-004', toSpecialistId: 'sp-002' },
      { enterpriseId: 'en-new-1', fromSpecialistId: null, toSpecialistId: 'sp-new-1' },
    ])
  })

  it.each(['bad.xlsx', 'bad.csv'])('reads %s and plans one valid row and six invalid ones', async (name) => {
    const { rows } = await readRosterFile(fixture(name))
    expect(rows).toEqual(BAD_ROWS.map((cells, index) => ({ row: index + 2, ...cells })))
    const plan = planRosterImport(rows, demoContext(['xt-hitech']))
    expect(plan.rows.map((r) => [r.row, r.action, r.errors])).toEqual([
      [2, 'create', []],
      [3, 'invalid', [{ field: 'creditCode', message: expect.stringMatching(/^统一社会信用代码校验位错误（应为 .）$/) }]],
      [4, 'invalid', [{ field: 'areaName', message: '未知属地「湘潭综合保税区」' }]],
      [5, 'invalid', [{ field: 'creditCode', message: '与第 2 行的统一社会信用代码重复' }]],
      [6, 'invalid', [{ field: 'enterpriseName', message: '缺少企业名称' }]],
      [7, 'invalid', [{ field: 'contactPhone', message: '手机号格式不正确' }]],
      [8, 'invalid', [{ field: 'specialistPhone', message: '手机号 18629819631 已属于专员「姜婷」' }]],
    ])
  })

  it('finds the header below a title row, in any column order, and reads numbers, rich text, links and formulas as text', async () => {
    const reordered = [...ROSTER_COLUMNS].reverse()
    const cells: Record<string, ExcelJS.CellValue> = {
      specialistTitle: { richText: [{ text: '园区企业' }, { text: '服务专员', font: { bold: true } }] },
      specialistPhone: 18626857447,
      specialistName: '徐慧萍',
      contactPhone: 18955066490,
      contactName: '范波艳',
      scale: { formula: '"规"&"上"', result: '规上' },
      industry: '工业',
      areaName: '湘潭高新区',
      enterpriseName: { text: '湖南锦程汽车零部件有限公司', hyperlink: 'https://example.cn/jincheng' },
      creditCode: '91430304379045501Y',
    }
    const content = await xlsx([['湘潭高新区 企业名单（2026 年 1 月）'], [], [...reordered.map((c) => ` ${c.header} `), '备注'], reordered.map((c) => cells[c.key] ?? null)])
    const { rows, problems } = await readRosterFile({ name: '名单.XLSX', content })
    expect(rows).toEqual([
      {
        row: 4,
        creditCode: '91430304379045501Y',
        enterpriseName: '湖南锦程汽车零部件有限公司',
        areaName: '湘潭高新区',
        industry: '工业',
        scale: '规上',
        contactName: '范波艳',
        contactPhone: '18955066490',
        specialistName: '徐慧萍',
        specialistPhone: '18626857447',
        specialistTitle: '园区企业服务专员',
      },
    ])
    expect(problems).toEqual(['已忽略未识别的列「备注」'])
    expect(planRosterImport(rows, demoContext()).rows[0]?.action).toBe('unchanged')
  })

  it('accepts header decorations: a required mark and a note in brackets', async () => {
    const content = csv([HEADERS.map((h, i) => (i < 5 ? `*${h}` : `${h}（选填）`)).join(','), GOOD_ROWS[0]!.creditCode + ',甲,湘潭高新区,工业,规上,,,,,'])
    const { rows } = await readRosterFile({ name: 'a.csv', content })
    expect(rows[0]).toMatchObject({ creditCode: GOOD_ROWS[0]!.creditCode, enterpriseName: '甲' })
  })

  it('skips empty rows, keeps row numbers, and collapses full-width and repeated spaces', async () => {
    const content = csv([HEADERS.join(','), '', ',,,,,,,,,', `${newCreditCode('MA4L8T5D0')},\u3000湘潭  示例\u3000机电有限公司 ,湘潭高新区,工业,规上,,,,,`, ''], true)
    const { rows } = await readRosterFile({ name: 'a.csv', content })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ row: 4, enterpriseName: '湘潭 示例 机电有限公司' })
  })

  it('warns when Excel stored a credit code as a number', async () => {
    const content = await xlsx([HEADERS, [914303041455409130, '湖南立恒供应链有限公司', '湘潭高新区', '批零住餐', '规上']])
    const { rows, problems } = await readRosterFile({ name: 'a.xlsx', content })
    expect(rows[0]?.creditCode).toMatch(/^\d{18}$/)
    expect(problems).toEqual([expect.stringContaining('第 2 行的统一社会信用代码被存成了数字')])
  })

  it('reads a CSV saved by Excel as GB18030', async () => {
    const content = gb18030([HEADERS.join(','), `${GOOD_ROWS[0]!.creditCode},湖南锦程汽车零部件有限公司,湘潭高新区,工业,规上,,,,,`].join('\r\n'))
    const { rows } = await readRosterFile({ name: 'a.csv', content })
    expect(rows[0]).toMatchObject({ enterpriseName: '湖南锦程汽车零部件有限公司', areaName: '湘潭高新区', industry: '工业' })
  })

  it('reads a file without the optional columns, saying so', async () => {
    const content = csv([HEADERS.slice(0, 5).join(','), `${GOOD_ROWS[0]!.creditCode},湖南锦程汽车零部件有限公司,湘潭高新区,工业,规上`])
    const { rows, problems } = await readRosterFile({ name: 'a.csv', content })
    expect(rows[0]?.specialistPhone).toBe('')
    expect(problems).toEqual(HEADERS.slice(5).map((h) => `未找到列「${h}」，该列按空白处理`))
  })

  it.each([
    ['xlsx', () => xlsx([HEADERS.filter((h) => h !== '企业名称')])],
    ['csv', async () => csv([HEADERS.filter((h) => h !== '企业名称').join(',')])],
  ])('names a missing required column (%s)', async (format, build) => {
    const error = await rejection(readRosterFile({ name: `a.${format}`, content: await build() }))
    expect(error.message).toBe('缺少列「企业名称」')
    expect(error.code).toBe('ROSTER_COLUMN_MISSING')
    expect(error.fields).toEqual({ enterpriseName: '缺少列「企业名称」' })
  })

  it('says when no header row can be found', async () => {
    const error = await rejection(readRosterFile({ name: 'a.csv', content: csv(['a,b,c', '1,2,3']) }))
    expect(error.code).toBe('ROSTER_COLUMN_MISSING')
    expect(error.message).toContain('未找到表头')
  })

  it.each([
    ['名单.xls', '不支持 Excel 97-2003（.xls）格式，请在 Excel 中另存为 .xlsx 后上传'],
    ['名单.txt', '仅支持 .xlsx 或 .csv 格式的名单文件'],
    ['名单', '仅支持 .xlsx 或 .csv 格式的名单文件'],
  ])('refuses %s', async (name, message) => {
    const error = await rejection(readRosterFile({ name, content: Buffer.from('x') }))
    expect(error).toMatchObject({ code: 'ROSTER_UNSUPPORTED_FILE', message })
  })

  it('refuses files it cannot read', async () => {
    expect(await rejection(readRosterFile({ name: 'a.xlsx', content: Buffer.from('统一社会信用代码,企业名称') }))).toMatchObject({ code: 'ROSTER_UNREADABLE' })
    const workbook = readFileSync(new URL('../fixtures/roster/good.xlsx', import.meta.url))
    expect(await rejection(readRosterFile({ name: 'a.csv', content: workbook }))).toMatchObject({
      code: 'ROSTER_UNREADABLE',
      message: '文件内容是 Excel 工作簿而不是 CSV，请把扩展名改为 .xlsx 后上传',
    })
  })

  it(`refuses more than ${MAX_ROSTER_ROWS} data rows`, async () => {
    const line = `${GOOD_ROWS[0]!.creditCode},甲,湘潭高新区,工业,规上,,,,,`
    const atLimit = csv([HEADERS.join(','), ...Array.from({ length: MAX_ROSTER_ROWS }, () => line)])
    expect((await readRosterFile({ name: 'a.csv', content: atLimit })).rows).toHaveLength(MAX_ROSTER_ROWS)
    const overLimit = csv([HEADERS.join(','), ...Array.from({ length: MAX_ROSTER_ROWS + 1 }, () => line)])
    const error = await rejection(readRosterFile({ name: 'a.csv', content: overLimit }))
    expect(error).toMatchObject({ code: 'ROSTER_TOO_MANY_ROWS', message: `名单最多 ${MAX_ROSTER_ROWS} 行数据，当前文件有 ${MAX_ROSTER_ROWS + 1} 行，请分批导入` })
  })
})

describe('roster template', () => {
  it.each(['xlsx', 'csv'] as const)('round-trips (%s): the example row reads back and plans as a valid new enterprise', async (format) => {
    const content = await buildRosterTemplate(format, demo.areas)
    const { rows, problems } = await readRosterFile({ name: `企业名单模板.${format}`, content })
    const example = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.example]))
    expect(rows).toEqual([{ row: 2, ...example, areaName: demo.areas[0]!.name }])
    expect(problems).toEqual(['第 2 行是模板中的示例，如无需导入请删除'])
    const plan = planRosterImport(rows, demoContext())
    expect(plan.rows[0]).toMatchObject({ action: 'create', errors: [] })
  })

  it('writes the CSV template as UTF-8 with a BOM', async () => {
    const content = await buildRosterTemplate('csv', demo.areas)
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(content.subarray(3).toString('utf8').split(/\r?\n/)[0]).toBe(HEADERS.join(','))
  })

  it('gives the XLSX template a bold header, text columns, drop-down lists and a help sheet', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(new Uint8Array(await buildRosterTemplate('xlsx', demo.areas)).buffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['企业名单', '填写说明'])
    const sheet = workbook.worksheets[0]!
    expect(sheet.getCell('A1').font?.bold).toBe(true)
    expect(sheet.getColumn(1).width).toBeGreaterThan(20)
    for (const column of ['A', 'G', 'I']) expect(sheet.getCell(`${column}300`).numFmt, column).toBe('@')
    expect(sheet.getCell('D300').dataValidation).toMatchObject({ type: 'list', formulae: ['"工业,建筑业,批零住餐,服务业,农业"'] })
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"规上,临规,其他"'] })
    const areaList = sheet.getCell(`C${MAX_ROSTER_ROWS + 1}`).dataValidation.formulae?.[0]
    expect(areaList).toMatch(/^'填写说明'!\$A\$\d+:\$A\$\d+$/)
    const help = workbook.getWorksheet('填写说明')!
    const listed = help.getColumn(1).values.filter((v): v is string => typeof v === 'string')
    expect(listed).toEqual(expect.arrayContaining([...HEADERS, ...demo.areas.map((a) => a.name)]))
  })
})
