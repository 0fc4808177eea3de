import { cardIdSchema } from '@shared/schemas/card.schema'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { viewCard } from './cards.use-case'

/** Public: shows no more than the paper card (names, the specialist's phone, public counts). */
export const handler = httpHandler(async (request) => {
  const id = parseWith(cardIdSchema, request.params.id, '联系卡编号')
  return ok(await viewCard(id))
})
