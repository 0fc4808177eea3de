import type { CoverageCounts, CoverageRow, DigestCoverage, PendingVisit, RoundPhase, RoundSelection, VisitRound } from '../schemas/visit-round.schema'
import type { Scale } from '../schemas/catalog.schema'
import { shanghaiDate } from './calendar'

/*
 * Visit rounds (走访轮次) and their coverage, pure: which enterprises a round must visit, which
 * visits count for it, and the figures per area and per specialist. The server reads the round's
 * enterprises, visits and the problems filed from those visits, and hands them here.
 */

/** The row of enterprises that have no specialist (the area's duty queue). */
export const NO_SPECIALIST = 'none'
export const NO_SPECIALIST_NAME = '待分派专员'

export interface RoundEnterprise {
  id: string
  name: string
  areaId: string
  scale: Scale
  specialistId: string | null
}

export interface RoundVisit {
  id: string
  enterpriseId: string
  visitedAt: string
}

/** A problem filed from a visit: an appeal with `source: { kind: 'visit', id }`. */
export interface RoundProblem {
  source?: { kind: string; id: string }
  status: string
}

export interface CoverageNames {
  area: (id: string) => string | undefined
  specialist: (id: string) => string | undefined
}

export interface Coverage {
  totals: CoverageCounts
  byArea: CoverageRow[]
  /** Lowest share visited first. */
  bySpecialist: CoverageRow[]
  /** Every enterprise visited fewer times than the target, by name. */
  pending: PendingVisit[]
}

/** The instants a round spans: from its first Shanghai day's midnight to the midnight after its last. */
export function roundWindow(round: Pick<VisitRound, 'from' | 'to'>): { from: Date; to: Date } {
  const from = new Date(`${round.from}T00:00:00+08:00`)
  const to = new Date(new Date(`${round.to}T00:00:00+08:00`).getTime() + 86_400_000)
  return { from, to }
}

/** Whether a round has not begun, is running, or is over, on the Shanghai date of `now`. */
export function roundPhase(round: Pick<VisitRound, 'from' | 'to'>, now: Date): RoundPhase {
  const today = shanghaiDate(now)
  if (today < round.from) return 'upcoming'
  return today > round.to ? 'ended' : 'open'
}

const PHASE_ORDER: Record<RoundPhase, number> = { open: 0, upcoming: 1, ended: 2 }

/** A list of rounds as people read it: running rounds first, then those to come, then past ones; newest first within each. */
export function sortRounds<R extends VisitRound>(rounds: readonly R[], now: Date): (R & { phase: RoundPhase })[] {
  return rounds
    .map((r) => ({ ...r, phase: roundPhase(r, now) }))
    .sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || b.from.localeCompare(a.from) || b.createdAt.localeCompare(a.createdAt))
}

/** Whether a round's selection takes an enterprise of its scope. */
export function selects(selection: RoundSelection, enterprise: Pick<RoundEnterprise, 'id' | 'scale'>): boolean {
  switch (selection.kind) {
    case 'all':
      return true
    case 'above':
    case 'near':
      return enterprise.scale === selection.kind
    case 'list':
      return selection.enterpriseIds.includes(enterprise.id)
  }
}

/** The enterprises a round must visit, from those of its scope (its area's, or the whole city's). */
export function roundEnterprises<E extends RoundEnterprise>(round: Pick<VisitRound, 'areaId' | 'selection'>, candidates: readonly E[]): E[] {
  const listed = round.selection.kind === 'list' ? new Set(round.selection.enterpriseIds) : null
  return candidates.filter((e) => (round.areaId === null || e.areaId === round.areaId) && (listed ? listed.has(e.id) : selects(round.selection, e)))
}

const zero = (): CoverageCounts => ({ due: 0, visited: 0, notVisited: 0, visits: 0, problemsFound: 0, problemsClosed: 0 })

/** Share of the due enterprises visited, 0–1 (1 when nothing is due). */
export const shareVisited = (c: Pick<CoverageCounts, 'due' | 'visited'>): number => (c.due === 0 ? 1 : c.visited / c.due)

/** A share as people read it: one decimal, half up ("—" when nothing is due). */
export function percentVisited(c: Pick<CoverageCounts, 'due' | 'visited'>): string {
  if (c.due === 0) return '—'
  return `${(Math.round((c.visited * 1000) / c.due) / 10).toFixed(1)}%`
}

/**
 * The coverage of a round: of its enterprises (already selected, `roundEnterprises`), how many
 * received `target` visits within the round's dates, per area and per specialist (the enterprise's
 * specialist now), and the problems filed from those visits (withdrawn ones left out) and how many
 * of them are closed.
 */
export function roundCoverage(
  round: Pick<VisitRound, 'id' | 'name' | 'from' | 'to' | 'target'>,
  enterprises: readonly RoundEnterprise[],
  visits: readonly RoundVisit[],
  problems: readonly RoundProblem[],
  names: CoverageNames,
): Coverage {
  const { from, to } = roundWindow(round)
  const due = new Map(enterprises.map((e) => [e.id, e]))
  const visitsOf = new Map<string, number>()
  const visitEnterprise = new Map<string, string>()
  for (const v of visits) {
    const at = Date.parse(v.visitedAt)
    if (!due.has(v.enterpriseId) || at < from.getTime() || at >= to.getTime()) continue
    visitsOf.set(v.enterpriseId, (visitsOf.get(v.enterpriseId) ?? 0) + 1)
    visitEnterprise.set(v.id, v.enterpriseId)
  }
  const found = new Map<string, { found: number; closed: number }>()
  for (const p of problems) {
    if (p.source?.kind !== 'visit' || p.status === 'withdrawn') continue
    const enterpriseId = visitEnterprise.get(p.source.id)
    if (!enterpriseId) continue
    const tally = found.get(enterpriseId) ?? { found: 0, closed: 0 }
    tally.found += 1
    if (p.status === 'closed') tally.closed += 1
    found.set(enterpriseId, tally)
  }

  const totals = zero()
  const areas = new Map<string, CoverageRow>()
  const specialists = new Map<string, CoverageRow>()
  const pending: PendingVisit[] = []
  const rowIn = (rows: Map<string, CoverageRow>, id: string, make: () => CoverageRow) => {
    let row = rows.get(id)
    if (!row) rows.set(id, (row = make()))
    return row
  }
  for (const e of enterprises) {
    const made = visitsOf.get(e.id) ?? 0
    const problemsOf = found.get(e.id) ?? { found: 0, closed: 0 }
    const area = rowIn(areas, e.areaId, () => ({ id: e.areaId, name: names.area(e.areaId) ?? e.areaId, areaId: e.areaId, ...zero() }))
    const specialistKey = e.specialistId ? e.specialistId : `${NO_SPECIALIST}:${e.areaId}`
    const specialist = rowIn(specialists, specialistKey, () => ({
      id: e.specialistId ?? NO_SPECIALIST,
      name: e.specialistId ? (names.specialist(e.specialistId) ?? e.specialistId) : NO_SPECIALIST_NAME,
      areaId: e.areaId,
      ...zero(),
    }))
    const reached = made >= round.target
    for (const row of [totals, area, specialist]) {
      row.due += 1
      row.visits += made
      if (reached) row.visited += 1
      else row.notVisited += 1
      row.problemsFound += problemsOf.found
      row.problemsClosed += problemsOf.closed
    }
    if (!reached) {
      pending.push({
        roundId: round.id,
        roundName: round.name,
        roundEnds: round.to,
        enterpriseId: e.id,
        enterpriseName: e.name,
        areaId: e.areaId,
        specialistId: e.specialistId,
        visits: made,
        target: round.target,
      })
    }
  }
  return {
    totals,
    byArea: [...areas.values()],
    bySpecialist: [...specialists.values()].sort((a, b) => shareVisited(a) - shareVisited(b) || b.notVisited - a.notVisited || a.name.localeCompare(b.name, 'zh')),
    pending: pending.sort((a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh') || a.enterpriseId.localeCompare(b.enterpriseId)),
  }
}

/** Sums of coverage rows (what one caller sees of a round). */
export function sumCoverage(rows: readonly CoverageCounts[]): CoverageCounts {
  const sum = zero()
  for (const r of rows) {
    sum.due += r.due
    sum.visited += r.visited
    sum.notVisited += r.notVisited
    sum.visits += r.visits
    sum.problemsFound += r.problemsFound
    sum.problemsClosed += r.problemsClosed
  }
  return sum
}

/** A specialist's enterprises not yet visited across rounds: nearest round end first, then by name. */
export function pendingByRoundEnd(lists: readonly (readonly PendingVisit[])[]): PendingVisit[] {
  return lists
    .flat()
    .sort((a, b) => a.roundEnds.localeCompare(b.roundEnds) || a.roundName.localeCompare(b.roundName, 'zh') || a.enterpriseName.localeCompare(b.enterpriseName, 'zh'))
}

/** Who is behind (the weekly digest): the specialists with the lowest share visited and something still due, at most `limit`. */
export function behindSpecialists(coverage: Pick<Coverage, 'bySpecialist'>, limit = 10): CoverageRow[] {
  return coverage.bySpecialist.filter((r) => r.notVisited > 0).slice(0, limit)
}

/**
 * Field work of a month (the monthly report's 走访 section): visits made in it, distinct
 * enterprises visited, and problems found per channel — the month's received appeals of the
 * channel breakdown, officials' channels (visit, event, phone) first.
 */
export function monthFieldWork(
  visits: readonly Pick<RoundVisit, 'enterpriseId'>[],
  channelRows: readonly { key: string; name: string; figures: { received: number } }[],
): { visits: number; enterprisesVisited: number; problemsByChannel: { channel: string; name: string; count: number }[] } {
  const order = ['visit', 'event', 'phone', 'miniapp']
  const rank = (channel: string) => (order.includes(channel) ? order.indexOf(channel) : order.length)
  return {
    visits: visits.length,
    enterprisesVisited: new Set(visits.map((v) => v.enterpriseId)).size,
    problemsByChannel: channelRows
      .filter((row) => row.figures.received > 0)
      .map((row) => ({ channel: row.key, name: row.name, count: row.figures.received }))
      .sort((a, b) => rank(a.channel) - rank(b.channel) || a.channel.localeCompare(b.channel)),
  }
}

/**
 * The weekly digest's coverage section for one scope (areaId null: the city) from the whole
 * coverage of each running round: the city sees every round; an area the city's rounds and its
 * own, each counted over its own enterprises, with who is behind among its specialists.
 */
export function digestCoverage(
  entries: readonly { round: Pick<VisitRound, 'id' | 'name' | 'to' | 'areaId'>; coverage: Coverage }[],
  areaId: string | null,
): DigestCoverage[] {
  return entries
    .filter(({ round }) => areaId === null || round.areaId === null || round.areaId === areaId)
    .map(({ round, coverage }) => {
      const rows = areaId === null ? coverage.bySpecialist : coverage.bySpecialist.filter((r) => r.areaId === areaId)
      return {
        roundId: round.id,
        roundName: round.name,
        roundEnds: round.to,
        totals: areaId === null ? coverage.totals : sumCoverage(coverage.byArea.filter((r) => r.id === areaId)),
        behind: behindSpecialists({ bySpecialist: rows }),
      }
    })
    .filter((entry) => entry.totals.due > 0)
    .sort((a, b) => a.roundEnds.localeCompare(b.roundEnds))
}
