import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { areaCardsSchema } from '@shared/schemas/card.schema'
import { enterprisePageSchema } from '@shared/schemas/roster.schema'
import { loginResponseSchema } from '@shared/schemas/user.schema'
import { uploadTicketSchema } from '@shared/schemas/attachment.schema'
import { checkInSchema, visitDetailSchema, visitPageSchema, visitSchema, visitSeenSchema } from '@shared/schemas/visit.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'
import { ACTOR_KEYS, ACTORS, PERMISSION_TABLE, type ActorKey } from '../support/permission-table'

/*
 * Visits (走访) over HTTP on the running stack: recording (once per Idempotency-Key), the lists,
 * the record with its photos, the check-in by en-0001's card, what staff see, 最近走访 in the
 * roster — and the permission table's visit rows the shared matrix cannot call (check-in, reading
 * a visit) as each of its people. Times are the server's: the reply's Date header says when "now" is.
 */

const api = apiClient(inject('apiUrl'))
const tokens = {} as Record<ActorKey, string>
let serverNow: Date
let cardId: string

const png = (n: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), Buffer.alloc(64 + n, 5)])

/** A visit of en-0001 some minutes before the server's now. */
const body = (overrides: Record<string, unknown> = {}) => ({
  enterpriseId: 'en-0001',
  visitedAt: new Date(serverNow.getTime() - 30 * 60_000).toISOString(),
  kind: 'onsite',
  met: '总经理张总、人事经理李女士',
  topics: ['production', 'hiring'],
  record: '新产线下月投产，缺熟练焊工 20 名，希望人社部门组织专场招聘。',
  ...overrides,
})

const record = (token: string, payload: unknown, key = `visit-${randomUUID()}`) => api.call('POST', '/api/visits', { token, body: payload, headers: { 'Idempotency-Key': key } })

beforeAll(async () => {
  for (const key of ACTOR_KEYS) {
    const { login } = ACTORS[key]
    if ('as' in login) {
      const reply = await api.call('POST', '/api/auth/dev-login', { body: { as: login.as } })
      tokens[key] = loginResponseSchema.parse(reply.body).token
      serverNow = new Date(reply.headers.get('date')!)
    }
  }
  const cards = areaCardsSchema.parse((await api.call('GET', '/api/areas/xt-hitech/cards', { token: tokens.cityAdmin })).body).cards
  cardId = cards.find((c) => c.enterprise.id === 'en-0001')!.id
  // The table's pending member of en-0001: the same WeChat user as the shared matrix's (asking again changes nothing).
  const pending = ACTORS.pendingFiler
  const device = 'wechatDevice' in pending.login ? pending.login.wechatDevice : 'visits'
  const code = ((await (await fetch(`${inject('wechatUrl')}/dev/login-code`, { method: 'POST', body: JSON.stringify({ deviceId: device }) })).json()) as { code: string }).code
  tokens.pendingFiler = loginResponseSchema.parse((await api.call('POST', '/api/auth/wechat', { body: { code } })).body).token
  const joined = await api.call('POST', `/api/cards/${cardId}/bind`, { token: tokens.pendingFiler, body: pending.contact })
  expect(joined.body).toMatchObject({ binding: { enterpriseId: 'en-0001', status: 'pending' } })
})

describe('POST /api/visits', () => {
  it('records a visit once per key: 201, then 200 with the same visit, 422 for another body', async () => {
    const key = `visit-${randomUUID()}`
    const first = await record(tokens.owner, body(), key)
    expect(first.status).toBe(201)
    const visit = visitSchema.parse(first.body.visit)
    expect(visit).toMatchObject({ enterpriseId: 'en-0001', specialistId: 'sp-007', by: { id: 'sp-007' }, kind: 'onsite', appealCount: 0 })
    const again = await record(tokens.owner, body(), key)
    expect(again.status).toBe(200)
    expect(again.body.visit).toEqual(first.body.visit)
    expectError(await record(tokens.owner, body({ record: '另一次走访，内容不同。' }), key), 422, 'IDEMPOTENCY_KEY_REUSED')
  })

  it('answers bad input with a Chinese message per field and writes nothing', async () => {
    const error = expectError(await record(tokens.owner, { enterpriseId: 'en-0001', kind: 'walk', topics: [], record: '好', extra: 1 }), 400, 'VALIDATION_FAILED')
    expect(error.fields).toMatchObject({ visitedAt: '请选择走访时间', kind: '请选择走访方式', met: '请填写见到了谁（姓名、职务）', topics: '请至少选择一个走访话题', record: '走访记录至少 5 个字', extra: '不允许的字段' })
    const noKey = expectError(await api.call('POST', '/api/visits', { token: tokens.owner, body: body() }), 400, 'VALIDATION_FAILED')
    expect(noKey.fields?.['idempotency-key']).toBe('缺少 Idempotency-Key 请求头')
    const future = expectError(await record(tokens.owner, body({ visitedAt: new Date(serverNow.getTime() + 3 * 3600_000).toISOString() })), 400, 'VALIDATION_FAILED')
    expect(future.fields).toEqual({ visitedAt: '走访时间不能晚于现在' })
    expectError(await api.call('POST', '/api/visits', { body: body(), headers: { 'Idempotency-Key': 'visit-anon-0001' } }), 401, 'UNAUTHENTICATED')
  })

  it('is refused (404) to anyone who does not work on site for the enterprise', async () => {
    for (const key of ['staff', 'otherStaff', 'pendingFiler', 'otherSpecialist', 'coHandler', 'otherAreaAdmin'] as const) expectError(await record(tokens[key], body()), 404, 'NOT_FOUND')
  })
})

describe('checking in by the card', () => {
  const row = PERMISSION_TABLE.find((r) => r.id === 'visit.check-in')!

  it.each(ACTOR_KEYS.map((key) => [key, row.answers[key]] as const))('as %s → %s', async (key, answer) => {
    const reply = await api.call('POST', `/api/cards/${cardId}/check-in`, { token: tokens[key] })
    if (answer === 'yes') expect(checkInSchema.parse(reply.body.checkIn)).toMatchObject({ enterpriseId: 'en-0001', cardId })
    else expectError(reply, 403, 'FORBIDDEN')
    // Everyone still gets the card page.
    expect((await api.call('GET', `/api/cards/${cardId}`)).status).toBe(200)
  })

  it('stamps the visit recorded with the token; a forged or another official’s token is a 400 on checkIn', async () => {
    const scan = checkInSchema.parse((await api.call('POST', `/api/cards/${cardId}/check-in`, { token: tokens.owner })).body.checkIn)
    const reply = await record(tokens.owner, body({ checkIn: scan.token }))
    expect(reply.status).toBe(201)
    expect(reply.body.visit.checkedInAt).toBe(scan.scannedAt)
    const forged = expectError(await record(tokens.owner, body({ checkIn: `${scan.token.split('.')[0]}.${'B'.repeat(43)}` })), 400, 'VALIDATION_FAILED')
    expect(forged.fields).toEqual({ checkIn: '签到凭证无效，请重新扫码签到' })
    const borrowed = expectError(await record(tokens.areaAdmin, body({ checkIn: scan.token })), 400, 'VALIDATION_FAILED')
    expect(borrowed.fields).toEqual({ checkIn: '签到凭证不属于该企业，请扫该企业的联系卡' })
    expectError(await api.call('POST', `/api/cards/${'0'.repeat(20)}/check-in`, { token: tokens.owner }), 404, 'NOT_FOUND')
    expectError(await api.call('POST', '/api/cards/nosuchcard/check-in', { token: tokens.owner }), 400, 'VALIDATION_FAILED')
  })
})

describe('reading visits', () => {
  let visitId: string
  let photoIds: string[]

  beforeAll(async () => {
    photoIds = []
    for (const n of [1, 2]) {
      const reply = await api.call('POST', '/api/attachments/uploads', {
        token: tokens.owner,
        body: { target: { kind: 'new-visit', enterpriseId: 'en-0001' }, fileName: `车间${n}.png`, size: png(n).length, contentType: 'image/png' },
      })
      expect(reply.status).toBe(201)
      const ticket = uploadTicketSchema.parse(reply.body.upload)
      const form = new FormData()
      for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value)
      form.append('file', new Blob([png(n)]), `车间${n}.png`)
      expect((await fetch(ticket.url, { method: 'POST', body: form })).status).toBe(204)
      photoIds.push(ticket.id)
    }
    const reply = await record(tokens.owner, body({ attachments: photoIds }))
    expect(reply.status).toBe(201)
    visitId = reply.body.visit.id
  })

  it('opens the record with its photos for those the table allows, 404 for everyone else', async () => {
    const row = PERMISSION_TABLE.find((r) => r.id === 'visit.read')!
    for (const key of ACTOR_KEYS) {
      const reply = await api.call('GET', `/api/visits/${visitId}`, { token: tokens[key] })
      if (row.answers[key] === 'yes') {
        const detail = visitDetailSchema.parse(reply.body)
        expect(detail.visit).toMatchObject({ id: visitId, attachmentCount: 2 })
        expect(detail.photos.map((p) => p.id)).toEqual(photoIds)
        expect(Array.isArray(detail.appeals)).toBe(true)
        const photo = await fetch(detail.photos[0]!.url!)
        expect(photo.status).toBe(200)
      } else expectError(reply, 404, 'NOT_FOUND')
    }
    expectError(await api.call('GET', '/api/visits/vi-not-a-ulid', { token: tokens.owner }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('GET', '/api/visits/vi-01jd2x3y4z5a6b7c8d9e0f1g2h', { token: tokens.owner }), 404, 'NOT_FOUND')
  })

  it('lists an enterprise’s visits newest first, and one’s own without an enterprise', async () => {
    const page = visitPageSchema.parse((await api.call('GET', '/api/visits?enterpriseId=en-0001&limit=2', { token: tokens.areaAdmin })).body)
    expect(page.items).toHaveLength(2)
    expect(page.items[0]!.visitedAt >= page.items[1]!.visitedAt).toBe(true)
    const next = visitPageSchema.parse((await api.call('GET', `/api/visits?enterpriseId=en-0001&limit=2&cursor=${page.cursor}`, { token: tokens.areaAdmin })).body)
    expect(next.items.map((v) => v.id)).not.toContain(page.items[0]!.id)
    const own = visitPageSchema.parse((await api.call('GET', '/api/visits', { token: tokens.owner })).body)
    expect(own.items.map((v) => v.id)).toContain(visitId)
    expect(own.items.every((v) => v.by.id === 'sp-007')).toBe(true)
    const forged = expectError(await api.call('GET', `/api/visits?enterpriseId=en-0001&limit=2&cursor=${page.cursor}`, { token: tokens.cityAdmin }), 400, 'VALIDATION_FAILED')
    expect(forged.fields).toHaveProperty('cursor')
    const bad = expectError(await api.call('GET', '/api/visits?enterpriseId=x&limit=500', { token: tokens.owner }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['enterpriseId', 'limit'])
  })

  it('shows the staff only “专员于 X 月 X 日走访”, and 最近走访 in the roster', async () => {
    const seen = (await api.call('GET', '/api/enterprises/en-0001/visits-seen', { token: tokens.staff })).body
    const lines = seen.items.map((item: unknown) => visitSeenSchema.parse(item))
    expect(lines.length).toBeGreaterThan(0)
    expect(lines[0].line).toMatch(/^专员于 (\d{4} 年 )?\d{1,2} 月 \d{1,2} 日(走访|电话联系|视频连线)$/)
    expect(JSON.stringify(seen)).not.toContain('焊工')
    expectError(await api.call('GET', '/api/enterprises/en-0001/visits-seen', { token: tokens.otherStaff }), 404, 'NOT_FOUND')
    const roster = enterprisePageSchema.parse((await api.call('GET', '/api/enterprises?limit=50', { token: tokens.owner })).body)
    expect(roster.items.find((e) => e.id === 'en-0001')?.lastVisitAt).toBeDefined()
  })
})
