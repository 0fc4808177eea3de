import { randomBytes } from 'node:crypto'
import { UnauthenticatedError } from '@shared/errors'
import type { LoginResponse } from '@shared/schemas/user.schema'
import { config } from '../lib/config'
import { secretHash } from '../lib/secret-hash'
import { signSessionToken } from '../lib/session-token'
import { getRefreshToken, putRefreshToken, rotateRefreshToken } from '../store/session.store'
import { getUser, type UserRecord } from '../store/user.store'
import { toUser } from './user-view'

const newRefreshToken = () => randomBytes(32).toString('base64url')
const nowSeconds = (now: Date) => Math.floor(now.getTime() / 1000)

async function bearerFor(user: UserRecord, now: Date): Promise<string> {
  return signSessionToken(
    {
    sub: user.id,
    name: user.name,
    role: user.role,
    areaId: user.areaId,
    departmentId: user.departmentId,
    taskForceId: user.taskForceId,
    },
    now,
  )
}

/** Signs a user in: a short-lived bearer token and a refresh token that can be spent once. */
export async function issueSession(user: UserRecord, now: Date): Promise<LoginResponse> {
  const refreshToken = newRefreshToken()
  await putRefreshToken(secretHash(refreshToken), { userId: user.id, expiresAt: nowSeconds(now) + config.REFRESH_TTL_SECONDS })
  return { token: await bearerFor(user, now), expiresIn: config.TOKEN_TTL_SECONDS, refreshToken, user: await toUser(user) }
}

/**
 * Spends a refresh token for a new pair. The user is read again, so a changed role or area takes
 * effect at the next refresh. A token that was already spent or has expired is refused.
 */
export async function refreshSession(refreshToken: string, now: Date): Promise<LoginResponse> {
  const oldHash = secretHash(refreshToken)
  const record = await getRefreshToken(oldHash)
  if (!record || record.expiresAt <= nowSeconds(now)) throw new UnauthenticatedError('登录已过期，请重新登录')
  const user = await getUser(record.userId)
  if (!user) throw new UnauthenticatedError('账号不存在，请重新登录')
  const next = newRefreshToken()
  const rotated = await rotateRefreshToken(oldHash, secretHash(next), { userId: user.id, expiresAt: nowSeconds(now) + config.REFRESH_TTL_SECONDS }, nowSeconds(now))
  if (!rotated) throw new UnauthenticatedError('登录已过期，请重新登录')
  return { token: await bearerFor(user, now), expiresIn: config.TOKEN_TTL_SECONDS, refreshToken: next, user: await toUser(user) }
}
