import { rosterImportRequestSchema } from '@shared/schemas/roster.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { importRoster } from './import-roster.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await importRoster(actor, parseWith(rosterImportRequestSchema, request.body), request.now))
})
