import * as z from 'zod'
import { fileResponse, httpHandler } from '../lib/http'
import { parseWith } from '../lib/validate'
import { handlePushedEvent, pushSignatureQuerySchema, verifyPushSignature } from './wechat-events.use-case'

const text = (value: string) => fileResponse({ contentType: 'text/plain; charset=utf-8', content: Buffer.from(value) })

/** GET: WeChat checks the URL once (answer its echostr); POST: a pushed event (answer "success"). */
export const handler = httpHandler(async (request) => {
  const query = parseWith(pushSignatureQuerySchema.extend({ echostr: z.string().max(200).optional() }), request.query, '推送参数')
  verifyPushSignature(query)
  if (request.method === 'GET') return text(query.echostr ?? '')
  await handlePushedEvent(request.body, request.now)
  return text('success')
})
