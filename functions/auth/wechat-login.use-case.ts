import { ulid } from 'ulid'
import { RateLimitedError, UpstreamUnavailableError, ValidationError } from '@shared/errors'
import type { LoginResponse } from '@shared/schemas/user.schema'
import { describeWeChatError, WeChatError, type WeChatClient } from '../services/wechat-client'
import { createUserForOpenid, findUserIdByOpenid, getUser, type UserRecord } from '../store/user.store'
import { issueSession } from './session.use-case'

/**
 * Signs in with a wx.login code: code2Session gives the openid; the first time, a user is created
 * (an enterprise staff member with no enterprise yet: scanning a card asks to join one).
 */
export async function wechatLogin(code: string, wechat: WeChatClient, now: Date): Promise<LoginResponse> {
  const { openid } = await exchangeCode(code, wechat)
  let userId = await findUserIdByOpenid(openid)
  if (!userId) {
    const user: UserRecord = { id: `u-${ulid().toLowerCase()}`, name: '微信用户', role: 'staff' }
    const created = await createUserForOpenid(user, openid, now.toISOString())
    // Two first logins of one person at once: the other request linked the openid; use its user.
    userId = created ? user.id : await findUserIdByOpenid(openid)
  }
  const user = userId ? await getUser(userId) : undefined
  if (!user) throw new Error(`openid link points at a missing user ${userId}`)
  return issueSession(user, now)
}

/** wx.login code → openid, with WeChat's refusals turned into the API's errors. */
export async function exchangeCode(code: string, wechat: WeChatClient) {
  try {
    return await wechat.code2Session(code)
  } catch (error) {
    if (!(error instanceof WeChatError)) throw error
    const { kind, message } = describeWeChatError(error)
    if (kind === 'bad-code') throw new ValidationError(message, { code: message }, 'WECHAT_CODE_INVALID')
    if (kind === 'rate-limited') throw new RateLimitedError(message)
    throw new UpstreamUnavailableError(message)
  }
}
