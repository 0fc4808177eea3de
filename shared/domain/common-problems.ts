import { ConflictError } from '../errors'
import type { Appeal, AppealEvent, AppealStatus } from '../schemas/appeal.schema'
import type { CommonProblem, CommonProblemActionType, CommonProblemMonth, CreateCommonProblemRequest, LinkedAppeal } from '../schemas/common-problem.schema'
import { actorRef, type Actor } from './actor'
import type { Transition } from './appeal-machine'
import { STATUS_LABEL } from '../labels'

/*
 * 共性问题 (DESIGN §13): appeals of several enterprises that are one problem. Pure: whether an
 * appeal may join a problem, the timeline events of joining and leaving it, what may be done to
 * it, its report line (which open appeals look alike: similar-appeals.ts). Working the problem
 * (progress, measure, answer) goes through the appeal state machine, once per linked appeal, as
 * the `commonWorker` relation allows.
 */

/** Linked appeals are being worked: an owner holds them, nobody has answered yet. */
export const LINKABLE_STATUSES: readonly AppealStatus[] = ['assigned', 'in_progress']

/** Why an appeal cannot join a common problem now, or null when it can. */
export function linkProblem(appeal: Appeal, categoryId?: string): string | null {
  if (appeal.commonProblem) return `已并入共性问题「${appeal.commonProblem.title}」`
  if (!LINKABLE_STATUSES.includes(appeal.status)) return `诉求当前状态为「${STATUS_LABEL[appeal.status]}」，只有已分派、办理中的诉求可以并入共性问题`
  if (categoryId !== undefined && appeal.categoryId !== categoryId) return '诉求类别不同，不能并入同一共性问题'
  return null
}

export const linkedAppealOf = (appeal: Appeal): LinkedAppeal => ({
  id: appeal.id,
  number: appeal.number,
  title: appeal.title,
  enterpriseId: appeal.enterpriseId,
  enterpriseName: appeal.enterpriseName,
  areaId: appeal.areaId,
  status: appeal.status,
  ownerName: appeal.ownerName,
  createdAt: appeal.createdAt,
})

/**
 * A new common problem over these appeals (checked linkable and of one category first): its area
 * is theirs when they share one, else the city's (null).
 */
export function newCommonProblem(id: string, request: CreateCommonProblemRequest, appeals: readonly Appeal[], actor: Actor, now: Date): CommonProblem {
  const first = appeals[0]!
  const at = now.toISOString()
  const areas = new Set(appeals.map((a) => a.areaId))
  return {
    id,
    title: request.title,
    categoryId: first.categoryId,
    categoryName: first.categoryName,
    areaId: areas.size === 1 ? first.areaId : null,
    holder: actorRef(actor),
    responsibleUnit: request.responsibleUnit,
    ...(request.measure ? { measure: { ...request.measure, at, by: actorRef(actor) } } : {}),
    status: 'open',
    appealCount: 0,
    enterpriseCount: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
}

/** The problem's counts from the appeals linked to it now. */
export const countsOf = (links: readonly { enterpriseId: string }[]): Pick<CommonProblem, 'appealCount' | 'enterpriseCount'> => ({
  appealCount: links.length,
  enterpriseCount: new Set(links.map((l) => l.enterpriseId)).size,
})

function timelineChange(appeal: Appeal, actor: Actor, now: Date, type: AppealEvent['type'], message: string, commonProblem: Appeal['commonProblem']): Transition {
  const at = now.toISOString()
  const version = appeal.version + 1
  const { commonProblem: _previous, ...rest } = appeal
  return {
    appeal: { ...rest, ...(commonProblem ? { commonProblem } : {}), version, updatedAt: at },
    event: { appealId: appeal.id, seq: version, type, at, actor: actorRef(actor), from: appeal.status, to: appeal.status, message },
  }
}

/** Joining a common problem: the appeal names it (its holder now works it) and the timeline says so. 409 when it can no longer join. */
export function linkTransition(appeal: Appeal, problem: Pick<CommonProblem, 'id' | 'title' | 'holder' | 'categoryId'>, actor: Actor, now: Date): Transition {
  const problemWith = linkProblem(appeal, problem.categoryId)
  if (problemWith) throw new ConflictError('INVALID_TRANSITION', problemWith)
  return timelineChange(appeal, actor, now, 'common_linked', `并入共性问题「${problem.title}」，由${problem.holder.name}统一办理`, {
    id: problem.id,
    title: problem.title,
    holderId: problem.holder.id,
  })
}

/** Leaving it: the appeal is its owner's alone again. 409 when it is not linked to this problem. */
export function unlinkTransition(appeal: Appeal, problemId: string, actor: Actor, now: Date): Transition {
  if (appeal.commonProblem?.id !== problemId) throw new ConflictError('INVALID_TRANSITION', '该诉求不在这个共性问题中')
  return timelineChange(appeal, actor, now, 'common_unlinked', `移出共性问题「${appeal.commonProblem.title}」，由专员单独办理`, undefined)
}

/** Statuses in which an appeal's timeline still takes a progress note. */
export const NOTABLE_STATUSES: readonly AppealStatus[] = ['submitted', 'assigned', 'in_progress', 'responded']

/**
 * What may be done to the problem now, given its linked appeals (who may is the policy's): notes
 * while an appeal is still worked, the measure and more appeals until it is answered, the answer
 * while an appeal awaits it (answering again reaches only those), unlinking while any is linked.
 */
export function commonProblemActions(problem: Pick<CommonProblem, 'status'>, appeals: readonly Pick<Appeal, 'status'>[]): CommonProblemActionType[] {
  const actions: CommonProblemActionType[] = []
  if (appeals.some((a) => NOTABLE_STATUSES.includes(a.status))) actions.push('note')
  if (problem.status === 'open' && appeals.some((a) => LINKABLE_STATUSES.includes(a.status))) actions.push('set-measure')
  if (appeals.some((a) => LINKABLE_STATUSES.includes(a.status))) actions.push('respond')
  if (problem.status === 'open') actions.push('link')
  if (appeals.length > 0) actions.push('unlink')
  return actions
}

/** The report's line: the month's common problems, how many are answered, the appeals and enterprises they cover. */
export const commonProblemMonth = (created: readonly Pick<CommonProblem, 'status' | 'appealCount' | 'enterpriseCount'>[]): CommonProblemMonth => ({
  created: created.length,
  answered: created.filter((p) => p.status === 'answered').length,
  appealsCovered: created.reduce((sum, p) => sum + p.appealCount, 0),
  enterprisesCovered: created.reduce((sum, p) => sum + p.enterpriseCount, 0),
})
