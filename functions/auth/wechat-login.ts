import { wechatLoginRequestSchema } from '@shared/schemas/user.schema'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { wechatClient } from '../services/wechat'
import { wechatLogin } from './wechat-login.use-case'

export const handler = httpHandler(async (request) => {
  const { code } = parseWith(wechatLoginRequestSchema, request.body)
  return ok(await wechatLogin(code, wechatClient(), request.now))
})
