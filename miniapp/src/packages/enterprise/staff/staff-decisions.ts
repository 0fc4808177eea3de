import { mayDecideBindingOf } from '@shared/domain/policy'
import type { BindingDecision, StaffMember } from '@shared/schemas/user.schema'

export const DECISION_LABEL: Record<BindingDecision, string> = { approve: '通过', reject: '驳回', revoke: '解除绑定' }

/**
 * The decisions the page offers on a member: what their status allows, and nothing on the
 * viewer's own membership — the server refuses anyone deciding their own binding.
 */
export function decisionsFor(member: StaffMember, viewer: { id: string } | null): BindingDecision[] {
  if (!viewer || !mayDecideBindingOf(viewer, member.userId)) return []
  return member.status === 'pending' ? ['approve', 'reject'] : member.status === 'approved' ? ['revoke'] : []
}
