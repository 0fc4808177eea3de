import { describe, expect, it } from 'vitest'
import { applyAction, type ActionContext } from '@shared/domain/appeal-machine'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { isDueSoon, isOverdue, missedDeadline, sweepDueAt } from '@shared/domain/deadlines'
import { sweepAppeal } from '@shared/domain/sweep'
import { ConflictError, ValidationError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { areaAdmin, cityAdmin, makeAppeal, owner, powerTask, staff } from '../support/fixtures'

/** Shanghai wall-clock time as an instant (UTC+8, no daylight saving). */
const shanghai = (local: string) => new Date(`${local}+08:00`)
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString()

const CTX: ActionContext = {
  calendar: CHINESE_CALENDAR,
  coHandlerName: (kind, id) => new Map([['department:water', '市水务集团'], ['department:power', '国网湘潭供电公司']]).get(`${kind}:${id}`),
}

const inProgress = (overrides: Partial<Appeal> = {}) => makeAppeal({ status: 'in_progress', version: 3, dueAt: endOf('2026-11-30'), ...overrides })

describe('the clock pauses while the enterprise prepares material', () => {
  it('adds the working days waited to the resolution deadline', () => {
    const asked = applyAction(inProgress(), { type: 'request-material', message: '用电负荷表' }, owner, shanghai('2026-11-24T11:00:00'), CTX).appeal
    expect(asked.awaitingMaterial).toEqual({ since: shanghai('2026-11-24T11:00:00').toISOString(), message: '用电负荷表' })
    // Waiting for material is not being late.
    expect(isOverdue(asked, shanghai('2026-12-05T10:00:00'))).toBe(false)
    expect(sweepDueAt(asked)).toBeNull()

    const supplied = applyAction(asked, { type: 'supply-material', message: '已上传负荷表' }, staff, shanghai('2026-11-26T16:00:00'), CTX)
    // Wednesday 25 and Thursday 26 were spent waiting: Monday 30 → Wednesday 2 December.
    expect(supplied.appeal.dueAt).toBe(endOf('2026-12-02'))
    expect(supplied.appeal.pausedDays).toBe(2)
    expect(supplied.appeal.awaitingMaterial).toBeUndefined()
    expect(supplied.event.data).toMatchObject({ pausedDays: 2, fromDueAt: endOf('2026-11-30'), toDueAt: endOf('2026-12-02') })
  })

  it('counts a pause over the Spring Festival in working days, make-up Saturday included', () => {
    const asked = inProgress({ dueAt: endOf('2026-02-27'), awaitingMaterial: { since: shanghai('2026-02-13T15:00:00').toISOString(), message: '图纸' } })
    const supplied = applyAction(asked, { type: 'supply-material', message: '图纸已补' }, staff, shanghai('2026-02-25T09:00:00'), CTX).appeal
    // Waited: Sat 14 (worked), 24, 25 = 3 working days. 27 Feb + 3 → Sat 28 (worked), Mon 2, Tue 3 March.
    expect(supplied.pausedDays).toBe(3)
    expect(supplied.dueAt).toBe(endOf('2026-03-03'))
  })

  it('moves nothing when the material arrives the same day', () => {
    const asked = inProgress({ awaitingMaterial: { since: shanghai('2026-11-24T09:00:00').toISOString(), message: '营业执照' }, pausedDays: 1 })
    const supplied = applyAction(asked, { type: 'supply-material', message: '已补' }, staff, shanghai('2026-11-24T17:00:00'), CTX).appeal
    expect(supplied.dueAt).toBe(endOf('2026-11-30'))
    expect(supplied.pausedDays).toBe(1)
  })

  it('refuses a second request while waiting, and a supply nobody asked for', () => {
    const waiting = inProgress({ awaitingMaterial: { since: shanghai('2026-11-24T09:00:00').toISOString(), message: '图纸' } })
    expect(() => applyAction(waiting, { type: 'request-material', message: '更多' }, owner, shanghai('2026-11-25T09:00:00'), CTX)).toThrow(ConflictError)
    expect(() => applyAction(inProgress(), { type: 'supply-material', message: '主动补充' }, staff, shanghai('2026-11-25T09:00:00'), CTX)).toThrow(ConflictError)
  })
})

describe('extensions', () => {
  const now = shanghai('2026-11-25T10:00:00')

  it('set a later working-day deadline, with the reason, and are counted', () => {
    const { appeal, event } = applyAction(inProgress({ extensionCount: 1 }), { type: 'extend', dueDate: '2026-12-11', reason: '等待省厅批复' }, areaAdmin, now, CTX)
    expect(appeal.dueAt).toBe(endOf('2026-12-11'))
    expect(appeal.extensionCount).toBe(2)
    expect(event).toMatchObject({ type: 'extend', data: { fromDueAt: endOf('2026-11-30'), toDueAt: endOf('2026-12-11') } })
    expect(event.message).toContain('等待省厅批复')
  })

  it('refuse an earlier date and a day off with a field message', () => {
    const earlier = () => applyAction(inProgress(), { type: 'extend', dueDate: '2026-11-27', reason: '提前' }, areaAdmin, now, CTX)
    expect(earlier).toThrow(ValidationError)
    expect(() => earlier()).toThrow(expect.objectContaining({ fields: { dueDate: expect.stringContaining('须晚于') } }))
    // 2026-10-03 is not later anyway; take a Saturday after the deadline.
    expect(() => applyAction(inProgress(), { type: 'extend', dueDate: '2026-12-05', reason: '周六' }, areaAdmin, now, CTX)).toThrow(
      expect.objectContaining({ fields: { dueDate: '该日不是工作日' } }),
    )
  })

  it('mark a deadline in a year without a published schedule as provisional', () => {
    const { appeal } = applyAction(inProgress(), { type: 'extend', dueDate: '2027-01-06', reason: '跨年' }, cityAdmin, now, CTX)
    expect(appeal.deadlineProvisional).toBe(true)
  })

  it('cure an overdue appeal: it is no longer late and the sweep looks again at the new deadline', () => {
    const late = inProgress({ overdue: { kind: 'resolution', dueAt: endOf('2026-11-30'), at: endOf('2026-11-30') }, level: 1 })
    expect(isOverdue(late, shanghai('2026-12-01T10:00:00'))).toBe(true)
    expect(sweepDueAt(late)).toBeNull()
    const { appeal } = applyAction(late, { type: 'extend', dueDate: '2026-12-08', reason: '延期' }, areaAdmin, shanghai('2026-12-01T10:00:00'), CTX)
    expect(isOverdue(appeal, shanghai('2026-12-01T10:00:00'))).toBe(false)
    expect(sweepDueAt(appeal)).toBe(endOf('2026-12-08'))
  })
})

describe('escalation', () => {
  const now = shanghai('2026-11-25T10:00:00')

  it('lets the owner lift a hard case at once, with the reason', () => {
    const { appeal, event } = applyAction(inProgress(), { type: 'escalate', reason: '涉及用地指标，需区里协调' }, owner, now, CTX)
    expect(appeal.level).toBe(1)
    expect(appeal.escalation).toMatchObject({ level: 1, cause: 'hard_case', reason: '涉及用地指标，需区里协调', by: owner.name })
    expect(event).toMatchObject({ type: 'escalate', data: { level: 1, cause: 'hard_case' } })
  })

  it('records an admin escalation as such, and stops at the city', () => {
    const { appeal } = applyAction(inProgress({ level: 1 }), { type: 'escalate', reason: '请市级协调' }, areaAdmin, now, CTX)
    expect(appeal.escalation).toMatchObject({ level: 2, cause: 'admin' })
    expect(() => applyAction(appeal, { type: 'escalate', reason: '再提' }, cityAdmin, now, CTX)).toThrow(ConflictError)
  })

  it('reopens an unsatisfied appeal one level up with a fresh resolution deadline', () => {
    const responded = makeAppeal({ status: 'responded', level: 0, resolveDays: 5, autoCloseAt: endOf('2026-12-03') })
    const { appeal } = applyAction(responded, { type: 'evaluate', rating: 'unsatisfied', comment: '还是没电' }, staff, shanghai('2026-11-25T10:00:00'), CTX)
    expect(appeal).toMatchObject({ status: 'in_progress', level: 1, escalation: { cause: 'reopen', level: 1 } })
    expect(appeal.dueAt).toBe(endOf('2026-12-02'))
    expect(appeal.autoCloseAt).toBeUndefined()
  })
})

describe('co-handling', () => {
  const now = shanghai('2026-11-24T10:00:00')

  it('gives each asked co-handler its own task and deadline', () => {
    const { appeal, event } = applyAction(
      inProgress(),
      { type: 'co-handle', handlers: [{ kind: 'department', id: 'water' }], days: 3, message: '请核实供水管径' },
      owner,
      now,
      CTX,
    )
    const water = appeal.coHandlers.find((c) => c.id === 'water')
    expect(water).toMatchObject({ name: '市水务集团', status: 'open', request: '请核实供水管径', dueAt: endOf('2026-11-27') })
    expect(event.message).toContain('市水务集团')
  })

  it('refuses an unknown co-handler and a second request to one still working', () => {
    const unknown = () => applyAction(inProgress(), { type: 'co-handle', handlers: [{ kind: 'department', id: 'nope' }], days: 3, message: '请协办' }, owner, now, CTX)
    expect(unknown).toThrow(expect.objectContaining({ fields: { 'handlers.0.id': '协办单位不存在' } }))
    const busy = inProgress({ coHandlers: [powerTask({ status: 'accepted' })] })
    expect(() => applyAction(busy, { type: 'co-handle', handlers: [{ kind: 'department', id: 'power' }], days: 2, message: '再请' }, owner, now, CTX)).toThrow(ConflictError)
  })

  it('asks a co-handler who already replied afresh', () => {
    const { appeal } = applyAction(inProgress(), { type: 'co-handle', handlers: [{ kind: 'department', id: 'power' }], days: 2, message: '请再核实' }, areaAdmin, now, CTX)
    expect(appeal.coHandlers).toHaveLength(1)
    expect(appeal.coHandlers[0]).toMatchObject({ status: 'open', request: '请再核实', dueAt: endOf('2026-11-26') })
    expect(appeal.coHandlers[0]!.reply).toBeUndefined()
  })

  it('keeps the owner from answering while a task is open unless they say why', () => {
    const open = inProgress({ coHandlers: [powerTask({ status: 'accepted' })] })
    const respond = { type: 'respond', outcome: 'resolved', message: '已接电' } as const
    expect(() => applyAction(open, respond, owner, now, CTX)).toThrow(expect.objectContaining({ fields: { openTaskReason: expect.stringContaining('说明') } }))
    expect(() => applyAction(open, { ...respond, openTaskReason: '   ' }, owner, now, CTX)).toThrow(ValidationError)
    const { event } = applyAction(open, { ...respond, openTaskReason: '企业急需，供电公司口头已确认' }, owner, now, CTX)
    expect(event.data).toMatchObject({ openTaskReason: '企业急需，供电公司口头已确认' })
  })

  it('starts the auto-close clock at the response: 7 working days', () => {
    const { appeal } = applyAction(inProgress(), { type: 'respond', outcome: 'resolved', message: '已接电' }, owner, shanghai('2026-09-29T15:00:00'), CTX)
    // 30 Sep, then National Day 1–7 Oct off (Sat 10 Oct worked): 30 Sep, 8, 9, 10, 12, 13, 14 Oct.
    expect(appeal.autoCloseAt).toBe(endOf('2026-10-14'))
  })
})

describe('the scheduled sweep', () => {
  const assigned = makeAppeal({ status: 'assigned', version: 2, firstResponseDueAt: endOf('2026-11-24'), dueAt: endOf('2026-11-30') })

  it('marks a missed first response once and lifts the appeal one level', () => {
    const now = shanghai('2026-11-25T08:00:00')
    expect(missedDeadline(assigned, now)).toBe('first_response')
    const first = sweepAppeal(assigned, now)!
    expect(first.appeal).toMatchObject({ level: 1, overdue: { kind: 'first_response', dueAt: endOf('2026-11-24') }, escalation: { cause: 'overdue', level: 1 } })
    expect(first.event).toMatchObject({ type: 'overdue', actor: { role: 'system' }, data: { kind: 'first_response', level: 1 } })
    expect(sweepAppeal(first.appeal, shanghai('2026-11-25T09:00:00'))).toBeNull()
    // Next it waits for the resolution deadline.
    expect(sweepDueAt(first.appeal)).toBe(endOf('2026-11-30'))
  })

  it('escalates again for a missed resolution, never above the city', () => {
    const marked = sweepAppeal(assigned, shanghai('2026-11-25T08:00:00'))!.appeal
    const late = sweepAppeal(marked, shanghai('2026-12-01T08:00:00'))!
    expect(late.appeal).toMatchObject({ level: 2, overdue: { kind: 'resolution' } })
    expect(sweepAppeal(late.appeal, shanghai('2026-12-02T08:00:00'))).toBeNull()
    const extended = { ...late.appeal, dueAt: endOf('2026-12-04') }
    const again = sweepAppeal(extended, shanghai('2026-12-07T08:00:00'))!
    expect(again.appeal.level).toBe(2)
    expect(again.event.message).toContain('已在市级督办')
  })

  it('does not bring back a missed first response after the resolution deadline is extended', () => {
    const missedBoth = sweepAppeal(assigned, shanghai('2026-12-01T08:00:00'))!.appeal
    expect(missedBoth).toMatchObject({ level: 1, overdue: { kind: 'resolution' } })
    const extended = applyAction(missedBoth, { type: 'extend', dueDate: '2026-12-10', reason: '等待批复' }, areaAdmin, shanghai('2026-12-01T09:00:00'), CTX).appeal
    expect(sweepDueAt(extended)).toBe(endOf('2026-12-10'))
    expect(sweepAppeal(extended, shanghai('2026-12-02T08:00:00'))).toBeNull()
    expect(sweepAppeal(extended, shanghai('2026-12-11T08:00:00'))!.appeal.level).toBe(2)
  })

  it('leaves alone an appeal on time, one waiting for material, and a closed one', () => {
    expect(sweepAppeal(assigned, shanghai('2026-11-24T20:00:00'))).toBeNull()
    expect(sweepAppeal(inProgress({ awaitingMaterial: { since: endOf('2026-11-20'), message: '图纸' } }), shanghai('2026-12-20T08:00:00'))).toBeNull()
    expect(sweepAppeal(makeAppeal({ status: 'closed' }), shanghai('2027-01-20T08:00:00'))).toBeNull()
  })

  it('closes a responded appeal nobody evaluated after 7 working days, as not evaluated', () => {
    const responded = makeAppeal({ status: 'responded', autoCloseAt: endOf('2026-12-03') })
    expect(sweepAppeal(responded, shanghai('2026-12-03T23:00:00'))).toBeNull()
    const closed = sweepAppeal(responded, shanghai('2026-12-04T00:10:00'))!
    expect(closed.appeal).toMatchObject({ status: 'closed', notEvaluated: true })
    expect(closed.appeal.evaluation).toBeUndefined()
    expect(closed.event).toMatchObject({ type: 'auto_close', from: 'responded', to: 'closed' })
  })

  it('calls an appeal due soon within two working days, counted over a weekend', () => {
    const dueMonday = inProgress({ dueAt: endOf('2026-11-30') })
    expect(isDueSoon(dueMonday, shanghai('2026-11-27T10:00:00'), CHINESE_CALENDAR)).toBe(true)
    expect(isDueSoon(dueMonday, shanghai('2026-11-25T10:00:00'), CHINESE_CALENDAR)).toBe(false)
  })
})
