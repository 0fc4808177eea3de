import { describe, expect, it } from 'vitest'
import { applyAction } from '@shared/domain/appeal-machine'
import { previousWorkday } from '@shared/domain/calendar'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { dueSoonAt, sweepDueAt } from '@shared/domain/deadlines'
import { sweepAppeal } from '@shared/domain/sweep'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { areaAdmin, makeAppeal, owner, staff } from '../support/fixtures'

const shanghai = (local: string) => new Date(`${local}+08:00`)
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString()
const nineOn = (date: string) => shanghai(`${date}T09:00:00`).toISOString()

// Due Monday 30 November 2026: the working day before is Friday 27.
const inProgress = (overrides: Partial<Appeal> = {}) => makeAppeal({ status: 'in_progress', version: 3, dueAt: endOf('2026-11-30'), ...overrides })

describe('the due-soon reminder (one working day before the resolution deadline)', () => {
  it('falls at 09:00 Shanghai on the working day before the deadline’s day, skipping weekends and holidays', () => {
    expect(dueSoonAt(inProgress(), CHINESE_CALENDAR)).toBe(nineOn('2026-11-27'))
    expect(previousWorkday('2026-11-30', CHINESE_CALENDAR.isWorkday)).toBe('2026-11-27')
    // National Day 2026: 1–7 October off, Saturday 10 October worked (调休) — from Thursday 8, the working day before is 30 September.
    expect(previousWorkday('2026-10-08', CHINESE_CALENDAR.isWorkday)).toBe('2026-09-30')
    expect(dueSoonAt(inProgress({ dueAt: endOf('2026-10-08') }), CHINESE_CALENDAR)).toBe(nineOn('2026-09-30'))
  })

  it('is none while the clock is stopped, paused, missed, or once reminded of this very deadline', () => {
    expect(dueSoonAt(inProgress({ status: 'responded' }), CHINESE_CALENDAR)).toBeNull()
    expect(dueSoonAt(inProgress({ awaitingMaterial: { since: endOf('2026-11-20'), message: '图纸' } }), CHINESE_CALENDAR)).toBeNull()
    expect(dueSoonAt(inProgress({ overdue: { kind: 'resolution', dueAt: endOf('2026-11-30'), at: endOf('2026-11-30') } }), CHINESE_CALENDAR)).toBeNull()
    expect(dueSoonAt(inProgress({ dueSoonNotifiedFor: endOf('2026-11-30') }), CHINESE_CALENDAR)).toBeNull()
    // Reminded of an earlier deadline, then extended: the new one gets its own reminder.
    expect(dueSoonAt(inProgress({ dueSoonNotifiedFor: endOf('2026-11-25') }), CHINESE_CALENDAR)).toBe(nineOn('2026-11-27'))
  })

  it('brings the sweep’s index time forward to the reminder, only when given the calendar', () => {
    expect(sweepDueAt(inProgress())).toBe(endOf('2026-11-30'))
    expect(sweepDueAt(inProgress(), CHINESE_CALENDAR)).toBe(nineOn('2026-11-27'))
    // Not yet accepted: the first response comes first.
    const assigned = makeAppeal({ firstResponseDueAt: endOf('2026-11-24'), dueAt: endOf('2026-11-30') })
    expect(sweepDueAt(assigned, CHINESE_CALENDAR)).toBe(endOf('2026-11-24'))
    expect(sweepDueAt(inProgress({ dueSoonNotifiedFor: endOf('2026-11-30') }), CHINESE_CALENDAR)).toBe(endOf('2026-11-30'))
  })

  it('is sent by the sweep once per deadline: not before its time, once at it, again after an extension', () => {
    const appeal = inProgress()
    expect(sweepAppeal(appeal, shanghai('2026-11-27T08:59:00'), CHINESE_CALENDAR)).toBeNull()
    const reminded = sweepAppeal(appeal, shanghai('2026-11-27T09:00:00'), CHINESE_CALENDAR)!
    expect(reminded.appeal).toMatchObject({ version: 4, dueSoonNotifiedFor: endOf('2026-11-30'), level: 0 })
    expect(reminded.event).toMatchObject({ type: 'due_soon', internal: true, from: 'in_progress', to: 'in_progress', message: '办理时限为11月30日，已提醒办理人抓紧办理' })
    expect(sweepAppeal(reminded.appeal, shanghai('2026-11-27T15:00:00'), CHINESE_CALENDAR)).toBeNull()
    expect(sweepDueAt(reminded.appeal, CHINESE_CALENDAR)).toBe(endOf('2026-11-30'))

    const extended = applyAction(reminded.appeal, { type: 'extend', dueDate: '2026-12-04', reason: '需协调线路走廊' }, areaAdmin, shanghai('2026-11-27T16:00:00'), { calendar: CHINESE_CALENDAR }).appeal
    expect(sweepDueAt(extended, CHINESE_CALENDAR)).toBe(nineOn('2026-12-03'))
    expect(sweepAppeal(extended, shanghai('2026-12-03T10:00:00'), CHINESE_CALENDAR)!.event.type).toBe('due_soon')
  })

  it('gives way to an overdue mark, and still comes after a first response already marked late', () => {
    const late = inProgress()
    expect(sweepAppeal(late, shanghai('2026-12-01T10:00:00'), CHINESE_CALENDAR)!.event.type).toBe('overdue')
    // Assigned, first response missed and marked: the resolution deadline still gets its reminder.
    const marked = makeAppeal({ firstResponseDueAt: endOf('2026-11-24'), dueAt: endOf('2026-11-30'), level: 1, overdue: { kind: 'first_response', dueAt: endOf('2026-11-24'), at: endOf('2026-11-24') } })
    expect(sweepDueAt(marked, CHINESE_CALENDAR)).toBe(nineOn('2026-11-27'))
    expect(sweepAppeal(marked, shanghai('2026-11-27T10:00:00'), CHINESE_CALENDAR)!.event.type).toBe('due_soon')
  })

  it('is not sent for a deadline that is not running', () => {
    const accepted = applyAction(makeAppeal(), { type: 'accept' }, owner, shanghai('2026-11-23T11:00:00'), { calendar: CHINESE_CALENDAR }).appeal
    const waiting = applyAction(accepted, { type: 'request-material', message: '用电负荷表' }, owner, shanghai('2026-11-23T12:00:00'), { calendar: CHINESE_CALENDAR }).appeal
    expect(sweepAppeal(waiting, shanghai('2026-11-27T10:00:00'), CHINESE_CALENDAR)).toBeNull()
    const resumed = applyAction(waiting, { type: 'supply-material', message: '已上传' }, staff, shanghai('2026-11-26T10:00:00'), { calendar: CHINESE_CALENDAR }).appeal
    // Three working days waited move the deadline to Thursday 3 December: reminded on Wednesday.
    expect(resumed.dueAt).toBe(endOf('2026-12-03'))
    expect(sweepDueAt(resumed, CHINESE_CALENDAR)).toBe(nineOn('2026-12-02'))
  })
})
