import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { appealResponseSchema } from '@shared/schemas/appeal.schema'
import {
  exchangeEventDetailSchema,
  exchangeEventListSchema,
  exchangeEventResponseSchema,
  seriesTotalsSchema,
  type ExchangeEvent,
} from '@shared/schemas/exchange-event.schema'
import { loginResponseSchema } from '@shared/schemas/user.schema'
import { areaCardsSchema } from '@shared/schemas/card.schema'
import { apiClient, type ApiReply } from '../support/api-client'
import { expectError } from '../support/expect-error'
import { ACTOR_KEYS, ACTORS, PERMISSION_TABLE, type ActorKey, type Answer } from '../support/permission-table'

/*
 * Exchange days over HTTP: the four routes, bad input refused field by field, and every row of
 * the permission table's exchange-day part called as each person of the demo city.
 */

const api = apiClient(inject('apiUrl'))
const tokens = {} as Record<ActorKey, string>
const run = randomUUID().slice(0, 6)
const SERIES = `高新区政企交流主题日${run}`

const form = (overrides: Record<string, unknown> = {}) => ({
  title: '第1期政企交流主题日',
  series: SERIES,
  date: '2026-11-23',
  time: '19:30',
  place: '园区管委会三楼会议室',
  hosts: ['园区党工委书记 王某'],
  departmentIds: ['power', 'hrss'],
  areaId: 'xt-hitech',
  invited: { kind: 'list', enterpriseIds: ['en-0001', 'en-0002'] },
  ...overrides,
})
/** 完成时限 far enough ahead that the measure is never in the past, whatever the machine's date. */
const MEASURE = { text: '协调供电公司完成增容', unit: '国网湘潭供电公司', dueDate: '2099-12-31' }

const schedule = (token: string, body: unknown) => api.call('POST', '/api/events', { token, body })
const recordAt = (token: string, eventId: string, title: string, measure?: typeof MEASURE) =>
  api.call('POST', '/api/appeals', {
    token,
    headers: { 'Idempotency-Key': `event-${randomUUID()}` },
    body: {
      enterpriseId: 'en-0001',
      categoryId: 'other',
      title,
      description: `${title}，在交流日现场提出`,
      onBehalf: { channel: 'event', eventId, ...(measure ? { measure } : {}) },
    },
  })

async function scheduled(token: string, body: unknown): Promise<ExchangeEvent> {
  const reply = await schedule(token, body)
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  return exchangeEventResponseSchema.parse(reply.body).event
}

/** A new WeChat user of en-0001, not yet approved (the table's pending member). */
async function pendingMember(): Promise<string> {
  const code = ((await (await fetch(`${inject('wechatUrl')}/dev/login-code`, { method: 'POST', body: JSON.stringify({ deviceId: `events-${run}` }) })).json()) as { code: string }).code
  const session = loginResponseSchema.parse((await api.call('POST', '/api/auth/wechat', { body: { code } })).body)
  const cards = areaCardsSchema.parse((await api.call('GET', '/api/areas/xt-hitech/cards', { token: tokens.cityAdmin })).body).cards
  const card = cards.find((c) => c.enterprise.id === 'en-0001')!
  const joined = await api.call('POST', `/api/cards/${card.id}/bind`, { token: session.token, body: ACTORS.pendingFiler.contact })
  expect(joined.body).toMatchObject({ binding: { enterpriseId: 'en-0001', status: 'pending' } })
  return session.token
}

let hitechEvent: ExchangeEvent
let cityEvent: ExchangeEvent

beforeAll(async () => {
  for (const key of ACTOR_KEYS) {
    const { login } = ACTORS[key]
    if ('as' in login) tokens[key] = await api.login(login.as)
  }
  tokens.pendingFiler = await pendingMember()
  hitechEvent = await scheduled(tokens.areaAdmin, form())
  cityEvent = await scheduled(tokens.cityAdmin, form({ title: '企业家接待日', series: `市企业家接待日${run}`, date: '2026-11-25', areaId: null, invited: { kind: 'filter', scales: ['above'] } }))
})

describe('the exchange-day routes', () => {
  it('schedules an event and lists it, newest first, by series', async () => {
    const next = await scheduled(tokens.areaAdmin, form({ title: '第2期政企交流主题日', date: '2026-11-30' }))
    expect(next).toMatchObject({ series: SERIES, areaId: 'xt-hitech', createdBy: { id: 'ad-xt-hitech' } })
    const list = await api.call('GET', `/api/events?series=${encodeURIComponent(SERIES)}`, { token: tokens.owner })
    expect(list.status).toBe(200)
    expect(exchangeEventListSchema.parse(list.body).items.map((e) => e.id)).toEqual([next.id, hitechEvent.id])
    const all = exchangeEventListSchema.parse((await api.call('GET', '/api/events', { token: tokens.owner })).body).items.map((e) => e.id)
    expect(all).toEqual(expect.arrayContaining([next.id, hitechEvent.id, cityEvent.id]))
  })

  it('shows the event page with the problems raised and their live tallies', async () => {
    const event = await scheduled(tokens.areaAdmin, form({ title: '第3期政企交流主题日', date: '2026-12-07' }))
    const one = await recordAt(tokens.owner, event.id, '新厂房用电增容', MEASURE)
    expect(one.status, JSON.stringify(one.body)).toBe(201)
    const appeal = appealResponseSchema.parse(one.body).appeal
    expect(appeal).toMatchObject({ channel: 'event', source: { kind: 'event', id: event.id }, measure: { unit: '国网湘潭供电公司', dueDate: '2099-12-31' } })
    expect((await recordAt(tokens.areaAdmin, event.id, '夜班通勤公交')).status).toBe(201)

    const reply = await api.call('GET', `/api/events/${event.id}`, { token: tokens.areaAdmin })
    expect(reply.status).toBe(200)
    const detail = exchangeEventDetailSchema.parse(reply.body)
    expect(detail.tallies).toEqual({ raised: 2, withMeasure: 1, solved: 0 })
    expect(detail.problems.map((p) => [p.title, p.status, p.enterpriseName])).toEqual([
      ['新厂房用电增容', 'assigned', '湖南锦程汽车零部件有限公司'],
      ['夜班通勤公交', 'assigned', '湖南锦程汽车零部件有限公司'],
    ])
    expect(detail.invitedEnterprises.map((e) => e.id)).toEqual(['en-0001', 'en-0002'])

    const totals = seriesTotalsSchema.parse((await api.call('GET', '/api/events/series', { token: tokens.areaAdmin })).body).items
    expect(totals.find((t) => t.series === SERIES)).toMatchObject({ areaId: 'xt-hitech', events: 3, raised: 2, withMeasure: 1, solved: 0 })
  })

  it('refuses bad input with a message per field and writes nothing', async () => {
    const missing = expectError(await schedule(tokens.areaAdmin, {}), 400, 'VALIDATION_FAILED')
    expect(Object.keys(missing.fields ?? {})).toEqual(expect.arrayContaining(['title', 'series', 'date', 'time', 'place', 'hosts', 'departmentIds', 'areaId', 'invited']))
    expect(expectError(await schedule(tokens.areaAdmin, form({ date: '2026-13-01', time: '25:00' })), 400, 'VALIDATION_FAILED').fields).toEqual({
      date: '日期不存在',
      time: '时间格式应为 HH:mm',
    })
    expect(expectError(await schedule(tokens.areaAdmin, form({ departmentIds: ['nope'] })), 400, 'VALIDATION_FAILED').fields).toEqual({ 'departmentIds.0': '参会部门不存在' })
    expect(expectError(await schedule(tokens.areaAdmin, form({ invited: { kind: 'list', enterpriseIds: ['en-0241'] } })), 400, 'VALIDATION_FAILED').fields).toEqual({
      'invited.enterpriseIds.0': '只能邀请本属地的企业',
    })
    expect(expectError(await schedule(tokens.areaAdmin, form({ status: 'held' })), 400, 'VALIDATION_FAILED').fields).toEqual({ status: '不允许的字段' })
    expectError(await api.call('POST', '/api/events', { token: tokens.areaAdmin, raw: '{"title":' }), 400, 'INVALID_JSON')
    expectError(await api.call('GET', '/api/events/ev-1', { token: tokens.areaAdmin }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('GET', '/api/events/ev-01jd0000000000000000000000', { token: tokens.areaAdmin }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', '/api/events?areaId=%00', { token: tokens.cityAdmin }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('GET', '/api/events/series?areaId=nowhere', { token: tokens.cityAdmin }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', '/api/events'), 401, 'UNAUTHENTICATED')
    expect(exchangeEventListSchema.parse((await api.call('GET', `/api/events?series=${encodeURIComponent(SERIES)}`, { token: tokens.areaAdmin })).body).items).toHaveLength(3)
  })

  it('refuses a problem for an enterprise of another area, or a measure already overdue', async () => {
    const elsewhere = await api.call('POST', '/api/appeals', {
      token: tokens.cityAdmin,
      headers: { 'Idempotency-Key': `event-${randomUUID()}` },
      body: { enterpriseId: 'en-0241', categoryId: 'other', title: '跨区问题', description: '雨湖区企业的问题', onBehalf: { channel: 'event', eventId: hitechEvent.id } },
    })
    expect(expectError(elsewhere, 400, 'VALIDATION_FAILED').fields).toEqual({ 'onBehalf.eventId': '该企业不属于这次交流活动的园区' })
    const overdue = await recordAt(tokens.owner, hitechEvent.id, '过期措施', { ...MEASURE, dueDate: '2001-01-01' })
    expect(expectError(overdue, 400, 'VALIDATION_FAILED').fields).toEqual({ 'onBehalf.measure.dueDate': '完成时限不能早于今天' })
  })
})

/** What each answer of the table looks like over HTTP for these routes. */
const STATUS: Record<Answer, number> = { yes: 200, hidden: 404, forbidden: 403, absent: 200 }

const CALLS: Record<string, (as: ActorKey) => Promise<ApiReply>> = {
  'event.schedule-area': (as) => schedule(tokens[as], form({ title: '权限测试活动' })),
  'event.schedule-city': (as) => schedule(tokens[as], form({ title: '权限测试活动', areaId: null })),
  'event.list-area': (as) => api.call('GET', '/api/events?areaId=xt-hitech', { token: tokens[as] }),
  'event.see-area': (as) => api.call('GET', `/api/events/${hitechEvent.id}`, { token: tokens[as] }),
  'event.see-city': (as) => api.call('GET', `/api/events/${cityEvent.id}`, { token: tokens[as] }),
  'event.record': (as) => recordAt(tokens[as], hitechEvent.id, '权限测试问题'),
}

const ROWS = PERMISSION_TABLE.filter((row) => row.id.startsWith('event.'))

describe('the permission table’s exchange-day rows, over HTTP', () => {
  it('has a call for every row', () => {
    expect(ROWS.map((r) => r.id).sort()).toEqual(Object.keys(CALLS).sort())
  })

  describe.each(ROWS.map((row) => [row.id, row] as const))('%s', (id, row) => {
    it.each(ACTOR_KEYS.map((key) => [key, row.answers[key]] as const))('%s → %s', async (key, answer) => {
      const reply = await CALLS[id]!(key)
      const created = reply.status === 201 && answer === 'yes'
      expect(created ? 200 : reply.status, JSON.stringify(reply.body)).toBe(STATUS[answer])
      if (id === 'event.list-area' && answer === 'yes') expect(exchangeEventListSchema.parse(reply.body).items.map((e) => e.id)).toContain(hitechEvent.id)
    })
  })
})
