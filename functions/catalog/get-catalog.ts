import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { getCatalog } from '../store/catalog.store'

export const handler = httpHandler(async (request) => {
  await authenticate(request)
  return ok(await getCatalog())
})
