import { mayReceiveTransfer, maySeeAppeal } from '@shared/domain/policy'
import type { Actor } from '@shared/domain/actor'
import { allowedActions } from '@shared/domain/appeal-machine'
import { NotFoundError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { TransferCandidate } from '@shared/schemas/supervision.schema'
import { getAppeal } from '../store/appeal.store'
import { getUser, listUsersByRole } from '../store/user.store'

export async function findTransferee(appeal: Appeal, specialistId: string): Promise<{ id: string; name: string } | undefined> {
  const user = await getUser(specialistId)
  return user && mayReceiveTransfer(appeal, user) ? { id: user.id, name: user.name } : undefined
}

/** The specialists the caller may transfer this appeal to (404 unless they may transfer it). */
export async function listTransferCandidates(actor: Actor, appealId: string): Promise<TransferCandidate[]> {
  const appeal = await getAppeal(appealId)
  if (!appeal || !maySeeAppeal(actor, appeal) || !allowedActions(appeal, actor).includes('transfer')) throw new NotFoundError('未找到该诉求')
  const [area, city] = await Promise.all([listUsersByRole('specialist', 2000, appeal.areaId), listUsersByRole('specialist', 2000, '-')])
  return [...area, ...city]
    .filter((u) => u.id !== appeal.ownerId)
    .map((u) => ({ id: u.id, name: u.name, title: u.title ?? '', areaId: u.areaId ?? null }))
}
