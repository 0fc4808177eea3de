import { ConflictError, ForbiddenError, ValidationError } from '../errors'
import type { Appeal, AppealAction, AppealActionType, AppealEvent, AppealStatus, CoHandler, CoHandlerKind, EscalationCause } from '../schemas/appeal.schema'
import { actorRef, type Actor } from './actor'
import { mayTakeAppealAction, mayWriteInternalNote, ownTask, relationsTo } from './policy'
import { ACTION_LABEL, LEVEL_LABEL, STATUS_LABEL } from '../labels'
import { endOfShanghaiDay, monthDayLabel, shanghaiDate, workingDeadline, type WorkingCalendar } from './calendar'
import { AUTO_CLOSE_DAYS, resumeClock } from './deadlines'
import { hasOpenTask } from './co-tasks'
import { evaluationCommentProblem, MAX_REOPENS, reopensOnEvaluation } from './evaluation'
import { extensionDateProblem } from './extension'
import { joinSentences } from './text'

/** What the server looked up for an action; the machine itself reads nothing. */
export interface ActionContext {
  calendar: WorkingCalendar
  /** co-handle: the catalog name of a department or task force, undefined when there is none. */
  coHandlerName?: (kind: CoHandlerKind, id: string) => string | undefined
  /** transfer: the specialist named in the action, as stored; undefined when there is no such specialist. */
  transferee?: { id: string; name: string }
}

const OPEN_WORK: readonly AppealStatus[] = ['submitted', 'assigned', 'in_progress']

export const MAX_LEVEL = 2

interface Rule {
  from: readonly AppealStatus[]
  /** A further condition on the appeal's state; when it fails the action is a 409. */
  when?: { holds: (appeal: Appeal, actor: Actor) => boolean; otherwise: string }
}

/**
 * DESIGN §4: which statuses each action may start from, and on what condition. Who may take it
 * is the policy's (ACTION_TAKERS, shared/domain/policy/appeals.ts).
 */
const RULES: Record<AppealActionType, Rule> = {
  accept: { from: ['assigned'] },
  note: { from: ['submitted', 'assigned', 'in_progress', 'responded'] },
  respond: { from: ['in_progress'] },
  evaluate: { from: ['responded'] },
  withdraw: { from: ['submitted', 'assigned'] },
  'co-handle': { from: ['assigned', 'in_progress'] },
  'accept-task': {
    from: ['assigned', 'in_progress', 'responded'],
    when: { holds: (a, actor) => ownTask(a, actor)?.status === 'open', otherwise: '协办任务已接收' },
  },
  'reply-task': {
    from: ['assigned', 'in_progress', 'responded'],
    when: { holds: (a, actor) => ownTask(a, actor)?.status === 'accepted', otherwise: '请先接收协办任务，或任务已回复' },
  },
  transfer: { from: OPEN_WORK },
  escalate: {
    from: OPEN_WORK,
    when: { holds: (a) => a.level < MAX_LEVEL, otherwise: '该诉求已由市级督办，不能再提级' },
  },
  extend: { from: OPEN_WORK },
  'request-material': {
    from: ['in_progress'],
    when: { holds: (a) => !a.awaitingMaterial, otherwise: '已在等待企业补充材料' },
  },
  'supply-material': {
    from: ['in_progress'],
    when: { holds: (a) => a.awaitingMaterial !== undefined, otherwise: '专员没有要求补充材料' },
  },
  'set-measure': { from: OPEN_WORK },
  'call-evaluate': {
    from: ['responded'],
    when: { holds: (a) => a.evaluatedByCall === true, otherwise: '该企业有联系人在小程序中评价，不能代为评价' },
  },
  reopen: {
    from: ['closed'],
    when: { holds: (a) => a.reopenCount < MAX_REOPENS, otherwise: '该诉求已重新办理过一次，不能再次重新办理' },
  },
}

export interface Transition {
  appeal: Appeal
  event: AppealEvent
}

/** Which actions this actor could take on this appeal now; the UI shows exactly these buttons. */
export function allowedActions(appeal: Appeal, actor: Actor): AppealActionType[] {
  return (Object.keys(RULES) as AppealActionType[]).filter((type) => {
    const rule = RULES[type]
    return rule.from.includes(appeal.status) && mayTakeAppealAction(actor, appeal, type) && (!rule.when || rule.when.holds(appeal, actor))
  })
}

/** Lifts an appeal one level and says why; shared by people's escalations and the sweep's. */
export function raiseLevel(appeal: Appeal, cause: EscalationCause, reason: string, by: string, at: string): Pick<Appeal, 'level' | 'escalation'> {
  if (appeal.level >= MAX_LEVEL) return { level: appeal.level, escalation: appeal.escalation }
  const level = appeal.level + 1
  return { level, escalation: { level, cause, reason, at, by } }
}

/**
 * Applies one action to an appeal: checks who may act, that the transition is allowed and that
 * the caller saw the current version, then returns the next appeal and the timeline event.
 * Pure: the caller persists both atomically, conditioned on `appeal.version`.
 */
export function applyAction(appeal: Appeal, action: AppealAction, actor: Actor, now: Date, ctx: ActionContext): Transition {
  const rule = RULES[action.type]
  if (!mayTakeAppealAction(actor, appeal, action.type)) {
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
  if (rule.when && !rule.when.holds(appeal, actor)) throw new ConflictError('INVALID_TRANSITION', rule.when.otherwise)

  const at = now.toISOString()
  const version = appeal.version + 1
  const base: Appeal = { ...appeal, version, updatedAt: at }
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
  const same = (type: AppealEvent['type'], extra: Partial<AppealEvent> = {}) => event(type, appeal.status, extra)
  const withTask = (task: CoHandler, patch: Partial<CoHandler>): CoHandler[] =>
    appeal.coHandlers.map((c) => (c.kind === task.kind && c.id === task.id ? { ...c, ...patch } : c))

  switch (action.type) {
    case 'accept':
      return { appeal: { ...base, status: 'in_progress', acceptedAt: at }, event: event('accept', 'in_progress') }

    case 'note': {
      if (action.internal && !mayWriteInternalNote(actor)) {
        throw new ValidationError('企业用户不能发布内部备注', { internal: '企业用户不能发布内部备注' })
      }
      const internal = action.internal === true ? { internal: true } : {}
      return { appeal: base, event: same('note', { message: action.message, ...internal }) }
    }

    case 'respond': {
      const reason = action.openTaskReason?.trim()
      if (hasOpenTask(appeal) && !reason) {
        const message = '协办单位尚未回复，请说明先行答复企业的原因'
        throw new ValidationError(message, { openTaskReason: message })
      }
      const { awaitingMaterial: _waiting, ...rest } = base
      const autoCloseAt = workingDeadline(now, AUTO_CLOSE_DAYS, ctx.calendar).dueAt.toISOString()
      return {
        appeal: { ...rest, status: 'responded', respondedAt: at, autoCloseAt, response: { outcome: action.outcome, message: action.message, at } },
        event: event('respond', 'responded', {
          message: action.message,
          data: { outcome: action.outcome, ...(hasOpenTask(appeal) && reason ? { openTaskReason: reason } : {}) },
        }),
      }
    }

    case 'evaluate':
    case 'call-evaluate': {
      const problem = evaluationCommentProblem(action.rating, action.comment)
      if (problem) throw new ValidationError(problem, { comment: problem })
      const byCall = action.type === 'call-evaluate'
      const evaluation = { rating: action.rating, comment: action.comment, at, ...(byCall ? { byCall: true as const } : {}) }
      const data = { rating: action.rating, ...(byCall ? { byCall: true } : {}) }
      const message = action.comment || undefined
      const { autoCloseAt: _autoClose, ...rest } = base
      if (reopensOnEvaluation(appeal, action.rating)) {
        // DESIGN §4: an unsatisfied evaluation reopens the appeal once, lifts it one level, and
        // gives it the routing table's resolution time again.
        const lifted = raiseLevel(appeal, 'reopen', action.comment || '企业对答复不满意', actor.name, at)
        const days = appeal.resolveDays ?? 5
        const due = workingDeadline(now, days, ctx.calendar)
        return {
          appeal: {
            ...rest,
            ...lifted,
            status: 'in_progress',
            evaluation,
            reopenCount: appeal.reopenCount + 1,
            dueAt: due.dueAt.toISOString(),
            ...(due.provisional ? { deadlineProvisional: true } : {}),
          },
          event: event('reopen', 'in_progress', { message, data: { ...data, level: lifted.level, toDueAt: due.dueAt.toISOString() } }),
        }
      }
      return {
        appeal: { ...rest, status: 'closed', closedAt: at, evaluation },
        event: event(byCall ? 'call_evaluate' : 'evaluate', 'closed', { message, data }),
      }
    }

    case 'set-measure': {
      const { text, unit, dueDate } = action.measure
      if (dueDate < shanghaiDate(now)) throw new ValidationError('完成时限不能早于今天', { 'measure.dueDate': '完成时限不能早于今天' })
      const measure = { text, unit, dueDate, at, by: actorRef(actor) }
      return {
        appeal: { ...base, measure },
        event: same('set_measure', { message: `解决措施：${text}（责任单位：${unit}，${monthDayLabel(endOfShanghaiDay(dueDate).toISOString())}前完成）` }),
      }
    }

    case 'reopen': {
      // The office's own 不满意 (a return call heard otherwise): the same rule as an unsatisfied
      // evaluation — back to work once, one level up, the routing table's resolution time again.
      const lifted = raiseLevel(appeal, 'reopen', action.reason, actor.name, at)
      const due = workingDeadline(now, appeal.resolveDays ?? 5, ctx.calendar)
      const { closedAt: _closed, notEvaluated: _notEvaluated, autoCloseAt: _autoClose, ...rest } = base
      return {
        appeal: {
          ...rest,
          ...lifted,
          status: 'in_progress',
          reopenCount: appeal.reopenCount + 1,
          dueAt: due.dueAt.toISOString(),
          ...(due.provisional ? { deadlineProvisional: true } : {}),
        },
        event: event('office_reopen', 'in_progress', { message: `重新办理并提级至${LEVEL_LABEL[lifted.level]}。原因：${action.reason}`, data: { level: lifted.level, toDueAt: due.dueAt.toISOString() } }),
      }
    }

    case 'withdraw':
      return {
        appeal: { ...base, status: 'withdrawn', withdrawal: { reason: action.reason, at } },
        event: event('withdraw', 'withdrawn', { message: action.reason }),
      }

    case 'co-handle': {
      const due = workingDeadline(now, action.days, ctx.calendar).dueAt.toISOString()
      const coHandlers = [...appeal.coHandlers]
      const names: string[] = []
      action.handlers.forEach((h, i) => {
        const name = ctx.coHandlerName?.(h.kind, h.id)
        if (!name) throw new ValidationError('协办单位不存在', { [`handlers.${i}.id`]: '协办单位不存在' })
        const existing = coHandlers.findIndex((c) => c.kind === h.kind && c.id === h.id)
        if (existing >= 0 && coHandlers[existing]!.status !== 'replied') {
          throw new ConflictError('INVALID_TRANSITION', `${name}的协办任务尚未回复，不能重复请求`)
        }
        // Asking a co-handler who already replied opens a fresh task for it.
        const task: CoHandler = { kind: h.kind, id: h.id, name, status: 'open', request: action.message, requestedAt: at, dueAt: due }
        if (existing >= 0) coHandlers[existing] = task
        else coHandlers.push(task)
        names.push(name)
      })
      return {
        appeal: { ...base, coHandlers },
        event: same('co_handle', {
          message: `请 ${names.join('、')} 协办，${monthDayLabel(due)}前回复：${action.message}`,
          data: { handlers: action.handlers.map((h) => `${h.kind}:${h.id}`).join(','), dueAt: due },
        }),
      }
    }

    case 'accept-task': {
      const task = ownTask(appeal, actor)!
      return {
        appeal: { ...base, coHandlers: withTask(task, { status: 'accepted', acceptedAt: at }) },
        event: same('accept_task', { message: `${task.name}已接收协办任务`, data: { handler: `${task.kind}:${task.id}` } }),
      }
    }

    case 'reply-task': {
      const task = ownTask(appeal, actor)!
      return {
        appeal: { ...base, coHandlers: withTask(task, { status: 'replied', repliedAt: at, reply: action.message }) },
        // Addressed to the owner, who answers the enterprise in their own words.
        event: same('reply_task', { message: action.message, internal: true, data: { handler: `${task.kind}:${task.id}` } }),
      }
    }

    case 'transfer': {
      const to = ctx.transferee
      if (!to) throw new ValidationError('接办专员不存在', { toSpecialistId: '接办专员不存在' })
      if (to.id === appeal.ownerId) throw new ValidationError('该诉求已由这位专员办理', { toSpecialistId: '该诉求已由这位专员办理' })
      const status = appeal.status === 'submitted' ? 'assigned' : appeal.status
      return {
        appeal: { ...base, status, ownerId: to.id, ownerName: to.name },
        event: event('transfer', status, {
          message: `${appeal.ownerName ? `由 ${appeal.ownerName} ` : ''}转交 ${to.name} 办理。原因：${action.reason}`,
          data: { fromOwnerId: appeal.ownerId, toOwnerId: to.id },
        }),
      }
    }

    case 'escalate': {
      // The owner lifts a hard case; an admin lifting it supervises.
      const cause: EscalationCause = relationsTo(actor, appeal).has('owner') ? 'hard_case' : 'admin'
      const lifted = raiseLevel(appeal, cause, action.reason, actor.name, at)
      return {
        appeal: { ...base, ...lifted },
        event: same('escalate', { message: `提级至${LEVEL_LABEL[lifted.level]}。原因：${action.reason}`, data: { level: lifted.level, cause } }),
      }
    }

    case 'extend': {
      const problem = extensionDateProblem(action.dueDate, appeal.dueAt, now, ctx.calendar)
      if (problem) throw new ValidationError(`新的办结日期不可用：${problem}`, { dueDate: problem })
      const dueAt = endOfShanghaiDay(action.dueDate)
      const iso = dueAt.toISOString()
      const { deadlineProvisional: _provisional, ...rest } = base
      return {
        appeal: {
          ...rest,
          dueAt: iso,
          extensionCount: (appeal.extensionCount ?? 0) + 1,
          ...(ctx.calendar.isProvisional(action.dueDate) ? { deadlineProvisional: true } : {}),
        },
        event: same('extend', {
          message: `办理时限由 ${monthDayLabel(appeal.dueAt)} 延长至 ${monthDayLabel(iso)}。原因：${action.reason}`,
          data: { fromDueAt: appeal.dueAt, toDueAt: iso },
        }),
      }
    }

    case 'request-material':
      return {
        appeal: { ...base, awaitingMaterial: { since: at, message: action.message } },
        event: same('request_material', { message: joinSentences([`请企业补充材料：${action.message}`, '补充前办理时限暂停计算']) }),
      }

    case 'supply-material': {
      const resumed = resumeClock(appeal, now, ctx.calendar)
      const { awaitingMaterial: _waiting, ...rest } = base
      return {
        appeal: { ...rest, dueAt: resumed.dueAt, pausedDays: resumed.pausedDays, ...(resumed.provisional ? { deadlineProvisional: true } : {}) },
        event: same('supply_material', {
          message: action.message,
          data: { pausedDays: resumed.waited, fromDueAt: appeal.dueAt, toDueAt: resumed.dueAt },
        }),
      }
    }
  }
}
