import type { Actor } from '@shared/domain/actor'
import { mayReassignEnterprise } from '@shared/domain/policy'
import { NotFoundError, ValidationError } from '@shared/errors'
import type { ReassignResult } from '@shared/schemas/roster.schema'
import { moveEnterprise, receivingSpecialist } from '../services/enterprise-move'
import { getEnterprise } from '../store/enterprise.store'

export async function reassignEnterprise(actor: Actor, enterpriseId: string, specialistId: string, reason: string, now: Date): Promise<ReassignResult> {
  const enterprise = await getEnterprise(enterpriseId)
  if (!enterprise || !mayReassignEnterprise(actor, enterprise)) throw new NotFoundError('未找到该企业')
  const to = await receivingSpecialist(actor, specialistId)
  // With a move to them still pending (a request cut short), repeating it finishes the move.
  if (enterprise.specialistId === to.id && !enterprise.pendingMove) throw new ValidationError('该企业已由这位专员负责', { specialistId: '请选择另一位专员' })
  return { enterprises: 1, movedAppeals: await moveEnterprise(enterprise, to, reason, actor, now) }
}

