/** One Lambda: the inbox and the subscribe-message quotas. */
import { handler as listNotifications } from '../notifications/list-notifications'
import { handler as unreadNotifications } from '../notifications/unread-count'
import { handler as markNotificationsRead } from '../notifications/mark-read'
import { handler as getSubscriptions } from '../notifications/get-subscriptions'
import { handler as reportSubscriptions } from '../notifications/report-subscriptions'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/notifications': listNotifications,
  'GET /api/notifications/unread-count': unreadNotifications,
  'POST /api/notifications/read': markNotificationsRead,
  'GET /api/subscriptions': getSubscriptions,
  'POST /api/subscriptions': reportSubscriptions,
})
