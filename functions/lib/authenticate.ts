import type { Actor } from '@shared/domain/actor'
import { UnauthenticatedError } from '@shared/errors'
import { listBindings } from '../store/user.store'
import type { ApiRequest } from './http'
import { verifySessionToken } from './session-token'

/**
 * Establishes who is calling: the token says who the user is; a staff member's enterprises are
 * read from the store on every request so that a revoked binding stops working at once.
 */
export async function authenticate(request: ApiRequest): Promise<Actor> {
  const header = request.headers.authorization ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match?.[1]) throw new UnauthenticatedError()
  const claims = await verifySessionToken(match[1])
  const enterpriseIds =
    claims.role === 'staff' ? (await listBindings(claims.sub)).filter((b) => b.status === 'approved').map((b) => b.enterpriseId) : []
  return {
    id: claims.sub,
    name: claims.name,
    role: claims.role,
    areaId: claims.areaId,
    departmentId: claims.departmentId,
    taskForceId: claims.taskForceId,
    enterpriseIds,
  }
}
