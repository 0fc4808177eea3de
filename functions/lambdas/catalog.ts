/** One Lambda: the category catalog and its routing, the working-day calendar, the OpenAPI document. */
import { handler as getCatalog } from '../catalog/get-catalog'
import { handler as openapi } from '../meta/openapi'
import { handler as editCategoryRouting } from '../catalog/edit-routing'
import { handler as routingHistory } from '../catalog/routing-history'
import { handler as listCalendarYears } from '../calendar/list-years'
import { handler as loadCalendarYear } from '../calendar/load-year'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/catalog': getCatalog,
  'GET /api/openapi.json': openapi,
  'POST /api/catalog/categories/{id}/routing': editCategoryRouting,
  'GET /api/catalog/routing-changes': routingHistory,
  'GET /api/calendar/years': listCalendarYears,
  'POST /api/calendar/years': loadCalendarYear,
})
