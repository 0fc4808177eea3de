import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import { actOnUpgrade, editThreshold, enterFigure, getUpgradeBoard, getUpgradeDetail, listUpgrade } from '../../functions/upgrade/upgrade.use-case'
import { buildMonthlyReport } from '../../functions/services/monthly-report'
import { upgradeMissingByScope } from '../../functions/services/upgrade-figures'
import { getUpgradeFile } from '../../functions/store/upgrade.store'
import { recordVisit } from '../../functions/visits/visits.use-case'
import { kitLists } from '../../functions/services/kit-lists'
import { packOf } from '@shared/domain/policy-pack'
import { seedKit } from '../../scripts/lib/seed-kit'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, owner, staff } from '../support/fixtures'
import { shanghai, testClock } from '../support/clock'

// This file's own clock: every entry and move names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-20T10:00:00')

// en-0026 (湖南凯旋轨道交通装备, near-scale industry, 湘潭高新区) is served by sp-007.
const ENTERPRISE = 'en-0026'
const member: Actor = { id: 'staff-en-0026', name: '企业联系人', role: 'staff', enterpriseIds: [ENTERPRISE], pendingEnterpriseIds: [] }

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => expect.fail('expected a refusal'),
    (error: unknown) => error,
  )
}

describe('an enterprise’s upgrade file', () => {
  it('takes monthly figures and projects the year by last year’s seasonality', async () => {
    // Last year: 30% of the year by September (450 of 1500).
    await enterFigure(owner, ENTERPRISE, { month: '2025-09', revenueYtd: 450, employees: 60 }, clock.tick())
    await enterFigure(owner, ENTERPRISE, { month: '2025-10', revenueYtd: 525, employees: 61 }, clock.tick())
    await enterFigure(owner, ENTERPRISE, { month: '2025-12', revenueYtd: 1500, employees: 62 }, clock.tick())
    const detail = await enterFigure(owner, ENTERPRISE, { month: '2026-09', revenueYtd: 630, employees: 70 }, clock.tick())
    expect(detail.file).toMatchObject({ stage: 'cultivating', sector: 'industry', lastFigureMonth: '2026-09' })
    expect(detail.projection).toMatchObject({ method: 'seasonal', projected: 2100, distance: -100, likely: true })
    expect(detail.projection.explanation).toContain('按去年同期占比推算')
    expect(detail.threshold).toMatchObject({ revenue: 2000, measure: '年主营业务收入' })
    // October's figure is due in November and not in yet.
    expect(detail).toMatchObject({ dueMonth: '2026-10', dueMonthMissing: true })
    expect(detail.figures.map((f) => f.month)).toEqual(['2026-09', '2025-12', '2025-10', '2025-09'])
    expect(detail.actions).toEqual(['figure', 'apply', 'leave', 'set-sector'])
  })

  it('keeps the old value when a month is corrected, with who entered each', async () => {
    await enterFigure(member, ENTERPRISE, { month: '2026-10', revenueYtd: 700, employees: 71 }, clock.tick())
    const corrected = await enterFigure(owner, ENTERPRISE, { month: '2026-10', revenueYtd: 720, employees: 71, note: '走访核实后更正' }, clock.tick())
    const october = corrected.figures.find((f) => f.month === '2026-10')!
    expect(october).toMatchObject({ revenueYtd: 720, note: '走访核实后更正', enteredBy: { id: 'sp-007' } })
    expect(october.history).toEqual([expect.objectContaining({ revenueYtd: 700, enteredBy: expect.objectContaining({ id: 'staff-en-0026', role: 'staff' }) })])
    expect(corrected.file!.timeline.map((e) => e.type).slice(-2)).toEqual(['figure', 'correct-figure'])
    expect(corrected.dueMonthMissing).toBe(false)
    // Last year 35% by October (525 of 1500): 720 ÷ 0.35.
    expect(corrected.projection).toMatchObject({ method: 'seasonal', month: '2026-10', projected: 2057.1, likely: true })
  })

  it('refuses a future month and a year-to-date lower than an earlier month’s, writing nothing', async () => {
    const before = await getUpgradeFile(ENTERPRISE)
    const future = await rejection(enterFigure(owner, ENTERPRISE, { month: '2026-12', revenueYtd: 900, employees: 70 }, clock.tick()))
    expect(future).toBeInstanceOf(ValidationError)
    expect((future as ValidationError).fields).toEqual({ month: '不能填报未来月份的数据' })
    const falling = await rejection(enterFigure(owner, ENTERPRISE, { month: '2026-11', revenueYtd: 500, employees: 70 }, clock.tick()))
    expect((falling as ValidationError).fields.revenueYtd).toContain('2026-10')
    expect(await getUpgradeFile(ENTERPRISE)).toEqual(before)
  })

  it('shows an enterprise user only their own, and lets them enter but not move stages', async () => {
    expect((await getUpgradeDetail(member, ENTERPRISE, clock.tick())).actions).toEqual(['figure'])
    await expect(getUpgradeDetail(staff, ENTERPRISE, clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(enterFigure(staff, ENTERPRISE, { month: '2026-10', revenueYtd: 1, employees: 1 }, clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(getUpgradeDetail(otherSpecialist, ENTERPRISE, clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(getUpgradeDetail(otherAreaAdmin, ENTERPRISE, clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(actOnUpgrade(member, ENTERPRISE, { type: 'apply', date: '2026-11-20', applicationMonth: '2026-11' }, clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
  })
})

describe('stages and the board', () => {
  it('moves to 申报 and the area and city boards count it at once', async () => {
    const before = await getUpgradeBoard(areaAdmin, undefined, clock.tick())
    expect(before.stages).toMatchObject({ cultivating: 1, applying: 0 })
    expect(before.likely.map((e) => e.id)).toEqual([ENTERPRISE])

    const applied = await actOnUpgrade(owner, ENTERPRISE, { type: 'apply', date: '2026-11-20', applicationMonth: '2026-11', note: '已向统计局报送' }, clock.tick())
    expect(applied.file).toMatchObject({ stage: 'applying', applicationMonth: '2026-11' })

    const area = await getUpgradeBoard(areaAdmin, undefined, clock.tick())
    expect(area.stages).toMatchObject({ cultivating: 0, applying: 1 })
    expect(area.movedThisMonth.map((e) => e.id)).toContain(ENTERPRISE)
    expect(area.bySpecialist).toEqual([expect.objectContaining({ specialistId: 'sp-007', name: '徐慧萍' })])
    const city = await getUpgradeBoard(cityAdmin, undefined, clock.tick())
    expect(city.scope.kind).toBe('city')
    expect(city.byArea.find((a) => a.areaId === 'xt-hitech')!.stages.applying).toBe(1)
    expect(city.byArea).toHaveLength(7)
  })

  it('refuses an invalid move with 409 and changes nothing', async () => {
    const before = await getUpgradeFile(ENTERPRISE)
    const error = await rejection(actOnUpgrade(owner, ENTERPRISE, { type: 'apply', date: '2026-11-20', applicationMonth: '2026-11' }, clock.tick()))
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).code).toBe('INVALID_TRANSITION')
    expect(await getUpgradeFile(ENTERPRISE)).toEqual(before)
  })

  it('lets one of two simultaneous entries win and tells the other to reload', async () => {
    const at = clock.tick()
    const results = await Promise.allSettled([
      enterFigure(owner, ENTERPRISE, { month: '2026-10', revenueYtd: 730, employees: 71 }, at),
      enterFigure(areaAdmin, ENTERPRISE, { month: '2026-10', revenueYtd: 740, employees: 71 }, at),
    ])
    const refused = results.filter((r) => r.status === 'rejected')
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'VERSION_CONFLICT' })
    const october = (await getUpgradeDetail(owner, ENTERPRISE, clock.tick())).figures.find((f) => f.month === '2026-10')!
    expect(october.history.map((h) => h.revenueYtd)).toEqual([700, 720])
  })

  it('applies an edited threshold to the board and the list', async () => {
    await editThreshold(cityAdmin, { sector: 'industry', revenue: 2500, source: '测试：市统计局口径调整' }, clock.tick())
    const board = await getUpgradeBoard(areaAdmin, undefined, clock.tick())
    expect(board.likely).toEqual([])
    const list = await listUpgrade(owner, {}, clock.tick())
    const item = list.items.find((i) => i.enterpriseId === ENTERPRISE)!
    expect(item.projection).toMatchObject({ threshold: 2500, likely: false })
    await editThreshold(cityAdmin, { sector: 'industry', revenue: 2000, source: '国家统计局规模以上工业统计标准' }, clock.tick())
    await expect(editThreshold(areaAdmin, { sector: 'industry', revenue: 1, source: 'x' }, clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
  })
})

describe('the specialist’s list', () => {
  it('holds their near-scale enterprises, nearest first, saying what is missing', async () => {
    const list = await listUpgrade(owner, {}, clock.tick())
    // sp-007 serves en-0001, en-0021, en-0024 (above-scale, no file), en-0026 and en-0037.
    expect(list.items.map((i) => i.enterpriseId)).toEqual([ENTERPRISE])
    // Not visited this quarter (Q4 2026): said until a visit is recorded.
    expect(list.items[0]).toMatchObject({ stage: 'applying', missing: ['visit'], lastFigureMonth: '2026-10' })
    // The upgrade guide beside it: the kit's near-scale policies in force that apply to it.
    expect(list.items[0]!.guide).toEqual([])
    await seedKit(clock.now())
    const guide = (await listUpgrade(owner, {}, clock.tick())).items[0]!.guide
    const near = new Map((await kitLists()).policies.filter((p) => p.status === 'published' && packOf(p.appliesTo) === 'near').map((p) => [p.id, p.title]))
    expect(guide.length).toBeGreaterThan(0)
    expect(guide.length).toBeLessThanOrEqual(3)
    for (const item of guide) expect(near.get(item.id)).toBe(item.title)
    await recordVisit(owner, 'upgrade-list-visit', { enterpriseId: ENTERPRISE, visitedAt: clock.tick().toISOString(), kind: 'onsite', met: '财务负责人', topics: ['upgrade'], record: '核对十月营收，讨论申报时间' }, clock.tick())
    expect((await listUpgrade(owner, {}, clock.tick())).items[0]).toMatchObject({ missing: [] })
    const area = await listUpgrade(areaAdmin, {}, clock.tick())
    expect(area.items.map((i) => i.enterpriseId)).toEqual(expect.arrayContaining([ENTERPRISE, 'en-0009', 'en-0043']))
    expect(area.items.find((i) => i.enterpriseId === 'en-0009')).toMatchObject({ missing: ['file', 'figure', 'visit'], stage: 'cultivating' })
    expect(area.items[0]!.enterpriseId).toBe(ENTERPRISE)
    await expect(listUpgrade(owner, { specialistId: 'sp-001' }, clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(listUpgrade(member, {}, clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listUpgrade(cityAdmin, {}, clock.tick())).rejects.toBeInstanceOf(ValidationError)
  })
})

describe('the monthly report and the weekly digest', () => {
  it('gives the area’s monthly report its 升规入统 section', async () => {
    const scope = { key: 'area:xt-hitech', kind: 'area', id: 'xt-hitech', name: '湘潭高新区', areaIds: ['xt-hitech'] } as const
    const report = await buildMonthlyReport(scope, '2026-11', clock.tick())
    // en-0026's file was opened and applied in November 2026.
    expect(report.upgrade).toEqual({
      month: '2026-11',
      stages: { cultivating: 0, applying: 1, entered: 0, left: 0 },
      newThisMonth: { cultivating: 1, applying: 1, entered: 0, left: 0 },
      newlyEntered: [],
    })
    const other = await buildMonthlyReport({ key: 'area:yuhu', kind: 'area', id: 'yuhu', name: '雨湖区', areaIds: ['yuhu'] }, '2026-11', clock.tick())
    expect(other.upgrade).toBeUndefined()
  })

  it('names in the digest the enterprises without last month’s figure', async () => {
    // On 20 November October's figure is in; by 3 December November's is missing.
    expect((await upgradeMissingByScope(clock.tick()))('xt-hitech')).toBeUndefined()
    const december = await upgradeMissingByScope(shanghai('2026-12-07T09:00:00'))
    expect(december('xt-hitech')).toEqual({ month: '2026-11', items: [{ id: ENTERPRISE, name: '湖南凯旋轨道交通装备有限公司' }] })
    expect(december(null)?.items.map((i) => i.id)).toEqual([ENTERPRISE])
    expect(december('yuhu')).toBeUndefined()
  })
})
