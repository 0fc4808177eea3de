import { randomUUID } from 'node:crypto'
import { ulid } from 'ulid'
import { actorRef, type Actor } from '@shared/domain/actor'
import { maskPhone } from '@shared/domain/mask'
import { mayCallReturnVisit, maySeeFilerPhone, maySeeMemberPhone, returnVisitReach } from '@shared/domain/policy'
import { monthEnd, monthStart } from '@shared/domain/report-month'
import { attemptRefusal, callListOrder, contactRefOf, drawSample, newReturnVisit, returnVisitFigures, withAttempt } from '@shared/domain/return-visits'
import { ConflictError, ForbiddenError, NotFoundError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { Area } from '@shared/schemas/catalog.schema'
import {
  ATTEMPTS_MAX,
  type DrawSampleRequest,
  type DrawSampleResponse,
  type ListReturnVisitsQuery,
  type RecordAttemptRequest,
  type ReturnVisit,
  type ReturnVisitList,
  type ReturnVisitSummary,
  type ReturnVisitView,
  type SampleStratum,
} from '@shared/schemas/return-visit.schema'
import { returnVisitsOf } from '../services/return-visit-figures'
import { assertMonthBegun } from '../services/report-month-check'
import { listClosedAppealsPage } from '../store/appeal-lists.store'
import { getAppeals } from '../store/appeal.store'
import { getCatalogCached } from '../store/catalog.store'
import { getEnterprise } from '../store/enterprise.store'
import { claimStratum, getReturnVisit, getStratum, listStrata, markStratumDrawn, putNewVisits, putVisitIfAbsent, saveCall, type StoredStratum } from '../store/return-visit.store'
import { getUsers } from '../store/user.store'

export const CITY_SCOPE_NAME = '全市'

interface Scope {
  scope: DrawSampleResponse['scope']
  areas: readonly Area[]
}

/** Whose return visits the caller draws or reads: an area admin their area; the city admin the city or one area. */
async function scopeOf(actor: Actor, areaId: string | undefined): Promise<Scope> {
  const reach = returnVisitReach(actor, areaId)
  if (reach.kind === 'refused') throw new ForbiddenError(reach.why === 'other_area' ? '只能处理本属地的回访' : '只有属地或市级管理员可以开展抽查回访')
  const { areas } = await getCatalogCached()
  if (reach.kind === 'city') return { scope: { kind: 'city', areaId: null, name: CITY_SCOPE_NAME }, areas }
  const area = areas.find((a) => a.id === reach.areaId)
  if (!area) throw new NotFoundError('未找到该属地')
  return { scope: { kind: 'area', areaId: area.id, name: area.name }, areas: [area] }
}


/** The area's appeals closed in the month, read from the closed part of the work index (Query, page by page). */
async function closedInMonth(areaId: string, month: string): Promise<Appeal[]> {
  const appeals: Appeal[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await listClosedAppealsPage(areaId, monthStart(month), monthEnd(month), startKey)
    appeals.push(...page.items)
    startKey = page.next
  } while (startKey)
  return appeals
}

/** The visits a plan names, of the appeals it names that are (still) closed. */
function plannedVisits(stratum: StoredStratum, appeals: ReadonlyMap<string, Appeal>): ReturnVisit[] {
  return stratum.plan.flatMap((p) => {
    const appeal = appeals.get(p.appealId)
    return appeal?.closedAt ? [newReturnVisit(p.visitId, stratum.month, appeal, contactRefOf(appeal))] : []
  })
}

/**
 * Finishes a sample cut short after its claim: writes the planned visits not written yet (those
 * written keep the calls recorded on them), then marks the sample drawn.
 */
async function finish(stratum: StoredStratum): Promise<void> {
  const appeals = new Map((await getAppeals(stratum.plan.map((p) => p.appealId))).map((a) => [a.id, a]))
  const queue = plannedVisits(stratum, appeals)
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await putVisitIfAbsent(next)
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  await markStratumDrawn(stratum.month, stratum.areaId)
}

const publicStratum = ({ state: _state, plan: _plan, ...stratum }: StoredStratum): SampleStratum => stratum

/** One area's sample of the month: the one drawn before if there is one (finished if it was cut short), else a new one. */
async function sampleArea(actor: Actor, area: Area, request: DrawSampleRequest, now: Date): Promise<{ stratum: StoredStratum; created: boolean }> {
  const existing = await getStratum(request.month, area.id)
  if (existing) {
    if (existing.state === 'drawing') await finish(existing)
    return { stratum: existing, created: false }
  }
  const closed = await closedInMonth(area.id, request.month)
  const seed = randomUUID()
  const picked = drawSample(closed, request, seed)
  const stratum: StoredStratum = {
    month: request.month,
    areaId: area.id,
    areaName: area.name,
    percent: request.percent,
    minPerArea: request.minPerArea,
    seed,
    population: closed.length,
    sampled: picked.length,
    notEvaluated: picked.filter((a) => a.notEvaluated).length,
    drawnAt: now.toISOString(),
    drawnBy: { id: actor.id, name: actor.name },
    state: 'drawing',
    plan: picked.map((a) => ({ visitId: `rv-${ulid(now.getTime()).toLowerCase()}`, appealId: a.id })),
  }
  if (!(await claimStratum(stratum))) return sampleArea(actor, area, request, now)
  await putNewVisits(plannedVisits(stratum, new Map(picked.map((a) => [a.id, a]))))
  await markStratumDrawn(stratum.month, stratum.areaId)
  return { stratum, created: true }
}

/**
 * 回访抽样: the month's sample of each area of the caller's scope (the city: every area; an area
 * office: its own). Each area's sample is drawn once, from the appeals closed there in the month by
 * then, and kept with its seed: asking again answers the sample drawn (created false), whatever
 * rule is sent, so a sample cannot be drawn again until it looks better. A month not yet ended may
 * be sampled; what closes after the draw is not in it.
 */
export async function drawMonthSample(actor: Actor, request: DrawSampleRequest, now: Date): Promise<DrawSampleResponse> {
  const { scope, areas } = await scopeOf(actor, request.areaId)
  assertMonthBegun(request.month, now)
  const results = await Promise.all(areas.map((area) => sampleArea(actor, area, request, now)))
  return { month: request.month, scope, created: results.some((r) => r.created), strata: results.map((r) => publicStratum(r.stratum)) }
}

/** The visits as this caller sees them: whom to call, the phone in full only where the privacy policy allows. */
async function views(actor: Actor, visits: readonly ReturnVisit[]): Promise<ReturnVisitView[]> {
  const filerIds = visits.flatMap((v) => (v.contactRef.kind === 'filer' ? [v.contactRef.userId] : []))
  const enterpriseIds = [...new Set(visits.filter((v) => v.contactRef.kind === 'enterprise').map((v) => v.enterpriseId))]
  const [users, enterprises] = await Promise.all([
    filerIds.length > 0 ? getUsers(filerIds) : Promise.resolve(new Map()),
    Promise.all(enterpriseIds.map(getEnterprise)).then((list) => new Map(list.flatMap((e) => (e ? [[e.id, e] as const] : [])))),
  ])
  return visits.map(({ contactRef, ...visit }) => {
    if (contactRef.kind === 'filer') {
      const full = maySeeFilerPhone(actor, { enterpriseId: visit.enterpriseId, areaId: visit.areaId, ownerId: null, coHandlers: [], filedBy: { id: contactRef.userId, name: contactRef.name, role: 'staff' } })
      const phone = users.get(contactRef.userId)?.phone ?? ''
      const deleted = !users.has(contactRef.userId)
      return { ...visit, contact: { source: 'filer' as const, name: deleted ? '已注销用户' : contactRef.name, phone: full ? phone : maskPhone(phone), phoneMasked: !full } }
    }
    const enterprise = enterprises.get(visit.enterpriseId)
    const full = enterprise ? maySeeMemberPhone(actor, { areaId: enterprise.areaId, specialistId: enterprise.specialistId }) : false
    const phone = enterprise?.contact?.phone ?? ''
    return { ...visit, contact: { source: 'enterprise' as const, name: enterprise?.contact?.name ?? '', phone: full ? phone : maskPhone(phone), phoneMasked: !full } }
  })
}

/** 回访清单: the scope's return visits of the month, still to call first; optionally one status, or the inconsistent ones. */
export async function listMonthReturnVisits(actor: Actor, query: ListReturnVisitsQuery, now: Date): Promise<ReturnVisitList> {
  const { scope, areas } = await scopeOf(actor, query.areaId)
  assertMonthBegun(query.month, now)
  const visits = (await returnVisitsOf(areas.map((a) => a.id), query.month))
    .filter((v) => (query.status === undefined ? true : query.status === 'inconsistent' ? v.inconsistent : v.status === query.status))
    .sort(callListOrder)
  return { month: query.month, scope, items: await views(actor, visits) }
}

async function visibleVisit(actor: Actor, id: string): Promise<ReturnVisit> {
  const visit = await getReturnVisit(id)
  if (!visit || !mayCallReturnVisit(actor, visit)) throw new NotFoundError('未找到该回访')
  return visit
}

export async function getOneReturnVisit(actor: Actor, id: string): Promise<ReturnVisitView> {
  return (await views(actor, [await visibleVisit(actor, id)]))[0]!
}

/**
 * One call of a return visit: not reached (tried again later, up to ATTEMPTS_MAX times), or reached
 * with the enterprise's rating and words. A reached visit takes no more calls. Flagged 评价不一致
 * when the call is unsatisfied and the app's evaluation was not.
 */
export async function recordAttempt(actor: Actor, id: string, call: RecordAttemptRequest, now: Date): Promise<ReturnVisitView> {
  const visit = await visibleVisit(actor, id)
  if (call.expectedAttempts !== undefined && call.expectedAttempts !== visit.attempts.length) throw new ConflictError('VERSION_CONFLICT', '该回访刚被他人记录，请刷新后重试')
  const refusal = attemptRefusal(visit, ATTEMPTS_MAX)
  if (refusal === 'already_reached') throw new ConflictError('INVALID_TRANSITION', '该企业已回访接通，不能再记录')
  if (refusal === 'too_many') throw new ConflictError('INVALID_TRANSITION', `已尝试 ${ATTEMPTS_MAX} 次，不能再记录`)
  const next = withAttempt(visit, call, { id: actor.id, name: actorRef(actor).name }, now)
  if (!(await saveCall(next, visit.attempts.length))) throw new ConflictError('VERSION_CONFLICT', '该回访刚被他人记录，请刷新后重试')
  return (await views(actor, [next]))[0]!
}

/** The month's 回访满意率 and sample sizes for the scope, per area, and the inconsistent visits for the supervisor. */
export async function returnVisitSummary(actor: Actor, query: { month: string; areaId?: string }, now: Date): Promise<ReturnVisitSummary> {
  const { scope, areas } = await scopeOf(actor, query.areaId)
  assertMonthBegun(query.month, now)
  const ids = new Set(areas.map((a) => a.id))
  const [visits, strata] = await Promise.all([returnVisitsOf([...ids], query.month), listStrata(query.month)])
  const inconsistent = visits.filter((v) => v.inconsistent).sort(callListOrder)
  return {
    month: query.month,
    scope,
    figures: returnVisitFigures(visits),
    byArea: areas.map((a) => ({ areaId: a.id, name: a.name, figures: returnVisitFigures(visits.filter((v) => v.areaId === a.id)) })),
    strata: strata.filter((s) => ids.has(s.areaId)).map(publicStratum),
    inconsistent: await views(actor, inconsistent),
  }
}
