/** One Lambda: Exchange days (政企交流主题日). */
import { handler as createExchangeEvent } from '../exchange-events/create-event'
import { handler as listExchangeEvents } from '../exchange-events/list-events'
import { handler as exchangeEventSeries } from '../exchange-events/series-totals'
import { handler as getExchangeEvent } from '../exchange-events/get-event'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'POST /api/events': createExchangeEvent,
  'GET /api/events': listExchangeEvents,
  'GET /api/events/series': exchangeEventSeries,
  'GET /api/events/{id}': getExchangeEvent,
})
