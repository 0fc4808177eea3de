import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import * as z from 'zod'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { appealResponseSchema } from '@shared/schemas/appeal.schema'
import { INVALID_CURSOR_MESSAGE } from '@shared/schemas/common.schema'
import { ledgerPageSchema } from '@shared/schemas/ledger.schema'
import { exportJobSchema } from '@shared/schemas/report.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'
import { ACTORS, ACTOR_KEYS, type ActorKey } from '../support/permission-table'

/*
 * The problem ledger (问题台账) over HTTP on the running stack: a problem en-0009's staff filed and
 * one its specialist took by phone for it, read back from the area's ledger with filters; bad
 * input; who may read and export which ledger, called as each person of the permission table.
 */

const api = apiClient(inject('apiUrl'))
const exportJobEnvelope = z.object({ job: exportJobSchema })

const token: Partial<Record<ActorKey, string>> = {}
let enterpriseFiled: string
let phoneFiled: string | undefined

beforeAll(async () => {
  for (const key of ACTOR_KEYS) {
    const login = ACTORS[key].login
    if ('as' in login) token[key] = await api.login(login.as)
  }
  const staff = await api.login('staff:en-0009')
  const specialist = await api.login('sp-001')
  const filed = await api.call('POST', '/api/appeals', {
    token: staff,
    body: { enterpriseId: 'en-0009', categoryId: 'water', title: '台账测试：供水压力', description: '二期厂房供水压力不足，影响生产' },
    headers: { 'Idempotency-Key': `ledger-${randomUUID()}` },
  })
  expect(filed.status).toBe(201)
  enterpriseFiled = appealResponseSchema.parse(filed.body).appeal.id
  const byPhone = await api.call('POST', '/api/appeals', {
    token: specialist,
    body: { enterpriseId: 'en-0009', categoryId: 'power', title: '台账测试：电话反映', description: '企业电话反映夜间电压波动', onBehalf: { channel: 'phone' } },
    headers: { 'Idempotency-Key': `ledger-${randomUUID()}` },
  })
  expect(byPhone.status).toBe(201)
  phoneFiled = appealResponseSchema.parse(byPhone.body).appeal.id
}, 60_000)

describe('GET /api/ledger', () => {
  it('lists the area’s problems of every channel with source, holder, deadline and status', async () => {
    const reply = await api.call('GET', '/api/ledger?limit=50', { token: token.areaAdmin })
    expect(reply.status).toBe(200)
    const page = ledgerPageSchema.parse(reply.body)
    expect(page.scope).toEqual({ kind: 'area', areaId: 'xt-hitech', name: '湘潭高新区' })
    const own = page.items.find((r) => r.appealId === enterpriseFiled)
    expect(own).toMatchObject({ channelLabel: '企业自报', sourceLabel: null, onBehalf: false, measure: null, owner: expect.any(String), statusLabel: '待受理', overdue: false })
    expect(page.items.every((r) => r.areaId === 'xt-hitech')).toBe(true)

    const phone = ledgerPageSchema.parse((await api.call('GET', '/api/ledger?channel=phone&limit=50', { token: token.areaAdmin })).body)
    expect(phone.items.map((r) => r.appealId)).toContain(phoneFiled)
    expect(phone.items.every((r) => r.channel === 'phone' && r.channelLabel === '电话' && r.onBehalf)).toBe(true)
  })

  it('pages with a cursor bound to the caller and the filters', async () => {
    const first = ledgerPageSchema.parse((await api.call('GET', '/api/ledger?limit=1', { token: token.areaAdmin })).body)
    expect(first.items).toHaveLength(1)
    expect(first.cursor).not.toBeNull()
    const second = ledgerPageSchema.parse((await api.call('GET', `/api/ledger?limit=1&cursor=${encodeURIComponent(first.cursor!)}`, { token: token.areaAdmin })).body)
    expect(second.items[0]?.appealId).not.toBe(first.items[0]!.appealId)
    const changed = expectError(await api.call('GET', `/api/ledger?limit=1&status=closed&cursor=${encodeURIComponent(first.cursor!)}`, { token: token.areaAdmin }), 400, 'VALIDATION_FAILED')
    expect(changed.fields).toEqual({ cursor: INVALID_CURSOR_MESSAGE })
    expectError(await api.call('GET', `/api/ledger?limit=1&areaId=xt-hitech&cursor=${encodeURIComponent(first.cursor!)}`, { token: token.cityAdmin }), 400, 'VALIDATION_FAILED')
  })

  it('refuses bad input field by field, in Chinese', async () => {
    const bad = expectError(await api.call('GET', '/api/ledger?channel=fax&status=lost&from=2026-13&overdue=maybe&limit=0&categoryId=!', { token: token.cityAdmin }), 400, 'VALIDATION_FAILED')
    expect(bad.fields).toMatchObject({
      channel: '渠道筛选值无效',
      status: '状态筛选值无效',
      from: '月份格式应为 YYYY-MM',
      overdue: '超期筛选应为 true 或 false',
      limit: '每页至少 1 条',
      categoryId: '请选择诉求类别',
    })
    const reversed = expectError(await api.call('GET', '/api/ledger?from=2026-11&to=2026-01', { token: token.cityAdmin }), 400, 'VALIDATION_FAILED')
    expect(reversed.fields).toEqual({ to: '结束月份不能早于开始月份' })
    expectError(await api.call('GET', '/api/ledger?month=2026-11', { token: token.cityAdmin }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('GET', '/api/ledger?areaId=nowhere', { token: token.cityAdmin }), 404, 'NOT_FOUND')
    expect((await api.call('GET', '/api/ledger')).status).toBe(401)
  })

  it('answers each person with the ledger they may have, and refuses the rest', async () => {
    const expected: Record<ActorKey, number | string> = {
      staff: 403,
      otherStaff: 403,
      pendingFiler: 403,
      owner: 'portfolio',
      otherSpecialist: 'portfolio',
      coHandler: 403,
      otherHandler: 403,
      taskForceHandler: 403,
      areaAdmin: 'area',
      otherAreaAdmin: 'area',
      cityAdmin: 'city',
    }
    for (const key of ACTOR_KEYS) {
      if (!token[key]) continue
      const reply = await api.call('GET', '/api/ledger?limit=50', { token: token[key] })
      if (typeof expected[key] === 'number') {
        expectError(reply, 403, 'FORBIDDEN')
        continue
      }
      expect(reply.status, key).toBe(200)
      const page = ledgerPageSchema.parse(reply.body)
      expect(page.scope.kind, key).toBe(expected[key])
      // A specialist's ledger holds only the problems they hold.
      if (key === 'otherSpecialist') expect(page.items.map((r) => r.appealId)).toEqual(expect.arrayContaining([enterpriseFiled, phoneFiled]))
      if (key === 'owner') expect(page.items.some((r) => r.appealId === enterpriseFiled)).toBe(false)
      if (key === 'otherAreaAdmin') expect(page.items.some((r) => r.areaId !== 'yuhu')).toBe(false)
    }
  })
})

describe('POST /api/ledger/exports', () => {
  it('queues the area’s ledger, made in the background and downloaded by the requester only', async () => {
    const queued = await api.call('POST', '/api/ledger/exports', { token: token.cityAdmin, body: { areaId: 'xt-hitech', channel: ['miniapp', 'phone'] } })
    expect(queued.status).toBe(202)
    const { job } = exportJobEnvelope.parse(queued.body)
    expect(job).toMatchObject({ kind: 'ledger', scope: 'area:xt-hitech', scopeName: '湘潭高新区', format: 'xlsx' })
    expect(job.fileName).toMatch(/^亲商直通问题台账-湘潭高新区-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/)
    let done = job
    for (let i = 0; i < 120 && done.status !== 'done' && done.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      done = exportJobEnvelope.parse((await api.call('GET', `/api/reports/exports/${job.id}`, { token: token.cityAdmin })).body).job
    }
    expect(done.status).toBe('done')
    const file = await fetch(done.url!)
    expect(file.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await file.arrayBuffer()) as ArrayBuffer)
    const sheet = workbook.getWorksheet('问题台账')!
    const numbers: unknown[] = []
    sheet.eachRow((row, n) => n > 4 && numbers.push(row.getCell(2).value))
    const listed = ledgerPageSchema.parse((await api.call('GET', '/api/ledger?areaId=xt-hitech&channel=miniapp,phone&limit=50', { token: token.cityAdmin })).body)
    expect(numbers.length).toBeGreaterThanOrEqual(2)
    expect(numbers).toEqual(expect.arrayContaining(listed.items.slice(0, 2).map((r) => r.number)))
    expectError(await api.call('GET', `/api/reports/exports/${job.id}`, { token: token.areaAdmin }), 404, 'NOT_FOUND')
  })

  it('lets those who read a ledger export it, as each person', async () => {
    const allowed: ActorKey[] = ['areaAdmin', 'cityAdmin']
    for (const key of ACTOR_KEYS) {
      if (!token[key]) continue
      const reply = await api.call('POST', '/api/ledger/exports', { token: token[key], body: { areaId: 'xt-hitech', status: ['withdrawn'] } })
      if (allowed.includes(key)) expect(reply.status, key).toBe(202)
      else expectError(reply, 403, 'FORBIDDEN')
    }
    const bad = expectError(await api.call('POST', '/api/ledger/exports', { token: token.cityAdmin, body: { channel: ['fax'], overdue: 'yes', from: '2026-1' } }), 400, 'VALIDATION_FAILED')
    expect(bad.fields).toEqual({ 'channel.0': '渠道筛选值无效', from: '月份格式应为 YYYY-MM', overdue: '超期筛选应为 true 或 false' })
  })
})
