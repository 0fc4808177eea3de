import { describe, expect, it } from 'vitest'
import { buildBoard, applyUpgradeAction, boardRowOf, missingLastMonth, movesFrom, openFile, quarterStartOf, stalledWhy, upgradeMonthSection, visitedThisQuarter } from '@shared/domain/upgrade-pipeline'
import { projectionBasis, projectYear } from '@shared/domain/upgrade-projection'
import { DEFAULT_THRESHOLDS, defaultSectorLine, thresholdOf, thresholdsWith } from '@shared/domain/upgrade-thresholds'
import { ConflictError, ValidationError } from '@shared/errors'
import type { ActorRef } from '@shared/schemas/appeal.schema'
import { figureInputSchema, thresholdEditSchema, type BoardRow, type UpgradeFile } from '@shared/schemas/upgrade.schema'
import { shanghai } from '../support/clock'

const sp: ActorRef = { id: 'sp-007', name: '专员', role: 'specialist' }
const industry = { revenue: 2000, measure: '年主营业务收入' }

describe('thresholds', () => {
  it('seeds the national statistics thresholds, each with its source', () => {
    const revenue = Object.fromEntries(DEFAULT_THRESHOLDS.map((t) => [t.sector, t.revenue]))
    expect(revenue).toEqual({
      industry: 2000,
      construction: undefined,
      wholesale: 2000,
      retail: 500,
      accommodation: 200,
      catering: 200,
      'services-a': 2000,
      'services-b': 1000,
      'services-c': 500,
    })
    for (const line of DEFAULT_THRESHOLDS) expect(line.source).toMatch(/国家统计局/)
    expect(thresholdOf(DEFAULT_THRESHOLDS, 'construction').measure).toBe('资质等级')
  })

  it('lets a stored line replace its default and keeps the others', () => {
    const edited = thresholdsWith([{ ...thresholdOf(DEFAULT_THRESHOLDS, 'retail'), revenue: 600, source: '市统计局通知' }])
    expect(thresholdOf(edited, 'retail')).toMatchObject({ revenue: 600, source: '市统计局通知' })
    expect(thresholdOf(edited, 'industry').revenue).toBe(2000)
    expect(edited).toHaveLength(DEFAULT_THRESHOLDS.length)
  })

  it('starts an enterprise on the line of its roster industry', () => {
    expect(defaultSectorLine('industry')).toBe('industry')
    expect(defaultSectorLine('retail')).toBe('retail')
    expect(defaultSectorLine('services')).toBe('services-c')
  })

  it('refuses an edit without a source or with a negative threshold, field by field', () => {
    const missing = thresholdEditSchema.safeParse({ sector: 'retail', revenue: -5 })
    expect(missing.success).toBe(false)
    expect(missing.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['revenue', 'source'])
  })
})

describe('figures as entered', () => {
  const valid = { month: '2026-10', revenueYtd: 1200.5, employees: 48 }
  it('accepts a plausible month', () => expect(figureInputSchema.parse(valid)).toEqual(valid))
  it.each([
    ['revenueYtd', { revenueYtd: -1 }],
    ['revenueYtd', { revenueYtd: 20_000_000 }],
    ['employees', { employees: 2.5 }],
    ['employees', { employees: -3 }],
    ['month', { month: '2026-13' }],
    ['lastYearRevenue', { lastYearRevenue: -10 }],
  ])('refuses a bad %s', (field, change) => {
    const result = figureInputSchema.safeParse({ ...valid, ...change })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path).toEqual([field])
    expect(result.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('projection of the full year', () => {
  it('scales year to date by the months elapsed when last year is not known', () => {
    const p = projectYear([{ month: '2026-09', revenueYtd: 1350 }], industry)
    expect(p).toMatchObject({ method: 'linear', projected: 1800, distance: 200, likely: false, year: 2026 })
    expect(p.explanation).toContain('按 12 个月推算')
    expect(p.explanation).toContain('还差约 200 万元')
  })

  it("scales by last year's seasonality when last year's same month and full year are known", () => {
    // Last year: 40% of the year by June (800 of 2000). This year 900 by June → 2250.
    const figures = [
      { month: '2025-06', revenueYtd: 800 },
      { month: '2025-12', revenueYtd: 2000 },
      { month: '2026-06', revenueYtd: 900 },
    ]
    const p = projectYear(figures, industry)
    expect(p).toMatchObject({ method: 'seasonal', share: 0.4, projected: 2250, distance: -250, likely: true })
    expect(p.explanation).toContain('去年 1—6 月的营业收入占去年全年的 40%')
    // A linear projection of the same year would have said 1800: seasonality matters.
    expect(projectYear([figures[2]!], industry).projected).toBe(1800)
  })

  it("uses last year's full-year revenue as entered when December is missing", () => {
    const p = projectYear([{ month: '2025-03', revenueYtd: 300 }, { month: '2026-03', revenueYtd: 330, lastYearRevenue: 1500 }], industry)
    expect(p).toMatchObject({ method: 'seasonal', share: 0.2, projected: 1650 })
  })

  it('says there is nothing to project without figures, and nothing by revenue for construction', () => {
    expect(projectYear([], industry)).toMatchObject({ method: 'none', likely: false })
    expect(projectYear([{ month: '2026-06', revenueYtd: 5000 }], { measure: '资质等级' })).toMatchObject({ method: 'none', likely: false })
  })

  it('keeps only the figures it needs as its basis, and projects the same from them', () => {
    const all = Array.from({ length: 22 }, (_, i) => {
      const month = `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
      return { month, revenueYtd: 100 * ((i % 12) + 1) + (i >= 12 ? 10 : 0) }
    })
    const basis = projectionBasis(all)
    expect(basis.map((f) => f.month)).toEqual(['2025-10', '2025-12', '2026-10'])
    expect(projectYear(basis, industry)).toEqual(projectYear(all, industry))
  })
})

describe('stages', () => {
  const now = shanghai('2026-11-20T10:00:00')
  const fresh = (): UpgradeFile => openFile({ id: 'en-0008', name: '某企业', areaId: 'xt-hitech', specialistId: 'sp-007' }, 'industry', 'cultivating', sp, shanghai('2026-03-01T09:00:00'))

  it('moves 培育 → 申报 → 入规 with dates, months and notes on the timeline', () => {
    const applied = applyUpgradeAction(fresh(), { type: 'apply', date: '2026-11-18', applicationMonth: '2026-11', note: '材料已报统计局' }, sp, now)
    expect(applied).toMatchObject({ stage: 'applying', stageDate: '2026-11-18', applicationMonth: '2026-11', version: 1 })
    const entered = applyUpgradeAction(applied, { type: 'enter', date: '2026-11-20', acceptedMonth: '2026-11' }, sp, now)
    expect(entered).toMatchObject({ stage: 'entered', acceptedMonth: '2026-11', version: 2 })
    expect(entered.timeline.map((e) => [e.type, e.from, e.to])).toEqual([
      ['open', undefined, 'cultivating'],
      ['apply', 'cultivating', 'applying'],
      ['enter', 'applying', 'entered'],
    ])
    expect(entered.timeline[1]).toMatchObject({ month: '2026-11', note: '材料已报统计局', by: sp })
  })

  it('refuses a move the stage does not allow with a 409, changing nothing', () => {
    const file = fresh()
    expect(() => applyUpgradeAction(file, { type: 'enter', date: '2026-11-18', acceptedMonth: '2026-11' }, sp, now)).toThrow(ConflictError)
    expect(() => applyUpgradeAction(file, { type: 'resume', date: '2026-11-18' }, sp, now)).toThrow(ConflictError)
    expect(file.stage).toBe('cultivating')
    expect(file.timeline).toHaveLength(1)
  })

  it('keeps a reason for 退出培育 and resumes from it', () => {
    const left = applyUpgradeAction(fresh(), { type: 'leave', date: '2026-10-01', reason: '企业迁出本市' }, sp, now)
    expect(left).toMatchObject({ stage: 'left', leftReason: '企业迁出本市' })
    expect(movesFrom('left')).toEqual(['resume', 'set-sector'])
    const back = applyUpgradeAction(left, { type: 'resume', date: '2026-11-01' }, sp, now)
    expect(back.stage).toBe('cultivating')
    expect(back.leftReason).toBeUndefined()
  })

  it('refuses a date in the future or before the last move, and an application month in the future', () => {
    const tryApply = (date: string, applicationMonth: string) => {
      try {
        applyUpgradeAction(fresh(), { type: 'apply', date, applicationMonth }, sp, now)
        return {}
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError)
        return (error as ValidationError).fields
      }
    }
    expect(tryApply('2026-11-21', '2026-11')).toEqual({ date: '日期不能晚于今天' })
    expect(tryApply('2026-02-01', '2026-11')).toHaveProperty('date')
    expect(tryApply('2026-11-20', '2026-12')).toEqual({ applicationMonth: '申报月份不能晚于本月' })
  })

  it('refuses an accepted month before the application month', () => {
    const applied = applyUpgradeAction(fresh(), { type: 'apply', date: '2026-10-10', applicationMonth: '2026-10' }, sp, now)
    expect(() => applyUpgradeAction(applied, { type: 'enter', date: '2026-11-01', acceptedMonth: '2026-09' }, sp, now)).toThrow(ValidationError)
  })
})

describe('the board', () => {
  const now = shanghai('2026-11-20T10:00:00')
  const row = (over: Partial<BoardRow>): BoardRow => ({ id: 'en-x', name: '企业', sp: 'sp-007', sector: 'industry', stage: 'cultivating', moved: '2026-09-01', op: '2026-01-05', fig: '2026-10', ...over })
  const rows = [
    row({ id: 'a', year: 2026, proj: 2300 }), // likely
    row({ id: 'b', year: 2026, proj: 1500, fig: '2026-08' }), // stalled: September and October missing
    row({ id: 'c', stage: 'applying', moved: '2026-11-03', ap: '2026-11', year: 2026, proj: 2100 }), // moved this month, likely
    row({ id: 'd', stage: 'entered', moved: '2026-11-10', acc: '2026-11', year: 2026, proj: 2600 }), // entered: not "likely"
    row({ id: 'e', sp: 'sp-001', sector: 'retail', moved: '2026-03-01', year: 2026, proj: 400 }), // stalled: no move in six months
    row({ id: 'f', stage: 'left', moved: '2026-11-02', sp: null }),
  ]

  it('counts stages, likely, stalled and this month’s moves, per specialist, sector and area', () => {
    const thresholds = (sector: BoardRow['sector']) => thresholdOf(DEFAULT_THRESHOLDS, sector).revenue
    const board = buildBoard({ kind: 'area', areaId: 'xt-hitech' }, [{ areaId: 'xt-hitech', name: '湘潭高新区', rows }], now, thresholds, (id) => ({ 'sp-007': '专员甲' })[id])
    expect(board.stages).toEqual({ cultivating: 3, applying: 1, entered: 1, left: 1 })
    expect(board.likely.map((e) => e.id)).toEqual(['a', 'c'])
    expect(board.likely[0]!.distance).toBe(-300)
    expect(board.stalled.map((e) => e.id)).toEqual(['b', 'e'])
    expect(board.movedThisMonth.map((e) => e.id)).toEqual(['c', 'd', 'f'])
    expect(board.bySpecialist.find((s) => s.specialistId === 'sp-007')).toMatchObject({ name: '专员甲', likely: 2, stalled: 1 })
    expect(board.bySpecialist.find((s) => s.specialistId === null)?.name).toBe('未分配专员')
    expect(board.bySector.find((s) => s.sector === 'retail')).toMatchObject({ stalled: 1, stages: { cultivating: 1, applying: 0, entered: 0, left: 0 } })
    expect(board.byArea).toEqual([expect.objectContaining({ areaId: 'xt-hitech', likely: 2, stalled: 2 })])
    expect(board.rules.stalled).toMatch(/两个月/)
  })

  it('applies the threshold in force when the board is read', () => {
    const higher = buildBoard({ kind: 'city', areaId: null }, [{ areaId: 'x', name: 'X', rows }], now, () => 2200, () => undefined)
    expect(higher.likely.map((e) => e.id)).toEqual(['a'])
  })

  it('does not count last year’s projection as this year’s', () => {
    const january = shanghai('2027-01-10T10:00:00')
    expect(buildBoard({ kind: 'city', areaId: null }, [{ areaId: 'x', name: 'X', rows: [row({ id: 'a', year: 2026, proj: 2300, fig: '2026-12', moved: '2026-12-01' })] }], january, () => 2000, () => undefined).likely).toEqual([])
  })

  it('states why an enterprise is stalled', () => {
    expect(stalledWhy(row({ fig: undefined }), now)).toBe('从未填报月度数据')
    expect(stalledWhy(row({ fig: '2026-09' }), now)).toBeNull()
    expect(stalledWhy(row({ fig: '2026-08' }), now)).toMatch(/2026-08/)
  })

  it('gives the monthly report section and the digest line', () => {
    const section = upgradeMonthSection(rows, '2026-11')
    expect(section.newThisMonth).toEqual({ cultivating: 0, applying: 1, entered: 1, left: 1 })
    expect(section.newlyEntered).toEqual([{ id: 'd', name: '企业', acceptedMonth: '2026-11' }])
    expect(missingLastMonth(rows, now)).toEqual({ month: '2026-10', items: [{ id: 'b', name: '企业' }] })
  })

  it('keeps a file as a short row', () => {
    const file = openFile({ id: 'en-0008', name: '某企业', areaId: 'xt-hitech', specialistId: 'sp-007' }, 'industry', 'cultivating', sp, now)
    expect(boardRowOf({ ...file, lastFigureMonth: '2026-10' }, projectYear([{ month: '2026-10', revenueYtd: 1000 }], industry))).toEqual({
      id: 'en-0008',
      name: '某企业',
      sp: 'sp-007',
      sector: 'industry',
      stage: 'cultivating',
      moved: '2026-11-20',
      op: '2026-11-20',
      fig: '2026-10',
      year: 2026,
      proj: 1200,
    })
  })
})

describe('the quarter a visit must fall in', () => {
  it('starts on the first day of the Shanghai quarter', () => {
    expect(quarterStartOf(new Date('2026-11-20T02:00:00Z'))).toBe('2026-09-30T16:00:00.000Z')
    // 1 January 00:30 in Shanghai is still 31 December in UTC: already the new quarter.
    expect(quarterStartOf(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12-31T16:00:00.000Z')
  })

  it('flags an enterprise never visited, or last visited before the quarter', () => {
    const now = new Date('2026-11-20T02:00:00Z')
    expect(visitedThisQuarter(undefined, now)).toBe(false)
    expect(visitedThisQuarter('2026-09-30T15:59:59.000Z', now)).toBe(false)
    expect(visitedThisQuarter('2026-10-08T01:00:00.000Z', now)).toBe(true)
  })
})
