import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { appealResponseSchema } from '@shared/schemas/appeal.schema'
import { INVALID_CURSOR_MESSAGE } from '@shared/schemas/common.schema'
import * as z from 'zod'
import { drillPageSchema, exportJobSchema, monthlyReportSchema, reportScopesSchema } from '@shared/schemas/report.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

const api = apiClient(inject('apiUrl'))
const exportJobEnvelope = z.object({ job: exportJobSchema })
// Appeals filed over HTTP are filed on the running stack's clock, so their report month is the
// stack's current month, as it names it; the figures asserted hold in any month.
let month: string

let staff: string
let specialist: string
let areaAdmin: string
let cityAdmin: string
let handler: string

beforeAll(async () => {
  month = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: await api.login('ad-city') })).body).currentMonth
  ;[staff, specialist, areaAdmin, cityAdmin, handler] = (await Promise.all(['staff:en-0003', 'sp-004', 'ad-xt-hitech', 'ad-city', 'dh-001'].map((as) => api.login(as)))) as [
    string,
    string,
    string,
    string,
    string,
  ]
})

describe('GET /api/reports/monthly', () => {
  it('counts a new appeal in the month of every scope it belongs to, in the same request that files it', async () => {
    const before = monthlyReportSchema.parse((await api.call('GET', `/api/reports/monthly?scope=specialist:sp-004&month=${month}`, { token: specialist })).body)
    const filed = await api.call('POST', '/api/appeals', {
      token: staff,
      body: { enterpriseId: 'en-0003', categoryId: 'water', title: '供水压力不足', description: '二期厂房供水压力不足' },
      headers: { 'Idempotency-Key': `k-${randomUUID()}` },
    })
    expect(filed.status).toBe(201)
    expect(appealResponseSchema.parse(filed.body).appeal.ownerId).toBe('sp-004')

    const after = monthlyReportSchema.parse((await api.call('GET', `/api/reports/monthly?scope=specialist:sp-004&month=${month}`, { token: specialist })).body)
    expect(after.figures.received).toBe(before.figures.received + 1)
    expect(after.scope).toEqual({ key: 'specialist:sp-004', kind: 'specialist', name: expect.any(String) })
    expect(after.trend).toHaveLength(12)
    expect(after.trend.at(-1)).toMatchObject({ month, received: after.figures.received })
    expect(after.summary).toMatch(/^\d{4}年\d{1,2}月/)

    const area = monthlyReportSchema.parse((await api.call('GET', `/api/reports/monthly?scope=area:xt-hitech&month=${month}`, { token: areaAdmin })).body)
    expect(area.breakdowns.specialist.find((r) => r.key === 'sp-004')?.figures.received).toBe(after.figures.received)
    const city = monthlyReportSchema.parse((await api.call('GET', `/api/reports/monthly?scope=city&month=${month}`, { token: cityAdmin })).body)
    expect(city.breakdowns.area.find((r) => r.key === 'xt-hitech')?.figures.received).toBe(area.figures.received)
  })

  it('refuses bad input field by field, in Chinese', async () => {
    const bad = expectError(await api.call('GET', '/api/reports/monthly?scope=planet:mars&month=2026-13', { token: cityAdmin }), 400, 'VALIDATION_FAILED')
    expect(bad.fields).toMatchObject({ scope: '统计范围格式不正确', month: '月份格式应为 YYYY-MM' })
    const future = expectError(await api.call('GET', '/api/reports/monthly?scope=city&month=2999-01', { token: cityAdmin }), 400, 'VALIDATION_FAILED')
    expect(future.fields).toEqual({ month: '不能选择尚未开始的月份' })
    const missing = expectError(await api.call('GET', '/api/reports/monthly', { token: cityAdmin }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(missing.fields ?? {}).sort()).toEqual(['month', 'scope'])
  })

  it('shows each report only to the admins of its scope and a specialist their own', async () => {
    expectError(await api.call('GET', `/api/reports/monthly?scope=city&month=${month}`, { token: areaAdmin }), 403, 'FORBIDDEN')
    expectError(await api.call('GET', `/api/reports/monthly?scope=area:yuhu&month=${month}`, { token: areaAdmin }), 403, 'FORBIDDEN')
    expectError(await api.call('GET', `/api/reports/monthly?scope=specialist:sp-007&month=${month}`, { token: specialist }), 403, 'FORBIDDEN')
    expectError(await api.call('GET', `/api/reports/monthly?scope=department:power&month=${month}`, { token: handler }), 403, 'FORBIDDEN')
    expectError(await api.call('GET', `/api/reports/monthly?scope=specialist:sp-004&month=${month}`, { token: staff }), 403, 'FORBIDDEN')
    expectError(await api.call('GET', `/api/reports/monthly?scope=area:nowhere&month=${month}`, { token: cityAdmin }), 404, 'NOT_FOUND')
    expect((await api.call('GET', `/api/reports/monthly?scope=city&month=${month}`)).status).toBe(401)
  })
})

describe('GET /api/reports/appeals', () => {
  it('lists the appeals behind a figure, as many as the figure says', async () => {
    const report = monthlyReportSchema.parse((await api.call('GET', `/api/reports/monthly?scope=area:xt-hitech&month=${month}`, { token: areaAdmin })).body)
    const page = drillPageSchema.parse((await api.call('GET', `/api/reports/appeals?scope=area:xt-hitech&month=${month}&figure=received`, { token: areaAdmin })).body)
    expect(page.total).toBe(report.figures.received)
    expect(page.items.every((a) => a.areaId === 'xt-hitech' && a.status !== 'withdrawn')).toBe(true)
    const water = drillPageSchema.parse((await api.call('GET', `/api/reports/appeals?scope=area:xt-hitech&month=${month}&figure=received&dimension=category&value=water`, { token: areaAdmin })).body)
    expect(water.total).toBe(report.breakdowns.category.find((r) => r.key === 'water')?.figures.received ?? 0)
    expect(water.total).toBeGreaterThan(0)
  })

  it('refuses an unknown figure, a dimension without a value, a broken cursor, and other scopes', async () => {
    const bad = expectError(await api.call('GET', `/api/reports/appeals?scope=city&month=${month}&figure=happiness&dimension=area`, { token: cityAdmin }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['figure', 'value'])
    const cursor = expectError(await api.call('GET', `/api/reports/appeals?scope=city&month=${month}&figure=received&cursor=xyz`, { token: cityAdmin }), 400, 'VALIDATION_FAILED')
    expect(cursor.fields).toEqual({ cursor: INVALID_CURSOR_MESSAGE })
    expectError(await api.call('GET', `/api/reports/appeals?scope=city&month=${month}&figure=received`, { token: specialist }), 403, 'FORBIDDEN')
  })
})

describe('GET /api/reports/scopes', () => {
  it('offers each caller the scopes they may see', async () => {
    const city = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: cityAdmin })).body)
    expect(city.defaultScope).toBe('city')
    expect(city.scopes.filter((s) => s.kind === 'area')).toHaveLength(7)
    expect(city.currentMonth).toBe(month)
    const area = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: areaAdmin })).body)
    expect(area.defaultScope).toBe('area:xt-hitech')
    expect(area.scopes.some((s) => s.key === 'specialist:sp-004')).toBe(true)
    const own = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: specialist })).body)
    expect(own.scopes.map((s) => s.key)).toEqual(['specialist:sp-004'])
    expectError(await api.call('GET', '/api/reports/scopes', { token: staff }), 403, 'FORBIDDEN')
  })
})

describe('report exports over HTTP', () => {
  it('queues an export, makes it in the background and hands out a download link to the requester only', async () => {
    const queued = await api.call('POST', '/api/reports/exports', { token: areaAdmin, body: { scope: 'area:xt-hitech', month, format: 'xlsx' } })
    expect(queued.status).toBe(202)
    const { job } = exportJobEnvelope.parse(queued.body)
    expect(job).toMatchObject({ scope: 'area:xt-hitech', month, format: 'xlsx' })
    let done = job
    for (let i = 0; i < 120 && done.status !== 'done' && done.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      done = exportJobEnvelope.parse((await api.call('GET', `/api/reports/exports/${job.id}`, { token: areaAdmin })).body).job
    }
    expect(done.status).toBe('done')
    expect(done.fileName).toMatch(/\.xlsx$/)
    const file = await fetch(done.url!)
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
    expectError(await api.call('GET', `/api/reports/exports/${job.id}`, { token: cityAdmin }), 404, 'NOT_FOUND')
  })

  it('lets only the admins of a scope export it, and names bad fields', async () => {
    expectError(await api.call('POST', '/api/reports/exports', { token: areaAdmin, body: { scope: 'city', month, format: 'xlsx' } }), 403, 'FORBIDDEN')
    expectError(await api.call('POST', '/api/reports/exports', { token: specialist, body: { scope: 'specialist:sp-007', month } }), 403, 'FORBIDDEN')
    expectError(await api.call('POST', '/api/reports/exports', { token: staff, body: { scope: 'specialist:sp-004', month } }), 403, 'FORBIDDEN')
    const bad = expectError(await api.call('POST', '/api/reports/exports', { token: cityAdmin, body: { scope: 'city', month: '2026-1', format: 'pdf' } }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['format', 'month'])
  })
})
