import { describe, expect, it } from 'vitest'
import { applyAction, type ActionContext } from '@shared/domain/appeal-machine'
import { isProvisionalWorkday, withProvisionalFallback, type WorkingCalendar } from '@shared/domain/calendar'
import { ValidationError } from '@shared/errors'
import { EXTENSION_CLOSED, extensionDateProblem, extensionWindow } from '@shared/domain/extension'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { areaAdmin, makeAppeal } from '../support/fixtures'
import { shanghai } from '../support/clock'

/*
 * An extension moves the resolution deadline to a working day after the current one, not in the
 * past, and at most 60 working days further. The calendar here is the provisional rule (weekends
 * and the fixed-date holidays), so that the dates below do not move when the holiday package
 * learns a new year.
 */
const CALENDAR: WorkingCalendar = withProvisionalFallback(() => false, isProvisionalWorkday)
const CTX: ActionContext = { calendar: CALENDAR }
/** Monday 30 November 2026, end of day: the current resolution deadline. */
const DUE = '2026-11-30T15:59:59.999Z'
const TUESDAY = shanghai('2026-11-24T10:00:00')

const inProgress = (overrides: Partial<Appeal> = {}) => makeAppeal({ status: 'in_progress', version: 3, dueAt: DUE, ...overrides })
const extend = (dueDate: string, now = TUESDAY, appeal = inProgress()) =>
  applyAction(appeal, { type: 'extend', dueDate, reason: '需等待上级批复' }, areaAdmin, now, CTX)

function dueDateError(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.dueDate
    throw error
  }
  return undefined
}

describe('extending a deadline (state machine)', () => {
  it('refuses 9999-12-31 with a Chinese message on dueDate', () => {
    expect(() => extend('9999-12-31')).toThrow(ValidationError)
    expect(dueDateError(() => extend('9999-12-31'))).toBe('最晚可延至 2027年2月23日（原办理时限后 60 个工作日）')
  })

  it('accepts up to the 60th working day after the current deadline, and not one day more', () => {
    // 60 working days after Monday 30 November: Tuesday 23 February 2027 (1 January off).
    expect(extend('2027-02-23').appeal.dueAt).toBe('2027-02-23T15:59:59.999Z')
    expect(dueDateError(() => extend('2027-02-24'))).toBe('最晚可延至 2027年2月23日（原办理时限后 60 个工作日）')
  })

  it('refuses a date in the past, even one after an overdue deadline', () => {
    // Due Friday 20 November, extended on Wednesday 25 November.
    const overdue = inProgress({ dueAt: '2026-11-20T15:59:59.999Z' })
    const wednesday = shanghai('2026-11-25T10:00:00')
    expect(dueDateError(() => extend('2026-11-23', wednesday, overdue))).toBe('不能早于今天（11月25日）')
    expect(extend('2026-11-25', wednesday, overdue).appeal.dueAt).toBe('2026-11-25T15:59:59.999Z')
  })

  it('refuses a day off, and a date not after the current deadline', () => {
    expect(dueDateError(() => extend('2026-12-05'))).toBe('该日不是工作日')
    expect(dueDateError(() => extend('2026-11-30'))).toBe('须晚于原办理时限 11月30日')
    expect(dueDateError(() => extend('2026-11-27'))).toBe('须晚于原办理时限 11月30日')
  })

  it('changes nothing when it refuses', () => {
    const appeal = inProgress()
    expect(() => extend('9999-12-31', TUESDAY, appeal)).toThrow(ValidationError)
    expect(appeal).toMatchObject({ dueAt: DUE, version: 3 })
    expect(appeal.extensionCount).toBeUndefined()
  })
})

describe('the extension rule (one function for the server and the mini-program)', () => {
  it('the window runs from the first working day after the deadline to the 60th', () => {
    expect(extensionWindow(DUE, TUESDAY, CALENDAR)).toEqual({ first: '2026-12-01', last: '2027-02-23' })
    // A Friday deadline: the window opens on Monday, not on the Saturday.
    expect(extensionWindow('2026-12-04T15:59:59.999Z', TUESDAY, CALENDAR)).toEqual({ first: '2026-12-07', last: '2027-03-01' })
  })

  it('opens today, or the next working day, when the deadline is already past', () => {
    const overdue = '2026-11-20T15:59:59.999Z'
    expect(extensionWindow(overdue, shanghai('2026-11-25T23:30:00'), CALENDAR)?.first).toBe('2026-11-25')
    expect(extensionWindow(overdue, shanghai('2026-11-28T09:00:00'), CALENDAR)?.first).toBe('2026-11-30')
  })

  it('is empty when the deadline lies more than 60 working days behind', () => {
    const longAgo = '2026-08-03T15:59:59.999Z'
    expect(extensionWindow(longAgo, TUESDAY, CALENDAR)).toBeNull()
    expect(extensionDateProblem('2026-11-25', longAgo, TUESDAY, CALENDAR)).toBe(EXTENSION_CLOSED)
  })

  it('every date of the window that is a working day is valid, and no other', () => {
    const window = extensionWindow(DUE, TUESDAY, CALENDAR)!
    for (let t = Date.parse('2026-11-20T00:00:00Z'); t <= Date.parse('2027-03-10T00:00:00Z'); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10)
      const inWindow = date >= window.first && date <= window.last && CALENDAR.isWorkday(date)
      expect(extensionDateProblem(date, DUE, TUESDAY, CALENDAR) === null, date).toBe(inWindow)
    }
  })

  it('refuses what is not a date', () => {
    expect(extensionDateProblem('', DUE, TUESDAY, CALENDAR)).toBe('请选择新的办结日期')
    expect(extensionDateProblem('2026-12-1', DUE, TUESDAY, CALENDAR)).toBe('请选择新的办结日期')
  })
})

