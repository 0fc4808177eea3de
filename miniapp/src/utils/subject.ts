import { adminReach, type Subject } from '@shared/domain/policy'
import type { User } from '@shared/schemas/user.schema'

/**
 * The signed-in user as the shared policy sees them (shared/domain/policy): the same fields the
 * server's Actor carries, the enterprises taken from the user's bindings (approved ones open the
 * enterprise, pending ones let the user file and see what they filed). Pages ask the policy with
 * this what to show; the server decides the same questions with the same functions.
 */
export function subjectOf(user: User): Subject
export function subjectOf(user: User | null): Subject | null
export function subjectOf(user: User | null): Subject | null {
  if (!user) return null
  const bindings = user.bindings ?? []
  return {
    id: user.id,
    role: user.role,
    ...(user.areaId ? { areaId: user.areaId } : {}),
    ...(user.departmentId ? { departmentId: user.departmentId } : {}),
    ...(user.taskForceId ? { taskForceId: user.taskForceId } : {}),
    enterpriseIds: bindings.filter((b) => b.status === 'approved').map((b) => b.enterpriseId),
    pendingEnterpriseIds: bindings.filter((b) => b.status === 'pending').map((b) => b.enterpriseId),
  }
}

/**
 * Which areas an admin page works on: an area admin (属地管理员) their own area, held there by the
 * server; the city admin (市级管理员) the city or one area they pick. Anyone else is refused with
 * the page's own `refusal`.
 */
export type AdminPageScope = { kind: 'area'; areaId: string } | { kind: 'city' } | { kind: 'none'; message: string }

export function adminPageScope(user: User | null, refusal: string): AdminPageScope {
  if (!user) return { kind: 'none', message: '请先登录' }
  const reach = adminReach(user)
  switch (reach.kind) {
    case 'city':
    case 'area':
      return reach
    case 'unassigned':
      return { kind: 'none', message: '您的账号未关联属地，请联系市级管理员' }
    case 'none':
      return { kind: 'none', message: refusal }
  }
}
