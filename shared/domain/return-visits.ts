import type { Appeal, Channel, Rating } from '../schemas/appeal.schema'
import type { Attempt, ContactRef, ReturnVisit, ReturnVisitFigures, ReturnVisitOutcome, ReturnVisitStatus } from '../schemas/return-visit.schema'
import { isEnterpriseStaff } from './policy/subject'

/*
 * Sampled return visits (抽查回访, DESIGN §12): which closed appeals the office calls back, what a
 * call records, and the 回访满意率 they add up to. Pure.
 */

/** What the sampling reads of an appeal closed in the month. */
export type SampleCandidate = Pick<Appeal, 'id' | 'channel' | 'notEvaluated'>

export interface SampleRule {
  /** Share of the area's closed appeals, in percent (1–100). */
  percent: number
  /** At least this many, capped by what there is. */
  minPerArea: number
}

/**
 * A 32-bit generator seeded from a string (xmur3 hash → mulberry32): the same seed gives the same
 * sequence on the server and in a test, so a stored sample can be drawn again and checked.
 */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507)
  h = Math.imul(h ^ (h >>> 13), 3266489909)
  let state = (h ^= h >>> 16) >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** How many of an area's `population` closed appeals the rule asks for: percent (rounded up), at least the minimum, at most all. */
export function sampleSize(population: number, rule: SampleRule): number {
  const byPercent = Math.ceil((population * rule.percent) / 100)
  return Math.min(population, Math.max(byPercent, rule.minPerArea))
}

/**
 * Shares `total` among strata in proportion to their sizes (largest remainder; ties to the larger
 * stratum, then by name), never more than a stratum holds.
 */
export function allocate(sizes: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const population = [...sizes.values()].reduce((a, b) => a + b, 0)
  const result = new Map<string, number>()
  if (population === 0 || total <= 0) {
    for (const key of sizes.keys()) result.set(key, 0)
    return result
  }
  const exact = [...sizes].map(([key, size]) => ({ key, size, share: (total * size) / population }))
  for (const e of exact) result.set(e.key, Math.min(e.size, Math.floor(e.share)))
  let left = total - [...result.values()].reduce((a, b) => a + b, 0)
  const order = [...exact].sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) || b.size - a.size || (a.key < b.key ? -1 : 1))
  while (left > 0) {
    let moved = false
    for (const e of order) {
      if (left === 0) break
      if (result.get(e.key)! < e.size) {
        result.set(e.key, result.get(e.key)! + 1)
        left--
        moved = true
      }
    }
    if (!moved) break
  }
  return result
}

/**
 * One area's sample of a month's closed appeals: `sampleSize` of them, shared among the channels
 * (小程序, 走访, 电话, 交流活动) in proportion to what closed through each, picked at random from
 * the seed. Every appeal closed as 未评价 is in it whatever the size — the call is then the only
 * word anyone has from the enterprise — so the sample may exceed the size by those. The same
 * candidates and seed give the same sample, in any order they are handed over.
 */
export function drawSample<T extends SampleCandidate>(candidates: readonly T[], rule: SampleRule, seed: string): T[] {
  const sorted = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const byChannel = new Map<Channel, T[]>()
  for (const appeal of sorted) byChannel.set(appeal.channel, [...(byChannel.get(appeal.channel) ?? []), appeal])
  const quotas = allocate(new Map([...byChannel].map(([channel, list]) => [channel, list.length])), sampleSize(sorted.length, rule))
  const random = seededRandom(seed)
  const picked = new Set<string>()
  for (const channel of [...byChannel.keys()].sort()) {
    const list = byChannel.get(channel)!
    const mandatory = list.filter((a) => a.notEvaluated)
    for (const a of mandatory) picked.add(a.id)
    // Fisher–Yates over the rest; the generator is consumed in a fixed order of channels.
    const rest = list.filter((a) => !a.notEvaluated)
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[rest[i], rest[j]] = [rest[j]!, rest[i]!]
    }
    const wanted = Math.max(0, (quotas.get(channel) ?? 0) - mandatory.length)
    for (const a of rest.slice(0, wanted)) picked.add(a.id)
  }
  return sorted.filter((a) => picked.has(a.id))
}

/** 评价不一致: the enterprise said it was unsatisfied on the call, but satisfied (or basically) in the app. */
export const isInconsistent = (inAppRating: Rating | null, outcome: ReturnVisitOutcome | undefined): boolean =>
  outcome?.rating === 'unsatisfied' && (inAppRating === 'satisfied' || inAppRating === 'basically')

export function statusOf(visit: Pick<ReturnVisit, 'attempts' | 'outcome'>): ReturnVisitStatus {
  if (visit.outcome) return 'reached'
  return visit.attempts.length > 0 ? 'unreached' : 'pending'
}

/**
 * Whom the office calls: the member of the enterprise who filed the appeal; for an appeal an
 * official filed on the enterprise's behalf, the enterprise's contact person.
 */
export const contactRefOf = (appeal: Pick<Appeal, 'filedBy'>): ContactRef =>
  isEnterpriseStaff(appeal.filedBy) ? { kind: 'filer', userId: appeal.filedBy.id, name: appeal.filedBy.name } : { kind: 'enterprise' }

/** A new return visit of a sampled appeal: nobody called yet. */
export function newReturnVisit(id: string, month: string, appeal: Appeal, contactRef: ReturnVisit['contactRef']): ReturnVisit {
  if (!appeal.closedAt) throw new Error(`appeal ${appeal.id} is not closed`)
  return {
    id,
    month,
    appealId: appeal.id,
    appealNumber: appeal.number,
    appealTitle: appeal.title,
    enterpriseId: appeal.enterpriseId,
    enterpriseName: appeal.enterpriseName,
    areaId: appeal.areaId,
    channel: appeal.channel,
    closedAt: appeal.closedAt,
    notEvaluated: appeal.notEvaluated === true,
    inAppRating: appeal.evaluation?.rating ?? null,
    ...(appeal.evaluatedByCall ? { evaluatedByCall: true } : {}),
    contactRef,
    attempts: [],
    status: 'pending',
    inconsistent: false,
  }
}

export type AttemptRefusal = 'already_reached' | 'too_many'

/** Why this visit takes no more calls, or null: a reached enterprise is not called again; the tries are limited. */
export function attemptRefusal(visit: Pick<ReturnVisit, 'attempts' | 'outcome'>, maxAttempts: number): AttemptRefusal | null {
  if (visit.outcome) return 'already_reached'
  if (visit.attempts.length >= maxAttempts) return 'too_many'
  return null
}

/** The visit after one more call: reached with what was said, or one more try not reached. */
export function withAttempt(visit: ReturnVisit, call: { reached: boolean; rating?: Rating; comment: string }, by: Attempt['by'], now: Date): ReturnVisit {
  const attempt: Attempt = { at: now.toISOString(), by, reached: call.reached, note: call.comment }
  const outcome = call.reached && call.rating ? { rating: call.rating, comment: call.comment } : undefined
  const next: ReturnVisit = { ...visit, attempts: [...visit.attempts, attempt], ...(outcome ? { outcome } : {}) }
  return { ...next, status: statusOf(next), inconsistent: isInconsistent(next.inAppRating, next.outcome) }
}

/** The figures of a set of return visits: sizes, ratings heard, and 回访满意率 = (满意 + 基本满意) ÷ 接通. */
export function returnVisitFigures(visits: readonly Pick<ReturnVisit, 'attempts' | 'outcome' | 'inconsistent'>[]): ReturnVisitFigures {
  const figures = { sampled: visits.length, reached: 0, notReached: 0, pending: 0, satisfied: 0, basically: 0, unsatisfied: 0, inconsistent: 0 }
  for (const visit of visits) {
    const status = statusOf(visit)
    if (status === 'pending') figures.pending++
    else if (status === 'unreached') figures.notReached++
    else {
      figures.reached++
      figures[visit.outcome!.rating]++
    }
    if (visit.inconsistent) figures.inconsistent++
  }
  return { ...figures, rate: figures.reached === 0 ? null : (figures.satisfied + figures.basically) / figures.reached }
}

/** The order of a call list: still to call first, then not reached yet, then done; by closing time within each. */
export function callListOrder(a: Pick<ReturnVisit, 'status' | 'closedAt' | 'id'>, b: Pick<ReturnVisit, 'status' | 'closedAt' | 'id'>): number {
  const rank: Record<ReturnVisitStatus, number> = { pending: 0, unreached: 1, reached: 2 }
  return rank[a.status] - rank[b.status] || (a.closedAt < b.closedAt ? -1 : a.closedAt > b.closedAt ? 1 : a.id < b.id ? -1 : 1)
}
