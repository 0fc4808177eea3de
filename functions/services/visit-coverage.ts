import { shanghaiDate } from '@shared/domain/calendar'
import { monthEnd, monthStart } from '@shared/domain/report-month'
import type { ReportScope } from '@shared/domain/report-scope'
import { roundCoverage, roundEnterprises, roundPhase, roundWindow, type Coverage, type RoundProblem } from '@shared/domain/visit-rounds'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { Catalog } from '@shared/schemas/catalog.schema'
import type { VisitRound } from '@shared/schemas/visit-round.schema'
import type { Visit } from '@shared/schemas/visit.schema'
import { getAppeals } from '../store/appeal.store'
import { listAppealIdsOfSource } from '../store/appeal-source.store'
import { listAllEnterprisesOfArea, listPortfolio, type EnterpriseRecord } from '../store/enterprise.store'
import { getUsers } from '../store/user.store'
import { listVisitRoundsEndingFrom } from '../store/visit-round.store'
import { listVisitsOfArea } from '../store/visit.store'

/** Which enterprises of a round are read: those of some areas, or one specialist's portfolio. */
export type CoverageSource = { kind: 'areas'; areaIds: readonly string[] } | { kind: 'portfolio'; specialistId: string }

/** Lookups of the visits that found problems run this many at a time. */
const PROBLEM_LOOKUPS = 16

async function inBatches<T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await each(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
  return out
}

/**
 * The problems filed from visits: only visits that counted one (`appealCount`) are looked up — a
 * round of thousands of visits finds problems at a few hundred — each with one Query of its source
 * links, and the appeals read by id in batches.
 */
async function problemsOf(visits: readonly Visit[]): Promise<RoundProblem[]> {
  const withProblems = visits.filter((v) => v.appealCount > 0)
  const ids = (await inBatches(withProblems, PROBLEM_LOOKUPS, (v) => listAppealIdsOfSource({ kind: 'visit', id: v.id }))).flat()
  if (ids.length === 0) return []
  const appeals: Appeal[] = await getAppeals(ids)
  return appeals.map((a) => ({ source: a.source, status: a.status }))
}

/**
 * A round's coverage over what one caller may see: the enterprises of the source that the round
 * selects, their visits within the round's dates (an area Query each), and the problems filed
 * from those visits. Every read is a key lookup or a Query.
 */
export async function readRoundCoverage(round: VisitRound, source: CoverageSource, catalog: Catalog, now: Date): Promise<Coverage> {
  const window = roundWindow(round)
  const until = new Date(Math.min(window.to.getTime(), now.getTime() + 1))
  const visitsOf = async (areaIds: readonly string[]) =>
    until > window.from ? (await Promise.all(areaIds.map((id) => listVisitsOfArea(id, window.from.toISOString(), until.toISOString())))).flat() : []
  let enterprises: EnterpriseRecord[]
  let visits: Visit[]
  if (source.kind === 'portfolio') {
    enterprises = roundEnterprises(round, await listPortfolio(source.specialistId))
    visits = await visitsOf([...new Set(enterprises.map((e) => e.areaId))])
  } else {
    // An area's enterprises and its visits do not depend on each other: read them side by side.
    const [candidates, read] = await Promise.all([Promise.all(source.areaIds.map((id) => listAllEnterprisesOfArea(id))), visitsOf(source.areaIds)])
    enterprises = roundEnterprises(round, candidates.flat())
    visits = read
  }
  const due = new Set(enterprises.map((e) => e.id))
  const counted = visits.filter((v) => due.has(v.enterpriseId))
  const specialistIds = [...new Set(enterprises.flatMap((e) => (e.specialistId ? [e.specialistId] : [])))]
  const [problems, users] = await Promise.all([problemsOf(counted), getUsers(specialistIds)])
  return roundCoverage(round, enterprises, counted, problems, {
    area: (id) => catalog.areas.find((a) => a.id === id)?.name,
    specialist: (id) => users.get(id)?.name,
  })
}

/** The running rounds of the city, each with its whole coverage (the weekly digests share them). */
export async function readRunningRoundCoverages(catalog: Catalog, now: Date): Promise<{ round: VisitRound; coverage: Coverage }[]> {
  const rounds = (await listVisitRoundsEndingFrom(shanghaiDate(now))).filter((r) => roundPhase(r, now) === 'open')
  return Promise.all(
    rounds.map(async (round) => ({
      round,
      coverage: await readRoundCoverage(round, { kind: 'areas', areaIds: round.areaId ? [round.areaId] : catalog.areas.map((a) => a.id) }, catalog, now),
    })),
  )
}

/** The visits a month's report counts: of the city's areas or one area's, made in the month; null for other scopes. */
export async function visitsOfReportMonth(scope: Pick<ReportScope, 'kind' | 'areaIds'>, month: string, catalog: Catalog): Promise<Visit[] | null> {
  if (scope.kind !== 'city' && scope.kind !== 'area') return null
  const areaIds = scope.areaIds === 'all' ? catalog.areas.map((a) => a.id) : scope.areaIds
  const from = monthStart(month).toISOString()
  const to = monthEnd(month).toISOString()
  return (await Promise.all(areaIds.map((id) => listVisitsOfArea(id, from, to)))).flat()
}
