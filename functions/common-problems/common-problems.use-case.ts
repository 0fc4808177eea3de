import { ulid } from 'ulid'
import { actorRef, type Actor } from '@shared/domain/actor'
import { applyAction, type Transition } from '@shared/domain/appeal-machine'
import {
  commonProblemActions,
  countsOf,
  LINKABLE_STATUSES,
  NOTABLE_STATUSES,
  linkedAppealOf,
  linkProblem,
  linkTransition,
  newCommonProblem,
  unlinkTransition,
} from '@shared/domain/common-problems'
import { rankSimilar } from '@shared/domain/similar-appeals'
import { commonProblemListings, mayLinkToCommonProblem, maySeeAppeal, maySuggestAcrossAreas, mayWorkCommonProblem, mayWorkCommonProblems } from '@shared/domain/policy'
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { Appeal, AppealAction, AppealStatus } from '@shared/schemas/appeal.schema'
import type {
  CommonProblem,
  CommonProblemAction,
  CommonProblemActionResult,
  CommonProblemDetail,
  CommonProblemStatus,
  CreateCommonProblemRequest,
  SimilarAppeal,
} from '@shared/schemas/common-problem.schema'
import { getAppeal, getAppeals } from '../store/appeal.store'
import { listOpenAppeals } from '../store/appeal-lists.store'
import { getCatalogCached } from '../store/catalog.store'
import {
  getCommonProblem,
  linkWrite,
  listCommonProblemLinks,
  listCommonProblems,
  putNewCommonProblem,
  saveCommonProblem,
  unlinkWrite,
} from '../store/common-problem.store'
import { applyWithRetry } from '../services/retry-transition'
import { currentWorkingCalendar } from '../services/working-calendar'

const NOT_FOUND = '未找到该共性问题'

/** Open appeals like this one, among those the caller could link with it. Enterprise staff: 403. */
export async function similarAppeals(actor: Actor, appealId: string): Promise<{ items: SimilarAppeal[] }> {
  const appeal = await getAppeal(appealId)
  if (!appeal || !maySeeAppeal(actor, appeal)) throw new NotFoundError('未找到该诉求')
  if (!mayLinkToCommonProblem(actor, appeal)) throw new ForbiddenError('只有承办专员和管理员可以查找相似诉求')
  const areaIds = maySuggestAcrossAreas(actor) ? (await getCatalogCached()).areas.map((a) => a.id) : [appeal.areaId]
  const open = (await Promise.all(areaIds.map(listOpenAppeals))).flat()
  const candidates = open.filter((c) => mayLinkToCommonProblem(actor, c))
  return { items: rankSimilar(appeal, candidates) }
}

/**
 * Reads the appeals named in a request and checks each may be linked by this caller into a problem
 * of `categoryId`: a field error per appeal, before anything is written.
 */
async function linkableAppeals(actor: Actor, ids: readonly string[], field: string, categoryId?: string): Promise<Appeal[]> {
  const found = new Map((await getAppeals(ids)).map((a) => [a.id, a]))
  const fields: Record<string, string> = {}
  const appeals: Appeal[] = []
  const category = categoryId ?? found.get(ids[0]!)?.categoryId
  ids.forEach((id, i) => {
    const appeal = found.get(id)
    if (!appeal || !maySeeAppeal(actor, appeal) || !mayLinkToCommonProblem(actor, appeal)) {
      fields[`${field}.${i}`] = '诉求不存在，或您不能将它并入共性问题'
      return
    }
    const problem = linkProblem(appeal, category)
    if (problem) fields[`${field}.${i}`] = `${appeal.number}：${problem}`
    else appeals.push(appeal)
  })
  if (Object.keys(fields).length > 0) throw new ValidationError(Object.values(fields)[0]!, fields, 'NOT_LINKABLE')
  return appeals
}

interface Outcome {
  applied: number
  skipped: { appealId: string; reason: string }[]
}

/**
 * One change to each of the appeals, each in its own transaction (an appeal's state, its event, its
 * notices), retried on a concurrent change. An appeal a rule of the state machine refuses is
 * reported with the rule's words, not failed: the others still go through. One `decide` finds
 * nothing to do for (answered or unlinked meanwhile) is left as it is.
 */
async function eachAppeal(appealIds: readonly string[], decide: (appeal: Appeal) => Transition | null, alsoWrite?: (appealId: string) => Parameters<typeof applyWithRetry>[3]): Promise<Outcome> {
  const calendar = await currentWorkingCalendar()
  const outcome: Outcome = { applied: 0, skipped: [] }
  for (const appealId of appealIds) {
    try {
      if (await applyWithRetry(appealId, decide, calendar, alsoWrite?.(appealId))) outcome.applied++
    } catch (error) {
      if (!(error instanceof AppError) || error instanceof NotFoundError) throw error
      outcome.skipped.push({ appealId, reason: error.message })
    }
  }
  return outcome
}

/** The problem's counts moved to its links now; read again and retried when someone changed it meanwhile. */
async function recount(problemId: string, change: (problem: CommonProblem) => Partial<CommonProblem>, now: Date): Promise<CommonProblem> {
  for (let attempt = 1; ; attempt++) {
    const [problem, links] = await Promise.all([getCommonProblem(problemId), listCommonProblemLinks(problemId)])
    if (!problem) throw new NotFoundError(NOT_FOUND)
    const next: CommonProblem = { ...problem, ...change(problem), ...countsOf(links), updatedAt: now.toISOString(), version: problem.version + 1 }
    if (await saveCommonProblem(next, problem.version)) return next
    if (attempt >= 4) throw new ConflictError('VERSION_CONFLICT', '该共性问题刚被他人更新，请刷新后再试')
  }
}

async function detailOf(actor: Actor, problem: CommonProblem): Promise<CommonProblemDetail> {
  const links = await listCommonProblemLinks(problem.id)
  const byId = new Map((await getAppeals(links.map((l) => l.appealId))).map((a) => [a.id, a]))
  const appeals = links.map((l) => byId.get(l.appealId)).filter((a): a is Appeal => a !== undefined)
  return { problem, appeals: appeals.map(linkedAppealOf), allowedActions: commonProblemActions(problem, appeals) }
}

async function problemFor(actor: Actor, id: string): Promise<CommonProblem> {
  const problem = await getCommonProblem(id)
  if (!problem || !mayWorkCommonProblem(actor, problem)) throw new NotFoundError(NOT_FOUND)
  return problem
}

const linking = (problem: CommonProblem, actor: Actor, now: Date) => ({
  decide: (appeal: Appeal) => linkTransition(appeal, problem, actor, now),
  alsoWrite: (appeal: Pick<Appeal, 'id' | 'enterpriseId'>) => [linkWrite(problem.id, appeal, now.toISOString())],
})

/** Links two or more open appeals of one category into a new common problem held by the caller. */
export async function createCommonProblem(actor: Actor, request: CreateCommonProblemRequest, now: Date): Promise<CommonProblemActionResult> {
  if (!mayWorkCommonProblems(actor)) throw new ForbiddenError('只有专员和管理员可以合并共性问题')
  const appeals = await linkableAppeals(actor, request.appealIds, 'appealIds')
  const problem = newCommonProblem(`cp-${ulid(now.getTime()).toLowerCase()}`, request, appeals, actor, now)
  await putNewCommonProblem(problem)
  const outcome = await linkAll(problem, appeals, actor, now)
  const counted = await recount(problem.id, () => ({}), now)
  return { ...(await detailOf(actor, counted)), ...outcome }
}

async function linkAll(problem: CommonProblem, appeals: readonly Appeal[], actor: Actor, now: Date): Promise<Outcome> {
  const { decide, alsoWrite } = linking(problem, actor, now)
  const enterpriseOf = new Map(appeals.map((a) => [a.id, a.enterpriseId]))
  return eachAppeal(
    appeals.map((a) => a.id),
    decide,
    (appealId) => alsoWrite({ id: appealId, enterpriseId: enterpriseOf.get(appealId)! }),
  )
}

/** The caller's common problems, newest first, optionally of one status. */
export async function listCommonProblemsFor(actor: Actor, status?: CommonProblemStatus): Promise<{ items: CommonProblem[] }> {
  if (!mayWorkCommonProblems(actor)) throw new ForbiddenError('只有专员和管理员可以查看共性问题')
  const lists = await Promise.all(commonProblemListings(actor).map((listing) => listCommonProblems(listing)))
  const unique = new Map(lists.flat().map((p) => [p.id, p]))
  const items = [...unique.values()]
    .filter((p) => mayWorkCommonProblem(actor, p) && (!status || p.status === status))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return { items }
}

export async function getCommonProblemDetail(actor: Actor, id: string): Promise<CommonProblemDetail> {
  return detailOf(actor, await problemFor(actor, id))
}

/**
 * Works the problem: a progress note, the measure, the answer (each written to every linked
 * appeal through the state machine, as the caller), or linking and unlinking appeals. The answer
 * first takes an appeal not yet accepted into handling, then answers it; each enterprise then
 * evaluates its own appeal as usual.
 */
export async function actOnCommonProblem(actor: Actor, id: string, action: CommonProblemAction, now: Date): Promise<CommonProblemActionResult> {
  const problem = await problemFor(actor, id)
  const before = await detailOf(actor, problem)
  if (!before.allowedActions.includes(action.type)) {
    throw new ConflictError('INVALID_TRANSITION', problem.status === 'answered' ? '该共性问题已统一答复' : '该共性问题当前不能执行此操作')
  }
  const linkedIds = before.appeals.map((a) => a.id)
  const idsIn = (statuses: readonly AppealStatus[]) => before.appeals.filter((a) => statuses.includes(a.status)).map((a) => a.id)
  const calendar = await currentWorkingCalendar()
  const ctx = { calendar }
  const through = (appealAction: AppealAction) => (appeal: Appeal) => (appeal.commonProblem?.id === id ? applyAction(appeal, appealAction, actor, now, ctx) : null)

  switch (action.type) {
    case 'note': {
      const outcome = await eachAppeal(idsIn(NOTABLE_STATUSES), through({ type: 'note', message: `【共性问题进展】${action.message}` }))
      return finish(actor, id, () => ({}), outcome, now)
    }
    case 'set-measure': {
      const outcome = await eachAppeal(idsIn(LINKABLE_STATUSES), through({ type: 'set-measure', measure: action.measure }))
      return finish(actor, id, () => ({ measure: { ...action.measure, at: now.toISOString(), by: actorRef(actor) } }), outcome, now)
    }
    case 'respond': {
      const waiting = before.appeals.filter((a) => a.status === 'assigned').map((a) => a.id)
      const accepted = await eachAppeal(waiting, (appeal) => (appeal.status === 'assigned' ? through({ type: 'accept' })(appeal) : null))
      const answer = { type: 'respond' as const, outcome: action.outcome, message: action.message, ...(action.openTaskReason ? { openTaskReason: action.openTaskReason } : {}) }
      const outcome = await eachAppeal(idsIn(LINKABLE_STATUSES), (appeal) => (appeal.status === 'in_progress' ? through(answer)(appeal) : null))
      const skipped = [...accepted.skipped, ...outcome.skipped.filter((s) => !accepted.skipped.some((a) => a.appealId === s.appealId))]
      // Answered once at least one appeal took the answer; if every one was skipped it stays open.
      const answered = (): Partial<CommonProblem> =>
        outcome.applied > 0 ? { status: 'answered', answer: { outcome: action.outcome, message: action.message, at: now.toISOString(), by: actorRef(actor) } } : {}
      return finish(actor, id, answered, { applied: outcome.applied, skipped }, now)
    }
    case 'link': {
      const fresh = action.appealIds.filter((appealId) => !linkedIds.includes(appealId))
      const appeals = await linkableAppeals(actor, fresh, 'appealIds', problem.categoryId)
      const outcome = await linkAll(problem, appeals, actor, now)
      return finish(actor, id, () => ({}), outcome, now)
    }
    case 'unlink': {
      if (!linkedIds.includes(action.appealId)) throw new ValidationError('该诉求不在这个共性问题中', { appealId: '该诉求不在这个共性问题中' }, 'NOT_LINKED')
      const outcome = await eachAppeal([action.appealId], (appeal) => unlinkTransition(appeal, id, actor, now), () => [unlinkWrite(id, action.appealId)])
      return finish(actor, id, () => ({}), outcome, now)
    }
  }
}

async function finish(actor: Actor, id: string, change: (problem: CommonProblem) => Partial<CommonProblem>, outcome: Outcome, now: Date): Promise<CommonProblemActionResult> {
  const problem = await recount(id, change, now)
  return { ...(await detailOf(actor, problem)), ...outcome }
}
