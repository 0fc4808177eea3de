import { createHash } from 'node:crypto'
import { ulid } from 'ulid'
import { mayFileFor, mayFileOnBehalf, maySeeAppeal, mayWorkForEnterprises } from '@shared/domain/policy'
import { measureDueProblem } from '@shared/domain/on-behalf'
import type { Actor } from '@shared/domain/actor'
import { newAppeal } from '@shared/domain/new-appeal'
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, ValidationError } from '@shared/errors'
import type { Appeal, SubmitAppealRequest } from '@shared/schemas/appeal.schema'
import { planAppealWrite } from '@shared/domain/appeal-write-plan'
import { getAppeal, getIdempotencyRecord, WriteConflict } from '../store/appeal.store'
import { drawAppealNumber } from '../services/appeal-number'
import { saveAppealPlan } from '../services/appeal-writer'
import { resolveOnBehalf, sourceWrites } from '../services/appeal-sources'
import { prepareAttachments } from '../services/attachments'
import { withAttachments } from '@shared/domain/attachments'
import { currentWorkingCalendar } from '../services/working-calendar'
import { getCatalogCached } from '../store/catalog.store'
import { getEnterprise } from '../store/enterprise.store'
import { getUser } from '../store/user.store'

export interface SubmitResult {
  appeal: Appeal
  /** False when this key was seen before and the earlier appeal is returned. */
  created: boolean
}

const MAX_ATTEMPTS = 6

export const requestHash = (request: SubmitAppealRequest): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        request.enterpriseId,
        request.categoryId,
        request.title,
        request.description,
        ...(request.attachments?.length ? [request.attachments] : []),
        ...(request.onBehalf ? [request.onBehalf] : []),
      ]),
    )
    .digest('hex')

/**
 * Files an appeal exactly once per (caller, Idempotency-Key).
 * Steps: look for an earlier submission with this key → authorise → route, set deadlines and draw
 * the appeal's number → write appeal, event, tasks, the number's claim, key and the notifications
 * to the owner and the co-handlers in one transaction. When two requests with one key race, the loser's transaction is cancelled; it then
 * reads the winner's record and returns its appeal. When the enterprise moved to another
 * specialist between routing and writing, the write is cancelled too, and the appeal is routed again.
 */
export async function submitAppeal(actor: Actor, key: string, request: SubmitAppealRequest, now: Date): Promise<SubmitResult> {
  const hash = requestHash(request)
  for (let attempt = 1; ; attempt++) {
    const earlier = await getIdempotencyRecord(actor.id, key)
    if (earlier) {
      if (earlier.requestHash !== hash) throw new IdempotencyKeyReusedError()
      const appeal = await getAppeal(earlier.appealId)
      if (!appeal) throw new Error(`idempotency record points at missing appeal ${earlier.appealId}`)
      if (!maySeeAppeal(actor, appeal)) throw new NotFoundError('未找到该企业，或您尚未绑定该企业')
      return { appeal, created: false }
    }

    const { appeal, event, calendar, routedBy } = await prepare(actor, request, now)
    // The files named (uploaded for a new appeal of this enterprise) are checked before anything is written.
    const files = await prepareAttachments(actor, { kind: 'new-appeal', enterpriseId: request.enterpriseId }, request.attachments ?? [], { kind: 'appeal', id: appeal.id }, event, now)
    const plan = withAttachments(planAppealWrite(null, appeal, event, calendar), files.attachments.length)
    let saved: Appeal | undefined
    try {
      saved = await saveAppealPlan(plan, { idempotency: { userId: actor.id, key, requestHash: hash, filedAt: now }, routedBy }, [...files.writes, ...sourceWrites(plan.appeal)])
    } catch (error) {
      await files.discard()
      if (!(error instanceof WriteConflict) || attempt >= MAX_ATTEMPTS) throw error
      // Another request with this key is being written, or the enterprise was just moved: back off
      // briefly, then read the other request's result or route again.
      await new Promise((resolve) => setTimeout(resolve, 15 * attempt + Math.random() * 20))
    }
    if (saved) {
      await files.settle()
      return { appeal: saved, created: true }
    }
  }
}

async function prepare(actor: Actor, request: SubmitAppealRequest, now: Date) {
  const { onBehalf } = request
  if (onBehalf && !mayWorkForEnterprises(actor)) throw new ForbiddenError('只有企业服务专员和管理员可以代企业提交诉求')
  if (!onBehalf && !mayFileFor(actor, request.enterpriseId)) throw new NotFoundError('未找到该企业，或您尚未绑定该企业')
  const measure = onBehalf?.channel === 'event' ? onBehalf.measure : undefined
  const measureProblem = measure ? measureDueProblem(measure, now) : null
  if (measureProblem) throw new ValidationError(measureProblem, { 'onBehalf.measure.dueDate': measureProblem })
  const [enterprise, catalog, calendar] = await Promise.all([getEnterprise(request.enterpriseId), getCatalogCached(), currentWorkingCalendar()])
  if (!enterprise || (onBehalf && !mayFileOnBehalf(actor, enterprise))) throw new NotFoundError('未找到该企业，或您尚未绑定该企业')
  const facts = onBehalf ? await resolveOnBehalf(onBehalf, enterprise) : undefined
  const category = catalog.categories.find((c) => c.id === request.categoryId)
  if (!category) throw new ValidationError('诉求类别不存在', { categoryId: '诉求类别不存在，请重新选择' })
  const id = `ap-${ulid(now.getTime()).toLowerCase()}`
  const [specialist, number] = await Promise.all([enterprise.specialistId ? getUser(enterprise.specialistId) : undefined, drawAppealNumber(id, now)])
  const filed = newAppeal(request, {
    id,
    number,
    now,
    actor,
    enterprise,
    owner: specialist ? { id: specialist.id, name: specialist.name } : null,
    category,
    departments: catalog.departments,
    taskForces: catalog.taskForces,
    calendar,
    ...(facts ? { onBehalf: facts } : {}),
  })
  return { ...filed, calendar, routedBy: enterprise.specialistId ?? null }
}
