import { describe, expect, it } from 'vitest'
import { recountDeadlines } from '@shared/domain/appeal-admin'
import { shanghaiDate, withPublishedYears, workingDaysBetween, workingDeadline } from '@shared/domain/calendar'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { yearScheduleSchema } from '@shared/schemas/calendar.schema'
import { makeAppeal } from '../support/fixtures'

/** An imagined 2027 schedule: 1–3 January off, and (to move a deadline) Monday 4 January too. */
const y2027 = { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'], workdays: ['2027-01-09'] }
const published = withPublishedYears([y2027], CHINESE_CALENDAR)
const now = new Date('2026-12-30T02:00:00Z')

describe('a published year', () => {
  it('takes precedence: its holidays rest, its 调休 Saturdays work, its other days follow the weekdays', () => {
    expect(published.isWorkday('2027-01-04')).toBe(false)
    expect(published.isWorkday('2027-01-09')).toBe(true) // a Saturday worked
    expect(published.isWorkday('2027-01-05')).toBe(true)
    expect(published.isProvisional('2027-01-05')).toBe(false)
    expect(published.isProvisional('2028-01-05')).toBe(true)
    expect(published.isWorkday('2026-02-14')).toBe(CHINESE_CALENDAR.isWorkday('2026-02-14'))
  })

  it('recounts a deadline by the same number of working days from the same start', () => {
    const start = new Date('2026-12-28T02:00:00Z')
    const provisional = workingDeadline(start, 5, CHINESE_CALENDAR)
    expect(workingDaysBetween(start, provisional.dueAt, CHINESE_CALENDAR.isWorkday)).toBe(5)
    expect(shanghaiDate(workingDeadline(start, 5, published).dueAt)).toBe('2027-01-06')
  })
})

describe('recounting an appeal’s deadlines', () => {
  const provisionalAppeal = makeAppeal({
    status: 'in_progress',
    createdAt: '2026-12-28T02:00:00.000Z',
    firstResponseDueAt: '2026-12-29T15:59:59.999Z',
    dueAt: '2027-01-05T15:59:59.999Z',
    deadlineProvisional: true,
  })

  it('moves the deadline the published year moves, clears 暂定 and says so on the timeline', () => {
    const recount = recountDeadlines(provisionalAppeal, CHINESE_CALENDAR, published, 2027, now)!
    expect(recount.appeal).toMatchObject({ dueAt: '2027-01-06T15:59:59.999Z', firstResponseDueAt: '2026-12-29T15:59:59.999Z', version: provisionalAppeal.version + 1 })
    expect(recount.appeal.deadlineProvisional).toBeUndefined()
    expect(recount.event).toMatchObject({ type: 'recount_deadline', actor: { id: 'system' }, data: { year: 2027 } })
    expect(recount.event.message).toBe('2027 年节假日安排已公布，办理时限由 1月5日 调整为 1月6日')
  })

  it('confirms an unmoved deadline and leaves closed or firm appeals alone', () => {
    const same = withPublishedYears([{ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] }], CHINESE_CALENDAR)
    expect(recountDeadlines(provisionalAppeal, CHINESE_CALENDAR, same, 2027, now)?.event.message).toContain('1月5日 不变')
    expect(recountDeadlines({ ...provisionalAppeal, status: 'closed' }, CHINESE_CALENDAR, published, 2027, now)).toBeNull()
    expect(recountDeadlines({ ...provisionalAppeal, deadlineProvisional: undefined }, CHINESE_CALENDAR, published, 2027, now)).toBeNull()
  })

  it('leaves alone an appeal whose deadlines never reach the year loaded: nothing to say on its timeline', () => {
    // Filed on the Friday before the 2027 Spring Festival, provisional, due in February 2027.
    const spring = makeAppeal({ status: 'in_progress', createdAt: '2027-02-05T02:00:00.000Z', firstResponseDueAt: '2027-02-08T15:59:59.999Z', dueAt: '2027-02-12T15:59:59.999Z', deadlineProvisional: true })
    const y2031 = withPublishedYears([{ year: 2031, holidays: ['2031-01-01'], workdays: [] }], CHINESE_CALENDAR)
    const y2026 = withPublishedYears([{ year: 2026, holidays: ['2026-01-01'], workdays: [] }], CHINESE_CALENDAR)
    expect(recountDeadlines(spring, CHINESE_CALENDAR, y2031, 2031, new Date('2027-02-05T03:00:00Z'))).toBeNull()
    expect(recountDeadlines(spring, CHINESE_CALENDAR, y2026, 2026, new Date('2027-02-05T03:00:00Z'))).toBeNull()
    // An appeal filed late in December and due in January is recounted for either year.
    expect(recountDeadlines(provisionalAppeal, CHINESE_CALENDAR, published, 2027, now)).not.toBeNull()
  })
})

describe('a schedule as the city admin loads it', () => {
  it('accepts the published form and names each wrong date in Chinese', () => {
    expect(yearScheduleSchema.safeParse(y2027).success).toBe(true)
    const result = yearScheduleSchema.safeParse({ year: 2027, holidays: ['2027-02-06', '2026-12-31', '2027-02-06'], workdays: ['2027-02-08', '2027-02-06', '2027-13-01'] })
    expect(result.success).toBe(false)
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        'holidays.1: 2026-12-31 不在 2027 年内',
        'holidays: 放假日期有重复',
        'workdays.0: 2027-02-08 不是周末，无需调休上班',
        'workdays.1: 2027-02-06 同时被填为放假和上班',
        'workdays.2: 日期格式应为 YYYY-MM-DD',
      ]),
    )
  })
})
