import { createHmac, timingSafeEqual } from 'node:crypto'
import type { z } from 'zod'
import { ValidationError } from '@shared/errors'
import { INVALID_CURSOR_MESSAGE } from '@shared/schemas/common.schema'
import { config } from './config'

/*
 * Page cursors (分页游标), the one codec of every paged list of the API:
 *
 *   base64url(JSON payload) "." base64url(HMAC-SHA256(key, context + payload))
 *
 * The payload says only where the next page starts (a sort-key position, an offset), never a
 * table key. The MAC also covers a context that the client never sees: the list's name, the
 * caller and the filters of the query. So a cursor resumes only the list, caller and filters it
 * was issued for; a forged or changed one, or one of another list, filter or user, is one 400 on
 * `cursor` — it never reaches DynamoDB.
 */

/** A filter of the query a cursor belongs to; arrays are sets (their order does not matter). */
export type CursorFilter = string | number | boolean | null | undefined | readonly string[]

/** Whose query, with which filters: what a cursor is bound to besides its list. */
export interface CursorContext {
  caller: string
  filters?: Record<string, CursorFilter>
}

/** The cursor key: derived from TOKEN_SECRET, and apart from the session tokens' use of it. */
export const cursorKey = (secret: string): Buffer => createHmac('sha256', secret).update('qinshang-direct page cursor v1').digest()

let configuredKey: Buffer | undefined
const defaultKey = () => (configuredKey ??= cursorKey(config.TOKEN_SECRET))

/** The one refusal of a cursor, whatever is wrong with it: a client can only start again. */
export const invalidCursor = () => new ValidationError(INVALID_CURSOR_MESSAGE, { cursor: INVALID_CURSOR_MESSAGE })

/** A canonical text of the context: JSON keeps the parts apart, sorting makes it one text. */
function contextText(list: string, context: CursorContext): string {
  const filters = Object.entries(context.filters ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => [name, Array.isArray(value) ? [...new Set(value)].sort() : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify(['v1', list, context.caller, filters])
}

const BASE64URL = /^[A-Za-z0-9_-]+$/
const MAC_LENGTH = 32
/** Far above any payload of ours; refused before any work is done on it. */
const MAX_CURSOR_LENGTH = 1024

/**
 * The cursor codec of one list: `encode` where a page ends, `decode` where the next begins (no
 * cursor: the first page). The payload schema checks what a (well-signed) cursor carries.
 */
export function pageCursor<S extends z.ZodType>(list: string, payloadSchema: S, key: Buffer = defaultKey()) {
  const mac = (context: CursorContext, payload: string) => createHmac('sha256', key).update(contextText(list, context)).update('\n').update(payload).digest()

  return {
    encode(context: CursorContext, value: z.output<S>): string {
      const payload = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
      return `${payload}.${mac(context, payload).toString('base64url')}`
    },

    decode(context: CursorContext, cursor: string | undefined): z.output<S> | undefined {
      if (cursor === undefined) return undefined
      const parts = cursor.length <= MAX_CURSOR_LENGTH ? cursor.split('.') : []
      const [payload, signature] = parts
      if (parts.length !== 2 || !payload || !signature || !BASE64URL.test(payload) || !BASE64URL.test(signature)) throw invalidCursor()
      const given = Buffer.from(signature, 'base64url')
      // Only the one spelling of the MAC: base64url's spare bits would let a cursor have several.
      if (given.length !== MAC_LENGTH || given.toString('base64url') !== signature) throw invalidCursor()
      if (!timingSafeEqual(given, mac(context, payload))) throw invalidCursor()
      let value: unknown
      try {
        value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
      } catch {
        throw invalidCursor()
      }
      const parsed = payloadSchema.safeParse(value)
      if (!parsed.success) throw invalidCursor()
      return parsed.data
    },
  }
}
