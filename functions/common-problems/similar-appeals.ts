import { appealPathSchema } from '@shared/schemas/appeal.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { similarAppeals } from './common-problems.use-case'

/** 相似诉求: open appeals that look like this one, for its owner and the admins over it. */
export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(appealPathSchema, request.params, '诉求编号')
  return ok(await similarAppeals(actor, id))
})
