import { mayViewCalendar } from '@shared/domain/policy'
import { ForbiddenError } from '@shared/errors'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { listCalendarYears } from './calendar.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  if (!mayViewCalendar(actor)) throw new ForbiddenError('只有工作人员可以查看工作日历')
  return ok({ items: await listCalendarYears(request.now) })
})
