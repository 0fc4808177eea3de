import { yearScheduleSchema } from '@shared/schemas/calendar.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { loadPublishedYear } from './calendar.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await loadPublishedYear(actor, parseWith(yearScheduleSchema, request.body, '节假日安排'), request.now))
})
