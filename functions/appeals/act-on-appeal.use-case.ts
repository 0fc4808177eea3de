import { maySeeAppeal } from '@shared/domain/policy'
import type { Actor } from '@shared/domain/actor'
import type { ActionContext } from '@shared/domain/appeal-machine'
import { planAction } from '@shared/domain/appeal-write-plan'
import { ConflictError, NotFoundError } from '@shared/errors'
import type { Appeal, AppealAction } from '@shared/schemas/appeal.schema'
import { getAppeal, WriteConflict } from '../store/appeal.store'
import { saveAppealPlan } from '../services/appeal-writer'
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
 * appeal in between (else 409).
 */
export async function actOnAppeal(actor: Actor, appealId: string, action: AppealAction, now: Date): Promise<Appeal> {
  const current = await getAppeal(appealId)
  if (!current || !maySeeAppeal(actor, current)) throw new NotFoundError('未找到该诉求')
  const context = await contextFor(current, action)
  const plan = planAction(current, action, actor, now, context)
  try {
    return await saveAppealPlan(plan)
  } catch (error) {
    if (error instanceof WriteConflict) throw new ConflictError('VERSION_CONFLICT', '该诉求刚被他人更新，请刷新后再试')
    throw error
  }
}
