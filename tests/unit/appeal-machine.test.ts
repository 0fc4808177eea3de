import { describe, expect, it } from 'vitest'
import { allowedActions, applyAction } from '@shared/domain/appeal-machine'
import { ConflictError, ForbiddenError, ValidationError } from '@shared/errors'
import type { AppealAction, AppealStatus } from '@shared/schemas/appeal.schema'
import type { Actor } from '@shared/domain/actor'
import { ALL_STATUSES, areaAdmin, makeAppeal, otherSpecialist, owner, powerHandler, staff } from '../support/fixtures'

const NOW = new Date('2026-11-24T03:00:00.000Z')

/** A valid example of each action and the one actor entitled to take it in the loop. */
const EXAMPLES: { action: AppealAction; by: Actor; from: AppealStatus[]; to: AppealStatus | 'same' }[] = [
  { action: { type: 'accept' }, by: owner, from: ['assigned'], to: 'in_progress' },
  { action: { type: 'note', message: '已联系供电公司现场勘察' }, by: owner, from: ['submitted', 'assigned', 'in_progress', 'responded'], to: 'same' },
  { action: { type: 'respond', outcome: 'resolved', message: '线路已接通' }, by: owner, from: ['in_progress'], to: 'responded' },
  { action: { type: 'evaluate', rating: 'satisfied', comment: '很及时' }, by: staff, from: ['responded'], to: 'closed' },
  { action: { type: 'withdraw', reason: '问题已自行解决' }, by: staff, from: ['submitted', 'assigned'], to: 'withdrawn' },
]

describe('appeal state machine', () => {
  for (const { action, by, from, to } of EXAMPLES) {
    for (const status of ALL_STATUSES) {
      const allowed = from.includes(status)
      it(`${action.type} from ${status} is ${allowed ? 'allowed' : 'rejected with 409'}`, () => {
        const appeal = makeAppeal({ status, version: 3 })
        if (allowed) {
          const { appeal: next, event } = applyAction(appeal, action, by, NOW)
          expect(next.status).toBe(to === 'same' ? status : to)
          expect(next.version).toBe(4)
          expect(next.updatedAt).toBe(NOW.toISOString())
          expect(event).toMatchObject({ appealId: appeal.id, seq: 4, from: status, to: next.status, actor: { id: by.id, role: by.role } })
        } else {
          expect(() => applyAction(appeal, action, by, NOW)).toThrow(ConflictError)
          try {
            applyAction(appeal, action, by, NOW)
          } catch (error) {
            expect((error as ConflictError).code).toBe('INVALID_TRANSITION')
          }
        }
      })
    }
  }

  it('lets only the owner accept and respond', () => {
    const assigned = makeAppeal({ status: 'assigned' })
    expect(() => applyAction(assigned, { type: 'accept' }, otherSpecialist, NOW)).toThrow(ForbiddenError)
    expect(() => applyAction(assigned, { type: 'accept' }, staff, NOW)).toThrow(ForbiddenError)
    expect(() => applyAction(assigned, { type: 'accept' }, areaAdmin, NOW)).toThrow(ForbiddenError)
    const inProgress = makeAppeal({ status: 'in_progress' })
    expect(() => applyAction(inProgress, { type: 'respond', outcome: 'resolved', message: '已办' }, powerHandler, NOW)).toThrow(ForbiddenError)
  })

  it('lets only the enterprise evaluate and withdraw', () => {
    expect(() => applyAction(makeAppeal({ status: 'responded' }), { type: 'evaluate', rating: 'satisfied', comment: '' }, owner, NOW)).toThrow(ForbiddenError)
    expect(() => applyAction(makeAppeal(), { type: 'withdraw', reason: '不需要了' }, owner, NOW)).toThrow(ForbiddenError)
  })

  it('lets co-handlers and admins note progress, but not staff post internal notes', () => {
    const appeal = makeAppeal({ status: 'in_progress' })
    expect(applyAction(appeal, { type: 'note', message: '供电方案已出' }, powerHandler, NOW).event.type).toBe('note')
    expect(applyAction(appeal, { type: 'note', message: '请加快', internal: true }, areaAdmin, NOW).event.internal).toBe(true)
    expect(() => applyAction(appeal, { type: 'note', message: '补充', internal: true }, staff, NOW)).toThrow(ValidationError)
  })

  it('rejects a stale expected version with VERSION_CONFLICT before anything else', () => {
    const appeal = makeAppeal({ status: 'assigned', version: 5 })
    expect(() => applyAction(appeal, { type: 'accept', expectedVersion: 4 }, owner, NOW)).toThrow(
      expect.objectContaining({ code: 'VERSION_CONFLICT' }),
    )
    expect(applyAction(appeal, { type: 'accept', expectedVersion: 5 }, owner, NOW).appeal.version).toBe(6)
  })

  it('records the response and the evaluation on the appeal', () => {
    const responded = applyAction(makeAppeal({ status: 'in_progress' }), { type: 'respond', outcome: 'partly', message: '已协调一半' }, owner, NOW).appeal
    expect(responded.response).toEqual({ outcome: 'partly', message: '已协调一半', at: NOW.toISOString() })
    expect(responded.respondedAt).toBe(NOW.toISOString())
    const closed = applyAction(responded, { type: 'evaluate', rating: 'basically', comment: '还行' }, staff, NOW).appeal
    expect(closed).toMatchObject({ status: 'closed', closedAt: NOW.toISOString(), evaluation: { rating: 'basically', comment: '还行' } })
  })

  it('reopens an unsatisfied appeal once, one level up, and closes it the second time', () => {
    const first = applyAction(makeAppeal({ status: 'responded', level: 0 }), { type: 'evaluate', rating: 'unsatisfied', comment: '没解决' }, staff, NOW)
    expect(first.appeal).toMatchObject({ status: 'in_progress', level: 1, reopenCount: 1 })
    expect(first.event.type).toBe('reopen')
    const respondedAgain = applyAction(first.appeal, { type: 'respond', outcome: 'cannot', message: '政策不允许' }, owner, NOW).appeal
    const second = applyAction(respondedAgain, { type: 'evaluate', rating: 'unsatisfied', comment: '仍不满意' }, staff, NOW)
    expect(second.appeal).toMatchObject({ status: 'closed', level: 1, reopenCount: 1, evaluation: { rating: 'unsatisfied' } })
  })

  it('never lifts the level above the city', () => {
    const { appeal } = applyAction(makeAppeal({ status: 'responded', level: 2 }), { type: 'evaluate', rating: 'unsatisfied', comment: '' }, staff, NOW)
    expect(appeal.level).toBe(2)
  })

  it('offers each actor exactly the actions it may take now', () => {
    expect(allowedActions(makeAppeal({ status: 'assigned' }), owner)).toEqual(['accept', 'note'])
    expect(allowedActions(makeAppeal({ status: 'assigned' }), staff)).toEqual(['note', 'withdraw'])
    expect(allowedActions(makeAppeal({ status: 'in_progress' }), owner)).toEqual(['note', 'respond'])
    expect(allowedActions(makeAppeal({ status: 'responded' }), staff)).toEqual(['note', 'evaluate'])
    expect(allowedActions(makeAppeal({ status: 'closed' }), staff)).toEqual([])
    expect(allowedActions(makeAppeal({ status: 'in_progress' }), otherSpecialist)).toEqual([])
  })
})
