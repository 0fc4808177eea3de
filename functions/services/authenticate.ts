import type { Actor } from '@shared/domain/actor'
import { isEnterpriseStaff } from '@shared/domain/policy'
import { UnauthenticatedError } from '@shared/errors'
import { readStaffPartition } from '../store/binding.store'
import type { ApiRequest } from '../lib/http'
import { verifySessionToken, type SessionClaims } from '../lib/session-token'

/**
 * The actor behind verified claims. A staff member's enterprises and name are read from the store
 * on every request (one Query), so that an approval or a revocation takes effect at the next
 * request, and the name given when binding appears on what they file at once.
 */
export async function actorFromClaims(claims: SessionClaims): Promise<Actor> {
  const staff = isEnterpriseStaff(claims) ? await readStaffPartition(claims.sub) : { name: undefined, bindings: [] }
  // A member's partition without a profile: the account was deleted (注销); its tokens die with it.
  if (isEnterpriseStaff(claims) && staff.name === undefined) throw new UnauthenticatedError('账号已注销，请重新登录')
  const bindings = staff.bindings
  return {
    id: claims.sub,
    name: staff.name ?? claims.name,
    role: claims.role,
    areaId: claims.areaId,
    departmentId: claims.departmentId,
    taskForceId: claims.taskForceId,
    enterpriseIds: bindings.filter((b) => b.status === 'approved').map((b) => b.enterpriseId),
    pendingEnterpriseIds: bindings.filter((b) => b.status === 'pending').map((b) => b.enterpriseId),
  }
}

/** Establishes who is calling from the bearer token. */
export async function authenticate(request: ApiRequest): Promise<Actor> {
  const header = request.headers.authorization ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match?.[1]) throw new UnauthenticatedError()
  return actorFromClaims(await verifySessionToken(match[1], request.now))
}
