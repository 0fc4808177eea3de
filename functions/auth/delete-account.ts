import { deleteAccountRequestSchema } from '@shared/schemas/user.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { deleteAccount } from './privacy.use-case'

/** DELETE /api/me {confirm: '注销账号'}: an enterprise member deletes their account. */
export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  parseWith(deleteAccountRequestSchema, request.body)
  return ok(await deleteAccount(actor))
})
