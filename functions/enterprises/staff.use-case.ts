import { mayDecideBindingOf, mayDecideStaff, maySeeEnterprise, maySeeMemberPhone, pendingQueueOf } from '@shared/domain/policy'
import { maskPhone } from '@shared/domain/mask'
import { verifyFiler } from '@shared/domain/appeal-admin'
import type { Actor } from '@shared/domain/actor'
import { ConflictError, ForbiddenError, NotFoundError } from '@shared/errors'
import type { BindingDecision, BindingStatus, StaffMember } from '@shared/schemas/user.schema'
import { applyWithRetry } from '../services/retry-transition'
import { listEnterpriseAppeals } from '../store/appeal-lists.store'
import { decideBinding, getBinding, listEnterpriseStaff, listPendingOfArea, listPendingOfSpecialist, type BindingRecord } from '../store/binding.store'
import { getEnterprise } from '../store/enterprise.store'

const toMember = ({ userId, userName, phone, enterpriseId, enterpriseName, status, requestedAt, decidedAt, decidedBy }: BindingRecord): StaffMember => ({
  userId,
  userName,
  ...(phone ? { phone } : {}),
  enterpriseId,
  enterpriseName,
  status,
  requestedAt,
  ...(decidedAt ? { decidedAt } : {}),
  ...(decidedBy ? { decidedBy } : {}),
})

/** Colleagues read each other's phone masked; the enterprise's specialist and admins in full (maySeeMemberPhone). */
const asSeenBy = (actor: Actor, enterprise: { areaId: string; specialistId: string | null }) => (member: StaffMember): StaffMember =>
  member.phone && !maySeeMemberPhone(actor, enterprise) ? { ...member, phone: maskPhone(member.phone) } : member

async function visibleEnterprise(actor: Actor, enterpriseId: string) {
  const enterprise = await getEnterprise(enterpriseId)
  if (!enterprise || !maySeeEnterprise(actor, enterprise)) throw new NotFoundError('未找到该企业')
  return enterprise
}

/** The enterprise's people: pending requests first, then members, then history. */
export async function listStaff(actor: Actor, enterpriseId: string): Promise<StaffMember[]> {
  const enterprise = await visibleEnterprise(actor, enterpriseId)
  const order: Record<BindingStatus, number> = { pending: 0, approved: 1, rejected: 2, revoked: 3 }
  return (await listEnterpriseStaff(enterpriseId)).sort((a, b) => order[a.status] - order[b.status] || b.requestedAt.localeCompare(a.requestedAt)).map(toMember).map(asSeenBy(actor, enterprise))
}

/** Open join requests the caller should decide: their portfolio's, or their area's. */
export async function listPendingRequests(actor: Actor): Promise<StaffMember[]> {
  const queue = pendingQueueOf(actor)
  if (queue?.kind === 'portfolio') return (await listPendingOfSpecialist(queue.specialistId)).map(toMember)
  if (queue?.kind === 'area') return (await listPendingOfArea(queue.areaId)).map(toMember)
  return []
}

const TRANSITIONS: Record<BindingDecision, { from: BindingStatus[]; to: BindingStatus }> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  revoke: { from: ['approved'], to: 'revoked' },
}

/**
 * Approve or reject a join request, or revoke a member. Takes effect on the member's next request
 * (bindings are read per request). Appeals filed while pending lose or keep their 待核实 mark.
 */
export async function decideStaff(actor: Actor, enterpriseId: string, userId: string, decision: BindingDecision, now: Date): Promise<StaffMember> {
  const enterprise = await visibleEnterprise(actor, enterpriseId)
  if (!mayDecideStaff(actor, enterprise)) throw new ForbiddenError('您不能审核该企业的联系人')
  if (!mayDecideBindingOf(actor, userId)) throw new ForbiddenError('不能审核自己的绑定')
  const current = await getBinding(userId, enterpriseId)
  if (!current) throw new NotFoundError('未找到该联系人')
  const rule = TRANSITIONS[decision]
  const decided = await decideBinding(userId, enterpriseId, rule.from, rule.to, actor.name, now.toISOString())
  if (!decided) throw new ConflictError('INVALID_TRANSITION', decision === 'revoke' ? '该联系人当前不是已通过状态，无法解除' : '该申请已处理，请刷新')
  if (decision !== 'revoke') await markFiledAppeals(actor, enterpriseId, userId, decision, now)
  return asSeenBy(actor, enterprise)(toMember(decided))
}

async function markFiledAppeals(actor: Actor, enterpriseId: string, userId: string, decision: 'approve' | 'reject', now: Date): Promise<void> {
  for (const appeal of await listEnterpriseAppeals(enterpriseId, { filedBy: userId })) {
    await applyWithRetry(appeal.id, (current) => verifyFiler(current, decision, actor, now))
  }
}
