import { describe, expect, it } from 'vitest'
import type { ActionContext } from '@shared/domain/appeal-machine'
import { planAction, planAppealWrite, workIndexOf } from '@shared/domain/appeal-write-plan'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { sweepDueAt } from '@shared/domain/deadlines'
import { ledgerDelta, splitCellKey } from '@shared/domain/report-ledger'
import { withTally } from '@shared/domain/report-tally'
import { makeAppeal, owner, powerTask, staff } from '../support/fixtures'

/*
 * The write plan: everything one change of an appeal must write, decided in the domain. The store
 * only translates it, so what used to be decided while writing is checked here.
 */

const CTX: ActionContext = { calendar: CHINESE_CALENDAR }
const at = (iso: string) => new Date(iso)

describe('the plan of a submission', () => {
  const filed = makeAppeal({ status: 'assigned', version: 1, coHandlers: [powerTask()], tally: undefined })
  const event = { appealId: filed.id, seq: 1, type: 'submit' as const, at: filed.createdAt, actor: { id: staff.id, name: staff.name, role: 'staff' as const }, from: null, to: 'assigned' as const }
  const plan = planAppealWrite(null, filed, event, CHINESE_CALENDAR)

  it('writes a new appeal, asks every co-handler, and counts one open appeal of the enterprise', () => {
    expect(plan.expectedVersion).toBeNull()
    expect(plan.newTasks.map((c) => c.id)).toEqual(['power'])
    expect(plan.enterpriseCounts).toEqual({ open: 1, closed: 0 })
    expect(plan.appeal.tally).toEqual(withTally(null, filed, event, CHINESE_CALENDAR.isWorkday).tally)
  })

  it('claims the number the filing drew, and no later change claims one', () => {
    expect(plan.numberClaim).toBe(filed.number)
    expect(planAction(makeAppeal({ status: 'assigned', version: 4 }), { type: 'accept' }, owner, at('2026-11-23T03:00:00.000Z'), CTX).numberClaim).toBeNull()
  })

  it('puts it in its area’s work index at the first moment the sweep must look', () => {
    expect(plan.workIndex).toEqual({ kind: 'open', sweepAt: sweepDueAt(filed, CHINESE_CALENDAR) })
  })

  it('moves the report cells of its month for every scope, as the ledger says', () => {
    const expected = [...ledgerDelta(null, plan.appeal)].map(([key, counters]) => ({ ...splitCellKey(key), counters }))
    expect(plan.reportCells).toEqual(expected)
    expect(new Set(plan.reportCells.map((c) => c.month))).toEqual(new Set(['2026-11']))
    expect(plan.reportCells.map((c) => c.scope)).toEqual(expect.arrayContaining(['city', 'area:xt-hitech', 'specialist:sp-007']))
  })

  it('tells the owner of new work, and not the filer of their own filing', () => {
    expect(plan.notices.map((n) => [n.kind, n.target])).toContainEqual(['new_appeal', { to: 'user', userId: 'sp-007' }])
    expect(plan.notices.some((n) => n.target.to === 'user' && n.target.userId === staff.id)).toBe(false)
  })
})

describe('the plan of an action', () => {
  it('accepting: the version it was decided on, no new task, no counter moves, the filer told', () => {
    const before = makeAppeal({ status: 'assigned', version: 4 })
    const plan = planAction(before, { type: 'accept' }, owner, at('2026-11-23T03:00:00.000Z'), CTX)
    expect(plan).toMatchObject({ expectedVersion: 4, newTasks: [], enterpriseCounts: { open: 0, closed: 0 } })
    expect(plan.appeal).toMatchObject({ status: 'in_progress', version: 5 })
    expect(plan.event).toMatchObject({ type: 'accept', from: 'assigned', to: 'in_progress' })
    expect(plan.notices.map((n) => n.kind)).toEqual(['accepted'])
  })

  it('asking a co-handler: only the new one gets an inbox entry', () => {
    const before = makeAppeal({ status: 'in_progress', version: 2 })
    const plan = planAction(before, { type: 'co-handle', handlers: [{ kind: 'department', id: 'water' }], days: 3, message: '请核实供水管径' }, owner, at('2026-11-24T03:00:00.000Z'), {
      ...CTX,
      coHandlerName: () => '市水务集团',
    })
    expect(plan.newTasks.map((c) => `${c.kind}:${c.id}`)).toEqual(['department:water'])
  })

  it('an evaluation that closes it: the counters move from open to closed, the index lists it by closing time', () => {
    const before = makeAppeal({ status: 'responded', version: 6, respondedAt: '2026-11-25T03:00:00.000Z', response: { outcome: 'resolved', message: '已接通', at: '2026-11-25T03:00:00.000Z' } })
    const plan = planAction(before, { type: 'evaluate', rating: 'satisfied', comment: '很及时' }, staff, at('2026-11-26T03:00:00.000Z'), CTX)
    expect(plan.enterpriseCounts).toEqual({ open: -1, closed: 1 })
    expect(plan.workIndex).toEqual({ kind: 'closed', closedAt: '2026-11-26T03:00:00.000Z' })
    expect(plan.reportCells.some((c) => Object.keys(c.counters).some((name) => name.endsWith('|closed')))).toBe(true)
  })

  it('a withdrawal: out of the work index altogether', () => {
    const before = makeAppeal({ status: 'assigned', version: 1 })
    const plan = planAction(before, { type: 'withdraw', reason: '问题已自行解决' }, staff, at('2026-11-23T05:00:00.000Z'), CTX)
    expect(plan.workIndex).toEqual({ kind: 'none' })
    expect(workIndexOf(plan.appeal, CHINESE_CALENDAR)).toEqual({ kind: 'none' })
    expect(plan.enterpriseCounts).toEqual({ open: -1, closed: 0 })
  })

  it('a note that changes nothing the reports count moves no cell', () => {
    const before = makeAppeal({ status: 'in_progress', version: 3 })
    const tallied = { ...before, tally: withTally(null, before, { appealId: before.id, seq: 1, type: 'submit', at: before.createdAt, actor: { id: staff.id, name: staff.name, role: 'staff' }, from: null, to: 'assigned' }, CHINESE_CALENDAR.isWorkday).tally }
    const plan = planAction(tallied, { type: 'note', message: '已联系供电公司现场勘察' }, owner, at('2026-11-24T03:00:00.000Z'), CTX)
    expect(plan.reportCells).toEqual([])
    expect(plan.notices).toEqual([])
  })
})
