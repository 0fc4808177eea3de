/*
 * Visits (走访): a new visit record from what the official typed, the check-in rule, and the one
 * line enterprise staff are told of a visit. Pure.
 */
import type { Enterprise } from '../schemas/catalog.schema'
import { CHECK_IN_VALID_HOURS, type RecordVisitRequest, type Visit, type VisitSeen } from '../schemas/visit.schema'
import { actorRef, type Actor } from './actor'
import { SHANGHAI_OFFSET_MINUTES } from './calendar'

/** A visit may be stamped a little ahead of the server's clock (a phone's clock runs fast). */
export const VISITED_AT_SKEW_MS = 10 * 60_000
/** A visit is recorded within this many days of taking place. */
export const VISIT_RECORD_WITHIN_DAYS = 60

/** What the server's signed check-in vouches for: this card (of this enterprise) was scanned by this official at this time. */
export interface CheckInClaims {
  cardId: string
  enterpriseId: string
  userId: string
  scannedAt: string
}

/** Why a check-in cannot stamp this visit (field message), or undefined when it can. */
export function checkInProblem(claims: CheckInClaims | undefined, visit: { enterpriseId: string; userId: string }, now: Date): string | undefined {
  if (!claims) return '签到凭证无效，请重新扫码签到'
  if (claims.enterpriseId !== visit.enterpriseId || claims.userId !== visit.userId) return '签到凭证不属于该企业，请扫该企业的联系卡'
  const age = now.getTime() - Date.parse(claims.scannedAt)
  if (age > CHECK_IN_VALID_HOURS * 3600_000) return `签到已超过 ${CHECK_IN_VALID_HOURS} 小时，请重新扫码签到`
  if (age < -VISITED_AT_SKEW_MS) return '签到凭证无效，请重新扫码签到'
  return undefined
}

/** Why the visit's time cannot be recorded (field message on visitedAt), or undefined. */
export function visitedAtProblem(visitedAt: Date, now: Date): string | undefined {
  if (visitedAt.getTime() > now.getTime() + VISITED_AT_SKEW_MS) return '走访时间不能晚于现在'
  if (visitedAt.getTime() < now.getTime() - VISIT_RECORD_WITHIN_DAYS * 86_400_000) return `只能补记 ${VISIT_RECORD_WITHIN_DAYS} 天内的走访`
  return undefined
}

export interface NewVisitContext {
  id: string
  now: Date
  actor: Actor
  enterprise: Pick<Enterprise, 'id' | 'name' | 'areaId' | 'specialistId'>
  /** The time of the scan, when a valid check-in came with the record. */
  checkedInAt?: string
  attachmentCount: number
}

/** The visit as it will be stored. */
export function newVisit(request: RecordVisitRequest, ctx: NewVisitContext): Visit {
  return {
    id: ctx.id,
    enterpriseId: ctx.enterprise.id,
    enterpriseName: ctx.enterprise.name,
    areaId: ctx.enterprise.areaId,
    specialistId: ctx.enterprise.specialistId ?? null,
    by: actorRef(ctx.actor),
    visitedAt: new Date(request.visitedAt).toISOString(),
    kind: request.kind,
    met: request.met,
    topics: [...request.topics],
    record: request.record,
    ...(ctx.checkedInAt ? { checkedInAt: ctx.checkedInAt } : {}),
    attachmentCount: ctx.attachmentCount,
    appealCount: 0,
    createdAt: ctx.now.toISOString(),
  }
}

/** Whether a visit moves the enterprise's 最近走访 (the latest visit wins, whatever order they are recorded in). */
export const isLaterVisit = (visitedAt: string, lastVisitAt: string | undefined): boolean => lastVisitAt === undefined || visitedAt > lastVisitAt

/** 12 月 5 日 (Shanghai), with the year when it is not the year of `now`. */
export function visitDateWords(instant: string, now: Date): string {
  const shifted = new Date(Date.parse(instant) + SHANGHAI_OFFSET_MINUTES * 60_000)
  const thisYear = new Date(now.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).getUTCFullYear()
  const year = shifted.getUTCFullYear()
  return `${year === thisYear ? '' : `${year} 年 `}${shifted.getUTCMonth() + 1} 月 ${shifted.getUTCDate()} 日`
}

/** The one thing staff learn of a visit: "专员于 12 月 5 日走访". */
export function visitSeen(visit: Pick<Visit, 'visitedAt' | 'kind'>, now: Date): VisitSeen {
  const how = visit.kind === 'phone' ? '电话联系' : visit.kind === 'video' ? '视频连线' : '走访'
  return { visitedAt: visit.visitedAt, kind: visit.kind, line: `专员于 ${visitDateWords(visit.visitedAt, now)}${how}` }
}
