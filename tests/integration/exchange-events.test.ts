import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { CreateExchangeEventRequest, ExchangeEvent } from '@shared/schemas/exchange-event.schema'
import type { MeasureRequest } from '@shared/schemas/appeal.schema'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import {
  getExchangeEventDetail,
  getSeriesTotals,
  listExchangeEvents,
  scheduleExchangeEvent,
} from '../../functions/exchange-events/exchange-events.use-case'
import { getExchangeEvent } from '../../functions/store/exchange-event.store'
import { seedExchangeEvents } from '../../scripts/lib/seed-exchange-events'
import { shanghai, testClock } from '../support/clock'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, owner, powerHandler, staff } from '../support/fixtures'

/*
 * Exchange days against DynamoDB Local: scheduling with its checks, the lists by scope and series,
 * problems recorded at an event as on-behalf appeals, and the live tallies as those appeals move.
 */

const clock = testClock('2026-11-23T09:00:00')
const SERIES = '高新区政企交流主题日'

const form = (overrides: Partial<CreateExchangeEventRequest> = {}): CreateExchangeEventRequest => ({
  title: '第1期政企交流主题日',
  series: SERIES,
  date: '2026-11-23',
  time: '19:30',
  place: '园区管委会三楼会议室',
  hosts: ['园区党工委书记 王某', '管委会主任 李某'],
  departmentIds: ['power', 'hrss'],
  areaId: 'xt-hitech',
  invited: { kind: 'list', enterpriseIds: ['en-0001', 'en-0002'] },
  ...overrides,
})

const measure: MeasureRequest = { text: '协调供电公司两周内完成增容', unit: '国网湘潭供电公司', dueDate: '2026-12-07' }

/** A problem raised at the event for en-0001 (served by sp-007), recorded by `who`. */
const record = (who: Actor, eventId: string, title: string, withMeasure?: MeasureRequest) =>
  submitAppeal(
    who,
    `event-${randomUUID()}`,
    {
      enterpriseId: 'en-0001',
      categoryId: 'other',
      title,
      description: `${title}，企业在交流日现场提出`,
      onBehalf: { channel: 'event', eventId, ...(withMeasure ? { measure: withMeasure } : {}) },
    },
    clock.tick(),
  ).then((r) => r.appeal)

const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return (error as ValidationError).fields
}

let first: ExchangeEvent
let second: ExchangeEvent
let cityLevel: ExchangeEvent
let yuhu: ExchangeEvent

beforeAll(async () => {
  first = await scheduleExchangeEvent(areaAdmin, form(), clock.tick())
  second = await scheduleExchangeEvent(areaAdmin, form({ title: '第2期政企交流主题日', date: '2026-11-30', invited: { kind: 'filter', scales: ['above'] } }), clock.tick())
  cityLevel = await scheduleExchangeEvent(cityAdmin, form({ title: '企业家接待日', series: '市企业家接待日', date: '2026-11-25', areaId: null, invited: { kind: 'filter', scales: ['above', 'near'] } }), clock.tick())
  yuhu = await scheduleExchangeEvent(otherAreaAdmin, form({ areaId: 'yuhu', invited: { kind: 'filter', scales: ['above'] } }), clock.tick())
})

describe('scheduling an exchange day', () => {
  it('stores the event as given, with a minted id and who scheduled it', async () => {
    expect(first.id).toMatch(/^ev-[0-9a-hjkmnp-tv-z]{26}$/)
    expect(await getExchangeEvent(first.id)).toEqual({
      ...form(),
      id: first.id,
      createdBy: { id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin' },
      createdAt: first.createdAt,
    })
  })

  it('refuses those who may not schedule for that scope, writing nothing', async () => {
    await expect(scheduleExchangeEvent(areaAdmin, form({ areaId: 'yuhu' }), clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    await expect(scheduleExchangeEvent(areaAdmin, form({ areaId: null }), clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    await expect(scheduleExchangeEvent(owner, form(), clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    await expect(scheduleExchangeEvent(staff, form(), clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    expect((await listExchangeEvents(areaAdmin, {})).items).toHaveLength(3)
  })

  it('checks the area, the departments and each invited enterprise, field by field', async () => {
    expect(await fieldsOf(scheduleExchangeEvent(cityAdmin, form({ areaId: 'nowhere' }), clock.tick()))).toMatchObject({ areaId: '属地不存在' })
    expect(await fieldsOf(scheduleExchangeEvent(areaAdmin, form({ departmentIds: ['power', 'no-such'] }), clock.tick()))).toEqual({ 'departmentIds.1': '参会部门不存在' })
    // en-0241 is of 雨湖区; en-9999 does not exist.
    expect(await fieldsOf(scheduleExchangeEvent(areaAdmin, form({ invited: { kind: 'list', enterpriseIds: ['en-0001', 'en-0241', 'en-9999'] } }), clock.tick()))).toEqual({
      'invited.enterpriseIds.1': '只能邀请本属地的企业',
      'invited.enterpriseIds.2': '企业不存在',
    })
    expect(await fieldsOf(scheduleExchangeEvent(areaAdmin, form({ invited: { kind: 'filter', scales: ['above'], areaId: 'yuhu' } }), clock.tick()))).toEqual({
      'invited.areaId': '只能邀请本属地的企业',
    })
    // A city-level event may invite anyone.
    const anywhere = await scheduleExchangeEvent(cityAdmin, form({ areaId: null, series: '全市专场', invited: { kind: 'list', enterpriseIds: ['en-0001', 'en-0241'] } }), clock.tick())
    expect(anywhere.invited).toEqual({ kind: 'list', enterpriseIds: ['en-0001', 'en-0241'] })
  })
})

describe('the lists', () => {
  const ids = (items: ExchangeEvent[]) => items.map((e) => e.id)

  it('gives an area’s officials their area’s events and the city’s, newest first', async () => {
    const { items } = await listExchangeEvents(owner, {})
    expect(ids(items.filter((e) => e.series !== '全市专场'))).toEqual([second.id, cityLevel.id, first.id])
    expect(items.every((e) => e.areaId === 'xt-hitech' || e.areaId === null)).toBe(true)
    expect(ids(items)).not.toContain(yuhu.id)
    expect(ids((await listExchangeEvents(owner, { series: SERIES })).items)).toEqual([second.id, first.id])
  })

  it('gives the city admin every event, or one area’s', async () => {
    expect(ids((await listExchangeEvents(cityAdmin, {})).items)).toEqual(expect.arrayContaining([first.id, second.id, cityLevel.id, yuhu.id]))
    const yuhuList = ids((await listExchangeEvents(cityAdmin, { areaId: 'yuhu' })).items)
    expect(yuhuList).toContain(yuhu.id)
    expect(yuhuList).not.toContain(first.id)
  })

  it('refuses another area and those outside the work', async () => {
    await expect(listExchangeEvents(areaAdmin, { areaId: 'yuhu' })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listExchangeEvents(powerHandler, {})).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listExchangeEvents(staff, {})).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listExchangeEvents(cityAdmin, { areaId: 'nowhere' })).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('problems raised at an event', () => {
  it('counts them live: raised, with a measure, solved', async () => {
    const withMeasure = await record(owner, first.id, '新厂房用电增容', measure)
    const byAdmin = await record(areaAdmin, first.id, '夜班职工通勤公交', measure)
    const plain = await record(owner, first.id, '招工信息发布渠道')
    expect(withMeasure).toMatchObject({ channel: 'event', source: { kind: 'event', id: first.id }, measure: { unit: '国网湘潭供电公司' }, evaluatedByCall: true })

    let detail = await getExchangeEventDetail(areaAdmin, first.id)
    expect(detail.tallies).toEqual({ raised: 3, withMeasure: 2, solved: 0 })
    expect(detail.problems.map((p) => p.appealId)).toEqual([withMeasure.id, byAdmin.id, plain.id])
    expect(detail.invitedEnterprises.map((e) => [e.id, e.specialistId])).toEqual([
      ['en-0001', 'sp-007'],
      ['en-0002', 'sp-001'],
    ])

    // Solved: accepted, answered resolved, and the evaluation heard on a return call.
    await actOnAppeal(owner, withMeasure.id, { type: 'accept' }, clock.tick())
    await actOnAppeal(owner, withMeasure.id, { type: 'respond', outcome: 'resolved', message: '已完成增容并送电' }, clock.tick())
    expect((await getExchangeEventDetail(owner, first.id)).tallies.solved).toBe(0)
    await actOnAppeal(owner, withMeasure.id, { type: 'call-evaluate', rating: 'satisfied', comment: '' }, clock.tick())
    // A measure agreed later, while the problem is worked on, counts too.
    await actOnAppeal(owner, plain.id, { type: 'accept' }, clock.tick())
    await actOnAppeal(areaAdmin, plain.id, { type: 'set-measure', measure: { ...measure, text: '下月招聘会专场' } }, clock.tick())
    // Answered only in part: closed, but not solved.
    await actOnAppeal(owner, plain.id, { type: 'respond', outcome: 'partly', message: '已对接人社部门发布部分岗位' }, clock.tick())
    await actOnAppeal(owner, plain.id, { type: 'call-evaluate', rating: 'basically', comment: '' }, clock.tick())

    detail = await getExchangeEventDetail(owner, first.id)
    expect(detail.tallies).toEqual({ raised: 3, withMeasure: 3, solved: 1 })
    expect(detail.problems.map((p) => [p.title, p.status, p.outcome ?? null, p.solved])).toEqual([
      ['新厂房用电增容', 'closed', 'resolved', true],
      ['夜班职工通勤公交', 'assigned', null, false],
      ['招工信息发布渠道', 'closed', 'partly', false],
    ])
  })

  it('keeps each event’s problems to itself, and totals them per series', async () => {
    await record(owner, second.id, '厂区道路破损')
    await record(cityAdmin, cityLevel.id, '融资担保对接', measure)
    const totals = await getSeriesTotals(areaAdmin, {}, clock.now())
    const hitech = totals.items.find((t) => t.series === SERIES && t.areaId === 'xt-hitech')
    expect(hitech).toEqual({ series: SERIES, areaId: 'xt-hitech', events: 2, held: 1, firstDate: '2026-11-23', lastDate: '2026-11-30', raised: 4, withMeasure: 3, solved: 1 })
    expect(totals.items.find((t) => t.series === '市企业家接待日')).toMatchObject({ areaId: null, events: 1, raised: 1, withMeasure: 1, solved: 0 })
    expect(totals.items.some((t) => t.areaId === 'yuhu')).toBe(false)
    // The same name in 雨湖区 is a series of its own, with nothing raised.
    expect((await getSeriesTotals(cityAdmin, { areaId: 'yuhu' }, clock.now())).items.find((t) => t.areaId === 'yuhu')).toMatchObject({ series: SERIES, events: 1, raised: 0 })
  })

  it('refuses a problem for an enterprise outside the event’s area, or from those who may not file for it', async () => {
    await expect(
      submitAppeal(cityAdmin, `event-${randomUUID()}`, { enterpriseId: 'en-0241', categoryId: 'other', title: '跨区问题', description: '雨湖区企业的问题', onBehalf: { channel: 'event', eventId: first.id } }, clock.tick()),
    ).rejects.toMatchObject({ fields: { 'onBehalf.eventId': '该企业不属于这次交流活动的园区' } })
    await expect(record(otherSpecialist, first.id, '不是我服务的企业')).rejects.toBeInstanceOf(NotFoundError)
    expect((await getExchangeEventDetail(cityAdmin, first.id)).tallies.raised).toBe(3)
  })

  it('hides an event from those who may not see it', async () => {
    await expect(getExchangeEventDetail(otherAreaAdmin, first.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getExchangeEventDetail(powerHandler, first.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getExchangeEventDetail(staff, first.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getExchangeEventDetail(owner, 'ev-01jd0000000000000000000000')).rejects.toBeInstanceOf(NotFoundError)
    expect((await getExchangeEventDetail(otherAreaAdmin, cityLevel.id)).event.id).toBe(cityLevel.id)
  })
})

describe('the demo series', () => {
  it('seeds four past Monday meetings and the next one, once', async () => {
    // Wednesday 2 December 2026.
    const now = shanghai('2026-12-02T10:00:00')
    expect(await seedExchangeEvents(now)).toBe(5)
    expect(await seedExchangeEvents(now)).toBe(0)
    const { items } = await listExchangeEvents(areaAdmin, { series: '湘潭高新区政企交流主题日' })
    expect(items.map((e) => e.date)).toEqual(['2026-12-07', '2026-11-30', '2026-11-23', '2026-11-16', '2026-11-09'])
    const totals = await getSeriesTotals(areaAdmin, {}, now)
    expect(totals.items.find((t) => t.series === '湘潭高新区政企交流主题日')).toMatchObject({ events: 5, held: 4, raised: 0 })
  })
})
