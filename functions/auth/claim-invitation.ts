import { claimInvitationRequestSchema } from '@shared/schemas/user.schema'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { wechatClient } from '../services/wechat'
import { claimInvitation } from './invitation.use-case'

export const handler = httpHandler(async (request) => {
  const { code, invitation } = parseWith(claimInvitationRequestSchema, request.body)
  return ok(await claimInvitation(code, invitation, wechatClient(), request.now))
})
