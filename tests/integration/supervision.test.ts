import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ForbiddenError, NotFoundError } from '@shared/errors'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { getDigest, listDigests, makeDigestsIfDue, makeWeeklyDigests } from '../../functions/supervision/digest.use-case'
import { getSupervisionQueue } from '../../functions/supervision/supervision.use-case'
import { staffOf } from '../support/filing'
import { areaAdmin, cityAdmin, owner, staff } from '../support/fixtures'
import { shanghai } from '../support/clock'

/** Shanghai wall-clock time as an instant (UTC+8, no daylight saving). */

const file = (actor: Actor, enterpriseId: string, at: string) =>
  submitAppeal(actor, `supervision-${randomUUID()}`, { enterpriseId, categoryId: 'power', title: '用电诉求', description: '新厂房需要接入 10kV 线路' }, shanghai(at)).then(
    (r) => r.appeal,
  )
/** en-0001 in 湘潭高新区 (specialist sp-007); en-0241 in 雨湖区. */
const hitech = (at: string) => file(staff, 'en-0001', at)
const yuhu = (at: string) => file(staffOf('en-0241'), 'en-0241', at)
const ids = (items: { appeal: { id: string } }[]) => items.map((i) => i.appeal.id)

/** The appeals both halves read, filed once; the names say what each is at the queue's time. */
const city = {} as Record<'late' | 'dueSoon' | 'hardCase' | 'toCity' | 'quiet' | 'otherArea', string>

beforeAll(async () => {
  city.late = (await hitech('2026-11-23T10:00:00')).id // first response due end of 24 Nov
  city.dueSoon = (await hitech('2026-11-24T10:00:00')).id // first response due end of 25 Nov
  city.otherArea = (await yuhu('2026-11-23T11:00:00')).id // late, in another area
  city.hardCase = (await hitech('2026-11-25T09:00:00')).id
  city.toCity = (await hitech('2026-11-25T09:05:00')).id
  city.quiet = (await hitech('2026-11-25T09:10:00')).id
  for (const id of [city.hardCase, city.toCity, city.quiet]) await actOnAppeal(owner, id, { type: 'accept' }, shanghai('2026-11-25T09:20:00'))
  await actOnAppeal(owner, city.hardCase, { type: 'escalate', reason: '涉及线路走廊，需区里协调' }, shanghai('2026-11-25T09:30:00'))
  await actOnAppeal(owner, city.toCity, { type: 'escalate', reason: '涉及线路走廊，需区里协调' }, shanghai('2026-11-25T09:30:00'))
  await actOnAppeal(areaAdmin, city.toCity, { type: 'escalate', reason: '需市级协调供电公司' }, shanghai('2026-11-25T09:40:00'))
})

describe('the supervision queue', () => {
  // Wednesday 25 November 2026, 10:00 in Shanghai.
  const now = shanghai('2026-11-25T10:00:00')

  it("gives the area admin their area's overdue, escalated and due-soon appeals, overdue first, and not other areas'", async () => {
    const queue = await getSupervisionQueue(areaAdmin, {}, now)
    expect(queue).toMatchObject({ level: 1, scope: { kind: 'area', areaId: 'xt-hitech', name: '湘潭高新区' }, at: now.toISOString() })
    expect(ids(queue.items)).toEqual([city.late, city.dueSoon, city.hardCase, city.toCity])
    expect(queue.items.map((i) => i.reasons)).toEqual([['overdue'], ['due_soon'], ['escalated'], ['escalated']])
    expect(queue.counts).toEqual({ escalated: 2, overdue: 1, due_soon: 1 })

    const escalated = await getSupervisionQueue(areaAdmin, { reason: 'escalated' }, now)
    expect(ids(escalated.items)).toEqual([city.hardCase, city.toCity])
    expect(escalated.counts).toEqual(queue.counts)
  })

  it("gives the city admin the whole city at level 2, or one area's queue", async () => {
    const whole = await getSupervisionQueue(cityAdmin, {}, now)
    expect(whole).toMatchObject({ level: 2, scope: { kind: 'city', areaId: null, name: '全市' } })
    // The hard case is the area's to supervise: escalated to level 1 only, and on time.
    expect(ids(whole.items)).toEqual([city.late, city.otherArea, city.dueSoon, city.toCity])
    expect(whole.counts).toEqual({ escalated: 1, overdue: 2, due_soon: 1 })

    const one = await getSupervisionQueue(cityAdmin, { areaId: 'yuhu' }, now)
    expect(one).toMatchObject({ level: 1, scope: { kind: 'area', areaId: 'yuhu', name: '雨湖区' } })
    expect(ids(one.items)).toEqual([city.otherArea])
    await expect(getSupervisionQueue(cityAdmin, { areaId: 'atlantis' }, now)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('refuses specialists, enterprise staff, and an area admin asking for another area', async () => {
    await expect(getSupervisionQueue(owner, {}, now)).rejects.toThrow(new ForbiddenError('只有属地或市级管理员可以查看督办队列'))
    await expect(getSupervisionQueue(staff, {}, now)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(getSupervisionQueue(areaAdmin, { areaId: 'yuhu' }, now)).rejects.toBeInstanceOf(ForbiddenError)
  })
})

describe('the weekly digests', () => {
  const week = '2026-11-30'
  const monday = shanghai('2026-11-30T09:00:00')
  let unsatisfied: string

  it('counts the week, including an appeal closed after a second unsatisfied evaluation', async () => {
    // Answered, found unsatisfied (reopened), answered again, found unsatisfied again: closed.
    const appeal = await hitech('2026-11-23T10:00:00')
    unsatisfied = appeal.id
    const respond = { type: 'respond', outcome: 'partly', message: '已协调供电公司排期', openTaskReason: '供电公司已口头答复' } as const
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, shanghai('2026-11-23T10:10:00'))
    await actOnAppeal(owner, appeal.id, respond, shanghai('2026-11-23T10:20:00'))
    await actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '排期太晚' }, shanghai('2026-11-24T10:00:00'))
    await actOnAppeal(owner, appeal.id, respond, shanghai('2026-11-26T10:00:00'))
    const closed = await actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '仍然太晚' }, shanghai('2026-11-27T10:00:00'))
    expect(closed.status).toBe('closed')

    const run = await makeWeeklyDigests(monday)
    expect(run.week).toBe(week)
    // The catalog lists areas by id.
    expect(run.created.map((s) => s.areaId)).toEqual([null, 'shaoshan', 'tianyi', 'xiangxiang', 'xt-econ', 'xt-hitech', 'yuetang', 'yuhu'])
    expect(run.kept).toEqual([])

    const area = await getDigest(areaAdmin, week, 'xt-hitech')
    // Open: five; late: the two first responses missed; due this week: the three accepted on 25 Nov.
    expect(area.totals).toEqual({ open: 5, overdue: 2, dueThisWeek: 3, escalated: 2, unsatisfied: 1 })
    expect(area.unsatisfied.map((a) => a.id)).toEqual([unsatisfied])
    expect(area.overdue.map((a) => a.id)).toEqual([city.late, city.dueSoon])
    expect(area.bySpecialist).toEqual([{ id: 'sp-007', name: '徐慧萍', open: 5, overdue: 2, dueThisWeek: 3, escalated: 2, unsatisfied: 1 }])
    expect(area.byDepartment.find((row) => row.id === 'department:power')).toMatchObject({ name: '国网湘潭供电公司', open: 5, unsatisfied: 1 })

    const whole = await getDigest(cityAdmin, week)
    expect(whole.scope).toEqual({ kind: 'city', areaId: null, name: '全市' })
    expect(whole.totals).toEqual({ open: 6, overdue: 3, dueThisWeek: 3, escalated: 2, unsatisfied: 1 })
  })

  it('is made once per scope and week: a second run, or two at once, keep the first records', async () => {
    const again = await makeWeeklyDigests(shanghai('2026-11-30T15:00:00'))
    expect(again.created).toEqual([])
    expect(again.kept).toHaveLength(8)
    expect((await getDigest(cityAdmin, week)).generatedAt).toBe(monday.toISOString())

    const next = shanghai('2026-12-07T09:00:00')
    const [a, b] = await Promise.all([makeWeeklyDigests(next), makeWeeklyDigests(next)])
    const made = [...a.created, ...b.created].map((s) => s.areaId)
    expect(made).toHaveLength(8)
    expect(new Set(made).size).toBe(8)
    expect((await listDigests(cityAdmin, {}, next)).filter((d) => d.week === '2026-12-07')).toHaveLength(8)
  })

  it('is made by the frequent local check only once Monday 09:00 Shanghai has passed, and only once', async () => {
    expect(await makeDigestsIfDue(shanghai('2026-12-13T23:00:00'))).toBeNull()
    expect(await makeDigestsIfDue(shanghai('2026-12-14T08:59:00'))).toBeNull()
    expect((await makeDigestsIfDue(shanghai('2026-12-14T09:00:00')))?.created).toHaveLength(8)
    expect(await makeDigestsIfDue(shanghai('2026-12-14T09:01:00'))).toBeNull()
  })

  it('lists the digests newest first, each admin only their own', async () => {
    const now = shanghai('2026-12-15T10:00:00')
    const mine = await listDigests(areaAdmin, {}, now)
    expect(mine.map((d) => [d.week, d.scope.areaId])).toEqual([
      ['2026-12-14', 'xt-hitech'],
      ['2026-12-07', 'xt-hitech'],
      ['2026-11-30', 'xt-hitech'],
    ])
    expect(mine[2]!.totals.open).toBe(5)

    const all = await listDigests(cityAdmin, {}, now)
    expect(all).toHaveLength(24)
    expect(all.slice(0, 3).map((d) => [d.week, d.scope.areaId])).toEqual([
      ['2026-12-14', null],
      ['2026-12-14', 'shaoshan'],
      ['2026-12-14', 'tianyi'],
    ])
    expect(all.at(-1)).toMatchObject({ week: '2026-11-30', scope: { areaId: 'yuhu' } })
    expect((await listDigests(cityAdmin, { areaId: 'yuhu' }, now)).map((d) => d.scope.areaId)).toEqual(['yuhu', 'yuhu', 'yuhu'])

    await expect(listDigests(areaAdmin, { areaId: 'yuhu' }, now)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listDigests(owner, {}, now)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('gives one digest to those who may read it, and 404 for a week not made', async () => {
    expect((await getDigest(cityAdmin, week, 'yuhu')).totals).toMatchObject({ open: 1, overdue: 1 })
    await expect(getDigest(areaAdmin, week)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(getDigest(areaAdmin, week, 'yuhu')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(getDigest(owner, week, 'xt-hitech')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(getDigest(cityAdmin, '2026-11-23')).rejects.toThrow(new NotFoundError('该周简报尚未生成'))
  })
})
