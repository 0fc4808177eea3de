import type { Appeal, AppealEvent } from '../schemas/appeal.schema'
import { SYSTEM_ACTOR } from './actor'
import { monthDayLabel, type WorkingCalendar } from './calendar'
import { LEVEL_LABEL } from '../labels'
import { dueSoonAt, firstResponseMarked, missedDeadline, resolutionMarked } from './deadlines'
import { MAX_LEVEL, raiseLevel, type Transition } from './appeal-machine'

/**
 * What the scheduled sweep does to one appeal at `now` (DESIGN §6), or null when nothing:
 * - a responded appeal past its auto-close time closes as "not evaluated";
 * - a running deadline that passed is marked overdue and lifts the appeal one level — once per
 *   deadline: the mark names the deadline it was made for, so a second sweep, or one racing
 *   this one, finds nothing left to do;
 * - given the working calendar, a resolution deadline one working day away is marked as
 *   reminded (`dueSoonNotifiedFor`), once per deadline, so that its owner is told once.
 */
export function sweepAppeal(appeal: Appeal, now: Date, calendar?: WorkingCalendar): Transition | null {
  const at = now.toISOString()
  const version = appeal.version + 1
  const base: Appeal = { ...appeal, version, updatedAt: at }
  const event = (type: AppealEvent['type'], to: Appeal['status'], extra: Partial<AppealEvent>): AppealEvent => ({
    appealId: appeal.id,
    seq: version,
    type,
    at,
    actor: SYSTEM_ACTOR,
    from: appeal.status,
    to,
    ...extra,
  })

  if (appeal.status === 'responded') {
    if (!appeal.autoCloseAt || now.getTime() < Date.parse(appeal.autoCloseAt)) return null
    const { autoCloseAt: _autoClose, ...rest } = base
    return {
      appeal: { ...rest, status: 'closed', closedAt: at, notEvaluated: true },
      event: event('auto_close', 'closed', { message: '答复后 7 个工作日内企业未评价，系统自动办结（计为未评价）' }),
    }
  }

  const missed = missedDeadline(appeal, now)
  const alreadyMarked = missed === 'resolution' ? resolutionMarked(appeal) : missed === 'first_response' && firstResponseMarked(appeal)
  // Nothing newly late: a first response already marked late still leaves the resolution deadline to remind of.
  if (!missed || alreadyMarked) return calendar ? remindDueSoon(appeal, now, calendar, base, event) : null
  const dueAt = missed === 'resolution' ? appeal.dueAt : appeal.firstResponseDueAt

  const what = missed === 'resolution' ? '办理时限' : '首次响应时限'
  const lifted = raiseLevel(appeal, 'overdue', `超过${what}（${monthDayLabel(dueAt)}）`, SYSTEM_ACTOR.name, at)
  const raised = lifted.level > appeal.level
  return {
    appeal: { ...base, ...lifted, overdue: { kind: missed, dueAt, at } },
    event: event('overdue', appeal.status, {
      message: raised
        ? `已超过${what}（${monthDayLabel(dueAt)}），自动提级至${LEVEL_LABEL[lifted.level]}`
        : `已超过${what}（${monthDayLabel(dueAt)}），已在${LEVEL_LABEL[MAX_LEVEL]}`,
      data: { kind: missed, dueAt, level: lifted.level },
    }),
  }
}

/** The due-soon mark, once its time has come; an internal event, for the officials' timeline. */
function remindDueSoon(
  appeal: Appeal,
  now: Date,
  calendar: WorkingCalendar,
  base: Appeal,
  event: (type: AppealEvent['type'], to: Appeal['status'], extra: Partial<AppealEvent>) => AppealEvent,
): Transition | null {
  const remindAt = dueSoonAt(appeal, calendar)
  if (remindAt === null || now.getTime() < Date.parse(remindAt)) return null
  return {
    appeal: { ...base, dueSoonNotifiedFor: appeal.dueAt },
    event: event('due_soon', appeal.status, {
      message: `办理时限为${monthDayLabel(appeal.dueAt)}，已提醒办理人抓紧办理`,
      internal: true,
      data: { dueAt: appeal.dueAt },
    }),
  }
}
