import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { personalData } from './privacy.use-case'

/** GET /api/me/data: everything the product holds about the caller (我的个人信息). */
export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await personalData(actor))
})
