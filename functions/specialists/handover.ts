import * as z from 'zod'
import { handoverRequestSchema } from '@shared/schemas/roster.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { handoverPortfolio } from './handover.use-case'

const specialistIdSchema = z.string().regex(/^sp-[0-9a-z-]{1,40}$/, '专员编号不正确')

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const from = parseWith(specialistIdSchema, request.params.id, '专员编号')
  const { toSpecialistId, reason } = parseWith(handoverRequestSchema, request.body)
  return ok(await handoverPortfolio(actor, from, toSpecialistId, reason, request.now))
})
