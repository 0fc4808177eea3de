import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { listThresholds } from './upgrade.use-case'

export const handler = httpHandler(async (request) => {
  await authenticate(request)
  return ok({ items: await listThresholds() })
})
