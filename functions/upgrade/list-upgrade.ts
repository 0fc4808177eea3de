import { upgradeListQuerySchema } from '@shared/schemas/upgrade.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listUpgrade } from './upgrade.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await listUpgrade(actor, parseWith(upgradeListQuerySchema, request.query, '查询参数'), request.now))
})
