import { describe, expect, it } from 'vitest'
import { allowedActions, applyAction, type ActionContext } from '@shared/domain/appeal-machine'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { ConflictError, ForbiddenError, ValidationError } from '@shared/errors'
import type { Appeal, AppealAction, AppealStatus } from '@shared/schemas/appeal.schema'
import type { Actor } from '@shared/domain/actor'
import { ALL_STATUSES, areaAdmin, makeAppeal, otherSpecialist, owner, powerHandler, powerTask, staff } from '../support/fixtures'

const NOW = new Date('2026-11-24T03:00:00.000Z')
const CTX: ActionContext = {
  calendar: CHINESE_CALENDAR,
  coHandlerName: (kind, id) => new Map([['department:water', '市水务集团'], ['department:power', '国网湘潭供电公司'], ['taskForce:tf-industry', '工业专班']]).get(`${kind}:${id}`),
  transferee: { id: 'sp-001', name: '姜婷' },
}

/** A valid example of each action and the one actor entitled to take it in the loop. */
const EXAMPLES: { action: AppealAction; by: Actor; from: AppealStatus[]; to: AppealStatus | 'same'; given?: Partial<Appeal> }[] = [
  { action: { type: 'accept' }, by: owner, from: ['assigned'], to: 'in_progress' },
  { action: { type: 'note', message: '已联系供电公司现场勘察' }, by: owner, from: ['submitted', 'assigned', 'in_progress', 'responded'], to: 'same' },
  { action: { type: 'respond', outcome: 'resolved', message: '线路已接通' }, by: owner, from: ['in_progress'], to: 'responded' },
  { action: { type: 'evaluate', rating: 'satisfied', comment: '很及时' }, by: staff, from: ['responded'], to: 'closed' },
  { action: { type: 'withdraw', reason: '问题已自行解决' }, by: staff, from: ['submitted', 'assigned'], to: 'withdrawn' },
  { action: { type: 'co-handle', handlers: [{ kind: 'department', id: 'water' }], days: 3, message: '请核实供水管径' }, by: owner, from: ['assigned', 'in_progress'], to: 'same' },
  { action: { type: 'accept-task' }, by: powerHandler, from: ['assigned', 'in_progress', 'responded'], to: 'same', given: { coHandlers: [powerTask()] } },
  { action: { type: 'reply-task', message: '勘察完毕，下周接电' }, by: powerHandler, from: ['assigned', 'in_progress', 'responded'], to: 'same', given: { coHandlers: [powerTask({ status: 'accepted' })] } },
  { action: { type: 'transfer', toSpecialistId: 'sp-001', reason: '涉及其负责的园区' }, by: owner, from: ['submitted', 'assigned', 'in_progress'], to: 'same' },
  { action: { type: 'transfer', toSpecialistId: 'sp-001', reason: '值班队列分派' }, by: areaAdmin, from: ['submitted', 'assigned', 'in_progress'], to: 'same', given: { ownerId: null, ownerName: null } },
  { action: { type: 'escalate', reason: '涉及跨部门用地指标' }, by: owner, from: ['submitted', 'assigned', 'in_progress'], to: 'same' },
  { action: { type: 'extend', dueDate: '2026-12-15', reason: '需等待上级批复' }, by: areaAdmin, from: ['submitted', 'assigned', 'in_progress'], to: 'same' },
  { action: { type: 'request-material', message: '用电负荷表' }, by: owner, from: ['in_progress'], to: 'same' },
  { action: { type: 'supply-material', message: '已上传负荷表' }, by: staff, from: ['in_progress'], to: 'same', given: { awaitingMaterial: { since: NOW.toISOString(), message: '用电负荷表' } } },
  { action: { type: 'set-measure', measure: { text: '协调供电公司改造线路', unit: '国网湘潭供电公司', dueDate: '2026-12-31' } }, by: owner, from: ['submitted', 'assigned', 'in_progress'], to: 'same' },
  { action: { type: 'call-evaluate', rating: 'basically', comment: '' }, by: owner, from: ['responded'], to: 'closed', given: { evaluatedByCall: true } },
  { action: { type: 'reopen', reason: '回访时企业表示未解决' }, by: areaAdmin, from: ['closed'], to: 'in_progress' },
]

describe('appeal state machine', () => {
  for (const { action, by, from, to, given } of EXAMPLES) {
    for (const status of ALL_STATUSES) {
      const allowed = from.includes(status)
      it(`${action.type} by ${by.role} from ${status} is ${allowed ? 'allowed' : 'rejected with 409'}`, () => {
        const appeal = makeAppeal({ status, version: 3, ...given })
        if (allowed) {
          const { appeal: next, event } = applyAction(appeal, action, by, NOW, CTX)
          // Only a transfer out of the duty queue changes the status (to assigned).
          const expected = to === 'same' ? (status === 'submitted' && action.type === 'transfer' ? 'assigned' : status) : to
          expect(next.status).toBe(expected)
          expect(next.version).toBe(4)
          expect(next.updatedAt).toBe(NOW.toISOString())
          expect(event).toMatchObject({ appealId: appeal.id, seq: 4, from: status, to: next.status, actor: { id: by.id, role: by.role } })
        } else {
          expect(() => applyAction(appeal, action, by, NOW, CTX)).toThrow(ConflictError)
          try {
            applyAction(appeal, action, by, NOW, CTX)
          } catch (error) {
            expect((error as ConflictError).code).toBe('INVALID_TRANSITION')
          }
        }
      })
    }
  }

  it('lets only the owner accept and respond', () => {
    const assigned = makeAppeal({ status: 'assigned' })
    expect(() => applyAction(assigned, { type: 'accept' }, otherSpecialist, NOW, CTX)).toThrow(ForbiddenError)
    expect(() => applyAction(assigned, { type: 'accept' }, staff, NOW, CTX)).toThrow(ForbiddenError)
    expect(() => applyAction(assigned, { type: 'accept' }, areaAdmin, NOW, CTX)).toThrow(ForbiddenError)
    const inProgress = makeAppeal({ status: 'in_progress' })
    expect(() => applyAction(inProgress, { type: 'respond', outcome: 'resolved', message: '已办' }, powerHandler, NOW, CTX)).toThrow(ForbiddenError)
  })

  it('lets only the enterprise evaluate and withdraw', () => {
    expect(() => applyAction(makeAppeal({ status: 'responded' }), { type: 'evaluate', rating: 'satisfied', comment: '' }, owner, NOW, CTX)).toThrow(ForbiddenError)
    expect(() => applyAction(makeAppeal(), { type: 'withdraw', reason: '不需要了' }, owner, NOW, CTX)).toThrow(ForbiddenError)
  })

  it('lets co-handlers and admins note progress, but not staff post internal notes', () => {
    const appeal = makeAppeal({ status: 'in_progress' })
    expect(applyAction(appeal, { type: 'note', message: '供电方案已出' }, powerHandler, NOW, CTX).event.type).toBe('note')
    expect(applyAction(appeal, { type: 'note', message: '请加快', internal: true }, areaAdmin, NOW, CTX).event.internal).toBe(true)
    expect(() => applyAction(appeal, { type: 'note', message: '补充', internal: true }, staff, NOW, CTX)).toThrow(ValidationError)
  })

  it('rejects a stale expected version with VERSION_CONFLICT before anything else', () => {
    const appeal = makeAppeal({ status: 'assigned', version: 5 })
    expect(() => applyAction(appeal, { type: 'accept', expectedVersion: 4 }, owner, NOW, CTX)).toThrow(
      expect.objectContaining({ code: 'VERSION_CONFLICT' }),
    )
    expect(applyAction(appeal, { type: 'accept', expectedVersion: 5 }, owner, NOW, CTX).appeal.version).toBe(6)
  })

  it('records the response and the evaluation on the appeal', () => {
    const responded = applyAction(makeAppeal({ status: 'in_progress' }), { type: 'respond', outcome: 'partly', message: '已协调一半' }, owner, NOW, CTX).appeal
    expect(responded.response).toEqual({ outcome: 'partly', message: '已协调一半', at: NOW.toISOString() })
    expect(responded.respondedAt).toBe(NOW.toISOString())
    const closed = applyAction(responded, { type: 'evaluate', rating: 'basically', comment: '还行' }, staff, NOW, CTX).appeal
    expect(closed).toMatchObject({ status: 'closed', closedAt: NOW.toISOString(), evaluation: { rating: 'basically', comment: '还行' } })
  })

  it('reopens an unsatisfied appeal once, one level up, and closes it the second time', () => {
    const first = applyAction(makeAppeal({ status: 'responded', level: 0 }), { type: 'evaluate', rating: 'unsatisfied', comment: '问题没解决' }, staff, NOW, CTX)
    expect(first.appeal).toMatchObject({ status: 'in_progress', level: 1, reopenCount: 1 })
    expect(first.event.type).toBe('reopen')
    const respondedAgain = applyAction(first.appeal, { type: 'respond', outcome: 'cannot', message: '政策不允许' }, owner, NOW, CTX).appeal
    const second = applyAction(respondedAgain, { type: 'evaluate', rating: 'unsatisfied', comment: '仍不满意' }, staff, NOW, CTX)
    expect(second.appeal).toMatchObject({ status: 'closed', level: 1, reopenCount: 1, evaluation: { rating: 'unsatisfied' } })
  })

  it('never lifts the level above the city', () => {
    const { appeal } = applyAction(makeAppeal({ status: 'responded', level: 2 }), { type: 'evaluate', rating: 'unsatisfied', comment: '仍未解决问题' }, staff, NOW, CTX)
    expect(appeal.level).toBe(2)
  })

  it('offers each actor exactly the actions it may take now', () => {
    expect(allowedActions(makeAppeal({ status: 'assigned' }), owner)).toEqual(['accept', 'note', 'co-handle', 'transfer', 'escalate', 'set-measure'])
    expect(allowedActions(makeAppeal({ status: 'assigned' }), staff)).toEqual(['note', 'withdraw'])
    expect(allowedActions(makeAppeal({ status: 'in_progress' }), owner)).toEqual(['note', 'respond', 'co-handle', 'transfer', 'escalate', 'request-material', 'set-measure'])
    expect(allowedActions(makeAppeal({ status: 'in_progress' }), areaAdmin)).toEqual(['note', 'co-handle', 'transfer', 'escalate', 'extend', 'set-measure'])
    expect(allowedActions(makeAppeal({ status: 'in_progress', level: 2 }), areaAdmin)).toEqual(['note', 'co-handle', 'transfer', 'extend', 'set-measure'])
    expect(allowedActions(makeAppeal({ status: 'in_progress', coHandlers: [powerTask()] }), powerHandler)).toEqual(['note', 'accept-task'])
    expect(allowedActions(makeAppeal({ status: 'in_progress', coHandlers: [powerTask({ status: 'accepted' })] }), powerHandler)).toEqual(['note', 'reply-task'])
    expect(allowedActions(makeAppeal({ status: 'in_progress', awaitingMaterial: { since: NOW.toISOString(), message: '图纸' } }), owner)).toEqual([
      'note',
      'respond',
      'co-handle',
      'transfer',
      'escalate',
      'set-measure',
    ])
    expect(allowedActions(makeAppeal({ status: 'in_progress', awaitingMaterial: { since: NOW.toISOString(), message: '图纸' } }), staff)).toEqual(['note', 'supply-material'])
    expect(allowedActions(makeAppeal({ status: 'responded' }), staff)).toEqual(['note', 'evaluate'])
    expect(allowedActions(makeAppeal({ status: 'closed' }), staff)).toEqual([])
    expect(allowedActions(makeAppeal({ status: 'in_progress' }), otherSpecialist)).toEqual([])
  })
})
