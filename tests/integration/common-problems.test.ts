import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { actOnCommonProblem, createCommonProblem, getCommonProblemDetail, listCommonProblemsFor } from '../../functions/common-problems/common-problems.use-case'
import { buildMonthlyReport } from '../../functions/services/monthly-report'
import { listCommonProblemLinks } from '../../functions/store/common-problem.store'
import { testClock } from '../support/clock'
import { areaAdmin, owner, staff } from '../support/fixtures'

/*
 * Common problems against DynamoDB Local: two officials linking overlapping appeals at once (each
 * appeal ends in one problem, the counts follow the links), one answer that reaches every linked
 * appeal but one still waiting for its co-handler, and the monthly report's line.
 */

const clock = testClock('2026-11-23T09:00:00')

/** A problem sp-007 files by phone for one of its enterprises (en-0001, en-0021, en-0024, en-0026, en-0037). */
const filed = async (enterpriseId: string, title: string): Promise<Appeal> =>
  (
    await submitAppeal(
      owner,
      `cp-${randomUUID()}`,
      { enterpriseId, categoryId: 'other', title, description: `${title}，园区东路一下雨就积水，排水管网堵塞。`, onBehalf: { channel: 'phone' } },
      clock.tick(),
    )
  ).appeal

const linkedTo = async (appealId: string, as: Actor = owner) => (await getAppealDetail(as, appealId)).appeal.commonProblem?.id

let appeals: Appeal[]
/** Problems the tests below add to the month's report beyond the first two. */
let created = 0

beforeAll(async () => {
  appeals = [await filed('en-0001', '东路积水'), await filed('en-0021', '东路雨后积水'), await filed('en-0024', '东路排水堵塞积水')]
})

describe('linking at the same moment', () => {
  it('ends with each appeal in one problem, and each problem counting exactly its links', async () => {
    const [a, b, c] = appeals.map((x) => x.id) as [string, string, string]
    const now = clock.tick()
    const [first, second] = await Promise.all([
      createCommonProblem(owner, { title: '园区东路积水（一）', responsibleUnit: '高新区建设局', appealIds: [a, b] }, now),
      createCommonProblem(areaAdmin, { title: '园区东路积水（二）', responsibleUnit: '高新区建设局', appealIds: [b, c] }, now),
    ])
    // b went to whichever linked it first; the other reports it skipped, with the reason.
    expect(first.applied + second.applied).toBe(3)
    expect([...first.skipped, ...second.skipped].map((s) => s.appealId)).toEqual([b])
    expect([...first.skipped, ...second.skipped][0]!.reason).toContain('已并入共性问题')
    for (const result of [first, second]) {
      const links = await listCommonProblemLinks(result.problem.id)
      expect(result.problem.appealCount).toBe(links.length)
      expect(result.appeals.map((x) => x.id).sort()).toEqual(links.map((l) => l.appealId).sort())
    }
    expect(await linkedTo(a)).toBe(first.problem.id)
    expect(await linkedTo(c, areaAdmin)).toBe(second.problem.id)
    expect([first.problem.id, second.problem.id]).toContain(await linkedTo(b))
    // Gather all three in the first problem: the second lets go of what it holds.
    for (const held of (await getCommonProblemDetail(areaAdmin, second.problem.id)).appeals) {
      await actOnCommonProblem(areaAdmin, second.problem.id, { type: 'unlink', appealId: held.id }, clock.tick())
    }
    const moved = await actOnCommonProblem(owner, first.problem.id, { type: 'link', appealIds: [b, c] }, clock.tick())
    expect(moved.problem).toMatchObject({ appealCount: 3, enterpriseCount: 3 })
    expect((await getCommonProblemDetail(areaAdmin, second.problem.id)).problem.appealCount).toBe(0)
  })
})

describe('one answer for all', () => {
  it('answers every linked appeal but the one whose co-handler has not replied, and says why', async () => {
    const problem = (await listCommonProblemsFor(owner)).items.find((p) => p.appealCount === 3)!
    // The owner asks the water company about one of them: its task is open.
    const asked = appeals[2]!
    await actOnAppeal(owner, asked.id, { type: 'accept' }, clock.tick())
    await actOnAppeal(owner, asked.id, { type: 'co-handle', handlers: [{ kind: 'department', id: 'water' }], days: 2, message: '请核实排水管网' }, clock.tick())
    const answered = await actOnCommonProblem(areaAdmin, problem.id, { type: 'respond', outcome: 'resolved', message: '东路排水管网已疏通。' }, clock.tick())
    expect(answered.applied).toBe(2)
    expect(answered.skipped).toEqual([{ appealId: asked.id, reason: '协办单位尚未回复，请说明先行答复企业的原因' }])
    expect(answered.problem.status).toBe('answered')
    const first = await getAppealDetail(staff, appeals[0]!.id)
    expect(first.appeal).toMatchObject({ status: 'responded', response: { outcome: 'resolved', message: '东路排水管网已疏通。' } })
    // Accepted on the way by the one who answered, then answered: two events, in order.
    expect(first.events.slice(-2).map((e) => [e.type, e.actor.id])).toEqual([
      ['accept', 'ad-xt-hitech'],
      ['respond', 'ad-xt-hitech'],
    ])
    // Answering again reaches only the one still waiting, now with the reason.
    expect(answered.allowedActions).toContain('respond')
    const again = await actOnCommonProblem(areaAdmin, problem.id, { type: 'respond', outcome: 'resolved', message: '东路排水管网已疏通。', openTaskReason: '供水公司已电话确认' }, clock.tick())
    expect(again).toMatchObject({ applied: 1, skipped: [] })
    expect(again.allowedActions).not.toContain('respond')
    expect((await getAppealDetail(owner, asked.id)).appeal.status).toBe('responded')
  })

  it('stays open when the answer reached none of its appeals', async () => {
    const waiting = [await filed('en-0026', '西门道路破损'), await filed('en-0037', '西门道路坑洼')]
    for (const appeal of waiting) {
      await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
      await actOnAppeal(owner, appeal.id, { type: 'co-handle', handlers: [{ kind: 'department', id: 'water' }], days: 2, message: '请核实管网' }, clock.tick())
    }
    const problem = await createCommonProblem(owner, { title: '园区西门道路破损', responsibleUnit: '高新区建设局', appealIds: waiting.map((a) => a.id) }, clock.tick())
    const tried = await actOnCommonProblem(owner, problem.problem.id, { type: 'respond', outcome: 'resolved', message: '西门道路已修补。' }, clock.tick())
    expect(tried.applied).toBe(0)
    expect(tried.skipped).toHaveLength(2)
    expect(tried.problem.status).toBe('open')
    expect(tried.problem.answer).toBeUndefined()
    // Not an answered problem of the month: the report below counts it as created, not answered.
    created++
  })

  it('is counted in the area’s and the city’s monthly reports', async () => {
    const area = await buildMonthlyReport({ key: 'area:xt-hitech', kind: 'area', id: 'xt-hitech', name: '湘潭高新区', areaIds: ['xt-hitech'] }, '2026-11', clock.tick())
    expect(area.commonProblems).toEqual({ created: 2 + created, answered: 1, appealsCovered: 3 + 2 * created, enterprisesCovered: 3 + 2 * created })
    const city = await buildMonthlyReport({ key: 'city', kind: 'city', id: '', name: '全市', areaIds: 'all' }, '2026-11', clock.tick())
    expect(city.commonProblems).toEqual(area.commonProblems)
    const october = await buildMonthlyReport({ key: 'city', kind: 'city', id: '', name: '全市', areaIds: 'all' }, '2026-10', clock.tick())
    expect(october.commonProblems).toEqual({ created: 0, answered: 0, appealsCovered: 0, enterprisesCovered: 0 })
  })
})
