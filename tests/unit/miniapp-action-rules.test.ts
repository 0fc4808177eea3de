import { describe, expect, it } from 'vitest'
import { isProvisionalWorkday, withProvisionalFallback, type WorkingCalendar } from '@shared/domain/calendar'
import {
  buildAction,
  emptyDraft,
  evaluationIntro,
  extendDateRange,
  extendIntro,
  invalidBanner,
  panelFieldErrors,
} from '../../miniapp/src/utils/action-form'
import { makeAppeal } from '../support/fixtures'
import { shanghai } from '../support/clock'

/*
 * The action sheet's plain logic for 延期 and 评价: the same shared rules as the server, checked
 * before sending, so that the sheet says what is wrong once, beside the field.
 */

/** Weekends and fixed-date holidays: dates that do not move when the holiday package learns a year. */
const CALENDAR: WorkingCalendar = withProvisionalFallback(() => false, isProvisionalWorkday)
/** Friday 4 December 2026, end of day. */
const FRIDAY_DUE = '2026-12-04T15:59:59.999Z'
const NOW = shanghai('2026-12-01T10:00:00')
const extension = { dueAt: FRIDAY_DUE, now: NOW, calendar: CALENDAR }

describe('延期: the date is checked with the shared rule before sending', () => {
  it('refuses 9999-12-31, a Saturday and a date before the deadline beside the date field', () => {
    const draft = { ...emptyDraft('extend'), message: '等待省厅批复' }
    expect(buildAction({ ...draft, dueDate: '9999-12-31' }, 2, { extension })).toEqual({
      ok: false,
      fields: { dueDate: '最晚可延至 2027年3月1日（原办理时限后 60 个工作日）' },
    })
    expect(buildAction({ ...draft, dueDate: '2026-12-05' }, 2, { extension })).toEqual({ ok: false, fields: { dueDate: '该日不是工作日' } })
    expect(buildAction({ ...draft, dueDate: '2026-12-04' }, 2, { extension })).toEqual({ ok: false, fields: { dueDate: '须晚于原办理时限 12月4日' } })
  })

  it('sends a working day in range', () => {
    expect(buildAction({ ...emptyDraft('extend'), dueDate: '2026-12-07', message: '等待省厅批复' }, 2, { extension })).toEqual({
      ok: true,
      action: { type: 'extend', expectedVersion: 2, dueDate: '2026-12-07', reason: '等待省厅批复' },
    })
  })
})

describe('延期: the date wheel offers only the allowed dates', () => {
  it('opens on the first working day after a Friday deadline, not on the Saturday, and ends 60 working days later', () => {
    expect(extendDateRange(extension)).toEqual({ start: '2026-12-07', end: '2027-03-01' })
  })

  it('never opens in the past on an overdue appeal: today, or the next working day', () => {
    const overdue = { ...extension, dueAt: '2026-11-20T15:59:59.999Z' }
    expect(extendDateRange({ ...overdue, now: shanghai('2026-12-01T10:00:00') })).toEqual({ start: '2026-12-01', end: '2027-02-15' })
    // Saturday 5 December: the first date offered is Monday the 7th.
    expect(extendDateRange({ ...overdue, now: shanghai('2026-12-05T10:00:00') })?.start).toBe('2026-12-07')
  })

  it('offers nothing once the deadline is more than 60 working days behind, and says so', () => {
    const long = { ...extension, dueAt: '2026-08-03T15:59:59.999Z' }
    expect(extendDateRange(long)).toBeNull()
    expect(extendIntro({ dueAt: long.dueAt }, long)).toBe('当前办理时限 8月3日。原办理时限已过去 60 个工作日以上，不能再延期。')
  })

  it('says the range in the sheet’s opening words', () => {
    expect(extendIntro({ dueAt: FRIDAY_DUE, extensionCount: 1 }, extension)).toBe(
      '当前办理时限 12月4日，已延期 1 次。可选 12月7日 至 2027年3月1日 之间的工作日（最多延至原时限后 60 个工作日），延期计入报表。',
    )
  })

  it('shows a refused date once, beside the field, without the same rule in a banner', () => {
    const fields = panelFieldErrors('extend', { dueDate: '该日不是工作日' })
    expect(fields).toEqual({ dueDate: '该日不是工作日' })
    expect(invalidBanner('extend', fields, '新的办结日期不可用：该日不是工作日', { extension })).toBeNull()
    // A field the sheet has no place for still reaches the person, in the banner.
    expect(invalidBanner('note', { internal: '企业用户不能发布内部备注' }, '企业用户不能发布内部备注')).toBe('企业用户不能发布内部备注')
    expect(invalidBanner('respond', { openTaskReason: '请说明' }, '协办单位尚未回复')).toBe('协办单位尚未回复')
    expect(invalidBanner('respond', { openTaskReason: '请说明' }, '协办单位尚未回复', { openTask: true })).toBeNull()
  })
})

describe('评价: 不满意 needs a reason', () => {
  it('asks for the reason under the text box before sending', () => {
    expect(buildAction({ ...emptyDraft('evaluate'), rating: 'unsatisfied' }, 4)).toEqual({ ok: false, fields: { message: '请填写不满意的原因' } })
    expect(buildAction({ ...emptyDraft('evaluate'), rating: 'unsatisfied', message: '没电' }, 4)).toEqual({ ok: false, fields: { message: '不满意的原因至少 4 个字' } })
    expect(buildAction({ ...emptyDraft('evaluate'), rating: 'unsatisfied', message: '电压仍不稳定' }, 4)).toEqual({
      ok: true,
      action: { type: 'evaluate', expectedVersion: 4, rating: 'unsatisfied', comment: '电压仍不稳定' },
    })
  })
})

describe('评价: the sheet says what 不满意 will do before it is sent', () => {
  it('reopens once, one level up', () => {
    expect(evaluationIntro(makeAppeal({ level: 0, reopenCount: 0 }), 'unsatisfied')).toBe(
      '选择「不满意」提交后，诉求将重新办理，并提级至属地督办。请写明哪些问题没有解决（至少 4 个字）。',
    )
    expect(evaluationIntro(makeAppeal({ level: 1, reopenCount: 0 }), 'unsatisfied')).toContain('并提级至市级督办')
    expect(evaluationIntro(makeAppeal({ level: 2, reopenCount: 0 }), 'unsatisfied')).toContain('重新办理，仍由市级督办')
  })

  it('after the one reopening, closes: and says so', () => {
    const reopened = makeAppeal({ level: 1, reopenCount: 1 })
    expect(evaluationIntro(reopened, 'unsatisfied')).toBe(
      '该诉求已重新办理过一次，本次评价提交后诉求即办结，不再重新办理。不满意评价将计入满意率统计和每周督办报告，请写明原因（至少 4 个字）。',
    )
    expect(evaluationIntro(reopened, null)).toBe('请选择满意程度。该诉求已重新办理过一次，本次评价提交后诉求即办结。')
  })

  it('tells before a rating is chosen what 不满意 would do, and that any other rating closes', () => {
    expect(evaluationIntro(makeAppeal(), null)).toBe('请选择满意程度。如选择「不满意」，诉求将重新办理，并提级至属地督办，须写明原因。')
    expect(evaluationIntro(makeAppeal(), 'satisfied')).toBe('提交评价后诉求即办结。')
  })
})
