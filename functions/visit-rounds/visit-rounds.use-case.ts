import { ulid } from 'ulid'
import { actorRef, type Actor } from '@shared/domain/actor'
import { shanghaiDate } from '@shared/domain/calendar'
import { mayListPendingVisits, mayListVisitRounds, mayOpenVisitRound, mayReadCoverageRow, maySeeVisitRound, visitRoundCoverageReach } from '@shared/domain/policy'
import { pendingByRoundEnd, roundPhase, sortRounds, sumCoverage } from '@shared/domain/visit-rounds'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type {
  CoverageQuery,
  OpenVisitRoundRequest,
  PendingVisits,
  VisitRound,
  VisitRoundCoverage,
  VisitRoundList,
} from '@shared/schemas/visit-round.schema'
import { readRoundCoverage, type CoverageSource } from '../services/visit-coverage'
import { getCatalogCached } from '../store/catalog.store'
import { listAllEnterprisesOfArea } from '../store/enterprise.store'
import { getVisitRound, listVisitRoundsEndingFrom, putVisitRound } from '../store/visit-round.store'

export const CITY_ROUND_SCOPE = '全市'
/** The list shows rounds that ended within about a year, and every round still to end. */
const LIST_DAYS = 400

/**
 * Opens a visit round. Input: the checked request. Steps: authorise for the round's area (area
 * admins their own, the city admin any or the whole city) → the area must exist → a list round's
 * enterprises must be of its scope → store. Output: the round.
 */
export async function openVisitRound(actor: Actor, request: OpenVisitRoundRequest, now: Date): Promise<VisitRound> {
  if (!mayOpenVisitRound(actor, request.areaId)) {
    throw new ForbiddenError(mayListVisitRounds(actor) && request.areaId === null ? '只有市级管理员可以开启全市走访轮次' : '只有本属地或市级管理员可以开启走访轮次')
  }
  const { areas } = await getCatalogCached()
  const area = request.areaId === null ? null : areas.find((a) => a.id === request.areaId)
  if (area === undefined) throw new ValidationError('属地不存在', { areaId: '属地不存在' })
  if (request.selection.kind === 'list') {
    const scopeAreas = area ? [area.id] : areas.map((a) => a.id)
    const known = new Set((await Promise.all(scopeAreas.map((id) => listAllEnterprisesOfArea(id)))).flat().map((e) => e.id))
    const strangers = request.selection.enterpriseIds.filter((id) => !known.has(id))
    if (strangers.length > 0) {
      const message = area ? `以下企业不属于${area.name}：${strangers.slice(0, 5).join('、')}${strangers.length > 5 ? ' 等' : ''}` : `未找到企业：${strangers.slice(0, 5).join('、')}`
      throw new ValidationError('走访企业有误', { 'selection.enterpriseIds': message })
    }
  }
  const round: VisitRound = {
    id: `vr-${ulid(now.getTime()).toLowerCase()}`,
    name: request.name,
    areaId: request.areaId,
    areaName: area ? area.name : CITY_ROUND_SCOPE,
    from: request.from,
    to: request.to,
    selection: request.selection,
    target: request.target,
    createdBy: actorRef(actor),
    createdAt: now.toISOString(),
  }
  await putVisitRound(round)
  return round
}

/** The rounds the caller may see: running ones first, then those to come, then those ended in the last year. */
export async function listVisitRounds(actor: Actor, now: Date): Promise<VisitRoundList> {
  if (!mayListVisitRounds(actor)) throw new ForbiddenError('只有管理员和专员可以查看走访轮次')
  const since = shanghaiDate(new Date(now.getTime() - LIST_DAYS * 86_400_000))
  const rounds = (await listVisitRoundsEndingFrom(since)).filter((r) => maySeeVisitRound(actor, r))
  return { items: sortRounds(rounds, now) }
}

/**
 * A round's coverage as the caller may see it. City admin: every area (or the one named) and
 * every specialist (or the one named, with their enterprises not yet visited). Area admin: their
 * area's part. Specialist: their own row and their enterprises not yet visited. The round is a
 * 404 to anyone else.
 */
export async function getRoundCoverage(actor: Actor, roundId: string, query: CoverageQuery, now: Date): Promise<VisitRoundCoverage> {
  const round = await getVisitRound(roundId)
  if (!round || !maySeeVisitRound(actor, round)) throw new NotFoundError('未找到该走访轮次')
  const reach = visitRoundCoverageReach(actor, round)
  const catalog = await getCatalogCached()
  let source: CoverageSource
  let specialistId = query.specialistId
  if (reach.kind === 'specialist') {
    if (query.specialistId && query.specialistId !== reach.specialistId) throw new ForbiddenError('专员只能查看自己的走访进度')
    specialistId = reach.specialistId
    source = { kind: 'portfolio', specialistId }
  } else if (reach.kind === 'area') {
    if (query.areaId && query.areaId !== reach.areaId) throw new ForbiddenError('只能查看本属地的走访进度')
    source = { kind: 'areas', areaIds: [reach.areaId] }
  } else {
    const inRound = round.areaId ? [round.areaId] : catalog.areas.map((a) => a.id)
    const areaIds = query.areaId ? inRound.filter((id) => id === query.areaId) : inRound
    if (query.areaId && !catalog.areas.some((a) => a.id === query.areaId)) throw new ValidationError('查询参数有误，请检查后重试', { areaId: '属地不存在' })
    source = { kind: 'areas', areaIds }
  }
  const coverage = await readRoundCoverage(round, source, catalog, now)
  const byArea = reach.kind === 'specialist' ? [] : coverage.byArea.filter((row) => mayReadCoverageRow(actor, round, { kind: 'area', id: row.id, areaId: row.areaId }))
  const bySpecialist = coverage.bySpecialist.filter(
    (row) => mayReadCoverageRow(actor, round, { kind: 'specialist', id: row.id, areaId: row.areaId }) && (!specialistId || row.id === specialistId),
  )
  const pending = specialistId ? coverage.pending.filter((p) => p.specialistId === specialistId) : []
  return {
    round: { ...round, phase: roundPhase(round, now) },
    at: now.toISOString(),
    totals: sumCoverage(reach.kind === 'specialist' || specialistId ? bySpecialist : byArea),
    byArea,
    bySpecialist,
    pending,
  }
}

/** 本轮待走访: the caller's enterprises not yet visited as often as the running rounds ask, nearest round end first. */
export async function listPendingVisits(actor: Actor, now: Date): Promise<PendingVisits> {
  if (!mayListPendingVisits(actor)) throw new ForbiddenError('只有企业服务专员有待走访清单')
  const today = shanghaiDate(now)
  const rounds = (await listVisitRoundsEndingFrom(today)).filter((r) => roundPhase(r, now) === 'open' && maySeeVisitRound(actor, r))
  const catalog = await getCatalogCached()
  const lists = await Promise.all(rounds.map(async (r) => (await readRoundCoverage(r, { kind: 'portfolio', specialistId: actor.id }, catalog, now)).pending))
  return { items: pendingByRoundEnd(lists), at: now.toISOString() }
}
