import { createHmac, timingSafeEqual } from 'node:crypto'
import * as z from 'zod'
import type { CheckInClaims } from '@shared/domain/visits'
import { config } from './config'

/*
 * Check-in tokens (扫码签到): base64url(JSON claims) "." base64url(HMAC-SHA256(key, claims)), the
 * key derived from TOKEN_SECRET apart from the session tokens' and the cursors' uses of it. The
 * server hands one out when an official scans a card and takes it back with the visit record; it
 * says nothing the client did not already know, so it is signed, not encrypted.
 */
export const checkInKey = (secret: string): Buffer => createHmac('sha256', secret).update('qinshang-direct check-in v1').digest()

let configuredKey: Buffer | undefined
const defaultKey = () => (configuredKey ??= checkInKey(config.TOKEN_SECRET))

const claimsSchema = z.object({ cardId: z.string(), enterpriseId: z.string(), userId: z.string(), scannedAt: z.iso.datetime() }).strict()
const BASE64URL = /^[A-Za-z0-9_-]+$/

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest()

export function signCheckIn(claims: CheckInClaims, key: Buffer = defaultKey()): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url')
  return `${payload}.${mac(key, payload).toString('base64url')}`
}

/** The claims of a token this server signed; undefined for anything forged, changed or malformed. */
export function readCheckIn(token: string, key: Buffer = defaultKey()): CheckInClaims | undefined {
  const [payload, signature, ...rest] = token.split('.')
  if (rest.length || !payload || !signature || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return undefined
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(key, payload)
  if (given.length !== expected.length || given.toString('base64url') !== signature || !timingSafeEqual(given, expected)) return undefined
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
