import { createHash, timingSafeEqual } from 'node:crypto'
import * as z from 'zod'
import { UnauthenticatedError } from '@shared/errors'
import { config } from '../lib/config'
import { logger } from '../lib/logger'
import { findMediaCheck, setMediaVerdict } from '../store/attachment.store'

/*
 * WeChat's message push (消息推送, plaintext JSON mode): WeChat signs each call with the Token set
 * in the mini-program's console — sha1 of the sorted Token, timestamp and nonce — and brings events
 * such as the verdict of a mediaCheckAsync. A verdict is recorded on the image it is about: a
 * risky image is hidden from everyone but admins from then on.
 */

export const pushSignatureQuerySchema = z.object({ signature: z.string().regex(/^[0-9a-f]{40}$/), timestamp: z.string().regex(/^\d{1,12}$/), nonce: z.string().min(1).max(64) })

/** Throws unless the call carries WeChat's signature made with our Token. */
export function verifyPushSignature(query: { signature: string; timestamp: string; nonce: string }, token = config.WECHAT_PUSH_TOKEN): void {
  if (!token) throw new UnauthenticatedError('消息推送尚未配置')
  const expected = createHash('sha1').update([token, query.timestamp, query.nonce].sort().join('')).digest()
  const given = Buffer.from(query.signature, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthenticatedError('消息推送签名无效')
}

const mediaCheckEventSchema = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1),
  errcode: z.number().int().optional(),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().int().optional() }).optional(),
})

/** Handles one pushed event; what it is not about (other events, unknown traces) is acknowledged and left. */
export async function handlePushedEvent(body: unknown, now: Date): Promise<'recorded' | 'ignored'> {
  const event = mediaCheckEventSchema.safeParse(body)
  if (!event.success) return 'ignored'
  const found = await findMediaCheck(event.data.trace_id)
  if (!found) return 'ignored'
  // WeChat could not judge the image (it could not fetch it, say): shown as unchecked, like a text WeChat would not check.
  const verdict = event.data.errcode || !event.data.result ? 'unchecked' : event.data.result.suggest
  await setMediaVerdict(found.owner, found.attachmentId, verdict, now.toISOString())
  logger.info('media check verdict', { attachmentId: found.attachmentId, verdict })
  return 'recorded'
}
