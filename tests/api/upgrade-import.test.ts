import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { addMonths } from '@shared/domain/report-month'
import { FIGURE_IMPORT_COLUMNS } from '@shared/domain/upgrade-import'
import { figureImportResultSchema } from '@shared/schemas/upgrade-import.schema'
import { upgradeDetailSchema } from '@shared/schemas/upgrade.schema'
import { loginResponseSchema } from '@shared/schemas/user.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'
import { ACTOR_KEYS, ACTORS, PERMISSION_TABLE, type ActorKey } from '../support/permission-table'

/**
 * POST /api/upgrade/figures/import and its template over HTTP: every person of the permission
 * table calls it, a bad file is a 400 in Chinese, and an import lands as figures the enterprise's
 * file shows. The server's clock decides "this month": the test reads it from the Date header.
 */
const api = apiClient(inject('apiUrl'))
const tokens = {} as Record<ActorKey, string>
let month: string

// en-0244 (湖南楚材食品, near-scale, 雨湖区): no other API test touches it.
const ENTERPRISE = 'en-0244'
const CREDIT_CODE = '91430302314485784W'

async function workbook(rows: (string | number)[][], headers = FIGURE_IMPORT_COLUMNS.map((c) => c.header)): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('月度数据')
  sheet.addRow(headers)
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
}

const upload = async (token: string, rows: (string | number)[][], dryRun: boolean) =>
  api.call('POST', '/api/upgrade/figures/import', { token, body: { fileName: '雨湖区月度数据.xlsx', contentBase64: await workbook(rows), dryRun } })

beforeAll(async () => {
  for (const key of ACTOR_KEYS) {
    const { login } = ACTORS[key]
    if (!('as' in login)) continue
    const reply = await api.call('POST', '/api/auth/dev-login', { body: { as: login.as } })
    tokens[key] = loginResponseSchema.parse(reply.body).token
    month = addMonths(new Date(reply.headers.get('date')!).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7), -1)
  }
  const pending = ACTORS.pendingFiler
  const device = 'wechatDevice' in pending.login ? pending.login.wechatDevice : 'upgrade-import'
  const code = ((await (await fetch(`${inject('wechatUrl')}/dev/login-code`, { method: 'POST', body: JSON.stringify({ deviceId: device }) })).json()) as { code: string }).code
  tokens.pendingFiler = loginResponseSchema.parse((await api.call('POST', '/api/auth/wechat', { body: { code } })).body).token
})

describe('the figures template', () => {
  it('is an XLSX whose first sheet carries the import’s columns', async () => {
    const reply = await fetch(`${inject('apiUrl')}/api/upgrade/figures/template?format=xlsx`)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await reply.arrayBuffer())
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(FIGURE_IMPORT_COLUMNS.map((c) => c.header))
    expectError(await api.call('GET', '/api/upgrade/figures/template?format=csv'), 400, 'VALIDATION_FAILED')
  })
})

describe('POST /api/upgrade/figures/import', () => {
  it('previews for the admins the table allows (rows held to their areas) and refuses everyone else', async () => {
    const row = PERMISSION_TABLE.find((r) => r.id === 'upgrade.figures-import')!
    for (const key of ACTOR_KEYS) {
      const reply = await upload(tokens[key], [[CREDIT_CODE, month, 320, '', 40]], true)
      if (row.answers[key] !== 'yes') {
        expectError(reply, 403, 'FORBIDDEN')
        continue
      }
      expect(reply.status, `${key}: ${JSON.stringify(reply.body)}`).toBe(200)
      const result = figureImportResultSchema.parse(reply.body)
      expect(result).toMatchObject({ dryRun: true, applied: false })
      // en-0244 is 雨湖区's: the 高新区 admin's row is refused without saying whose it is.
      if (key === 'areaAdmin') expect(result.rows[0]).toMatchObject({ action: 'invalid', errors: [{ field: 'enterprise', message: '该企业不在您管理的属地，不能导入' }] })
      else expect(result.rows[0]).toMatchObject({ action: 'create', enterpriseId: ENTERPRISE })
    }
    // Nothing was written by the previews.
    const detail = upgradeDetailSchema.parse((await api.call('GET', `/api/upgrade/enterprises/${ENTERPRISE}`, { token: tokens.otherAreaAdmin })).body)
    expect(detail.figures).toEqual([])
  })

  it('imports the valid rows; the enterprise’s file shows them entered by the admin via import', async () => {
    const reply = await upload(tokens.otherAreaAdmin, [[ENTERPRISE, month, 320, 900, 40], [CREDIT_CODE, addMonths(month, 2), 400, '', 41]], false)
    expect(reply.status, JSON.stringify(reply.body)).toBe(200)
    const result = figureImportResultSchema.parse(reply.body)
    expect(result).toMatchObject({ applied: true, summary: { create: 1, update: 0, unchanged: 0, invalid: 1 } })
    expect(result.rows[1]!.errors).toEqual([{ field: 'month', message: '不能导入未来月份的数据' }])
    const detail = upgradeDetailSchema.parse((await api.call('GET', `/api/upgrade/enterprises/${ENTERPRISE}`, { token: tokens.otherAreaAdmin })).body)
    expect(detail.figures.map((f) => [f.month, f.revenueYtd, f.lastYearRevenue, f.employees, f.via, f.enteredBy.id])).toEqual([[month, 320, 900, 40, 'import', 'ad-yuhu']])
    expect(detail.dueMonthMissing).toBe(false)
    const again = figureImportResultSchema.parse((await upload(tokens.cityAdmin, [[ENTERPRISE, month, 320, 900, 40]], false)).body)
    expect(again).toMatchObject({ applied: false, summary: { unchanged: 1 } })
  })

  it('answers a bad file with a 400 and a Chinese message, writing nothing', async () => {
    const token = tokens.cityAdmin
    const unreadable = expectError(
      await api.call('POST', '/api/upgrade/figures/import', { token, body: { fileName: 'a.xlsx', contentBase64: Buffer.from('不是工作簿').toString('base64'), dryRun: false } }),
      400,
      'FIGURES_UNREADABLE',
    )
    expect(unreadable.message).toContain('.xlsx')
    const xls = expectError(await api.call('POST', '/api/upgrade/figures/import', { token, body: { fileName: 'a.xls', contentBase64: 'AAAA', dryRun: true } }), 400, 'VALIDATION_FAILED')
    expect(JSON.stringify(xls)).toContain('只支持 .xlsx 文件')
    const columns = await api.call('POST', '/api/upgrade/figures/import', {
      token,
      body: { fileName: 'a.xlsx', contentBase64: await workbook([[CREDIT_CODE, month]], ['统一社会信用代码', '月份']), dryRun: false },
    })
    expect(expectError(columns, 400, 'FIGURES_COLUMN_MISSING').message).toContain('缺少列「本年累计营业收入（万元）」')
    expectError(await api.call('POST', '/api/upgrade/figures/import', { token, body: { fileName: 'a.xlsx', dryRun: true } }), 400, 'VALIDATION_FAILED')
  })
})
