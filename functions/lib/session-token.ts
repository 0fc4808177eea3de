import { SignJWT, jwtVerify, errors as joseErrors } from 'jose'
import * as z from 'zod'
import { UnauthenticatedError } from '@shared/errors'
import { roleSchema } from '@shared/schemas/common.schema'
import { config } from './config'

const ISSUER = 'qinshang-direct'
const secret = new TextEncoder().encode(config.TOKEN_SECRET)

/** What a session token vouches for; enterprise bindings are re-read on every request instead. */
const claimsSchema = z.object({
  sub: z.string(),
  name: z.string(),
  role: roleSchema,
  areaId: z.string().optional(),
  departmentId: z.string().optional(),
  taskForceId: z.string().optional(),
})
export type SessionClaims = z.infer<typeof claimsSchema>

/** Signed at `now`, valid for the configured lifetime from then. */
export async function signSessionToken(claims: SessionClaims, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000)
  const { sub, ...rest } = claims
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + config.TOKEN_TTL_SECONDS)
    .sign(secret)
}

/** Checks the signature, and the expiry against `now` (the request's clock). */
export async function verifySessionToken(token: string, now: Date): Promise<SessionClaims> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'], currentDate: now })
    const claims = claimsSchema.safeParse(payload)
    if (!claims.success) throw new UnauthenticatedError('登录信息无效，请重新登录')
    return claims.data
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('登录已过期，请重新登录', 'TOKEN_EXPIRED')
    if (error instanceof UnauthenticatedError) throw error
    throw new UnauthenticatedError('登录信息无效，请重新登录')
  }
}
