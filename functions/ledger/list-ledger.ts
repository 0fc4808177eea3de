import { ledgerQuerySchema } from '@shared/schemas/ledger.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listLedger } from './ledger.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const query = parseWith(ledgerQuerySchema, request.query, '查询参数')
  return ok(await listLedger(actor, query, request.now))
})
