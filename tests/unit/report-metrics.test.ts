import { describe, expect, it } from 'vitest'
import { applyAction, type ActionContext } from '@shared/domain/appeal-machine'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { breakdownOf, durationOf, figuresOf, formatDays, formatRate, rate, ratesOf, sumCells } from '@shared/domain/report-figures'
import { cellKey, counterName, ledgerDelta, ledgerOf, liveOverdueAtMonthEnd, scopesOf, type Ledger } from '@shared/domain/report-ledger'
import { addMonths, monthEnd, monthOf, monthStart, monthsUpTo } from '@shared/domain/report-month'
import { monthSummary } from '@shared/domain/report-summary'
import { overdueMonthEndsSince, withTally } from '@shared/domain/report-tally'
import type { Appeal, AppealEvent } from '@shared/schemas/appeal.schema'
import { areaAdmin, makeAppeal, owner, staff } from '../support/fixtures'

const shanghai = (local: string) => new Date(`${local}+08:00`)
const iso = (local: string) => shanghai(local).toISOString()
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString()
const CTX: ActionContext = { calendar: CHINESE_CALENDAR, coHandlerName: () => undefined }

let serial = 0
/** An appeal filed at `filed` (Shanghai time) and, unless told otherwise, still assigned. */
const filed = (filedAt: string, overrides: Partial<Appeal> = {}): Appeal =>
  makeAppeal({ id: `ap-${++serial}`, createdAt: iso(filedAt), updatedAt: iso(filedAt), coHandlers: [], ...overrides })

/** Closed in `closedAt` after an answer at `respondedAt`, rated (or not evaluated when rating is null). */
const closed = (filedAt: string, closedAt: string, rating: 'satisfied' | 'basically' | 'unsatisfied' | null, overrides: Partial<Appeal> = {}): Appeal =>
  filed(filedAt, {
    status: 'closed',
    acceptedAt: iso(filedAt),
    respondedAt: iso(closedAt),
    closedAt: iso(closedAt),
    dueAt: endOf('2026-12-31'),
    response: { outcome: 'resolved', message: '已办结', at: iso(closedAt) },
    ...(rating ? { evaluation: { rating, comment: '', at: iso(closedAt) } } : { notEvaluated: true }),
    ...overrides,
  })

const ledgerOfAll = (appeals: readonly Appeal[]): Ledger => appeals.reduce((ledger, a) => ledgerOf(a, ledger), new Map() as Ledger)
const cityCell = (ledger: Ledger, month: string) => ledger.get(cellKey('city', month)) ?? {}

describe('the published headline rates', () => {
  it('358 received and 337 closed in a month is a close rate of 94.1% (Xiangtan)', () => {
    const appeals = Array.from({ length: 358 }, (_, i) => (i < 337 ? closed('2026-10-09T10:00:00', '2026-10-20T10:00:00', 'satisfied') : filed('2026-10-09T10:00:00')))
    const f = figuresOf(cityCell(ledgerOfAll(appeals), '2026-10'))
    expect([f.received, f.closed]).toEqual([358, 337])
    expect(formatRate(ratesOf(f).closeRate)).toBe('94.1%')
  })

  it('2,184 received and 2,161 closed is 98.9% (Shaoyang)', () => {
    const appeals = Array.from({ length: 2184 }, (_, i) => (i < 2161 ? closed('2026-09-07T10:00:00', '2026-09-25T10:00:00', 'basically') : filed('2026-09-07T10:00:00')))
    const f = figuresOf(cityCell(ledgerOfAll(appeals), '2026-09'))
    expect(formatRate(ratesOf(f).closeRate)).toBe('98.9%')
    expect(formatRate(ratesOf(f).cohortCloseRate)).toBe('98.9%')
  })

  it('rounds half up on the per-mille, and shows nothing to divide by as "—", never NaN', () => {
    expect(formatRate(0.9415)).toBe('94.2%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0)).toBe('0.0%')
    expect(rate(3, 0)).toBeNull()
    expect(formatRate(null)).toBe('—')
    expect(formatRate(Number.NaN)).toBe('—')
    const empty = ratesOf(figuresOf({}))
    expect(Object.values(empty)).toEqual([null, null, null, null, null])
    expect(Object.values(empty).map(formatRate)).toEqual(['—', '—', '—', '—', '—'])
    expect(durationOf({}, 'hdl')).toEqual({ median: null, p90: null, count: 0 })
    expect(formatDays(null)).toBe('—')
  })
})

describe('each metric as DESIGN §7 defines it', () => {
  it('satisfaction counts evaluated appeals only; not evaluated is counted beside it', () => {
    const appeals = [
      ...Array.from({ length: 6 }, () => closed('2026-11-02T09:00:00', '2026-11-10T09:00:00', 'satisfied')),
      ...Array.from({ length: 2 }, () => closed('2026-11-02T09:00:00', '2026-11-10T09:00:00', 'basically')),
      closed('2026-11-02T09:00:00', '2026-11-10T09:00:00', 'unsatisfied'),
      // Auto-closed after an earlier unsatisfied rating: not evaluated, and not unsatisfied either.
      closed('2026-11-02T09:00:00', '2026-11-10T09:00:00', null, { evaluation: { rating: 'unsatisfied', comment: '', at: iso('2026-11-05T09:00:00') } }),
    ]
    const f = figuresOf(cityCell(ledgerOfAll(appeals), '2026-11'))
    expect(f).toMatchObject({ closed: 10, evaluated: 9, satisfied: 6, basically: 2, unsatisfied: 1, notEvaluated: 1 })
    expect(formatRate(ratesOf(f).satisfactionRate)).toBe('88.9%')
  })

  it('counts a withdrawn appeal apart from received, and closings in the month they happen', () => {
    const appeals = [
      filed('2026-10-12T09:00:00', { status: 'withdrawn', withdrawal: { reason: '已自行解决', at: iso('2026-10-13T09:00:00') } }),
      filed('2026-10-12T09:00:00'),
      // Filed in October, closed in November: October's cohort, November's closed.
      closed('2026-10-28T09:00:00', '2026-11-03T09:00:00', 'satisfied'),
    ]
    const ledger = ledgerOfAll(appeals)
    expect(figuresOf(cityCell(ledger, '2026-10'))).toMatchObject({ received: 2, withdrawn: 1, closed: 0, cohortClosed: 1 })
    expect(figuresOf(cityCell(ledger, '2026-11'))).toMatchObject({ received: 0, closed: 1, cohortClosed: 0 })
    expect(ratesOf(figuresOf(cityCell(ledger, '2026-11'))).closeRate).toBeNull()
    expect(formatRate(ratesOf(figuresOf(cityCell(ledger, '2026-10'))).cohortCloseRate)).toBe('50.0%')
  })

  it('judges on time against the deadline in force when it closed, extensions included', () => {
    const extendedInTime = closed('2026-11-02T09:00:00', '2026-11-20T09:00:00', 'satisfied', { dueAt: endOf('2026-11-20'), extensionCount: 1 })
    const late = closed('2026-11-02T09:00:00', '2026-11-20T09:00:00', 'satisfied', { dueAt: endOf('2026-11-19') })
    const f = figuresOf(cityCell(ledgerOfAll([extendedInTime, late]), '2026-11'))
    expect([f.closed, f.onTime]).toEqual([2, 1])
    expect(formatRate(ratesOf(f).onTimeRate)).toBe('50.0%')
  })

  it('counts resolved among closed', () => {
    const partly = closed('2026-11-02T09:00:00', '2026-11-10T09:00:00', 'basically', { response: { outcome: 'partly', message: '部分解决', at: iso('2026-11-10T09:00:00') } })
    const f = figuresOf(cityCell(ledgerOfAll([partly, closed('2026-11-02T09:00:00', '2026-11-10T09:00:00', 'satisfied')]), '2026-11'))
    expect([f.resolved, f.closed]).toEqual([1, 2])
    expect(formatRate(ratesOf(f).resolvedRate)).toBe('50.0%')
  })

  it('takes the median and p90 of working days by nearest rank', () => {
    const days = [0, 1, 1, 2, 5, 1, 3, 2, 2, 8]
    const appeals = days.map((d) => closed('2026-11-02T09:00:00', '2026-11-20T09:00:00', 'satisfied', { tally: { escalatedAt: [], extendedAt: [], reopenedAt: [], overdueAtMonthEnd: [], handlingDays: d, firstResponseDays: d } }))
    const cell = cityCell(ledgerOfAll(appeals), '2026-11')
    // Sorted: 0 1 1 1 2 2 2 3 5 8 → 5th is 2, 9th is 5.
    expect(durationOf(cell, 'hdl')).toEqual({ median: 2, p90: 5, count: 10 })
    expect(durationOf(cell, 'frt')).toEqual({ median: 2, p90: 5, count: 10 })
  })

  it('splits by area, unit, specialist, category, channel and scale; a unit row per co-handler', () => {
    const a = closed('2026-11-02T09:00:00', '2026-11-10T09:00:00', 'satisfied', {
      enterpriseScale: 'near',
      coHandlers: [
        { kind: 'department', id: 'power', name: '国网湘潭供电公司', status: 'replied', requestedAt: iso('2026-11-02T09:00:00'), dueAt: endOf('2026-11-10') },
        { kind: 'taskForce', id: 'tf-industry', name: '工业专班', status: 'replied', requestedAt: iso('2026-11-02T09:00:00'), dueAt: endOf('2026-11-10') },
      ],
    })
    const queued = filed('2026-11-03T09:00:00', { ownerId: null, ownerName: null, status: 'submitted', areaId: 'yuhu' })
    const ledger = ledgerOfAll([a, queued])
    const cell = cityCell(ledger, '2026-11')
    const names = (d: Parameters<typeof breakdownOf>[1]) => breakdownOf(cell, d, (v) => v).map((r) => [r.key, r.figures.received])
    expect(names('area')).toEqual([['xt-hitech', 1], ['yuhu', 1]])
    expect(names('unit')).toEqual([['department:power', 1], ['taskForce:tf-industry', 1]])
    // Ties on received go to the row with more closed.
    expect(names('specialist')).toEqual([['sp-007', 1], ['queue', 1]])
    expect(names('scale')).toEqual([['near', 1], ['unknown', 1]])
    expect(names('channel')).toEqual([['miniapp', 2]])
    // The unit's own report holds only its appeals; the area rows add up to the city.
    expect(figuresOf(ledger.get(cellKey('department:power', '2026-11'))!).received).toBe(1)
    expect(scopesOf(a)).toEqual(['city', 'area:xt-hitech', 'specialist:sp-007', 'department:power', 'taskForce:tf-industry'])
    const areaSum = sumCells(['area:xt-hitech', 'area:yuhu'].map((s) => ledger.get(cellKey(s, '2026-11'))!))
    expect(figuresOf(areaSum)).toEqual(figuresOf(cell))
  })
})

describe('the tally of a change', () => {
  const event = (type: AppealEvent['type'], at: string, seq = 2): AppealEvent => ({ appealId: 'ap-t', seq, type, at: iso(at), actor: { id: 'x', name: 'x', role: 'system' }, from: 'assigned', to: 'in_progress' })

  it('records working days to the first response across a weekend', () => {
    // Filed Friday 20 Nov, accepted Monday 23 Nov: one working day.
    const before = filed('2026-11-20T16:00:00', { id: 'ap-t' })
    const accepted = applyAction(before, { type: 'accept' }, owner, shanghai('2026-11-23T09:00:00'), CTX)
    const tallied = withTally(before, accepted.appeal, accepted.event, CHINESE_CALENDAR.isWorkday)
    expect(tallied.tally?.firstResponseDays).toBe(1)
    expect(figuresOf(ledgerOf(tallied).get(cellKey('city', '2026-11'))!).received).toBe(1)
    expect(durationOf(ledgerOf(tallied).get(cellKey('city', '2026-11'))!, 'frt').median).toBe(1)
  })

  it('records handling days to the final answer, less the days waited for material', () => {
    const responded = filed('2026-11-02T09:00:00', { id: 'ap-t', status: 'responded', acceptedAt: iso('2026-11-02T10:00:00'), respondedAt: iso('2026-11-13T09:00:00'), pausedDays: 2, response: { outcome: 'resolved', message: '好', at: iso('2026-11-13T09:00:00') } })
    const evaluated = applyAction(responded, { type: 'evaluate', rating: 'satisfied', comment: '' }, staff, shanghai('2026-11-16T09:00:00'), CTX)
    const tallied = withTally(responded, evaluated.appeal, evaluated.event, CHINESE_CALENDAR.isWorkday)
    // 3 Nov … 13 Nov = 9 working days, 2 of them waited.
    expect(tallied.tally?.handlingDays).toBe(7)
  })

  it('records each raise of the level, each extension and the reopening, in their months', () => {
    const start = filed('2026-11-02T09:00:00', { id: 'ap-t', status: 'in_progress', acceptedAt: iso('2026-11-02T10:00:00') })
    const escalated = applyAction(start, { type: 'escalate', reason: '涉及多部门' }, owner, shanghai('2026-11-05T09:00:00'), CTX)
    const t1 = withTally(start, escalated.appeal, escalated.event, CHINESE_CALENDAR.isWorkday)
    const extended = applyAction(t1, { type: 'extend', dueDate: '2026-12-15', reason: '需要现场施工' }, areaAdmin, shanghai('2026-12-01T09:00:00'), CTX)
    const t2 = withTally(t1, extended.appeal, extended.event, CHINESE_CALENDAR.isWorkday)
    expect(t2.tally).toMatchObject({ escalatedAt: [iso('2026-11-05T09:00:00')], extendedAt: [iso('2026-12-01T09:00:00')] })
    const ledger = ledgerOf(t2)
    expect(figuresOf(ledger.get(cellKey('city', '2026-11'))!).escalations).toBe(1)
    expect(figuresOf(ledger.get(cellKey('city', '2026-12'))!).extensions).toBe(1)

    const responded = applyAction(t2, { type: 'respond', outcome: 'partly', message: '部分解决' }, owner, shanghai('2026-12-02T09:00:00'), CTX)
    const t3 = withTally(t2, responded.appeal, responded.event, CHINESE_CALENDAR.isWorkday)
    const reopened = applyAction(t3, { type: 'evaluate', rating: 'unsatisfied', comment: '问题没解决' }, staff, shanghai('2026-12-03T09:00:00'), CTX)
    const t4 = withTally(t3, reopened.appeal, reopened.event, CHINESE_CALENDAR.isWorkday)
    expect(t4.status).toBe('in_progress')
    expect(t4.tally?.reopenedAt).toEqual([iso('2026-12-03T09:00:00')])
    const december = figuresOf(ledgerOf(t4).get(cellKey('city', '2026-12'))!)
    // Reopening raised the level too; the unsatisfied rating that reopened is not an evaluation of a closed appeal.
    expect(december).toMatchObject({ reopenings: 1, escalations: 1, evaluated: 0, closed: 0 })
  })

  it('stamps the month ends an overdue appeal sat through unchanged, and never counts them twice', () => {
    const overdue = filed('2026-10-12T09:00:00', { id: 'ap-t', status: 'in_progress', acceptedAt: iso('2026-10-12T10:00:00'), dueAt: endOf('2026-10-19'), updatedAt: iso('2026-10-12T10:00:00') })
    expect(overdueMonthEndsSince(overdue, shanghai('2026-12-02T09:00:00'))).toEqual(['2026-10', '2026-11'])
    // Untouched since before 31 October: the report counts it live for October and November.
    expect(liveOverdueAtMonthEnd(overdue, monthEnd('2026-10'))).toBe(true)
    expect(liveOverdueAtMonthEnd(overdue, monthEnd('2026-09'))).toBe(false)
    const noted = applyAction(overdue, { type: 'note', message: '正在协调' }, owner, shanghai('2026-11-03T09:00:00'), CTX)
    const tallied = withTally(overdue, noted.appeal, noted.event, CHINESE_CALENDAR.isWorkday)
    expect(tallied.tally?.overdueAtMonthEnd).toEqual(['2026-10'])
    // Written after October ended, so the live count leaves October to the tally.
    expect(liveOverdueAtMonthEnd(tallied, monthEnd('2026-10'))).toBe(false)
    expect(figuresOf(ledgerOf(tallied).get(cellKey('city', '2026-10'))!).overdueAtMonthEnd).toBe(1)
    // A paused clock is not overdue at a month end.
    const paused = { ...overdue, awaitingMaterial: { since: iso('2026-10-15T09:00:00'), message: '图纸' } }
    expect(overdueMonthEndsSince(paused, shanghai('2026-12-02T09:00:00'))).toEqual([])
  })
})

describe('the ledger of a change', () => {
  it('is what the appeal counts after less what it counted before, and nothing where nothing moved', () => {
    const before = filed('2026-11-02T09:00:00', { id: 'ap-d', status: 'responded', acceptedAt: iso('2026-11-02T10:00:00'), respondedAt: iso('2026-11-10T09:00:00'), response: { outcome: 'resolved', message: '好', at: iso('2026-11-10T09:00:00') } })
    const after = { ...before, status: 'closed' as const, closedAt: iso('2026-12-01T09:00:00'), evaluation: { rating: 'satisfied' as const, comment: '', at: iso('2026-12-01T09:00:00') } }
    const delta = ledgerDelta(before, after)
    // November: only its cohort moved; December: the closing.
    expect(delta.get(cellKey('city', '2026-11'))).toEqual({ [counterName('all', '*', 'cohortClosed')]: 1, ...Object.fromEntries(['area|xt-hitech', 'specialist|sp-007', 'category|power', 'channel|miniapp', 'scale|unknown'].map((r) => [`${r}|cohortClosed`, 1])) })
    expect(figuresOf(delta.get(cellKey('city', '2026-12'))!)).toMatchObject({ closed: 1, resolved: 1, onTime: 1, evaluated: 1, satisfied: 1 })
    // Applying the delta to the ledger before gives the ledger after.
    const applied = ledgerOf(before)
    for (const [key, cell] of delta) applied.set(key, sumCells([applied.get(key) ?? {}, cell]))
    const expected = ledgerOf(after)
    for (const [key, cell] of applied) expect(Object.fromEntries(Object.entries(cell).filter(([, n]) => n !== 0))).toEqual(expected.get(key) ?? {})
    expect(ledgerDelta(after, after).size).toBe(0)
  })
})

describe('months in Shanghai', () => {
  it('puts 23:30 UTC on 31 October in November', () => {
    expect(monthOf(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11')
    expect(monthStart('2026-11').toISOString()).toBe('2026-10-31T16:00:00.000Z')
    expect(monthEnd('2026-12').toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(monthsUpTo('2026-03', 12)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'])
  })
})

describe('the summary paragraph', () => {
  it('reads like the official report and names every rate', () => {
    const appeals = Array.from({ length: 358 }, (_, i) => (i < 337 ? closed('2026-10-09T10:00:00', '2026-10-20T10:00:00', i < 300 ? 'satisfied' : null) : filed('2026-10-09T10:00:00')))
    const cell = cityCell(ledgerOfAll(appeals), '2026-10')
    const figures = figuresOf(cell)
    const text = monthSummary({
      scopeName: '全市',
      month: '2026-10',
      asOf: shanghai('2026-11-02T09:00:00'),
      monthComplete: true,
      figures,
      rates: ratesOf(figures),
      firstResponseDays: durationOf(cell, 'frt'),
      handlingDays: durationOf(cell, 'hdl'),
      overdueNow: 0,
      topCategories: breakdownOf(cell, 'category', () => '用电'),
    })
    expect(text).toContain('2026年10月，全市共受理企业诉求358件，办结337件，办结率94.1%')
    expect(text).toContain('企业评价300件，满意率100.0%')
    expect(text).toContain('未评价37件')
    expect(text).toContain('受理量居前的诉求类别为用电（358件）')
    expect(text).not.toMatch(/NaN|undefined|null/)
  })

  it('says "—" rather than dividing by nothing', () => {
    const figures = figuresOf({})
    const text = monthSummary({
      scopeName: '雨湖区',
      month: '2026-11',
      asOf: shanghai('2026-11-24T09:00:00'),
      monthComplete: false,
      figures,
      rates: ratesOf(figures),
      firstResponseDays: durationOf({}, 'frt'),
      handlingDays: durationOf({}, 'hdl'),
      overdueNow: 2,
      topCategories: [],
    })
    expect(text).toContain('2026年11月（截至11月24日），雨湖区共受理企业诉求0件，办结0件，办结率—')
    expect(text).toContain('目前超期未办结2件')
    expect(text).not.toMatch(/NaN|undefined|null/)
  })
})
