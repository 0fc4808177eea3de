import type { Actor } from '@shared/domain/actor'
import { defaultDigestArea, mayReadDigest, maySupervise } from '@shared/domain/policy'
import { buildDigest, digestWeek, shiftWeek, UNSATISFIED_WINDOW_DAYS, type DigestNames } from '@shared/domain/supervision'
import { ForbiddenError, NotFoundError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { Area } from '@shared/schemas/catalog.schema'
import type { DigestQuery, DigestScope, DigestSummary, WeeklyDigest } from '@shared/schemas/supervision.schema'
import { listEvaluatedUnsatisfied, listOpenAppeals } from '../store/appeal-lists.store'
import { getCatalogCached } from '../store/catalog.store'
import { getDigestRecord, listAllDigests, listScopeDigests, listWeekDigests, putDigestOnce } from '../store/digest.store'
import { getUsers } from '../store/user.store'
import { CITY_SCOPE_NAME } from './supervision.use-case'
import { digestOutboxFor } from '../services/outbox'
import { readRunningRoundCoverages } from '../services/visit-coverage'
import { digestCoverage } from '@shared/domain/visit-rounds'
import { upgradeMissingByScope } from '../services/upgrade-figures'

const DAY_MS = 86_400_000
/**
 * An appeal evaluated last week was filed at most this long before: its resolution time, one
 * reopen with the time again, extensions and pauses for material all fit well within it.
 */
const UNSATISFIED_LOOKBACK_DAYS = 180
/** The lists show about a year of digests; older ones stay readable one by one. */
const LIST_WEEKS = 52

export interface DigestRun {
  week: string
  /** Scopes whose digest this run wrote. */
  created: DigestScope[]
  /** Scopes whose digest was there already (an earlier or a concurrent run): kept as they were. */
  kept: DigestScope[]
}

const cityScope: DigestScope = { kind: 'city', areaId: null, name: CITY_SCOPE_NAME }
const areaScope = (area: Area): DigestScope => ({ kind: 'area', areaId: area.id, name: area.name })

/** The scopes of the city that have no digest among `existing` (one week's). */
const missingScopes = (areas: readonly Area[], existing: readonly DigestSummary[]): DigestScope[] =>
  [cityScope, ...areas.map(areaScope)].filter((scope) => !existing.some((d) => d.scope.areaId === scope.areaId))

async function namesFor(appeals: readonly Appeal[]): Promise<DigestNames> {
  const catalog = await getCatalogCached()
  const users = await getUsers(appeals.flatMap((a) => (a.ownerId ? [a.ownerId] : [])))
  return {
    department: (id) => catalog.departments.find((d) => d.id === id)?.name,
    taskForce: (id) => catalog.taskForces.find((t) => t.id === id)?.name,
    specialist: (id) => users.get(id)?.name,
  }
}

/**
 * The Monday digests of the week of `now`: one per area and one for the city, each made once.
 * Steps: see which scopes already have this week's digest → read each area's open appeals and
 * its appeals evaluated unsatisfied in the last week (the city's are their union) → build the
 * missing digests → store each only if still absent, with the notice to its admins in the same
 * transaction. Running it again, or twice at once, keeps the first record of every scope and
 * writes nothing new (and tells nobody twice).
 */
export async function makeWeeklyDigests(now: Date): Promise<DigestRun> {
  const { week } = digestWeek(now)
  const { areas } = await getCatalogCached()
  const existing = await listWeekDigests(week)
  const missing = missingScopes(areas, existing)
  const run: DigestRun = { week, created: [], kept: existing.map((d) => d.scope) }
  if (missing.length === 0) return run

  const createdSince = new Date(now.getTime() - UNSATISFIED_LOOKBACK_DAYS * DAY_MS).toISOString()
  const evaluatedSince = new Date(now.getTime() - UNSATISFIED_WINDOW_DAYS * DAY_MS).toISOString()
  const read = await Promise.all(
    areas.map(async (area) => {
      const [open, unsatisfied] = await Promise.all([listOpenAppeals(area.id), listEvaluatedUnsatisfied(area.id, createdSince, evaluatedSince)])
      return { areaId: area.id, open, unsatisfied }
    }),
  )
  const names = await namesFor(read.flatMap((r) => [...r.open, ...r.unsatisfied]))
  const rounds = await readRunningRoundCoverages(await getCatalogCached(), now)
  const missingFigures = await upgradeMissingByScope(now)
  const of = (areaId: string | null) => (areaId ? read.filter((r) => r.areaId === areaId) : read)

  for (const scope of missing) {
    const sources = of(scope.areaId)
    const coverage = digestCoverage(rounds, scope.areaId)
    const missingUpgradeFigures = missingFigures(scope.areaId)
    const digest = {
      ...buildDigest(week, scope, sources.flatMap((r) => r.open), sources.flatMap((r) => r.unsatisfied), now, names),
      ...(coverage.length ? { coverage } : {}),
      ...(missingUpgradeFigures ? { missingUpgradeFigures } : {}),
    }
    if (await putDigestOnce(digest, await digestOutboxFor(digest))) run.created.push(scope)
    else run.kept.push(scope)
  }
  return run
}

/**
 * For a scheduler that looks often (the local one, every minute): makes the week's digests once
 * Monday 09:00 Shanghai has passed and some are still missing; null when there was nothing to do.
 */
export async function makeDigestsIfDue(now: Date): Promise<DigestRun | null> {
  const { week, passed } = digestWeek(now)
  if (!passed) return null
  const [{ areas }, existing] = await Promise.all([getCatalogCached(), listWeekDigests(week)])
  return missingScopes(areas, existing).length > 0 ? makeWeeklyDigests(now) : null
}

/** Area admins read their own area's digests, the city admin every digest; nobody else any. */
function assertMayRead(actor: Actor, areaId: string | null): void {
  if (mayReadDigest(actor, areaId)) return
  throw new ForbiddenError(maySupervise(actor) ? '属地管理员只能查看本属地的督办简报' : '只有属地或市级管理员可以查看督办简报')
}

/**
 * The digests the caller may read, about a year of them, newest week first (in a week, the
 * city's before the areas', the areas in catalog order). `areaId` narrows to one area; an area
 * admin's list is their area's either way.
 */
export async function listDigests(actor: Actor, query: DigestQuery, now: Date): Promise<DigestSummary[]> {
  // Without an area the city admin lists every scope; anyone else lists their own area.
  const areaId = query.areaId ?? defaultDigestArea(actor)
  assertMayRead(actor, areaId)
  const since = shiftWeek(digestWeek(now).week, -LIST_WEEKS)
  if (areaId !== null) return listScopeDigests(areaId, since)
  const [{ areas }, all] = await Promise.all([getCatalogCached(), listAllDigests(since)])
  const rank = (d: DigestSummary) => (d.scope.areaId === null ? -1 : areas.findIndex((a) => a.id === d.scope.areaId))
  return all.sort((a, b) => b.week.localeCompare(a.week) || rank(a) - rank(b))
}

/** One week's digest: an area's with `areaId`, the city's without. */
export async function getDigest(actor: Actor, week: string, areaId?: string): Promise<WeeklyDigest> {
  assertMayRead(actor, areaId ?? null)
  const digest = await getDigestRecord(week, areaId ?? null)
  if (!digest) throw new NotFoundError('该周简报尚未生成')
  return digest
}
