import { describe, expect, it } from 'vitest'
import { ForbiddenError } from '@shared/errors'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { listCalendarYears, loadPublishedYear } from '../../functions/calendar/calendar.use-case'
import { areaAdmin, cityAdmin, owner, staff } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

const request = { enterpriseId: 'en-0001', categoryId: 'power', title: '年底用电', description: '年底新产线调试，需要临时增容' }
/** An imagined 2027 schedule that also rests Monday 4 January, so that a deadline moves. */
const y2027 = { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'], workdays: [] }

describe('loading a year’s published schedule', () => {
  it('recounts the provisional deadlines of open appeals once, with a timeline entry, and files later ones firmly', async () => {
    const { appeal } = await submitAppeal(staff, 'calendar-0001', request, new Date('2026-12-28T02:00:00Z'))
    expect(appeal).toMatchObject({ deadlineProvisional: true, dueAt: '2027-01-05T15:59:59.999Z' })
    expect((await listCalendarYears(new Date('2026-11-23T02:00:00Z'))).map((y) => [y.year, y.source])).toEqual([
      [2025, 'package'],
      [2026, 'package'],
      [2027, 'provisional'],
      [2028, 'provisional'],
    ])

    await expect(loadPublishedYear(areaAdmin, y2027, clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    const result = await loadPublishedYear(cityAdmin, y2027, new Date('2026-12-30T02:00:00Z'))
    expect(result).toMatchObject({ recounted: 1, moved: 1, year: { year: 2027, source: 'override', loadedBy: '万明建' } })

    const detail = await getAppealDetail(owner, appeal.id)
    expect(detail.appeal.dueAt).toBe('2027-01-06T15:59:59.999Z')
    expect(detail.appeal.deadlineProvisional).toBeUndefined()
    expect(detail.events.at(-1)).toMatchObject({ type: 'recount_deadline', message: '2027 年节假日安排已公布，办理时限由 1月5日 调整为 1月6日' })

    // Loading it again finds nothing provisional left.
    expect(await loadPublishedYear(cityAdmin, y2027, clock.tick())).toMatchObject({ recounted: 0, moved: 0 })
    // Filed after the load, the same day counts on the published year.
    const later = await submitAppeal(staff, 'calendar-0002', request, new Date('2026-12-28T02:00:00Z'))
    expect(later.appeal).toMatchObject({ dueAt: '2027-01-06T15:59:59.999Z' })
    expect(later.appeal.deadlineProvisional).toBeUndefined()
    expect((await listCalendarYears(new Date('2026-11-23T02:00:00Z'))).find((y) => y.year === 2027)?.source).toBe('override')
  })
})
