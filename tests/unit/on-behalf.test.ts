import { describe, expect, it } from 'vitest'
import { applyAction, type ActionContext } from '@shared/domain/appeal-machine'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { appealNotices } from '@shared/domain/notifications'
import { measureDueProblem, onBehalfFacts } from '@shared/domain/on-behalf'
import { newAppeal } from '@shared/domain/new-appeal'
import { mayFileOnBehalf, mayWorkForEnterprises } from '@shared/domain/policy'
import { ConflictError, ForbiddenError } from '@shared/errors'
import { submitAppealRequestSchema } from '@shared/schemas/appeal.schema'
import { areaAdmin, cityAdmin, makeAppeal, otherAreaAdmin, otherSpecialist, owner, powerCategory, powerHandler, staff } from '../support/fixtures'

const NOW = new Date('2026-11-24T03:00:00.000Z')
const CTX: ActionContext = { calendar: CHINESE_CALENDAR }
const EN = { id: 'en-0001', areaId: 'xt-hitech', specialistId: 'sp-007' }
const VISIT = { id: 'vi-01', enterpriseId: 'en-0001', visitedAt: '2026-11-23T02:00:00.000Z' }
const EVENT = { id: 'ev-01', areaId: 'xt-hitech', title: '高新区政企交流主题日', date: '2026-11-23' }

describe('专员代提: who files on behalf', () => {
  it('is the enterprise’s specialist, its area’s admin and the city admin', () => {
    expect([owner, areaAdmin, cityAdmin].map((s) => mayFileOnBehalf(s, EN))).toEqual([true, true, true])
    expect([otherSpecialist, otherAreaAdmin, powerHandler, staff].map((s) => mayFileOnBehalf(s, EN))).toEqual([false, false, false, false])
  })

  it('is never the enterprise’s staff or a department', () => {
    expect(mayWorkForEnterprises(staff)).toBe(false)
    expect(mayWorkForEnterprises(powerHandler)).toBe(false)
    expect(mayWorkForEnterprises(otherSpecialist)).toBe(true)
  })
})

describe('the request', () => {
  const base = { enterpriseId: 'en-0001', categoryId: 'power', title: '线路容量不足', description: '新厂房线路容量不足，影响投产' }

  it('takes a phone, visit or event channel, and a measure only at an event', () => {
    expect(submitAppealRequestSchema.safeParse({ ...base, onBehalf: { channel: 'phone' } }).success).toBe(true)
    expect(submitAppealRequestSchema.safeParse({ ...base, onBehalf: { channel: 'visit', visitId: 'vi-01' } }).success).toBe(true)
    const measure = { text: '供电公司现场勘察', unit: '国网湘潭供电公司', dueDate: '2026-12-10' }
    expect(submitAppealRequestSchema.safeParse({ ...base, onBehalf: { channel: 'event', eventId: 'ev-01', measure } }).success).toBe(true)
    expect(submitAppealRequestSchema.safeParse({ ...base, onBehalf: { channel: 'visit', visitId: 'vi-01', measure } }).success).toBe(false)
  })

  it('refuses an unknown channel and a missing visit with field messages in Chinese', () => {
    const miniapp = submitAppealRequestSchema.safeParse({ ...base, onBehalf: { channel: 'miniapp' } })
    expect(miniapp.success).toBe(false)
    expect(miniapp.error?.issues[0]?.message).toMatch(/代提渠道/)
    const noVisit = submitAppealRequestSchema.safeParse({ ...base, onBehalf: { channel: 'visit' } })
    expect(noVisit.error?.issues[0]).toMatchObject({ path: ['onBehalf', 'visitId'], message: '请选择走访记录' })
    const badDate = submitAppealRequestSchema.safeParse({ ...base, onBehalf: { channel: 'event', eventId: 'ev-01', measure: { text: '勘察', unit: '供电公司', dueDate: '2026-02-30' } } })
    expect(badDate.error?.issues[0]).toMatchObject({ path: ['onBehalf', 'measure', 'dueDate'], message: '日期不存在' })
  })
})

describe('onBehalfFacts', () => {
  it('labels a visit by its date and an event by its title', () => {
    expect(onBehalfFacts({ channel: 'visit', visitId: 'vi-01' }, { kind: 'visit', visit: VISIT }, EN)).toEqual({
      ok: true,
      facts: { channel: 'visit', source: { kind: 'visit', id: 'vi-01', label: '11月23日走访' } },
    })
    expect(onBehalfFacts({ channel: 'event', eventId: 'ev-01' }, { kind: 'event', event: EVENT }, EN)).toMatchObject({
      ok: true,
      facts: { channel: 'event', source: { kind: 'event', id: 'ev-01', label: '高新区政企交流主题日（2026-11-23）' } },
    })
  })

  it('refuses a missing visit, another enterprise’s visit, and an event of another area', () => {
    expect(onBehalfFacts({ channel: 'visit', visitId: 'vi-02' }, { kind: 'visit', visit: undefined }, EN)).toEqual({ ok: false, field: 'onBehalf.visitId', message: '走访记录不存在' })
    expect(onBehalfFacts({ channel: 'visit', visitId: 'vi-01' }, { kind: 'visit', visit: { ...VISIT, enterpriseId: 'en-0002' } }, EN)).toMatchObject({ ok: false, field: 'onBehalf.visitId' })
    expect(onBehalfFacts({ channel: 'event', eventId: 'ev-01' }, { kind: 'event', event: { ...EVENT, areaId: 'yuhu' } }, EN)).toMatchObject({ ok: false, field: 'onBehalf.eventId' })
    // A city-level event takes every area's enterprises.
    expect(onBehalfFacts({ channel: 'event', eventId: 'ev-01' }, { kind: 'event', event: { ...EVENT, areaId: null } }, EN)).toMatchObject({ ok: true })
  })

  it('refuses a measure due before today (Shanghai)', () => {
    expect(measureDueProblem({ dueDate: '2026-11-23' }, NOW)).toBe('完成时限不能早于今天')
    expect(measureDueProblem({ dueDate: '2026-11-24' }, NOW)).toBeNull()
  })
})

describe('an appeal filed on behalf', () => {
  const filed = (hasStaff: boolean) =>
    newAppeal(
      { enterpriseId: 'en-0001', categoryId: 'power', title: '线路容量不足', description: '新厂房线路容量不足，影响投产' },
      {
        id: 'ap-x',
        number: 'XT-20261124-0001',
        now: NOW,
        actor: owner,
        enterprise: { id: 'en-0001', name: '湖南锦程汽车零部件有限公司', creditCode: '', areaId: 'xt-hitech', scale: 'above', industry: 'manufacturing', specialistId: 'sp-007' } as never,
        owner: { id: 'sp-007', name: '徐慧萍' },
        category: powerCategory,
        departments: [],
        taskForces: [],
        calendar: CHINESE_CALENDAR,
        onBehalf: { channel: 'event', source: { kind: 'event', id: 'ev-01', label: '交流日' }, measure: { text: '现场勘察', unit: '供电公司', dueDate: '2026-12-01' }, hasStaff },
      },
    )

  it('keeps channel, source and the measure with who agreed it', () => {
    const { appeal, event } = filed(true)
    expect(appeal).toMatchObject({ channel: 'event', source: { kind: 'event', id: 'ev-01' }, measure: { text: '现场勘察', by: { id: 'sp-007' }, at: NOW.toISOString() } })
    expect(appeal.evaluatedByCall).toBeUndefined()
    expect(event.message).toContain('徐慧萍代企业提交（交流活动：交流日）')
  })

  it('is evaluated by a return call when the enterprise has nobody in the app', () => {
    expect(filed(false).appeal.evaluatedByCall).toBe(true)
  })

  it('tells the enterprise’s approved staff, and their progress notices go to them too', () => {
    const { appeal, event } = filed(true)
    const notices = appealNotices({ before: null, after: appeal, event })
    expect(notices.find((n) => n.kind === 'filed_on_behalf')).toMatchObject({ target: { to: 'enterpriseStaff', enterpriseId: 'en-0001' }, facts: { phrase: '专员代提' } })
    const accepted = applyAction({ ...appeal, status: 'assigned' }, { type: 'accept' }, owner, NOW, CTX)
    expect(appealNotices({ before: appeal, after: accepted.appeal, event: accepted.event }).map((n) => n.target)).toContainEqual({ to: 'enterpriseStaff', enterpriseId: 'en-0001' })
  })
})

describe('call-evaluate, set-measure and reopen', () => {
  it('lets an official record a call’s evaluation only where the enterprise has nobody in the app', () => {
    const responded = makeAppeal({ status: 'responded', evaluatedByCall: true })
    const { appeal, event } = applyAction(responded, { type: 'call-evaluate', rating: 'satisfied', comment: '电话回访：满意' }, owner, NOW, CTX)
    expect(appeal).toMatchObject({ status: 'closed', evaluation: { rating: 'satisfied', byCall: true } })
    expect(event.type).toBe('call_evaluate')
    expect(() => applyAction(makeAppeal({ status: 'responded' }), { type: 'call-evaluate', rating: 'satisfied', comment: '' }, owner, NOW, CTX)).toThrow(ConflictError)
    expect(() => applyAction(responded, { type: 'call-evaluate', rating: 'satisfied', comment: '' }, staff, NOW, CTX)).toThrow(ForbiddenError)
  })

  it('reopens on an unsatisfied call like an unsatisfied evaluation', () => {
    const { appeal, event } = applyAction(makeAppeal({ status: 'responded', evaluatedByCall: true }), { type: 'call-evaluate', rating: 'unsatisfied', comment: '线路仍未接通' }, owner, NOW, CTX)
    expect(appeal).toMatchObject({ status: 'in_progress', level: 1, reopenCount: 1 })
    expect(event.type).toBe('reopen')
  })

  it('sets a measure with its unit and date, refusing a date already past', () => {
    const { appeal } = applyAction(makeAppeal({ status: 'in_progress' }), { type: 'set-measure', measure: { text: '改造线路', unit: '供电公司', dueDate: '2026-12-20' } }, areaAdmin, NOW, CTX)
    expect(appeal.measure).toMatchObject({ text: '改造线路', unit: '供电公司', dueDate: '2026-12-20', by: { id: 'ad-xt-hitech' } })
    expect(() => applyAction(makeAppeal({ status: 'in_progress' }), { type: 'set-measure', measure: { text: '改造线路', unit: '供电公司', dueDate: '2026-11-01' } }, owner, NOW, CTX)).toThrow(/完成时限/)
  })

  it('lets the office reopen a closed appeal once, one level up, with a fresh deadline', () => {
    const closed = makeAppeal({ status: 'closed', closedAt: NOW.toISOString(), notEvaluated: true, evaluation: undefined })
    const { appeal, event } = applyAction(closed, { type: 'reopen', reason: '回访时企业表示未解决' }, cityAdmin, NOW, CTX)
    expect(appeal).toMatchObject({ status: 'in_progress', level: 1, reopenCount: 1, escalation: { cause: 'reopen' } })
    expect(appeal.closedAt).toBeUndefined()
    expect(appeal.notEvaluated).toBeUndefined()
    expect(Date.parse(appeal.dueAt)).toBeGreaterThan(NOW.getTime())
    expect(event.type).toBe('office_reopen')
    expect(() => applyAction({ ...closed, reopenCount: 1 }, { type: 'reopen', reason: '再次重新办理' }, cityAdmin, NOW, CTX)).toThrow(/只能|已重新办理过/)
    expect(() => applyAction(closed, { type: 'reopen', reason: '回访时企业表示未解决' }, owner, NOW, CTX)).toThrow(ForbiddenError)
  })
})
