import { upgradePathSchema } from '@shared/schemas/upgrade.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getUpgradeDetail } from './upgrade.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(upgradePathSchema, request.params, '企业编号')
  return ok(await getUpgradeDetail(actor, id, request.now))
})
