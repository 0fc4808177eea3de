import * as z from 'zod'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { areaCards } from './cards.use-case'

const areaIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确')

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await areaCards(actor, parseWith(areaIdSchema, request.params.areaId, '属地编号')))
})
