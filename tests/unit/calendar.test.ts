import { describe, expect, it } from 'vitest'
import { addWorkingDays, endOfShanghaiDay, isProvisionalWorkday, shanghaiDate, withProvisionalFallback, workingDeadline } from '@shared/domain/calendar'
import { CHINESE_CALENDAR, isChineseWorkday, packageKnowsYear } from '@shared/domain/chinese-calendar'

const at = (iso: string) => new Date(iso)
const due = (startIso: string, days: number) => shanghaiDate(addWorkingDays(at(startIso), days, isChineseWorkday))

describe('working-day deadlines (Asia/Shanghai)', () => {
  it('uses the Shanghai date, not the UTC date', () => {
    // 2026-11-23 19:13 UTC is already Tuesday 24 November 03:13 in Shanghai.
    expect(shanghaiDate(at('2026-11-23T19:13:00Z'))).toBe('2026-11-24')
    expect(endOfShanghaiDay('2026-11-25').toISOString()).toBe('2026-11-25T15:59:59.999Z')
  })

  it('counts from the day after submission and skips weekends', () => {
    expect(due('2026-11-20T02:00:00Z', 1)).toBe('2026-11-23') // Friday → Monday
    expect(due('2026-11-23T02:00:00Z', 5)).toBe('2026-11-30') // Monday + 5 → next Monday
  })

  it('skips the 2026 Spring Festival and counts its make-up Saturdays', () => {
    // Holiday 15–23 February 2026; Saturday 14 and Saturday 28 February are working days.
    expect(isChineseWorkday('2026-02-14')).toBe(true)
    expect(isChineseWorkday('2026-02-16')).toBe(false)
    expect(isChineseWorkday('2026-02-28')).toBe(true)
    expect(due('2026-02-13T02:00:00Z', 1)).toBe('2026-02-14') // Friday → make-up Saturday
    expect(due('2026-02-13T02:00:00Z', 2)).toBe('2026-02-24') // then straight past the holiday
  })

  it('skips National Day 2026', () => {
    // Filed on the last working day before the holiday (Wednesday 30 September).
    expect(due('2026-09-30T02:00:00Z', 1)).toBe('2026-10-08')
  })

  it('rejects a non-positive number of days', () => {
    expect(() => addWorkingDays(at('2026-11-23T02:00:00Z'), 0, isChineseWorkday)).toThrow(RangeError)
  })

  it('fails loudly on a calendar without working days', () => {
    expect(() => addWorkingDays(at('2026-11-23T02:00:00Z'), 1, () => false)).toThrow(/no working day/)
  })
})

describe('years without a published schedule', () => {
  const deadline = (startIso: string, days: number) => {
    const d = workingDeadline(at(startIso), days, CHINESE_CALENDAR)
    return { due: shanghaiDate(d.dueAt), provisional: d.provisional }
  }

  it('knows 2026 from the data package and not yet 2027', () => {
    expect(packageKnowsYear(2026)).toBe(true)
    expect(packageKnowsYear(2027)).toBe(false)
    expect(CHINESE_CALENDAR.isProvisional('2026-12-31')).toBe(false)
    expect(CHINESE_CALENDAR.isProvisional('2027-01-04')).toBe(true)
  })

  it('rests weekends and the fixed-date holidays of a provisional year', () => {
    expect(isProvisionalWorkday('2027-01-01')).toBe(false) // New Year's Day, a Friday
    expect(isProvisionalWorkday('2027-01-02')).toBe(false) // Saturday
    expect(isProvisionalWorkday('2027-01-04')).toBe(true) // Monday
    expect(isProvisionalWorkday('2027-05-03')).toBe(true) // Labour Day is 1–2 May
    expect(isProvisionalWorkday('2027-10-01')).toBe(false)
    expect(isProvisionalWorkday('2027-10-04')).toBe(true)
  })

  it('marks a deadline that crosses into 2027 as provisional, and one within 2026 as firm', () => {
    // Filed Monday 28 December 2026: 29, 30, 31 Dec count; 1 Jan 2027 is a fixed holiday; then 4, 5 Jan.
    expect(deadline('2026-12-28T02:00:00Z', 5)).toEqual({ due: '2027-01-05', provisional: true })
    expect(deadline('2026-12-21T02:00:00Z', 5)).toEqual({ due: '2026-12-28', provisional: false })
  })

  it('counts the submission day out whatever the hour, also late at night or on a Sunday', () => {
    // 23:30 on Friday 20 November in Shanghai (15:30 UTC): Monday is still the first working day.
    expect(deadline('2026-11-20T15:30:00Z', 1)).toEqual({ due: '2026-11-23', provisional: false })
    // Filed on Sunday 22 November: Monday counts as the first working day.
    expect(deadline('2026-11-22T04:00:00Z', 1)).toEqual({ due: '2026-11-23', provisional: false })
  })

  it('uses the published schedule where there is one, whatever the provisional rule would say', () => {
    const calendar = withProvisionalFallback((year) => year === 2026, isChineseWorkday)
    // Saturday 14 February 2026 is a make-up working day; the provisional rule would rest it.
    expect(calendar.isWorkday('2026-02-14')).toBe(true)
    expect(isProvisionalWorkday('2026-02-14')).toBe(false)
    expect(calendar.isWorkday('2027-02-08')).toBe(true)
    expect(calendar.isProvisional('2027-02-08')).toBe(true)
  })
})
