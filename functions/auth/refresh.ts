import { refreshRequestSchema } from '@shared/schemas/user.schema'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { refreshSession } from './session.use-case'

export const handler = httpHandler(async (request) => {
  const { refreshToken } = parseWith(refreshRequestSchema, request.body)
  return ok(await refreshSession(refreshToken, request.now))
})
