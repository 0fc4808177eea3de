import Taro from '@tarojs/taro'
import * as z from 'zod'
import { WECHAT_STAND_IN } from '../settings'
import type { LoginResponse } from '@shared/schemas/user.schema'
import { claimInvitation, wechatLogin } from './api'
import { ApiError, postJsonTo } from './request'
import { saveSession, type Session } from './session'
import { ensurePrivacyConsent, syncPrivacyConsent } from './privacy'

const DEVICE_KEY = 'qs.device'

/** The browser's stand-in for "this phone's WeChat": the same device is the same WeChat user. */
function deviceId(): string {
  const stored: unknown = Taro.getStorageSync(DEVICE_KEY)
  if (typeof stored === 'string' && stored) return stored
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
  Taro.setStorageSync(DEVICE_KEY, id)
  return id
}

/**
 * A login code: wx.login inside WeChat; in a local h5 build, the WeChat stand-in server issues
 * one for this browser. A deployed h5 site has neither and says so.
 */
export async function loginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login()
    if (!code) throw new ApiError(0, 'WECHAT_LOGIN_FAILED', '微信登录失败，请重试')
    return code
  }
  if (!WECHAT_STAND_IN) throw new ApiError(0, 'WECHAT_UNAVAILABLE', '请在微信中扫码打开本页面')
  const answer = z.object({ code: z.string() }).safeParse(await postJsonTo(`${WECHAT_STAND_IN}/dev/login-code`, { deviceId: deviceId() }))
  if (!answer.success) throw new ApiError(0, 'WECHAT_LOGIN_FAILED', '微信登录失败，请重试')
  return answer.data.code
}

function keep(response: LoginResponse): Session {
  const session: Session = { token: response.token, refreshToken: response.refreshToken, user: response.user }
  saveSession(session)
  // The agreement given on this phone is recorded with the account (and again when the guide changes).
  void syncPrivacyConsent(session.user)
  return session
}

/** Declining the privacy guide: no sign-in; the card page stays readable. */
export const PRIVACY_DECLINED = '您未同意隐私保护指引：可以继续浏览联系卡，登录和提交诉求需要您的同意'

/** Signing in reads the WeChat identity: the privacy guide must be agreed to first (services/privacy.ts). */
async function consentedLoginCode(): Promise<string> {
  if (!(await ensurePrivacyConsent())) throw new ApiError(0, 'PRIVACY_DECLINED', PRIVACY_DECLINED)
  return loginCode()
}

/** Signs in as the WeChat user of this phone (or browser), creating them on first use. */
export async function signInWithWeChat(): Promise<Session> {
  return keep(await wechatLogin(await consentedLoginCode()))
}

/** An official's first sign-in: links this WeChat account to them with an admin's invitation. */
export async function signInWithInvitation(invitation: string): Promise<Session> {
  return keep(await claimInvitation(await consentedLoginCode(), invitation))
}
