/** One Lambda: the local stage only: demo logins and the WeChat stand-in's outbox. */
import { identities as devIdentities, login as devLogin } from '../auth/dev-login'
import { handler as devWeChat } from '../notifications/dev-wechat'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'POST /api/auth/dev-login': devLogin,
  'GET /api/auth/dev-identities': devIdentities,
  'GET /dev/wechat': devWeChat,
})
