import * as z from 'zod'
import { recordVisitRequestSchema } from '@shared/schemas/visit.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { recordVisit } from './visits.use-case'

const idempotencyKeySchema = z
  .string({ message: '缺少 Idempotency-Key 请求头' })
  .regex(/^[A-Za-z0-9._:-]{8,100}$/, 'Idempotency-Key 须为 8–100 位字母、数字或 ._:-')

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const key = parseWith(z.object({ 'idempotency-key': idempotencyKeySchema }), request.headers, '请求头')['idempotency-key']
  const body = parseWith(recordVisitRequestSchema, request.body)
  const { visit, created } = await recordVisit(actor, key, body, request.now)
  return ok({ visit }, created ? 201 : 200)
})
