import { ConflictError, ForbiddenError, ValidationError } from '../errors'
import type { Appeal, AppealAction, AppealActionType, AppealEvent, AppealStatus } from '../schemas/appeal.schema'
import { actorRef, type Actor } from './actor'
import { relationsTo, type Relation } from './access'
import { ACTION_LABEL, STATUS_LABEL } from '../labels'

/** DESIGN §4: which statuses each action may start from, and who may take it. */
const RULES: Record<AppealActionType, { from: readonly AppealStatus[]; by: readonly Relation[] }> = {
  accept: { from: ['assigned'], by: ['owner'] },
  note: { from: ['submitted', 'assigned', 'in_progress', 'responded'], by: ['owner', 'coHandler', 'staff', 'areaAdmin', 'cityAdmin'] },
  respond: { from: ['in_progress'], by: ['owner'] },
  evaluate: { from: ['responded'], by: ['staff'] },
  withdraw: { from: ['submitted', 'assigned'], by: ['staff'] },
}

/** An unsatisfied evaluation sends the appeal back to work this many times, no more. */
export const MAX_REOPENS = 1
export const MAX_LEVEL = 2

export interface Transition {
  appeal: Appeal
  event: AppealEvent
}

/** Which actions this actor could take on this appeal now; the UI shows exactly these buttons. */
export function allowedActions(appeal: Appeal, actor: Actor): AppealActionType[] {
  const relations = relationsTo(actor, appeal)
  return (Object.keys(RULES) as AppealActionType[]).filter((type) => {
    const rule = RULES[type]
    return rule.from.includes(appeal.status) && rule.by.some((r) => relations.has(r))
  })
}

/**
 * Applies one action to an appeal: checks who may act, that the transition is allowed and that
 * the caller saw the current version, then returns the next appeal and the timeline event.
 * Pure: the caller persists both atomically, conditioned on `appeal.version`.
 */
export function applyAction(appeal: Appeal, action: AppealAction, actor: Actor, now: Date): Transition {
  const rule = RULES[action.type]
  const relations = relationsTo(actor, appeal)
  if (!rule.by.some((r) => relations.has(r))) {
    throw new ForbiddenError(`您不能对该诉求执行「${ACTION_LABEL[action.type]}」`)
  }
  if (action.expectedVersion !== undefined && action.expectedVersion !== appeal.version) {
    throw new ConflictError('VERSION_CONFLICT', '该诉求已被他人更新，请刷新后再试')
  }
  if (!rule.from.includes(appeal.status)) {
    throw new ConflictError(
      'INVALID_TRANSITION',
      `诉求当前状态为「${STATUS_LABEL[appeal.status]}」，不能${ACTION_LABEL[action.type]}`,
    )
  }

  const at = now.toISOString()
  const version = appeal.version + 1
  const base = { ...appeal, version, updatedAt: at }
  const event = (type: AppealEvent['type'], to: AppealStatus, extra: Partial<AppealEvent> = {}): AppealEvent => ({
    appealId: appeal.id,
    seq: version,
    type,
    at,
    actor: actorRef(actor),
    from: appeal.status,
    to,
    ...extra,
  })

  switch (action.type) {
    case 'accept':
      return { appeal: { ...base, status: 'in_progress', acceptedAt: at }, event: event('accept', 'in_progress') }

    case 'note': {
      if (action.internal && actor.role === 'staff') {
        throw new ValidationError('企业用户不能发布内部备注', { internal: '企业用户不能发布内部备注' })
      }
      const internal = action.internal === true ? { internal: true } : {}
      return { appeal: base, event: event('note', appeal.status, { message: action.message, ...internal }) }
    }

    case 'respond':
      return {
        appeal: { ...base, status: 'responded', respondedAt: at, response: { outcome: action.outcome, message: action.message, at } },
        event: event('respond', 'responded', { message: action.message, data: { outcome: action.outcome } }),
      }

    case 'evaluate': {
      const evaluation = { rating: action.rating, comment: action.comment, at }
      const data = { rating: action.rating }
      const message = action.comment || undefined
      if (action.rating === 'unsatisfied' && appeal.reopenCount < MAX_REOPENS) {
        // DESIGN §4: an unsatisfied evaluation reopens the appeal once and lifts it one level.
        return {
          appeal: {
            ...base,
            status: 'in_progress',
            evaluation,
            reopenCount: appeal.reopenCount + 1,
            level: Math.min(appeal.level + 1, MAX_LEVEL),
          },
          event: event('reopen', 'in_progress', { message, data: { ...data, level: Math.min(appeal.level + 1, MAX_LEVEL) } }),
        }
      }
      return {
        appeal: { ...base, status: 'closed', closedAt: at, evaluation },
        event: event('evaluate', 'closed', { message, data }),
      }
    }

    case 'withdraw':
      return {
        appeal: { ...base, status: 'withdrawn', withdrawal: { reason: action.reason, at } },
        event: event('withdraw', 'withdrawn', { message: action.reason }),
      }
  }
}
