import * as z from 'zod'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { inviteOfficial } from './invitation.use-case'

const officialIdSchema = z.string().regex(/^(sp|dh|th|ad)-[0-9a-z-]{1,40}$/, '工作人员编号不正确')

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await inviteOfficial(actor, parseWith(officialIdSchema, request.params.id, '工作人员编号'), request.now), 201)
})
