import { authenticate } from '../lib/authenticate'
import { httpHandler, ok } from '../lib/http'
import { getAppealDetail } from './get-appeal.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await getAppealDetail(actor, request.params.id ?? ''))
})
