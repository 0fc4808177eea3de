import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar } from '@shared/domain/credit-code'
import { FIGURE_IMPORT_COLUMNS, parseMonthCell, parseNumberCell, planFigureImport, type FigureImportContext, type FigureImportRow } from '@shared/domain/upgrade-import'
import { ValidationError } from '@shared/errors'
import { buildFigureTemplate, readFigureFile } from '../../functions/upgrade/figure-file'
import { importSummaryText, readThresholdForm } from '../../miniapp/src/packages/upgrade/upgrade-view'

const code = (body17: string) => body17 + creditCodeCheckChar(body17)
const A = { id: 'en-a', creditCode: code('91430300MA4L00001'), name: '甲公司', areaId: 'park-1', specialistId: 'sp-1' }
const B = { id: 'en-b', creditCode: code('91430300MA4L00002'), name: '乙公司', areaId: 'park-2', specialistId: 'sp-2' }

const context = (over: Partial<FigureImportContext> = {}): FigureImportContext => ({
  enterprises: [A, B],
  scope: ['park-1'],
  figures: new Map([['en-a', [{ month: '2026-08', revenueYtd: 800, employees: 50 }, { month: '2026-09', revenueYtd: 900, lastYearRevenue: 1500, employees: 52 }]]]),
  thisMonth: '2026-11',
  ...over,
})

let n = 1
const row = (over: Partial<FigureImportRow>): FigureImportRow => ({ row: ++n, enterprise: A.creditCode, month: '2026-10', revenueYtd: '1000', lastYearRevenue: '', employees: '55', ...over })

describe('reading cells', () => {
  it('reads months and numbers the ways admins type them', () => {
    expect(['2026-10', '2026/10', '2026.1', '2026年10月', '2026-10-01'].map(parseMonthCell)).toEqual(['2026-10', '2026-10', '2026-01', '2026-10', '2026-10'])
    expect(['2026-13', '26-10', '十月', ''].map(parseMonthCell)).toEqual([undefined, undefined, undefined, undefined])
    expect(['1,250.5', ' 12 ', '１２５０', '-3'].map(parseNumberCell)).toEqual([1250.5, 12, 1250, -3])
    expect(['abc', '1.2.3', ''].map(parseNumberCell)).toEqual([undefined, undefined, undefined])
  })
})

describe('planning a figures import', () => {
  it('says create, update (with the changes) and unchanged against what is stored', () => {
    const plan = planFigureImport(
      [
        row({ month: '2026-10', revenueYtd: '1000' }),
        row({ month: '2026-09', revenueYtd: '950', employees: '52' }),
        row({ enterprise: 'EN-A', month: '2026-08', revenueYtd: '800', employees: '50' }),
      ],
      context(),
    )
    expect(plan.rows.map((r) => r.action)).toEqual(['create', 'update', 'unchanged'])
    expect(plan.rows[1]!.changes).toEqual(['本年累计营业收入（万元）：900 → 950'])
    expect(plan.summary).toEqual({ create: 1, update: 1, unchanged: 1, invalid: 0 })
    // An empty 上年营业收入 on an update keeps the stored one.
    expect(plan.writes).toEqual([
      { enterpriseId: 'en-a', month: '2026-10', revenueYtd: 1000, employees: 55 },
      { enterpriseId: 'en-a', month: '2026-09', revenueYtd: 950, lastYearRevenue: 1500, employees: 52 },
    ])
  })

  it('refuses each bad row with its Chinese reasons, and writes none of them', () => {
    const plan = planFigureImport(
      [
        row({ enterprise: code('91430300MA4L00009') }),
        row({ enterprise: B.creditCode }),
        row({ month: '2026/13' }),
        row({ month: '2026-12' }),
        row({ month: '2022-12' }),
        row({ month: '2026-07', revenueYtd: '-5' }),
        row({ month: '2026-06', revenueYtd: '20000000', employees: '12.5' }),
        row({ month: '2026-10', revenueYtd: '850' }),
        row({ enterprise: '', revenueYtd: '', employees: '' }),
      ],
      context(),
    )
    const reasons = plan.rows.map((r) => r.errors.map((e) => `${e.field}:${e.message}`))
    expect(reasons).toEqual([
      ['enterprise:未找到该企业，请核对统一社会信用代码或企业编号'],
      ['enterprise:该企业不在您管理的属地，不能导入'],
      ['month:月份格式应为 YYYY-MM，如 2026-10'],
      ['month:不能导入未来月份的数据'],
      ['month:只能导入 3 年内的数据'],
      ['revenueYtd:本年累计营业收入不能为负数'],
      ['revenueYtd:本年累计营业收入超出合理范围，请核对单位（万元）', 'employees:从业人员应为整数'],
      ['revenueYtd:本年累计营业收入（850 万元）少于 2026-09 的累计（900 万元），同一年内累计不能减少'],
      ['enterprise:请填写统一社会信用代码或企业编号', 'revenueYtd:请填写本年累计营业收入（万元）', 'employees:请填写从业人员数'],
    ])
    expect(plan.rows.every((r) => r.action === 'invalid')).toBe(true)
    expect(plan.writes).toEqual([])
  })

  it('checks year to date over the months as the import leaves them, and not across years', () => {
    // Raising both September and October together is fine; lowering only August below July is not.
    const plan = planFigureImport(
      [
        row({ month: '2026-09', revenueYtd: '1100', employees: '52' }),
        row({ month: '2026-10', revenueYtd: '1200' }),
        row({ month: '2026-01', revenueYtd: '50' }),
        row({ month: '2025-12', revenueYtd: '1500' }),
      ],
      context(),
    )
    expect(plan.rows.map((r) => r.action)).toEqual(['update', 'create', 'create', 'create'])
    const falling = planFigureImport([row({ month: '2026-08', revenueYtd: '950', employees: '50' })], context())
    expect(falling.rows[0]!.errors).toEqual([{ field: 'revenueYtd', message: '本年累计营业收入（950 万元）多于 2026-09 已有的累计（900 万元），同一年内累计不能减少' }])
  })

  it('refuses the same enterprise-month twice in one file, and lets the city admin import for any area', () => {
    const twice = planFigureImport([row({}), row({ enterprise: 'en-a' })], context())
    expect(twice.rows[1]!.errors[0]!.message).toMatch(/^与第 \d+ 行是同一企业的同一月份$/)
    const city = planFigureImport([row({ enterprise: B.creditCode, month: '2026-10' })], context({ scope: 'all' }))
    expect(city.rows[0]).toMatchObject({ action: 'create', enterpriseId: 'en-b', enterpriseName: '乙公司' })
  })
})

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('数据')
  for (const r of rows) sheet.addRow(r)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('the figures file', () => {
  it('reads rows under a header found below a title, by header name in any order', async () => {
    const content = await xlsx([
      ['湘潭高新区 10 月数据'],
      ['月份', '*统一社会信用代码', '从业人数', '本年累计营业收入（万元）', '备注'],
      ['2026-10', A.creditCode, 55, 1000.5],
      [],
      [new Date('2026-09-01T00:00:00Z'), 'en-a', 52, 900],
    ])
    const file = await readFigureFile(content)
    expect(file.rows).toEqual([
      { row: 3, enterprise: A.creditCode, month: '2026-10', revenueYtd: '1000.5', lastYearRevenue: '', employees: '55' },
      { row: 5, enterprise: 'en-a', month: '2026-09', revenueYtd: '900', lastYearRevenue: '', employees: '52' },
    ])
    expect(file.problems).toEqual(['已忽略未识别的列「备注」'])
  })

  it('refuses a file that is not XLSX, lacks a column or has no rows, in Chinese', async () => {
    const refusal = (p: Promise<unknown>) => p.then(() => expect.fail('expected a refusal'), (e: unknown) => e as ValidationError)
    const garbage = await refusal(readFigureFile(Buffer.from('not a workbook')))
    expect(garbage).toBeInstanceOf(ValidationError)
    expect(garbage.code).toBe('FIGURES_UNREADABLE')
    const missing = await refusal(readFigureFile(await xlsx([['统一社会信用代码', '月份'], [A.creditCode, '2026-10']])))
    expect(missing.message).toBe('缺少列「本年累计营业收入（万元）」；缺少列「从业人员」')
    const empty = await refusal(readFigureFile(await xlsx([FIGURE_IMPORT_COLUMNS.map((c) => c.header)])))
    expect(empty.code).toBe('FIGURES_EMPTY')
  })

  it('builds a template that reads back as its example row', async () => {
    const file = await readFigureFile(await buildFigureTemplate())
    expect(file.rows).toEqual([{ row: 2, ...Object.fromEntries(FIGURE_IMPORT_COLUMNS.map((c) => [c.key, c.example])) }])
    expect(file.problems).toEqual([])
  })
})

describe('the import and thresholds pages', () => {
  it('words an import’s check and result', () => {
    const summary = { create: 2, update: 1, unchanged: 0, invalid: 1 }
    expect(importSummaryText({ summary, dryRun: true, applied: false })).toBe('新增 2 行 · 更新 1 行 · 不变 0 行 · 有误 1 行（有误的行不导入，可改正后重新选择文件）')
    expect(importSummaryText({ summary: { ...summary, invalid: 0 }, dryRun: true, applied: false })).toBe('新增 2 行 · 更新 1 行 · 不变 0 行 · 有误 0 行')
    expect(importSummaryText({ summary, dryRun: false, applied: true })).toBe('已导入：新增 2 行 · 更新 1 行 · 不变 0 行 · 有误 1 行')
    expect(importSummaryText({ summary: { create: 0, update: 0, unchanged: 3, invalid: 0 }, dryRun: false, applied: false })).toBe('没有写入任何数据：新增 0 行 · 更新 0 行 · 不变 3 行 · 有误 0 行')
  })

  it('reads the threshold form into the edit the API takes, or the Chinese message of each field', () => {
    expect(readThresholdForm({ sector: 'retail', revenue: '600', source: ' 国家统计局 ' }, true)).toEqual({ ok: true, value: { sector: 'retail', revenue: 600, source: '国家统计局' } })
    expect(readThresholdForm({ sector: 'retail', revenue: '', source: '' }, true)).toEqual({ ok: false, fields: { revenue: '请填写门槛金额（万元）', source: '请写明门槛的依据' } })
    expect(readThresholdForm({ sector: 'retail', revenue: '-1', source: '依据' }, true)).toEqual({ ok: false, fields: { revenue: '门槛金额须大于 0' } })
    expect(readThresholdForm({ sector: 'construction', revenue: '', source: '资质等级' }, false)).toEqual({ ok: true, value: { sector: 'construction', source: '资质等级' } })
  })
})
