import { canSee } from '@shared/domain/access'
import type { Actor } from '@shared/domain/actor'
import { applyAction } from '@shared/domain/appeal-machine'
import { ConflictError, NotFoundError } from '@shared/errors'
import type { Appeal, AppealAction } from '@shared/schemas/appeal.schema'
import { getAppeal, saveTransition, WriteConflict } from '../store/appeal.store'

/**
 * Applies one action: read the appeal → 404 unless the caller may see it → the state machine
 * decides → write state and event only if nobody changed the appeal in between (else 409).
 */
export async function actOnAppeal(actor: Actor, appealId: string, action: AppealAction, now = new Date()): Promise<Appeal> {
  const current = await getAppeal(appealId)
  if (!current || !canSee(actor, current)) throw new NotFoundError('未找到该诉求')
  const { appeal, event } = applyAction(current, action, actor, now)
  try {
    await saveTransition(current.version, appeal, event)
  } catch (error) {
    if (error instanceof WriteConflict) throw new ConflictError('VERSION_CONFLICT', '该诉求刚被他人更新，请刷新后再试')
    throw error
  }
  return appeal
}
