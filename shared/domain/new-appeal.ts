import type { Appeal, AppealEvent, SubmitAppealRequest } from '../schemas/appeal.schema'
import type { Category, Department, Enterprise, TaskForce } from '../schemas/catalog.schema'
import { actorRef, type Actor } from './actor'
import { recordedMeasure, type OnBehalfFacts } from './on-behalf'
import { workingDeadline, type WorkingCalendar } from './calendar'
import { routeAppeal } from './routing'
import { joinSentences } from './text'
import { CHANNEL_LABEL } from '../labels'

export interface NewAppealContext {
  id: string
  /** Its number (诉求编号), drawn for this filing (appeal-number.ts). */
  number: string
  now: Date
  actor: Actor
  enterprise: Enterprise
  owner: { id: string; name: string } | null
  category: Category
  departments: readonly Department[]
  taskForces: readonly TaskForce[]
  calendar: WorkingCalendar
  /**
   * 专员代提: the channel, the visit or event it came from and a measure agreed there; `hasStaff`
   * false when nobody of the enterprise can evaluate it in the app (an official records the
   * evaluation from a return call instead). Absent for the enterprise's own filing.
   */
  onBehalf?: OnBehalfFacts & { hasStaff: boolean }
}

/**
 * Builds a freshly submitted appeal: routed to the enterprise's specialist (or the area's duty
 * queue), with its co-handlers and both deadlines counted in working days from today.
 */
export function newAppeal(request: SubmitAppealRequest, ctx: NewAppealContext): { appeal: Appeal; event: AppealEvent } {
  const route = routeAppeal({
    enterprise: ctx.enterprise,
    category: ctx.category,
    departments: ctx.departments,
    taskForces: ctx.taskForces,
  })
  const at = ctx.now.toISOString()
  const owner = route.ownerId && ctx.owner?.id === route.ownerId ? ctx.owner : null
  const firstResponse = workingDeadline(ctx.now, ctx.category.firstResponseDays, ctx.calendar)
  const resolution = workingDeadline(ctx.now, ctx.category.resolveDays, ctx.calendar)
  const appeal: Appeal = {
    id: ctx.id,
    number: ctx.number,
    enterpriseId: ctx.enterprise.id,
    enterpriseName: ctx.enterprise.name,
    enterpriseScale: ctx.enterprise.scale,
    areaId: ctx.enterprise.areaId,
    categoryId: ctx.category.id,
    categoryName: ctx.category.name,
    title: request.title,
    description: request.description,
    channel: ctx.onBehalf?.channel ?? 'miniapp',
    ...(ctx.onBehalf?.source ? { source: ctx.onBehalf.source } : {}),
    ...(ctx.onBehalf?.measure ? { measure: recordedMeasure(ctx.onBehalf.measure, actorRef(ctx.actor), at) } : {}),
    ...(ctx.onBehalf && !ctx.onBehalf.hasStaff ? { evaluatedByCall: true as const } : {}),
    status: owner ? route.status : 'submitted',
    level: 0,
    ownerId: owner?.id ?? null,
    ownerName: owner?.name ?? null,
    // The routing table's co-handlers work to the appeal's own resolution deadline.
    coHandlers: route.coHandlers.map((c) => ({ ...c, status: 'open', requestedAt: at, dueAt: resolution.dueAt.toISOString() })),
    filedBy: actorRef(ctx.actor),
    createdAt: at,
    updatedAt: at,
    firstResponseDueAt: firstResponse.dueAt.toISOString(),
    dueAt: resolution.dueAt.toISOString(),
    // Counted on a year whose schedule is not yet published: shown as 暂定 until it is.
    ...(firstResponse.provisional || resolution.provisional ? { deadlineProvisional: true } : {}),
    reopenCount: 0,
    resolveDays: ctx.category.resolveDays,
    version: 1,
    // Filed by someone who scanned the card but is not yet confirmed as the enterprise's staff.
    ...(ctx.actor.pendingEnterpriseIds.includes(ctx.enterprise.id) ? { filerPending: true } : {}),
  }
  const event: AppealEvent = {
    appealId: appeal.id,
    seq: 1,
    type: 'submit',
    at,
    actor: actorRef(ctx.actor),
    from: null,
    to: appeal.status,
    message: joinSentences([
      ctx.onBehalf ? `${ctx.actor.name}代企业提交（${CHANNEL_LABEL[ctx.onBehalf.channel]}${ctx.onBehalf.source ? `：${ctx.onBehalf.source.label}` : ''}）` : null,
      appeal.ownerName ? `已交办企业服务专员 ${appeal.ownerName}` : '已进入属地待分派队列',
    ]),
  }
  return { appeal, event }
}
