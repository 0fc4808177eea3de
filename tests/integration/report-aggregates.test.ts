import { randomUUID } from 'node:crypto'
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { allowedActions } from '@shared/domain/appeal-machine'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { shanghaiDate } from '@shared/domain/calendar'
import { figuresOf } from '@shared/domain/report-figures'
import { monthOf } from '@shared/domain/report-month'
import { AppError, ForbiddenError, NotFoundError } from '@shared/errors'
import type { Appeal, AppealAction, AppealActionType } from '@shared/schemas/appeal.schema'
import type { DrillFigure } from '@shared/schemas/report.schema'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { runSweep } from '../../functions/supervision/sweep.use-case'
import { rebuildReports } from '../../functions/reports/rebuild.use-case'
import { authoriseReportScope, buildMonthlyReport, drillDown, appealsOfMonth } from '../../functions/services/monthly-report'
import { getAppeal } from '../../functions/store/appeal.store'
import { getUser } from '../../functions/store/user.store'
import { TABLE, dynamo } from '../../functions/lib/dynamo'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, owner, powerHandler, staff } from '../support/fixtures'
import { staffOf } from '../support/filing'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

/** A small seeded generator (mulberry32): the same seed replays the same sequence of actions. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ENTERPRISES = ['en-0001', 'en-0002', 'en-0003', 'en-0101', 'en-0102', 'en-0201']
const CATEGORIES = ['power', 'water', 'approval', 'financing', 'talent-school', 'other']
const PROGRESS: readonly AppealActionType[] = ['accept', 'respond', 'evaluate', 'accept-task', 'reply-task', 'supply-material']
const drcHandler: Actor = { id: 'dh-drc', name: '发改经办', role: 'department_handler', departmentId: 'drc', enterpriseIds: [], pendingEnterpriseIds: [] }
const waterHandler: Actor = { id: 'dh-002', name: '金远静', role: 'department_handler', departmentId: 'water', enterpriseIds: [], pendingEnterpriseIds: [] }
const taskForce: Actor = { id: 'th-001', name: '邓国志', role: 'taskforce_handler', taskForceId: 'tf-industry', enterpriseIds: [], pendingEnterpriseIds: [] }

async function ownerOf(appeal: Appeal): Promise<Actor | null> {
  if (!appeal.ownerId) return null
  const user = await getUser(appeal.ownerId)
  return user ? { id: user.id, name: user.name, role: user.role, areaId: user.areaId, enterpriseIds: [], pendingEnterpriseIds: [] } : null
}

const areaAdminOf = (areaId: string): Actor => ({ id: `ad-${areaId}`, name: '地区管理员', role: 'area_admin', areaId, enterpriseIds: [], pendingEnterpriseIds: [] })

/** A later working day than the appeal's deadline, as 延期 asks for. */
function laterWorkday(appeal: Appeal, days: number): string {
  let date = new Date(Date.parse(appeal.dueAt) + days * 86_400_000)
  while (!CHINESE_CALENDAR.isWorkday(shanghaiDate(date))) date = new Date(date.getTime() + 86_400_000)
  return shanghaiDate(date)
}

function actionFor(type: AppealActionType, appeal: Appeal, pick: <T>(xs: readonly T[]) => T): AppealAction {
  switch (type) {
    case 'accept':
      return { type }
    case 'note':
      return { type, message: '正在协调处理' }
    case 'respond': {
      const open = appeal.coHandlers.some((c) => c.status !== 'replied')
      return { type, outcome: pick(['resolved', 'resolved', 'partly', 'cannot'] as const), message: '已答复企业', ...(open ? { openTaskReason: '企业急需先行答复' } : {}) }
    }
    case 'evaluate': {
      const rating = pick(['satisfied', 'satisfied', 'basically', 'unsatisfied'] as const)
      // 不满意 needs its reason (at least a few characters); the others may leave the comment out.
      return { type, rating, comment: rating === 'unsatisfied' ? '问题没有实质解决' : '' }
    }
    case 'withdraw':
      return { type, reason: '问题已自行解决' }
    case 'co-handle':
      return { type, handlers: [{ kind: 'department', id: pick(['water', 'drc']) }], days: 3, message: '请协助办理' }
    case 'accept-task':
      return { type }
    case 'reply-task':
      return { type, message: '已完成协办事项' }
    case 'transfer':
      return { type, toSpecialistId: pick(['sp-001', 'sp-002', 'sp-007']), reason: '更熟悉该领域' }
    case 'escalate':
      return { type, reason: '涉及多个部门，需要协调' }
    case 'extend':
      return { type, dueDate: laterWorkday(appeal, 5), reason: '需要现场施工' }
    case 'set-measure':
      return { type, measure: { text: '协调相关部门现场办理', unit: '市发展改革委', dueDate: laterWorkday(appeal, 5) } }
    case 'call-evaluate':
      return { type, rating: pick(['satisfied', 'basically'] as const), comment: '' }
    case 'reopen':
      return { type, reason: '回访中企业表示未解决' }
    case 'request-material':
      return { type, message: '请补充用电负荷表' }
    case 'supply-material':
      return { type, message: '已补充负荷表' }
  }
}

describe('monthly report aggregates', () => {
  it('equal a recount from the appeals after a random run of actions across month ends (property)', async () => {
    const seed = Number(process.env.REPORT_PROPERTY_SEED ?? 20261124)
    const rand = random(seed)
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
    let clock = new Date('2026-09-24T02:00:00Z')
    const ids: string[] = []
    const taken: Record<string, number> = {}

    for (let step = 0; step < 200; step++) {
      clock = new Date(clock.getTime() + Math.floor(rand() * 30) * 3_600_000)
      if (ids.length < 4 || (ids.length < 14 && rand() < 0.12)) {
        const enterpriseId = pick(ENTERPRISES)
        const { appeal } = await submitAppeal(staffOf(enterpriseId), randomUUID(), { enterpriseId, categoryId: pick(CATEGORIES), title: '企业诉求', description: '随机动作序列中的诉求' }, clock)
        ids.push(appeal.id)
        continue
      }
      if (rand() < 0.08) {
        await runSweep(clock, () => undefined)
        continue
      }
      const appeal = (await getAppeal(pick(ids)))!
      const actors = [staffOf(appeal.enterpriseId), await ownerOf(appeal), powerHandler, drcHandler, waterHandler, taskForce, areaAdminOf(appeal.areaId), cityAdmin].filter((a): a is Actor => a !== null)
      const choices = actors.flatMap((actor) => allowedActions(appeal, actor).map((type) => ({ actor, type })))
      if (choices.length === 0) continue
      // The loop moves forward more often than it detours, so that appeals reach 答复 and 评价.
      const weighted = choices.flatMap((c) => (PROGRESS.includes(c.type) ? [c, c, c, c, c] : [c]))
      const { actor, type } = pick(weighted)
      try {
        await actOnAppeal(actor, appeal.id, actionFor(type, appeal, pick), clock)
        taken[type] = (taken[type] ?? 0) + 1
      } catch (error) {
        // Refusals (a holiday chosen for 延期, a transfer to oneself…) write nothing; anything else is a bug.
        if (!(error instanceof AppError)) throw error
      }
    }
    await runSweep(clock, () => undefined)

    // The run did exercise the closed loop, not just filings.
    expect(Object.keys(taken).length).toBeGreaterThanOrEqual(6)
    expect(taken.evaluate ?? 0).toBeGreaterThan(0)

    const result = await rebuildReports({ apply: false, now: clock })
    expect(result.appeals).toBe(ids.length)
    expect(result.differences).toEqual([])

    // Every appeal is counted once as received or withdrawn, in the month it was filed.
    const appeals = await Promise.all(ids.map(async (id) => (await getAppeal(id))!))
    const city = await authoriseReportScope(cityAdmin, 'city')
    let receivedOrWithdrawn = 0
    let closed = 0
    for (const month of result.months) {
      const report = await buildMonthlyReport(city, month, clock)
      receivedOrWithdrawn += report.figures.received + report.figures.withdrawn
      closed += report.figures.closed
    }
    expect(receivedOrWithdrawn).toBe(ids.length)
    expect(closed).toBe(appeals.filter((a) => a.status === 'closed').length)
  }, 240_000)

  it('a rebuild finds a tampered cell, rewrites it, and then agrees', async () => {
    const { appeal } = await submitAppeal(staff, randomUUID(), { enterpriseId: 'en-0001', categoryId: 'power', title: '用电诉求', description: '新厂房需要接入 10kV 线路' }, clock.tick())
    const month = monthOf(new Date(appeal.createdAt))
    await dynamo.send(
      new UpdateCommand({ TableName: TABLE, Key: { pk: `REPORT#${month}`, sk: 'specialist:sp-007#0' }, UpdateExpression: 'ADD #n :one', ExpressionAttributeNames: { '#n': 'n:all|*|received' }, ExpressionAttributeValues: { ':one': 1 } }),
    )
    const checked = await rebuildReports({ apply: false })
    expect(checked.differences).toContainEqual({ month, scope: 'specialist:sp-007', counters: { 'all|*|received': [expect.any(Number), expect.any(Number)] } })
    const [stored, recounted] = checked.differences.find((d) => d.scope === 'specialist:sp-007')!.counters['all|*|received']!
    expect(stored - recounted).toBe(1)
    const applied = await rebuildReports({ apply: true })
    expect(applied.rewritten).toBeGreaterThanOrEqual(1)
    expect((await rebuildReports({ apply: false })).differences).toEqual([])
  })
})

describe('reports of a month', () => {
  it('drill down to exactly the appeals behind each figure', async () => {
    const filedAt = new Date('2026-10-13T02:00:00Z')
    const made: Appeal[] = []
    for (let i = 0; i < 5; i++) {
      const { appeal } = await submitAppeal(staffOf('en-0259'), randomUUID(), { enterpriseId: 'en-0259', categoryId: i % 2 ? 'water' : 'power', title: '钻取诉求', description: '用于钻取的诉求' }, filedAt)
      made.push(appeal)
    }
    const sp = (await ownerOf(made[0]!))!
    for (const appeal of made.slice(0, 3)) {
      const at = new Date('2026-10-14T02:00:00Z')
      await actOnAppeal(sp, appeal.id, { type: 'accept' }, at)
      await actOnAppeal(sp, appeal.id, { type: 'respond', outcome: 'resolved', message: '已解决', openTaskReason: '先行答复' }, at)
      await actOnAppeal(staffOf('en-0259'), appeal.id, { type: 'evaluate', rating: 'satisfied', comment: '' }, new Date('2026-10-15T02:00:00Z'))
    }
    await actOnAppeal(staffOf('en-0259'), made[4]!.id, { type: 'withdraw', reason: '不需要了' }, new Date('2026-10-13T03:00:00Z'))

    const scope = await authoriseReportScope(cityAdmin, `specialist:${sp.id}`)
    const now = new Date('2026-11-20T02:00:00Z')
    const report = await buildMonthlyReport(scope, '2026-10', now)
    expect(report.figures).toMatchObject({ received: 4, withdrawn: 1, closed: 3, cohortClosed: 3, evaluated: 3, satisfied: 3 })
    const figures: DrillFigure[] = ['received', 'withdrawn', 'closed', 'cohortClosed', 'satisfiedOrBasically', 'onTime', 'late']
    for (const figure of figures) {
      const drilled = await drillDown(cityAdmin, scope, { month: '2026-10', figure }, now)
      const f = report.figures
      const expected = figure === 'satisfiedOrBasically' ? f.satisfied + f.basically : figure === 'late' ? f.closed - f.onTime : f[figure as keyof typeof f]
      expect([figure, drilled.total]).toEqual([figure, expected])
    }
    const waterRow = report.breakdowns.category.find((r) => r.key === 'water')!
    const waterDrill = await drillDown(cityAdmin, scope, { month: '2026-10', figure: 'received', dimension: 'category', value: 'water' }, now)
    expect(waterDrill.items.map((a) => a.categoryId)).toEqual(Array(waterRow.figures.received).fill('water'))
    // The month's detail rows: every appeal filed in the month, withdrawn included, each once.
    const rows: Appeal[] = []
    for await (const page of appealsOfMonth(scope, '2026-10')) rows.push(...page)
    expect(new Set(rows.map((a) => a.id))).toEqual(new Set(made.map((a) => a.id)))
    expect(figuresOf({}).received).toBe(0)
  })

  it('lets the city see every scope, an area admin their area and its specialists, a specialist their own portfolio', async () => {
    await expect(authoriseReportScope(cityAdmin, 'city')).resolves.toMatchObject({ name: '全市', kind: 'city' })
    await expect(authoriseReportScope(cityAdmin, 'department:power')).resolves.toMatchObject({ name: '国网湘潭供电公司' })
    await expect(authoriseReportScope(cityAdmin, 'taskForce:tf-industry')).resolves.toMatchObject({ name: '工业专班' })
    await expect(authoriseReportScope(areaAdmin, 'area:xt-hitech')).resolves.toMatchObject({ name: '湘潭高新区' })
    await expect(authoriseReportScope(areaAdmin, `specialist:${owner.id}`)).resolves.toMatchObject({ kind: 'specialist' })
    await expect(authoriseReportScope(owner, `specialist:${owner.id}`)).resolves.toMatchObject({ kind: 'specialist' })

    await expect(authoriseReportScope(areaAdmin, 'city')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(authoriseReportScope(areaAdmin, 'area:yuhu')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(authoriseReportScope(otherAreaAdmin, `specialist:${owner.id}`)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(authoriseReportScope(areaAdmin, 'department:power')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(authoriseReportScope(owner, `specialist:${otherSpecialist.id}`)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(authoriseReportScope(owner, 'area:xt-hitech')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(authoriseReportScope(powerHandler, 'department:power')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(authoriseReportScope(staff, `specialist:${owner.id}`)).rejects.toBeInstanceOf(ForbiddenError)

    await expect(authoriseReportScope(cityAdmin, 'area:nowhere')).rejects.toBeInstanceOf(NotFoundError)
    await expect(authoriseReportScope(cityAdmin, 'specialist:ad-city')).rejects.toBeInstanceOf(NotFoundError)
  })
})
