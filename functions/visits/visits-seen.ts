import * as z from 'zod'
import { enterpriseIdSchema } from '@shared/schemas/common.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { visitsSeen } from './visits.use-case'

/** The enterprise's staff: the dates their specialist visited, nothing of the records. */
export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(z.object({ id: enterpriseIdSchema }), request.params, '路径参数')
  return ok(await visitsSeen(actor, id, request.now))
})
