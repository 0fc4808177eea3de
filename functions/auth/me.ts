import { UnauthenticatedError } from '@shared/errors'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { getUser } from '../store/user.store'
import { toUser } from './user-view'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const record = await getUser(actor.id)
  if (!record) throw new UnauthenticatedError('账号不存在，请重新登录')
  return ok({ user: await toUser(record) })
})
