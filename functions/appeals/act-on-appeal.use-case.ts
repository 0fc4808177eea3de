import { maySeeAppeal } from '@shared/domain/policy'
import type { Actor } from '@shared/domain/actor'
import type { ActionContext } from '@shared/domain/appeal-machine'
import { planAction } from '@shared/domain/appeal-write-plan'
import { ConflictError, NotFoundError } from '@shared/errors'
import type { Appeal, AppealAction } from '@shared/schemas/appeal.schema'
import { getAppeal, WriteConflict } from '../store/appeal.store'
import { saveAppealPlan } from '../services/appeal-writer'
import { prepareAttachments } from '../services/attachments'
import { withAttachments } from '@shared/domain/attachments'
import { getCatalogCached } from '../store/catalog.store'
import { currentWorkingCalendar } from '../services/working-calendar'
import { findTransferee } from './transfer-candidates.use-case'

/** What the state machine needs to know beyond the appeal, read only for the actions that need it. */
async function contextFor(appeal: Appeal, action: AppealAction): Promise<ActionContext> {
  const calendar = await currentWorkingCalendar()
  if (action.type === 'co-handle') {
    const catalog = await getCatalogCached()
    return {
      calendar,
      coHandlerName: (kind, id) =>
        kind === 'department' ? catalog.departments.find((d) => d.id === id)?.name : catalog.taskForces.find((t) => t.id === id)?.name,
    }
  }
  if (action.type === 'transfer') return { calendar, transferee: await findTransferee(appeal, action.toSpecialistId) }
  return { calendar }
}

/**
 * Applies one action: read the appeal → 404 unless the caller may see it → the state machine
 * decides → write state, event and the notifications it causes only if nobody changed the
 * appeal in between (else 409). Files named by the action (a note, an answer, a reply, supplied
 * material) are checked before anything is written and recorded in the same transaction.
 */
export async function actOnAppeal(actor: Actor, appealId: string, action: AppealAction, now: Date): Promise<Appeal> {
  const current = await getAppeal(appealId)
  if (!current || !maySeeAppeal(actor, current)) throw new NotFoundError('未找到该诉求')
  const context = await contextFor(current, action)
  const decided = planAction(current, action, actor, now, context)
  const uploadIds = 'attachments' in action ? (action.attachments ?? []) : []
  const files = await prepareAttachments(actor, { kind: 'appeal', id: appealId }, uploadIds, { kind: 'appeal', id: appealId }, decided.event, now)
  const plan = withAttachments(decided, files.attachments.length)
  let saved: Appeal
  try {
    saved = await saveAppealPlan(plan, undefined, files.writes)
  } catch (error) {
    await files.discard()
    if (error instanceof WriteConflict) throw new ConflictError('VERSION_CONFLICT', '该诉求刚被他人更新，请刷新后再试')
    throw error
  }
  await files.settle()
  return saved
}
