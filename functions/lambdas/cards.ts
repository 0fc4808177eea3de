/** One Lambda: Specialists' contact cards. */
import { handler as getCard } from '../cards/get-card'
import { handler as getCardCode } from '../cards/get-card-code'
import { handler as bindCard } from '../cards/bind-card'
import { handler as listAreaCards } from '../cards/list-area-cards'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/cards/{id}': getCard,
  'GET /api/cards/{id}/code': getCardCode,
  'POST /api/cards/{id}/bind': bindCard,
  'GET /api/areas/{areaId}/cards': listAreaCards,
})
