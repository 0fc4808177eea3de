import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { listVisibleAppeals } from '../../functions/appeals/list-appeals.use-case'
import { listTransferCandidates } from '../../functions/appeals/transfer-candidates.use-case'
import { areaAdmin, otherAreaAdmin, otherSpecialist, owner, powerHandler, staff, waterHandler } from '../support/fixtures'
import { fileFor } from '../support/filing'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

// A power appeal of en-0001 routes to 国网湘潭供电公司 (power), 市发展和改革委员会 (drc) and 工业专班.
const drcHandler: Actor = { id: 'dh-drc', name: '发改经办', role: 'department_handler', departmentId: 'drc', enterpriseIds: [], pendingEnterpriseIds: [] }
const industryTaskForce: Actor = { id: 'th-001', name: '邓国志', role: 'taskforce_handler', taskForceId: 'tf-industry', enterpriseIds: [], pendingEnterpriseIds: [] }

const inboxIds = async (actor: Actor) => (await listVisibleAppeals(actor, { limit: 50 })).items.map((a) => a.id)

async function completeTask(handler: Actor, appealId: string, reply: string) {
  await actOnAppeal(handler, appealId, { type: 'accept-task' }, clock.tick())
  await actOnAppeal(handler, appealId, { type: 'note', message: '已安排人员对接', internal: true }, clock.tick())
  return actOnAppeal(handler, appealId, { type: 'reply-task', message: reply }, clock.tick())
}

describe('co-handling (双线推进)', () => {
  it('runs each task open → accepted → replied, after which the owner answers without a reason', async () => {
    const appeal = await fileFor(staff, 'en-0001', clock.tick())
    expect(appeal.coHandlers.map((c) => [c.id, c.status])).toEqual([
      ['power', 'open'],
      ['drc', 'open'],
      ['tf-industry', 'open'],
    ])
    expect(await inboxIds(powerHandler)).toContain(appeal.id)
    expect(await inboxIds(industryTaskForce)).toContain(appeal.id)
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())

    // Replying before accepting is out of order; accepting twice too.
    await expect(actOnAppeal(powerHandler, appeal.id, { type: 'reply-task', message: '先回复' }, clock.tick())).rejects.toMatchObject({ code: 'INVALID_TRANSITION' })
    await completeTask(powerHandler, appeal.id, '已完成现场勘察，周五送电')
    await expect(actOnAppeal(powerHandler, appeal.id, { type: 'accept-task' }, clock.tick())).rejects.toMatchObject({ code: 'INVALID_TRANSITION' })
    // A co-handler acts only on its own task.
    await expect(actOnAppeal(waterHandler, appeal.id, { type: 'accept-task' }, clock.tick())).rejects.toBeInstanceOf(NotFoundError)

    await expect(actOnAppeal(owner, appeal.id, { type: 'respond', outcome: 'resolved', message: '周五送电' }, clock.tick())).rejects.toBeInstanceOf(ValidationError)
    await completeTask(drcHandler, appeal.id, '不涉及发改审批')
    await completeTask(industryTaskForce, appeal.id, '专班已跟进')
    const responded = await actOnAppeal(owner, appeal.id, { type: 'respond', outcome: 'resolved', message: '周五送电' }, clock.tick())
    expect(responded.status).toBe('responded')
    expect(responded.coHandlers.every((c) => c.status === 'replied' && c.repliedAt && c.acceptedAt)).toBe(true)

    const ownerView = await getAppealDetail(owner, appeal.id)
    expect(ownerView.events.filter((e) => e.type === 'reply_task').map((e) => e.message)).toEqual(['已完成现场勘察，周五送电', '不涉及发改审批', '专班已跟进'])
    // Replies are addressed to the owner: the enterprise sees that tasks were taken, not the replies.
    const enterpriseView = await getAppealDetail(staff, appeal.id)
    expect(enterpriseView.events.some((e) => e.type === 'reply_task')).toBe(false)
    expect(enterpriseView.events.filter((e) => e.type === 'accept_task')).toHaveLength(3)
    expect(enterpriseView.appeal.coHandlers.every((c) => c.status === 'replied' && c.reply === undefined)).toBe(true)
    expect(ownerView.appeal.coHandlers.map((c) => c.reply)).toEqual(['已完成现场勘察，周五送电', '不涉及发改审批', '专班已跟进'])
    const enterpriseList = await listVisibleAppeals(staff, { limit: 50 })
    expect(enterpriseList.items.find((a) => a.id === appeal.id)?.coHandlers.some((c) => c.reply)).toBe(false)
  })

  it('puts a newly asked department in its inbox with its own deadline, and nowhere before', async () => {
    const appeal = await fileFor(staff, 'en-0001', clock.tick())
    await expect(getAppealDetail(waterHandler, appeal.id)).rejects.toBeInstanceOf(NotFoundError)
    expect(await inboxIds(waterHandler)).not.toContain(appeal.id)

    const now = new Date('2026-11-24T03:00:00.000Z')
    const asked = await actOnAppeal(owner, appeal.id, { type: 'co-handle', handlers: [{ kind: 'department', id: 'water' }], days: 2, message: '请核实供水管径' }, now)
    expect(asked.coHandlers.find((c) => c.id === 'water')).toMatchObject({ status: 'open', dueAt: '2026-11-26T15:59:59.999Z', request: '请核实供水管径' })
    expect(await inboxIds(waterHandler)).toContain(appeal.id)
    expect((await getAppealDetail(waterHandler, appeal.id)).allowedActions).toEqual(['note', 'accept-task'])

    const unknown = actOnAppeal(owner, appeal.id, { type: 'co-handle', handlers: [{ kind: 'department', id: 'no-such' }], days: 2, message: '请协办' }, clock.tick())
    await expect(unknown).rejects.toMatchObject({ fields: { 'handlers.0.id': '协办单位不存在' } })
    const version = (await getAppealDetail(owner, appeal.id)).appeal.version
    expect(version).toBe(asked.version)
  })

  it('transfers to a specialist of the same area only, and the old owner loses sight of it', async () => {
    const appeal = await fileFor(staff, 'en-0001', clock.tick())
    const candidates = await listTransferCandidates(owner, appeal.id)
    expect(candidates.map((c) => c.id)).toContain('sp-001')
    expect(candidates.map((c) => c.id)).not.toContain('sp-009')
    expect(candidates.map((c) => c.id)).not.toContain(owner.id)
    await expect(listTransferCandidates(staff, appeal.id)).rejects.toBeInstanceOf(NotFoundError)

    const elsewhere = actOnAppeal(owner, appeal.id, { type: 'transfer', toSpecialistId: 'sp-009', reason: '换人' }, clock.tick())
    await expect(elsewhere).rejects.toMatchObject({ fields: { toSpecialistId: '接办专员不存在' } })

    const moved = await actOnAppeal(owner, appeal.id, { type: 'transfer', toSpecialistId: 'sp-001', reason: '涉及其负责的产业链' }, clock.tick())
    expect(moved).toMatchObject({ ownerId: 'sp-001', ownerName: '姜婷' })
    expect(await inboxIds(otherSpecialist)).toContain(appeal.id)
    await expect(getAppealDetail(owner, appeal.id)).rejects.toBeInstanceOf(NotFoundError)
    const timeline = (await getAppealDetail(otherSpecialist, appeal.id)).events
    expect(timeline.at(-1)).toMatchObject({ type: 'transfer', data: { fromOwnerId: owner.id, toOwnerId: 'sp-001' } })
  })

  it('lets only admins of the area extend, and pauses the clock for material', async () => {
    const appeal = await fileFor(staff, 'en-0001', clock.tick())
    const extend = { type: 'extend', dueDate: '2027-01-29', reason: '等待省级批复' } as const
    await expect(actOnAppeal(owner, appeal.id, extend, clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    await expect(actOnAppeal(otherAreaAdmin, appeal.id, extend, clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    const extended = await actOnAppeal(areaAdmin, appeal.id, extend, clock.tick())
    expect(extended).toMatchObject({ dueAt: '2027-01-29T15:59:59.999Z', extensionCount: 1 })

    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    const waiting = await actOnAppeal(owner, appeal.id, { type: 'request-material', message: '请提供用电负荷表' }, new Date('2026-11-24T03:00:00Z'))
    expect(waiting.awaitingMaterial?.message).toBe('请提供用电负荷表')
    const resumed = await actOnAppeal(staff, appeal.id, { type: 'supply-material', message: '负荷表已发邮箱' }, new Date('2026-11-26T03:00:00Z'))
    expect(resumed.awaitingMaterial).toBeUndefined()
    expect(resumed.pausedDays).toBe(2)
    expect(Date.parse(resumed.dueAt)).toBeGreaterThan(Date.parse(extended.dueAt))
  })
})

describe('reopening after an unsatisfied evaluation', () => {
  const respond = (id: string) => actOnAppeal(owner, id, { type: 'respond', outcome: 'partly', message: '已协调部分', openTaskReason: '先答复进展' }, clock.tick())

  it('raises the level once only, however often the enterprise is unsatisfied', async () => {
    const appeal = await fileFor(staff, 'en-0001', clock.tick())
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    await respond(appeal.id)
    const reopened = await actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '问题没解决' }, clock.tick())
    expect(reopened).toMatchObject({ status: 'in_progress', level: 1, reopenCount: 1, escalation: { cause: 'reopen' } })

    await respond(appeal.id)
    const closed = await actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '仍不满意' }, clock.tick())
    expect(closed).toMatchObject({ status: 'closed', level: 1, reopenCount: 1 })
    const events = (await getAppealDetail(owner, appeal.id)).events
    expect(events.filter((e) => e.type === 'reopen')).toHaveLength(1)
  })

  it('lets only one of two simultaneous unsatisfied evaluations land', async () => {
    const appeal = await fileFor(staff, 'en-0001', clock.tick())
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    await respond(appeal.id)
    const results = await Promise.allSettled([
      actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '答复仍不具体' }, clock.tick()),
      actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '问题仍未解决' }, clock.tick()),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const detail = await getAppealDetail(owner, appeal.id)
    expect(detail.appeal).toMatchObject({ level: 1, reopenCount: 1, status: 'in_progress' })
    expect(detail.events.filter((e) => e.type === 'reopen')).toHaveLength(1)
  })
})
