import { describe, expect, it } from 'vitest'
import { eventTallies, isInvited, isSolved, problemsInOrder, seriesTotals } from '@shared/domain/exchange-events'
import { exchangeEventReach, mayRecordAtExchangeEvent, mayScheduleExchangeEvent, maySeeExchangeEvent } from '@shared/domain/policy'
import { createExchangeEventRequestSchema, exchangeEventPathSchema, type ExchangeEvent } from '@shared/schemas/exchange-event.schema'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { shanghai } from '../support/clock'
import { areaAdmin, cityAdmin, makeAppeal, otherAreaAdmin, otherSpecialist, owner, powerHandler, staff } from '../support/fixtures'

const measure = { text: '协调供电公司增容', unit: '国网湘潭供电公司', dueDate: '2026-12-31', at: '2026-11-23T11:00:00.000Z', by: { id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin' as const } }
const answered = (outcome: 'resolved' | 'partly' | 'cannot') => ({ outcome, message: '已处理', at: '2026-11-25T02:00:00.000Z' })

function event(overrides: Partial<ExchangeEvent> = {}): ExchangeEvent {
  return {
    id: 'ev-01jd0000000000000000000000',
    title: '第1期政企交流主题日',
    series: '高新区政企交流主题日',
    date: '2026-11-23',
    time: '19:30',
    place: '园区管委会三楼会议室',
    hosts: ['园区党工委书记 王某'],
    departmentIds: ['power'],
    areaId: 'xt-hitech',
    invited: { kind: 'filter', scales: ['above', 'near'] },
    createdBy: { id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin' },
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  }
}

describe('what an exchange day counts', () => {
  it('counts solved only when closed with the outcome resolved', () => {
    expect(isSolved(makeAppeal({ status: 'closed', response: answered('resolved') }))).toBe(true)
    expect(isSolved(makeAppeal({ status: 'closed', response: answered('partly') }))).toBe(false)
    expect(isSolved(makeAppeal({ status: 'closed', response: answered('cannot') }))).toBe(false)
    // Answered resolved but not yet closed (awaiting the evaluation): not yet solved.
    expect(isSolved(makeAppeal({ status: 'responded', response: answered('resolved') }))).toBe(false)
    // Closed as 未评价 by the sweep after a resolved answer: the answer stands.
    expect(isSolved(makeAppeal({ status: 'closed', notEvaluated: true, response: answered('resolved') }))).toBe(true)
  })

  it('tallies raised, with a measure and solved', () => {
    const appeals: Appeal[] = [
      makeAppeal({ id: 'ap-1', measure, status: 'closed', response: answered('resolved') }),
      makeAppeal({ id: 'ap-2', measure, status: 'in_progress' }),
      makeAppeal({ id: 'ap-3', status: 'closed', response: answered('resolved') }),
      makeAppeal({ id: 'ap-4', status: 'withdrawn' }),
      makeAppeal({ id: 'ap-5', measure, status: 'closed', response: answered('partly') }),
    ]
    expect(eventTallies(appeals)).toEqual({ raised: 5, withMeasure: 3, solved: 2 })
    expect(eventTallies([])).toEqual({ raised: 0, withMeasure: 0, solved: 0 })
  })

  it('lists problems in the order they were raised', () => {
    const later = makeAppeal({ id: 'ap-b', number: 'XT-20261123-0021', createdAt: '2026-11-23T11:40:00.000Z' })
    const first = makeAppeal({ id: 'ap-a', number: 'XT-20261123-0033', createdAt: '2026-11-23T11:35:00.000Z', measure })
    const problems = problemsInOrder([later, first])
    expect(problems.map((p) => p.appealId)).toEqual(['ap-a', 'ap-b'])
    expect(problems[0]).toMatchObject({ number: 'XT-20261123-0033', measure: { unit: '国网湘潭供电公司' }, solved: false, status: 'assigned' })
  })

  it('adds events up per series and scope, newest series first', () => {
    const events = [
      event({ id: 'ev-a', date: '2026-11-02' }),
      event({ id: 'ev-b', date: '2026-11-09' }),
      event({ id: 'ev-c', date: '2026-12-07' }),
      event({ id: 'ev-d', date: '2026-10-15', series: '企业家接待日', areaId: null }),
      // The same name in another area is another series.
      event({ id: 'ev-e', date: '2026-11-05', areaId: 'yuhu' }),
    ]
    const tallies: Record<string, { raised: number; withMeasure: number; solved: number }> = {
      'ev-a': { raised: 6, withMeasure: 6, solved: 5 },
      'ev-b': { raised: 7, withMeasure: 5, solved: 4 },
      'ev-c': { raised: 0, withMeasure: 0, solved: 0 },
      'ev-d': { raised: 3, withMeasure: 1, solved: 1 },
      'ev-e': { raised: 2, withMeasure: 2, solved: 2 },
    }
    const totals = seriesTotals(events, (id) => tallies[id]!, shanghai('2026-11-20T10:00:00'))
    expect(totals).toEqual([
      { series: '高新区政企交流主题日', areaId: 'xt-hitech', events: 3, held: 2, firstDate: '2026-11-02', lastDate: '2026-12-07', raised: 13, withMeasure: 11, solved: 9 },
      { series: '高新区政企交流主题日', areaId: 'yuhu', events: 1, held: 1, firstDate: '2026-11-05', lastDate: '2026-11-05', raised: 2, withMeasure: 2, solved: 2 },
      { series: '企业家接待日', areaId: null, events: 1, held: 1, firstDate: '2026-10-15', lastDate: '2026-10-15', raised: 3, withMeasure: 1, solved: 1 },
    ])
  })

  it('counts an event held from its Shanghai date on', () => {
    const monday = [event({ date: '2026-11-23' })]
    const tallyOf = () => ({ raised: 0, withMeasure: 0, solved: 0 })
    // 2026-11-22 23:30 in Shanghai is still the Sunday before; 00:30 on the 23rd is the day.
    expect(seriesTotals(monday, tallyOf, shanghai('2026-11-22T23:30:00'))[0]!.held).toBe(0)
    expect(seriesTotals(monday, tallyOf, shanghai('2026-11-23T00:30:00'))[0]!.held).toBe(1)
  })

  it('knows who is invited, by list or by filter', () => {
    const ours = { id: 'en-0001', scale: 'above', areaId: 'xt-hitech' }
    const small = { id: 'en-0009', scale: 'other', areaId: 'xt-hitech' }
    const elsewhere = { id: 'en-0276', scale: 'above', areaId: 'yuetang' }
    expect(isInvited(event(), ours)).toBe(true)
    expect(isInvited(event(), small)).toBe(false)
    expect(isInvited(event(), elsewhere)).toBe(false)
    expect(isInvited(event({ invited: { kind: 'list', enterpriseIds: ['en-0009'] } }), small)).toBe(true)
    expect(isInvited(event({ invited: { kind: 'list', enterpriseIds: ['en-0009'] } }), ours)).toBe(false)
    expect(isInvited(event({ areaId: null }), elsewhere)).toBe(true)
    expect(isInvited(event({ areaId: null, invited: { kind: 'filter', scales: ['above'], areaId: 'xt-hitech' } }), elsewhere)).toBe(false)
  })
})

describe('who may do what with exchange days', () => {
  const ours = { areaId: 'xt-hitech' }
  const cityLevel = { areaId: null }

  it('lets area admins schedule for their area and the city admin anywhere', () => {
    expect(mayScheduleExchangeEvent(areaAdmin, 'xt-hitech')).toBe(true)
    expect(mayScheduleExchangeEvent(areaAdmin, 'yuhu')).toBe(false)
    expect(mayScheduleExchangeEvent(areaAdmin, null)).toBe(false)
    expect(mayScheduleExchangeEvent(cityAdmin, 'yuhu')).toBe(true)
    expect(mayScheduleExchangeEvent(cityAdmin, null)).toBe(true)
    for (const who of [owner, powerHandler, staff]) expect(mayScheduleExchangeEvent(who, 'xt-hitech')).toBe(false)
  })

  it('shows an event to its area’s specialists and admins and the city admin; a city-level one to every specialist and admin', () => {
    expect([owner, otherSpecialist, areaAdmin, cityAdmin].map((s) => maySeeExchangeEvent(s, ours))).toEqual([true, true, true, true])
    expect([otherAreaAdmin, powerHandler, staff].map((s) => maySeeExchangeEvent(s, ours))).toEqual([false, false, false])
    expect([owner, otherAreaAdmin, cityAdmin, powerHandler, staff].map((s) => maySeeExchangeEvent(s, cityLevel))).toEqual([true, true, true, false, false])
  })

  it('lets those who file on behalf record problems for enterprises of the event’s area', () => {
    const en0001 = { areaId: 'xt-hitech', specialistId: 'sp-007' }
    const remote = { areaId: 'yuetang', specialistId: 'sp-050' }
    expect(mayRecordAtExchangeEvent(owner, ours, en0001)).toBe(true)
    expect(mayRecordAtExchangeEvent(otherSpecialist, ours, en0001)).toBe(false)
    expect(mayRecordAtExchangeEvent(areaAdmin, ours, en0001)).toBe(true)
    expect(mayRecordAtExchangeEvent(cityAdmin, ours, remote)).toBe(false)
    expect(mayRecordAtExchangeEvent(cityAdmin, cityLevel, remote)).toBe(true)
    expect(mayRecordAtExchangeEvent(otherAreaAdmin, ours, en0001)).toBe(false)
    expect(mayRecordAtExchangeEvent(staff, ours, en0001)).toBe(false)
  })

  it('reaches the lists by area', () => {
    expect(exchangeEventReach(owner, undefined)).toEqual({ kind: 'area', areaId: 'xt-hitech' })
    expect(exchangeEventReach(areaAdmin, 'yuhu')).toEqual({ kind: 'refused', why: 'other_area' })
    expect(exchangeEventReach(cityAdmin, undefined)).toEqual({ kind: 'city' })
    expect(exchangeEventReach(cityAdmin, 'yuhu')).toEqual({ kind: 'area', areaId: 'yuhu' })
    expect(exchangeEventReach(powerHandler, undefined)).toEqual({ kind: 'refused', why: 'not_official' })
    expect(exchangeEventReach(staff, undefined)).toEqual({ kind: 'refused', why: 'not_official' })
  })
})

describe('the exchange-day schemas', () => {
  const valid = {
    title: '第16期政企交流主题日',
    series: '高新区政企交流主题日',
    date: '2026-12-07',
    time: '19:30',
    place: '园区管委会三楼会议室',
    hosts: ['园区党工委书记 王某'],
    departmentIds: ['power', 'water'],
    areaId: 'xt-hitech',
    invited: { kind: 'list', enterpriseIds: ['en-0001', 'en-0002'] },
  }
  const fieldsOf = (input: unknown) => {
    const result = createExchangeEventRequestSchema.safeParse(input)
    const fields: Record<string, string> = {}
    // The first message per field, as the API answers it (functions/lib/validate.ts).
    for (const issue of result.success ? [] : result.error.issues) fields[issue.path.join('.')] ??= issue.message
    return fields
  }

  it('takes a full form and a city-level event by filter', () => {
    expect(createExchangeEventRequestSchema.parse(valid)).toEqual(valid)
    expect(createExchangeEventRequestSchema.safeParse({ ...valid, areaId: null, invited: { kind: 'filter', scales: ['above'], areaId: 'yuhu' } }).success).toBe(true)
  })

  it('says in Chinese what is wrong, per field', () => {
    expect(fieldsOf({ ...valid, date: '2026-02-30' })).toEqual({ date: '日期不存在' })
    expect(fieldsOf({ ...valid, time: '7:30pm' })).toEqual({ time: '时间格式应为 HH:mm' })
    expect(fieldsOf({ ...valid, title: ' ' })).toEqual({ title: '请填写活动名称' })
    expect(fieldsOf({ ...valid, hosts: [] })).toEqual({ hosts: '请至少填写一位主持领导' })
    expect(fieldsOf({ ...valid, departmentIds: ['power', 'power'] })).toEqual({ departmentIds: '参会部门有重复' })
    expect(fieldsOf({ ...valid, invited: { kind: 'list', enterpriseIds: [] } })).toEqual({ 'invited.enterpriseIds': '请至少选择一家受邀企业' })
    expect(fieldsOf({ ...valid, invited: { kind: 'filter', scales: [] } })).toEqual({ 'invited.scales': '请至少选择一种企业规模' })
    expect(Object.keys(fieldsOf({ ...valid, status: 'done' }))).toEqual([''])
  })

  it('accepts only minted event ids in the path', () => {
    expect(exchangeEventPathSchema.safeParse({ id: 'ev-01jd0000000000000000000000' }).success).toBe(true)
    for (const id of ['ap-01jd0000000000000000000000', 'ev-1', '../etc', 'ev-01JD0000000000000000000000']) {
      expect(exchangeEventPathSchema.safeParse({ id }).success).toBe(false)
    }
  })
})
