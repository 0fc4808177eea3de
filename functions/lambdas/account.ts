/** One Lambda: Signing in and the caller's own account. */
import { handler as me } from '../auth/me'
import { handler as recordPrivacyConsent } from '../auth/privacy-consent'
import { handler as personalData } from '../auth/personal-data'
import { handler as deleteAccount } from '../auth/delete-account'
import { handler as wechatLogin } from '../auth/wechat-login'
import { handler as refreshSession } from '../auth/refresh'
import { handler as claimInvitation } from '../auth/claim-invitation'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/me': me,
  'POST /api/me/privacy-consent': recordPrivacyConsent,
  'GET /api/me/data': personalData,
  'DELETE /api/me': deleteAccount,
  'POST /api/auth/wechat': wechatLogin,
  'POST /api/auth/refresh': refreshSession,
  'POST /api/auth/claim-invitation': claimInvitation,
})
