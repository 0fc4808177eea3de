import { authenticate } from '../lib/authenticate'
import { httpHandler, ok } from '../lib/http'
import { getExport } from './export.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ job: await getExport(actor, request.params.id ?? '', new Date()) })
})
