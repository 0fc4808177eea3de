import type { Subject } from '@shared/domain/policy'
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
