import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { planPolicyImport, POLICY_IMPORT_COLUMNS, type PolicyImportRow } from '@shared/domain/policy-import'
import { buildPolicyTemplate, readPolicyFile } from '../../functions/kit/policy-file'

const context = {
  categories: [
    { id: 'fire-safety', name: '消防安全' },
    { id: 'land', name: '用地厂房' },
  ],
  areas: [
    { id: 'xt-hitech', name: '湘潭高新区' },
    { id: 'yuhu', name: '雨湖区' },
  ],
  existingTitles: new Set(['已有的政策名称']),
}

const row = (over: Partial<PolicyImportRow> = {}): PolicyImportRow => ({
  row: 2,
  ...(Object.fromEntries(POLICY_IMPORT_COLUMNS.map((c) => [c.key, c.example])) as Record<PolicyImportRow extends infer R ? keyof Omit<R, 'row'> : never, string>),
  ...over,
})

describe('planning a policies file', () => {
  it('turns the template’s example row into a draft’s input, labels into ids', () => {
    const plan = planPolicyImport([row()], context)
    expect(plan.summary).toEqual({ create: 1, duplicate: 0, invalid: 0 })
    expect(plan.rows[0]!.input).toMatchObject({
      title: '高新区厂房消防改造专项补助',
      categoryId: 'fire-safety',
      issuedOn: '2026-11-20',
      expiresOn: null,
      keyPoints: ['老旧厂房消防设施改造投资的 20% 给予补助', '单户最高 40 万元'],
      appliesTo: { scales: ['above', 'near'], industries: ['industry'], areaIds: [] },
      originalUrl: null,
    })
    expect(planPolicyImport([row({ areas: '雨湖区、xt-hitech', keyPoints: '一\n二；三' })], context).rows[0]!.input).toMatchObject({ appliesTo: { areaIds: ['yuhu', 'xt-hitech'] }, keyPoints: ['一', '二', '三'] })
  })

  it('names each bad cell by its column, in Chinese', () => {
    const plan = planPolicyImport(
      [row({ row: 3, category: '不存在', issuedOn: '2026/11/20', phone: 'call me', scales: '超大', areas: '火星', keyPoints: '', title: '' })],
      context,
    )
    expect(plan.summary.invalid).toBe(1)
    const errors = Object.fromEntries(plan.rows[0]!.errors.map((e) => [e.field, e.message]))
    expect(Object.keys(errors).sort()).toEqual(['areas', 'category', 'issuedOn', 'keyPoints', 'phone', 'scales', 'title'])
    expect(errors.category).toBe('没有诉求类别「不存在」')
    expect(errors.scales).toContain('超大')
    expect(plan.rows[0]!.input).toBeUndefined()
  })

  it('leaves a title the kit has, or an earlier row has, alone', () => {
    const plan = planPolicyImport([row({ title: '已有的政策名称' }), row({ row: 3 }), row({ row: 4 })], context)
    expect(plan.rows.map((r) => r.action)).toEqual(['duplicate', 'create', 'duplicate'])
    expect(plan.summary).toEqual({ create: 1, duplicate: 2, invalid: 0 })
  })

  it('checks the dates against each other', () => {
    const plan = planPolicyImport([row({ effectiveOn: '2026-11-01' }), row({ row: 3, title: '另一条政策名称', expiresOn: '2026-11-01' })], context)
    expect(plan.rows.map((r) => r.errors.map((e) => e.field))).toEqual([['effectiveOn'], ['expiresOn']])
  })
})

describe('the policies file', () => {
  it('reads back its own template, example row and all', async () => {
    const { rows, problems } = await readPolicyFile(await buildPolicyTemplate())
    expect(problems).toEqual([])
    expect(rows).toEqual([row()])
  })

  it('reads dates typed as dates, and headers marked as required', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('政策')
    sheet.addRow(POLICY_IMPORT_COLUMNS.map((c) => (c.required ? `*${c.header}` : c.header)).concat('备注'))
    sheet.addRow(POLICY_IMPORT_COLUMNS.map((c) => (c.key === 'issuedOn' ? new Date('2026-11-19T16:00:00Z') : c.example)))
    const { rows, problems } = await readPolicyFile(Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(rows[0]!.issuedOn).toBe('2026-11-20')
    expect(problems).toEqual(['已忽略未识别的列「备注」'])
  })

  it('refuses a file that is not XLSX, without its columns or without rows', async () => {
    await expect(readPolicyFile(Buffer.from('not a workbook'))).rejects.toMatchObject({ code: 'POLICIES_UNREADABLE' })
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('政策').addRow(['政策名称', '发文单位'])
    await expect(readPolicyFile(Buffer.from(await workbook.xlsx.writeBuffer()))).rejects.toMatchObject({ code: 'POLICIES_COLUMN_MISSING', fields: expect.objectContaining({ category: '缺少列「诉求类别」' }) })
    const empty = new ExcelJS.Workbook()
    empty.addWorksheet('政策').addRow(POLICY_IMPORT_COLUMNS.map((c) => c.header))
    await expect(readPolicyFile(Buffer.from(await empty.xlsx.writeBuffer()))).rejects.toMatchObject({ code: 'POLICIES_EMPTY' })
  })
})
