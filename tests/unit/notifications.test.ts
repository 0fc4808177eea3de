import { describe, expect, it } from 'vitest'
import { applyAction, type ActionContext } from '@shared/domain/appeal-machine'
import { actorRef } from '@shared/domain/actor'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import {
  appealNotices,
  audienceOf,
  digestNotificationsFor,
  notificationsFor,
  type AppealChange,
  type NotificationDraft,
  type Recipients,
} from '@shared/domain/notifications'
import { sweepAppeal } from '@shared/domain/sweep'
import type { Appeal, AppealAction, AppealEvent } from '@shared/schemas/appeal.schema'
import type { DigestSummary } from '@shared/schemas/supervision.schema'
import type { Actor } from '@shared/domain/actor'
import { areaAdmin, cityAdmin, makeAppeal, otherSpecialist, owner, powerHandler, powerTask, staff } from '../support/fixtures'

const shanghai = (local: string) => new Date(`${local}+08:00`)
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString()
const now = shanghai('2026-11-24T10:00:00')

const RECIPIENTS: Recipients = {
  areaAdmins: { 'xt-hitech': ['ad-xt-hitech', 'ad-xt-hitech-2'] },
  cityAdmins: ['ad-city'],
  units: { 'department:power': ['dh-001'], 'department:drc': ['dh-drc'], 'taskForce:tf-industry': ['th-001', 'th-009'], 'department:water': ['dh-002'] },
}

const CTX: ActionContext = {
  calendar: CHINESE_CALENDAR,
  coHandlerName: (kind, id) => new Map([['department:water', '市水务集团'], ['department:power', '国网湘潭供电公司']]).get(`${kind}:${id}`),
  transferee: { id: 'sp-001', name: '姜婷' },
}

/** The drafts one action causes, for the fixed directory above. */
function act(before: Appeal, action: AppealAction, actor: Actor): NotificationDraft[] {
  const { appeal, event } = applyAction(before, action, actor, now, CTX)
  return notificationsFor({ before, after: appeal, event }, RECIPIENTS)
}

/** Who gets which kind, in order: the shape most assertions care about. */
const who = (drafts: NotificationDraft[]) => drafts.map((d) => [d.recipientId, d.kind])

/** A transition as the change it made. */
const change = (before: Appeal, t: { appeal: Appeal; event: AppealEvent }): AppealChange => ({ before, after: t.appeal, event: t.event })

const inProgress = (overrides: Partial<Appeal> = {}) => makeAppeal({ status: 'in_progress', version: 3, acceptedAt: now.toISOString(), ...overrides })

function submitted(overrides: Partial<Appeal> = {}): AppealChange {
  const after = makeAppeal({
    coHandlers: [powerTask(), powerTask({ id: 'drc', name: '市发展和改革委员会' }), powerTask({ kind: 'taskForce', id: 'tf-industry', name: '工业专班' })],
    ...overrides,
  })
  const event: AppealEvent = { appealId: after.id, seq: 1, type: 'submit', at: after.createdAt, actor: actorRef(staff), from: null, to: after.status }
  return { before: null, after, event }
}

describe('who hears about a new appeal', () => {
  it('tells the owner and every routed co-handler’s handlers, each with a link to the appeal', () => {
    const drafts = notificationsFor(submitted(), RECIPIENTS)
    expect(who(drafts)).toEqual([
      ['sp-007', 'new_appeal'],
      ['dh-001', 'co_handle_task'],
      ['dh-drc', 'co_handle_task'],
      ['th-001', 'co_handle_task'],
      ['th-009', 'co_handle_task'],
    ])
    expect(drafts.every((d) => d.page === 'packages/appeal/detail/index?id=ap-test' && d.appealId === 'ap-test')).toBe(true)
    expect(drafts[0]).toMatchObject({ title: '新诉求待受理', body: '湖南锦程汽车零部件有限公司：新线路接电。请于11月24日前受理' })
    expect(drafts[0]!.facts).toMatchObject({ phrase: '新诉求', appealTitle: '新线路接电', authorId: staff.id, deadline: '2026-11-24T15:59:59.999Z' })
    expect(drafts[1]).toMatchObject({ title: '新的协办任务', facts: { phrase: '协办任务', deadline: powerTask().dueAt } })
  })

  it('tells the area’s admins when the enterprise has no specialist (duty queue)', () => {
    const drafts = notificationsFor(submitted({ ownerId: null, ownerName: null, status: 'submitted', coHandlers: [] }), RECIPIENTS)
    expect(who(drafts)).toEqual([
      ['ad-xt-hitech', 'new_appeal'],
      ['ad-xt-hitech-2', 'new_appeal'],
    ])
    expect(drafts[0]!.title).toBe('新诉求待分派')
  })

  it('names the groups to look up, and none for a change that tells nobody', () => {
    expect(audienceOf(appealNotices(submitted()))).toEqual({
      areaAdmins: [],
      cityAdmins: false,
      units: [
        { kind: 'department', id: 'power' },
        { kind: 'department', id: 'drc' },
        { kind: 'taskForce', id: 'tf-industry' },
      ],
      enterprises: [],
    })
    const note = applyAction(inProgress(), { type: 'note', message: '已联系供电公司' }, owner, now, CTX)
    expect(appealNotices(change(inProgress(), note))).toEqual([])
  })
})

describe('what the filer hears', () => {
  it('accepted, responded with the outcome, material requested, deadline extended', () => {
    expect(act(makeAppeal(), { type: 'accept' }, owner)).toMatchObject([{ recipientId: staff.id, kind: 'accepted', title: '诉求已受理', facts: { phrase: '已受理' } }])
    expect(act(inProgress(), { type: 'respond', outcome: 'partly', message: '已协调供电公司排期' }, owner)).toMatchObject([
      { recipientId: staff.id, kind: 'responded', title: '诉求已答复（部分解决）', body: '「新线路接电」：已协调供电公司排期。请查看并评价' },
    ])
    expect(act(inProgress(), { type: 'request-material', message: '用电负荷表' }, owner)).toMatchObject([
      { recipientId: staff.id, kind: 'material_requested', body: '「新线路接电」需补充：用电负荷表', facts: { phrase: '待补充材料', note: '用电负荷表' } },
    ])
    expect(act(inProgress({ dueAt: endOf('2026-11-30') }), { type: 'extend', dueDate: '2026-12-04', reason: '需协调线路走廊' }, areaAdmin)).toMatchObject([
      { recipientId: staff.id, kind: 'deadline_extended', body: '「新线路接电」办理时限延长至12月4日', facts: { deadline: endOf('2026-12-04') } },
    ])
  })

  it('is nobody when a specialist filed on the enterprise’s behalf, or the filer was rejected', () => {
    expect(act(makeAppeal({ filedBy: actorRef(owner), channel: 'visit' }), { type: 'accept' }, owner)).toEqual([])
    expect(act(makeAppeal({ filerRejected: true }), { type: 'accept' }, owner)).toEqual([])
  })
})

describe('what officials hear', () => {
  it('a co-handling task reaches the handlers of the department asked, once', () => {
    const drafts = act(inProgress(), { type: 'co-handle', handlers: [{ kind: 'department', id: 'water' }], days: 3, message: '请核实供水管网' }, owner)
    expect(who(drafts)).toEqual([['dh-002', 'co_handle_task']])
    expect(drafts[0]!.facts).toMatchObject({ note: '请核实供水管网', deadline: endOf('2026-11-27') })
  })

  it('asking a department again that already replied tells its handlers again, and nobody else', () => {
    const appeal = inProgress({ coHandlers: [powerTask({ status: 'replied' }), powerTask({ kind: 'taskForce', id: 'tf-industry', name: '工业专班', status: 'open' })] })
    expect(who(act(appeal, { type: 'co-handle', handlers: [{ kind: 'department', id: 'power' }], days: 2, message: '请再次确认送电时间' }, owner))).toEqual([['dh-001', 'co_handle_task']])
  })

  it('a transfer tells the new owner, whoever made it', () => {
    expect(act(inProgress(), { type: 'transfer', toSpecialistId: 'sp-001', reason: '更熟悉该片区' }, areaAdmin)).toMatchObject([
      { recipientId: otherSpecialist.id, kind: 'transferred', title: '诉求转交给您办理' },
    ])
  })

  it('an escalation tells the supervisors of the new level, and the owner unless they asked for it', () => {
    expect(who(act(inProgress(), { type: 'escalate', reason: '涉及用地指标' }, owner))).toEqual([
      ['ad-xt-hitech', 'escalated'],
      ['ad-xt-hitech-2', 'escalated'],
    ])
    // An area admin lifts it to the city: the city's admins and the owner hear; the admin does not.
    const drafts = act(inProgress({ level: 1 }), { type: 'escalate', reason: '请市级协调' }, areaAdmin)
    expect(who(drafts)).toEqual([
      ['ad-city', 'escalated'],
      ['sp-007', 'escalated'],
    ])
    expect(drafts[0]).toMatchObject({ title: '诉求提级至市级督办', body: '湖南锦程汽车零部件有限公司：新线路接电。原因：请市级协调' })
    expect(drafts[1]!.title).toBe('您办理的诉求已提级督办')
  })

  it('the actor never hears of their own action, even as a member of the group told', () => {
    const drafts = act(inProgress({ level: 1 }), { type: 'escalate', reason: '请市级协调' }, { ...cityAdmin, id: 'ad-city' })
    expect(drafts.map((d) => d.recipientId)).not.toContain('ad-city')
  })

  it('an evaluation reaches the owner; an unsatisfied one also the supervisors of the level it reopens at', () => {
    const responded = makeAppeal({ status: 'responded', version: 5, respondedAt: now.toISOString(), response: { outcome: 'resolved', message: '已送电', at: now.toISOString() } })
    const satisfied = act(responded, { type: 'evaluate', rating: 'satisfied', comment: '' }, staff)
    expect(satisfied).toMatchObject([{ recipientId: 'sp-007', kind: 'evaluated', title: '企业评价：满意', body: '湖南锦程汽车零部件有限公司：新线路接电。未填写评价内容' }])
    expect(satisfied[0]!.facts.comment).toBeUndefined()

    const unhappy = act(responded, { type: 'evaluate', rating: 'unsatisfied', comment: '电压仍不稳定' }, staff)
    expect(who(unhappy)).toEqual([
      ['sp-007', 'evaluated'],
      ['ad-xt-hitech', 'escalated'],
      ['ad-xt-hitech-2', 'escalated'],
    ])
    expect(unhappy[0]).toMatchObject({ title: '企业评价：不满意', facts: { phrase: '不满意', comment: '电压仍不稳定', authorId: staff.id } })
    expect(unhappy[0]!.body).toContain('诉求已重新办理并提级至属地督办')
    // The enterprise's comment is not repeated to the supervisors as the escalation's reason.
    expect(unhappy[1]!.facts.note).toBe('企业对答复不满意')
  })

  it('a co-handler’s reply, a note or a withdrawal tells nobody', () => {
    const withTask = inProgress({ coHandlers: [powerTask({ status: 'accepted' })] })
    expect(act(withTask, { type: 'reply-task', message: '周五送电' }, powerHandler)).toEqual([])
    expect(act(makeAppeal(), { type: 'withdraw', reason: '问题已自行解决' }, staff)).toEqual([])
  })
})

describe('what the sweep tells', () => {
  it('a missed deadline: the owner, and the supervisors of the level it was lifted to', () => {
    const before = makeAppeal({ firstResponseDueAt: endOf('2026-11-24') })
    const swept = sweepAppeal(before, shanghai('2026-11-25T10:00:00'))!
    const drafts = notificationsFor(change(before, swept), RECIPIENTS)
    expect(who(drafts)).toEqual([
      ['sp-007', 'overdue'],
      ['ad-xt-hitech', 'overdue'],
      ['ad-xt-hitech-2', 'overdue'],
    ])
    expect(drafts[0]).toMatchObject({ title: '诉求已超期', body: '湖南锦程汽车零部件有限公司：新线路接电。已超过首次响应时限（11月24日），已提级至属地督办' })
    expect(drafts[1]!.title).toBe('超期诉求提级至属地督办')
  })

  it('at the city already, only the owner', () => {
    const before = inProgress({ level: 2, dueAt: endOf('2026-11-30') })
    const swept = sweepAppeal(before, shanghai('2026-12-01T10:00:00'))!
    expect(who(notificationsFor(change(before, swept), RECIPIENTS))).toEqual([['sp-007', 'overdue']])
  })

  it('a deadline one working day away: the owner', () => {
    const before = inProgress({ dueAt: endOf('2026-11-30') })
    const swept = sweepAppeal(before, shanghai('2026-11-27T09:30:00'), CHINESE_CALENDAR)!
    expect(notificationsFor(change(before, swept), RECIPIENTS)).toMatchObject([
      { recipientId: 'sp-007', kind: 'due_soon', title: '诉求即将到期', facts: { phrase: '即将到期', deadline: endOf('2026-11-30') } },
    ])
  })
})

describe('the weekly digest', () => {
  const summary = (areaId: string | null): DigestSummary => ({
    week: '2026-11-23',
    scope: areaId ? { kind: 'area', areaId, name: '湘潭高新区' } : { kind: 'city', areaId: null, name: '湘潭市' },
    generatedAt: shanghai('2026-11-23T09:00:00').toISOString(),
    totals: { open: 12, overdue: 3, dueThisWeek: 4, escalated: 2, unsatisfied: 1 },
  })

  it('tells an area’s admins about their area’s digest, linking to it', () => {
    const drafts = digestNotificationsFor(summary('xt-hitech'), RECIPIENTS)
    expect(who(drafts)).toEqual([
      ['ad-xt-hitech', 'digest_ready'],
      ['ad-xt-hitech-2', 'digest_ready'],
    ])
    expect(drafts[0]).toMatchObject({
      page: 'packages/supervision/digest/index?week=2026-11-23&areaId=xt-hitech',
      body: '湘潭高新区本周：超期 3 件，提级 2 件，本周到期 4 件，不满意 1 件',
      facts: { scopeName: '湘潭高新区督办周报', overdue: 3, escalated: 2 },
    })
    expect(drafts[0]!.appealId).toBeUndefined()
  })

  it('tells the city’s admins about the city’s', () => {
    expect(digestNotificationsFor(summary(null), RECIPIENTS)).toMatchObject([{ recipientId: 'ad-city', page: 'packages/supervision/digest/index?week=2026-11-23' }])
  })
})
