import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { mayCallReturnVisit, mayManageReturnVisits, returnVisitReach } from '@shared/domain/policy'
import {
  allocate,
  attemptRefusal,
  callListOrder,
  contactRefOf,
  drawSample,
  isInconsistent,
  newReturnVisit,
  returnVisitFigures,
  sampleSize,
  seededRandom,
  withAttempt,
} from '@shared/domain/return-visits'
import type { Channel } from '@shared/schemas/appeal.schema'
import { recordAttemptRequestSchema, drawSampleRequestSchema } from '@shared/schemas/return-visit.schema'
import { areaAdmin, cityAdmin, makeAppeal, otherAreaAdmin, owner, staff } from '../support/fixtures'

/** n closed appeals of one channel, ids numbered from `from`; `notEvaluated` marks every k-th one. */
function closed(channel: Channel, n: number, from = 0, notEvaluatedEvery = 0) {
  return Array.from({ length: n }, (_, i) => ({
    id: `ap-${channel}-${String(from + i).padStart(4, '0')}`,
    channel,
    notEvaluated: notEvaluatedEvery > 0 && (from + i) % notEvaluatedEvery === 0 ? true : undefined,
  }))
}
const countBy = (list: readonly { channel: Channel }[]) => list.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.channel]: (acc[a.channel] ?? 0) + 1 }), {})

describe('the sample size', () => {
  it('is the percent of what closed, rounded up, at least the minimum, never more than there is', () => {
    expect(sampleSize(200, { percent: 10, minPerArea: 5 })).toBe(20)
    expect(sampleSize(201, { percent: 10, minPerArea: 5 })).toBe(21)
    expect(sampleSize(30, { percent: 10, minPerArea: 5 })).toBe(5)
    expect(sampleSize(3, { percent: 10, minPerArea: 5 })).toBe(3)
    expect(sampleSize(0, { percent: 10, minPerArea: 5 })).toBe(0)
    expect(sampleSize(40, { percent: 100, minPerArea: 0 })).toBe(40)
  })

  it('shares a total among strata by their sizes, by largest remainder, never above a stratum', () => {
    expect(Object.fromEntries(allocate(new Map([['miniapp', 70], ['visit', 20], ['phone', 10]]), 10))).toEqual({ miniapp: 7, visit: 2, phone: 1 })
    // 10 × (5/9, 3/9, 1/9) = 5.56, 3.33, 1.11 → 5, 3, 1 and the one left goes to the largest remainder.
    expect(Object.fromEntries(allocate(new Map([['miniapp', 5], ['visit', 3], ['phone', 1]]), 9))).toEqual({ miniapp: 5, visit: 3, phone: 1 })
    expect(Object.fromEntries(allocate(new Map([['miniapp', 50], ['visit', 30], ['phone', 10]]), 10))).toEqual({ miniapp: 6, visit: 3, phone: 1 })
    expect(Object.fromEntries(allocate(new Map([['a', 1], ['b', 1], ['c', 1]]), 2))).toEqual({ a: 1, b: 1, c: 0 })
  })
})

describe('drawing a sample', () => {
  const area = [...closed('miniapp', 140), ...closed('visit', 40), ...closed('phone', 20)]

  it('is stratified by channel in proportion to what closed through each', () => {
    const sample = drawSample(area, { percent: 10, minPerArea: 5 }, 'seed-1')
    expect(sample).toHaveLength(20)
    expect(countBy(sample)).toEqual({ miniapp: 14, visit: 4, phone: 2 })
    expect(new Set(sample.map((a) => a.id)).size).toBe(20)
  })

  it('takes at least the minimum of a small area, and all of an area smaller than it', () => {
    const small = [...closed('miniapp', 25), ...closed('event', 5)]
    const sample = drawSample(small, { percent: 10, minPerArea: 6 }, 'seed-1')
    expect(sample).toHaveLength(6)
    expect(countBy(sample)).toEqual({ miniapp: 5, event: 1 })
    expect(drawSample(closed('phone', 4), { percent: 10, minPerArea: 6 }, 'seed-1')).toHaveLength(4)
    expect(drawSample([], { percent: 10, minPerArea: 6 }, 'seed-1')).toEqual([])
  })

  it('always takes every appeal closed as 未评价, even beyond the size', () => {
    // 100 closed, one in ten 未评价: 10% asks for 10, but the ten 未评价 are all in, and the rest still drawn.
    const withSilent = closed('miniapp', 100, 0, 10)
    const sample = drawSample(withSilent, { percent: 10, minPerArea: 0 }, 'seed-2')
    expect(sample.filter((a) => a.notEvaluated)).toHaveLength(10)
    expect(sample).toHaveLength(10)
    const fewSilent = closed('miniapp', 100, 0, 50)
    const drawn = drawSample(fewSilent, { percent: 10, minPerArea: 0 }, 'seed-2')
    expect(drawn.filter((a) => a.notEvaluated).map((a) => a.id)).toEqual(['ap-miniapp-0000', 'ap-miniapp-0050'])
    expect(drawn).toHaveLength(10)
    const allSilent = closed('visit', 30, 0, 1)
    expect(drawSample(allSilent, { percent: 10, minPerArea: 1 }, 'seed-2')).toHaveLength(30)
  })

  it('is reproducible from its seed, in whatever order the appeals come, and another seed draws another sample', () => {
    const one = drawSample(area, { percent: 10, minPerArea: 5 }, 'rv-2026-11-xt-hitech')
    const again = drawSample([...area].reverse(), { percent: 10, minPerArea: 5 }, 'rv-2026-11-xt-hitech')
    expect(again.map((a) => a.id)).toEqual(one.map((a) => a.id))
    const other = drawSample(area, { percent: 10, minPerArea: 5 }, 'another seed')
    expect(other.map((a) => a.id)).not.toEqual(one.map((a) => a.id))
  })

  it('gives every appeal about the same chance over many seeds', () => {
    const pool = closed('miniapp', 20)
    const hits = new Map(pool.map((a) => [a.id, 0]))
    for (let s = 0; s < 2000; s++) for (const a of drawSample(pool, { percent: 25, minPerArea: 0 }, `s${s}`)) hits.set(a.id, hits.get(a.id)! + 1)
    // Each is drawn with probability 5/20: 500 of 2,000 expected.
    for (const count of hits.values()) expect(count).toBeGreaterThan(400)
    for (const count of hits.values()) expect(count).toBeLessThan(600)
  })

  it('draws numbers in [0, 1) from a seeded generator that repeats itself', () => {
    const a = seededRandom('x')
    const b = seededRandom('x')
    const values = Array.from({ length: 100 }, () => a())
    expect(values).toEqual(Array.from({ length: 100 }, () => b()))
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true)
  })
})

describe('a return visit', () => {
  const appeal = makeAppeal({ status: 'closed', closedAt: '2026-11-26T02:00:00.000Z', evaluation: { rating: 'satisfied', comment: '', at: '2026-11-26T02:00:00.000Z' } })
  const visit = newReturnVisit('rv-01', '2026-11', appeal, contactRefOf(appeal))
  const by = { id: 'ad-xt-hitech', name: '卢鹏' }
  const at = new Date('2026-12-02T02:00:00.000Z')

  it('calls the member who filed, or the enterprise’s contact for an appeal filed on its behalf', () => {
    expect(visit.contactRef).toEqual({ kind: 'filer', userId: staff.id, name: staff.name })
    expect(contactRefOf(makeAppeal({ channel: 'visit', filedBy: { id: 'sp-007', name: '徐慧萍', role: 'specialist' } }))).toEqual({ kind: 'enterprise' })
    expect(visit).toMatchObject({ status: 'pending', inAppRating: 'satisfied', notEvaluated: false, attempts: [], inconsistent: false })
  })

  it('keeps every try until the enterprise is reached, then takes no more', () => {
    const missed = withAttempt(visit, { reached: false, comment: '无人接听' }, by, at)
    expect(missed).toMatchObject({ status: 'unreached', attempts: [{ reached: false, note: '无人接听', by }] })
    expect(attemptRefusal(missed, 10)).toBeNull()
    const reached = withAttempt(missed, { reached: true, rating: 'basically', comment: '基本解决' }, by, new Date(at.getTime() + 3_600_000))
    expect(reached).toMatchObject({ status: 'reached', outcome: { rating: 'basically', comment: '基本解决' }, inconsistent: false })
    expect(reached.attempts).toHaveLength(2)
    expect(attemptRefusal(reached, 10)).toBe('already_reached')
    let tries = visit
    for (let i = 0; i < 3; i++) tries = withAttempt(tries, { reached: false, comment: '' }, by, at)
    expect(attemptRefusal(tries, 3)).toBe('too_many')
  })

  it('is flagged 评价不一致 when unsatisfied on the phone but satisfied or basically satisfied in the app', () => {
    expect(withAttempt(visit, { reached: true, rating: 'unsatisfied', comment: '电压仍不稳定' }, by, at).inconsistent).toBe(true)
    expect(isInconsistent('basically', { rating: 'unsatisfied', comment: 'x' })).toBe(true)
    expect(isInconsistent('unsatisfied', { rating: 'unsatisfied', comment: 'x' })).toBe(false)
    expect(isInconsistent(null, { rating: 'unsatisfied', comment: 'x' })).toBe(false)
    expect(isInconsistent('satisfied', { rating: 'basically', comment: '' })).toBe(false)
    expect(isInconsistent('satisfied', undefined)).toBe(false)
  })

  it('orders a call list: still to call, then not reached, then done; by closing time within each', () => {
    const early = { ...visit, id: 'rv-a', closedAt: '2026-11-02T00:00:00.000Z' }
    const late = { ...visit, id: 'rv-b', closedAt: '2026-11-20T00:00:00.000Z' }
    const tried = withAttempt({ ...visit, id: 'rv-c', closedAt: '2026-11-01T00:00:00.000Z' }, { reached: false, comment: '' }, by, at)
    const done = withAttempt({ ...visit, id: 'rv-d', closedAt: '2026-11-01T00:00:00.000Z' }, { reached: true, rating: 'satisfied', comment: '' }, by, at)
    expect([done, late, tried, early].sort(callListOrder).map((v) => v.id)).toEqual(['rv-a', 'rv-b', 'rv-c', 'rv-d'])
  })
})

describe('回访满意率', () => {
  it('is (satisfied + basically) ÷ reached, with the sample sizes beside it — Shaoyang’s 97%', () => {
    const by = { id: 'ad-city', name: '万明建' }
    const at = new Date('2026-12-02T02:00:00.000Z')
    const base = newReturnVisit('rv', '2026-11', makeAppeal({ status: 'closed', closedAt: '2026-11-26T02:00:00.000Z' }), { kind: 'enterprise' })
    const visits = [
      ...Array.from({ length: 80 }, () => withAttempt(base, { reached: true, rating: 'satisfied', comment: '' }, by, at)),
      ...Array.from({ length: 17 }, () => withAttempt(base, { reached: true, rating: 'basically', comment: '' }, by, at)),
      ...Array.from({ length: 3 }, () => withAttempt(base, { reached: true, rating: 'unsatisfied', comment: '仍未解决问题' }, by, at)),
      ...Array.from({ length: 6 }, () => withAttempt(base, { reached: false, comment: '' }, by, at)),
      ...Array.from({ length: 4 }, () => base),
    ]
    const figures = returnVisitFigures(visits)
    expect(figures).toEqual({ sampled: 110, reached: 100, notReached: 6, pending: 4, satisfied: 80, basically: 17, unsatisfied: 3, inconsistent: 0, rate: 0.97 })
    expect(returnVisitFigures([base]).rate).toBeNull()
  })
})

describe('who may draw, read and call', () => {
  const visitIn = { areaId: 'xt-hitech' }
  const reachOf = (actor: Actor, areaId?: string) => returnVisitReach(actor, areaId)

  it('lets the city office sample any area or the whole city, an area office only its own', () => {
    expect(reachOf(cityAdmin)).toEqual({ kind: 'city' })
    expect(reachOf(cityAdmin, 'yuhu')).toEqual({ kind: 'area', areaId: 'yuhu' })
    expect(reachOf(areaAdmin)).toEqual({ kind: 'area', areaId: 'xt-hitech' })
    expect(reachOf(areaAdmin, 'xt-hitech')).toEqual({ kind: 'area', areaId: 'xt-hitech' })
    expect(reachOf(areaAdmin, 'yuhu')).toEqual({ kind: 'refused', why: 'other_area' })
    expect(reachOf(owner)).toEqual({ kind: 'refused', why: 'not_admin' })
    expect(reachOf(staff)).toEqual({ kind: 'refused', why: 'not_admin' })
  })

  it('has the admins of the area and the city call — not the specialist whose work is checked', () => {
    expect(mayCallReturnVisit(areaAdmin, visitIn)).toBe(true)
    expect(mayCallReturnVisit(cityAdmin, visitIn)).toBe(true)
    expect(mayCallReturnVisit(otherAreaAdmin, visitIn)).toBe(false)
    expect(mayCallReturnVisit(owner, visitIn)).toBe(false)
    expect(mayCallReturnVisit(staff, visitIn)).toBe(false)
    expect([areaAdmin, cityAdmin, owner, staff, null].map(mayManageReturnVisits)).toEqual([true, true, false, false, false])
  })
})

describe('the request schemas', () => {
  it('asks for a rating when reached, refuses one when not, and a reason when unsatisfied', () => {
    const fields = (body: unknown) => recordAttemptRequestSchema.safeParse(body).error?.issues.map((i) => [i.path.join('.'), i.message])
    expect(fields({ reached: true })).toEqual([['rating', '接通后请选择满意程度']])
    expect(fields({ reached: false, rating: 'satisfied' })).toEqual([['rating', '未接通时不能记录满意程度']])
    expect(fields({ reached: true, rating: 'unsatisfied' })).toEqual([['comment', '请填写不满意的原因']])
    expect(fields({})).toEqual([['reached', '请选择是否接通']])
    expect(recordAttemptRequestSchema.parse({ reached: false })).toEqual({ reached: false, comment: '' })
  })

  it('holds a sample’s rule to whole percents and a bounded minimum', () => {
    const fields = (body: unknown) => Object.fromEntries(drawSampleRequestSchema.safeParse(body).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [])
    expect(fields({ month: '2026-13', percent: 0, minPerArea: -1 })).toEqual({ month: '月份格式应为 YYYY-MM', percent: '抽样比例至少 1%', minPerArea: '件数不能为负数' })
    expect(fields({ month: '2026-11', percent: 10.5, minPerArea: 201 })).toEqual({ percent: '抽样比例须为整数', minPerArea: '每个属地至少抽取的件数不超过 200' })
    expect(fields({ month: '2026-11', percent: 10, minPerArea: 5, areaId: 'xt-hitech' })).toEqual({})
  })
})
