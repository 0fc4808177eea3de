import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { appealPageSchema } from '@shared/schemas/appeal.schema'
import { INVALID_CURSOR_MESSAGE } from '@shared/schemas/common.schema'
import { notificationPageSchema } from '@shared/schemas/notification.schema'
import { drillPageSchema, reportScopesSchema } from '@shared/schemas/report.schema'
import { enterprisePageSchema } from '@shared/schemas/roster.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

/*
 * Every paged list answers a forged cursor, or one issued for another list, filter or caller,
 * with one 400 on `cursor` — and still pages with the cursors it hands out.
 */

const api = apiClient(inject('apiUrl'))
const q = encodeURIComponent

let staff: string
let specialist: string
let otherSpecialist: string
let areaAdmin: string
let cityAdmin: string
let month: string

async function refused(path: string, token: string) {
  const error = expectError(await api.call('GET', path, { token }), 400, 'VALIDATION_FAILED')
  expect(error.fields).toEqual({ cursor: INVALID_CURSOR_MESSAGE })
}

async function cursorOf(path: string, token: string): Promise<string> {
  const reply = await api.call('GET', path, { token })
  expect(reply.status).toBe(200)
  expect(reply.body.cursor).toEqual(expect.any(String))
  return reply.body.cursor as string
}

const forgeries = [
  'eyJwayI6IngifQ',
  Buffer.from(JSON.stringify({ pk: 'ENTERPRISE#en-0001', sk: 'PROFILE', gsi1pk: 'ENTERPRISES#xt-hitech', gsi1sk: 'en-0001' })).toString('base64url'),
  Buffer.from(JSON.stringify({ v: 1, p: '9999-12-31T00:00:00.000Z#ap-x' })).toString('base64url'),
  Buffer.from(JSON.stringify({ o: 20 })).toString('base64url'),
]

beforeAll(async () => {
  ;[staff, specialist, otherSpecialist, areaAdmin, cityAdmin] = (await Promise.all(['staff:en-0001', 'sp-007', 'sp-001', 'ad-xt-hitech', 'ad-city'].map((as) => api.login(as)))) as [
    string,
    string,
    string,
    string,
    string,
  ]
  month = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: areaAdmin })).body).currentMonth
  // More than a page of the report drill-down (20) in the area this month; each tells sp-007 too.
  for (let i = 0; i < 22; i++) {
    const body = { enterpriseId: 'en-0001', categoryId: 'power', title: `分页 ${i}`, description: '新厂房需要接入 10kV 线路' }
    expect((await api.call('POST', '/api/appeals', { token: staff, body, headers: { 'Idempotency-Key': `k-${randomUUID()}` } })).status).toBe(201)
  }
}, 120_000)

describe('GET /api/enterprises?cursor=', () => {
  it('answers a tampered cursor with 400 on cursor, not 500', async () => {
    await refused('/api/enterprises?limit=2&cursor=eyJwayI6IngifQ', areaAdmin)
    for (const forged of forgeries) await refused(`/api/enterprises?limit=2&cursor=${q(forged)}`, areaAdmin)
  })

  it('pages an area with its own cursors and refuses them for another filter or caller', async () => {
    const whole = enterprisePageSchema.parse((await api.call('GET', '/api/enterprises?limit=100', { token: areaAdmin })).body).items.map((e) => e.id)
    const paged: string[] = []
    let cursor: string | null = null
    do {
      const reply = await api.call('GET', `/api/enterprises?limit=9${cursor ? `&cursor=${q(cursor)}` : ''}`, { token: areaAdmin })
      const page = enterprisePageSchema.parse(reply.body)
      paged.push(...page.items.map((e) => e.id))
      cursor = page.cursor
    } while (cursor)
    expect(paged).toEqual(whole)

    const first = await cursorOf('/api/enterprises?limit=2', areaAdmin)
    await refused(`/api/enterprises?limit=2&scale=above&cursor=${q(first)}`, areaAdmin)
    await refused(`/api/enterprises?limit=2&areaId=xt-hitech&cursor=${q(first)}`, cityAdmin)
    await refused(`/api/enterprises?limit=2&cursor=${q(first)}`, specialist)
  })
})

describe('GET /api/appeals?cursor=', () => {
  it('refuses forged cursors and those of another list, filter or caller', async () => {
    for (const forged of forgeries) await refused(`/api/appeals?limit=2&cursor=${q(forged)}`, staff)
    const mine = await cursorOf('/api/appeals?limit=2', specialist)
    expect(appealPageSchema.parse((await api.call('GET', `/api/appeals?limit=2&cursor=${q(mine)}`, { token: specialist })).body).items).toHaveLength(2)
    await refused(`/api/appeals?limit=2&cursor=${q(mine)}`, otherSpecialist)
    await refused(`/api/appeals?limit=2&cursor=${q(mine)}`, areaAdmin)
    await refused(`/api/appeals?limit=2&status=assigned&cursor=${q(mine)}`, specialist)
    await refused(`/api/appeals?limit=2&cursor=${q(await cursorOf('/api/enterprises?limit=2', specialist))}`, specialist)
  })
})

describe('GET /api/notifications?cursor=', () => {
  it('refuses forged cursors and those of another list or another user', async () => {
    for (const forged of forgeries) await refused(`/api/notifications?limit=2&cursor=${q(forged)}`, specialist)
    const mine = await cursorOf('/api/notifications?limit=2', specialist)
    expect(notificationPageSchema.parse((await api.call('GET', `/api/notifications?limit=2&cursor=${q(mine)}`, { token: specialist })).body).items).toHaveLength(2)
    await refused(`/api/notifications?limit=2&cursor=${q(mine)}`, staff)
    await refused(`/api/notifications?limit=2&cursor=${q(await cursorOf('/api/appeals?limit=2', specialist))}`, specialist)
  })
})

describe('GET /api/reports/appeals?cursor=', () => {
  it('pages the appeals behind a figure and refuses a cursor of another figure, scope, caller or list', async () => {
    const base = `/api/reports/appeals?scope=area:xt-hitech&month=${month}&figure=received`
    const first = drillPageSchema.parse((await api.call('GET', base, { token: areaAdmin })).body)
    expect(first.cursor).toEqual(expect.any(String))
    const second = drillPageSchema.parse((await api.call('GET', `${base}&cursor=${q(first.cursor!)}`, { token: areaAdmin })).body)
    expect([...first.items, ...second.items].map((a) => a.id)).toHaveLength(Math.min(first.total, 40))
    expect(new Set([...first.items, ...second.items].map((a) => a.id)).size).toBe(Math.min(first.total, 40))

    for (const forged of forgeries) await refused(`${base}&cursor=${q(forged)}`, areaAdmin)
    const cursor = q(first.cursor!)
    await refused(`/api/reports/appeals?scope=area:xt-hitech&month=${month}&figure=closed&cursor=${cursor}`, areaAdmin)
    await refused(`/api/reports/appeals?scope=specialist:sp-007&month=${month}&figure=received&cursor=${cursor}`, areaAdmin)
    await refused(`${base}&dimension=category&value=power&cursor=${cursor}`, areaAdmin)
    await refused(`${base}&cursor=${cursor}`, cityAdmin)
    await refused(`${base}&cursor=${q(await cursorOf('/api/appeals?limit=2', areaAdmin))}`, areaAdmin)
  })
})
