import { describe, expect, it } from 'vitest'
import { addWorkingDays, endOfShanghaiDay, shanghaiDate } from '@shared/domain/calendar'
import { isChineseWorkday } from '@shared/domain/chinese-calendar'

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
