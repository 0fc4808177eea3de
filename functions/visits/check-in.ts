import { cardIdSchema } from '@shared/schemas/card.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { checkIn } from './visits.use-case'

/** An official scanning an enterprise's card on site (扫码签到). */
export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const id = parseWith(cardIdSchema, request.params.id, '联系卡编号')
  return ok({ checkIn: await checkIn(actor, id, request.now) })
})
