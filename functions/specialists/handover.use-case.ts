import type { Actor } from '@shared/domain/actor'
import { mayAdministerArea, mayHandOverPortfolio } from '@shared/domain/policy'
import { NotFoundError, ValidationError } from '@shared/errors'
import type { ReassignResult } from '@shared/schemas/roster.schema'
import { claimAndMove, finishMove, finishPendingMoves, receivingSpecialist } from '../services/enterprise-move'
import { getEnterprise, listPortfolio } from '../store/enterprise.store'
import { getUser } from '../store/user.store'

/**
 * A specialist leaves: every enterprise still theirs that the admin administers moves to `to`.
 * One that another admin moves away meanwhile is theirs no longer and is left where it went.
 * Repeating a handover cut short first finishes the moves it had claimed (already in `to`'s
 * portfolio, their mark still naming `from`).
 */
export async function handoverPortfolio(actor: Actor, fromSpecialistId: string, toSpecialistId: string, reason: string, now: Date): Promise<ReassignResult> {
  const from = await getUser(fromSpecialistId)
  if (!from || !mayHandOverPortfolio(actor, from)) {
    throw new NotFoundError('未找到该专员')
  }
  if (fromSpecialistId === toSpecialistId) throw new ValidationError('不能移交给本人', { toSpecialistId: '请选择另一位专员' })
  const to = await receivingSpecialist(actor, toSpecialistId)
  const claimedBefore = (await listPortfolio(toSpecialistId)).filter((e) => e.pendingMove?.from === fromSpecialistId && mayAdministerArea(actor, e.areaId))
  let { enterprises, movedAppeals } = await finishPendingMoves(claimedBefore, now)
  for (const listed of await listPortfolio(fromSpecialistId)) {
    // The portfolio index may lag behind a move made a moment ago: decide on the stored enterprise.
    const enterprise = await getEnterprise(listed.id)
    if (!enterprise || !mayAdministerArea(actor, enterprise.areaId)) continue
    if (enterprise.pendingMove) movedAppeals += await finishMove(enterprise.id, enterprise.pendingMove, now)
    if (enterprise.specialistId !== fromSpecialistId) continue
    const moved = await claimAndMove(enterprise, to, reason, actor, now)
    if (moved === null) continue
    enterprises++
    movedAppeals += moved
  }
  return { enterprises, movedAppeals }
}
