import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RateLimitedError, UnauthenticatedError, ValidationError } from '@shared/errors'
import { refreshSession } from '../../functions/auth/session.use-case'
import { wechatLogin } from '../../functions/auth/wechat-login.use-case'
import { verifySessionToken } from '../../functions/lib/session-token'
import { createHttpWeChatClient, type WeChatClient } from '../../functions/services/wechat-client'
import { LOCAL_WECHAT, startLocalWeChat } from '../../scripts/lib/local-wechat'
import type { WeChatStandIn } from '../../scripts/lib/wechat-stand-in'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

let standIn: WeChatStandIn
let client: WeChatClient

async function codeFor(deviceId: string): Promise<string> {
  const response = await fetch(`${standIn.url}/dev/login-code`, { method: 'POST', body: JSON.stringify({ deviceId }) })
  return ((await response.json()) as { code: string }).code
}

beforeAll(async () => {
  standIn = await startLocalWeChat(0)
  client = createHttpWeChatClient({ baseUrl: standIn.url, ...LOCAL_WECHAT, retryDelaysMs: [5, 10] })
})
afterAll(() => standIn.close())

describe('WeChat sign-in and sessions', () => {
  it('creates a user on the first sign-in and finds the same user on the next', async () => {
    const signedIn = clock.tick()
    const first = await wechatLogin(await codeFor('phone-a'), client, signedIn)
    expect(first.user).toMatchObject({ role: 'staff', name: '微信用户', bindings: [] })
    expect(first.expiresIn).toBe(7200)
    expect((await verifySessionToken(first.token, signedIn)).sub).toBe(first.user.id)

    const again = await wechatLogin(await codeFor('phone-a'), client, clock.tick())
    expect(again.user.id).toBe(first.user.id)
    const other = await wechatLogin(await codeFor('phone-b'), client, clock.tick())
    expect(other.user.id).not.toBe(first.user.id)
  })

  it('makes one user of two first sign-ins at once', async () => {
    const [a, b] = await Promise.all([wechatLogin(await codeFor('phone-c'), client, clock.tick()), wechatLogin(await codeFor('phone-c'), client, clock.tick())])
    expect(a.user.id).toBe(b.user.id)
  })

  it('turns WeChat’s refusals into clear 4xx errors', async () => {
    await expect(wechatLogin('never-issued', client, clock.tick())).rejects.toBeInstanceOf(ValidationError)
    await fetch(`${standIn.url}/dev/faults`, { method: 'POST', body: JSON.stringify({ path: '/sns/jscode2session', errcode: 45011, times: 1 }) })
    await expect(wechatLogin(await codeFor('phone-d'), client, clock.tick())).rejects.toBeInstanceOf(RateLimitedError)
  })

  it('spends a refresh token once: the new pair works, a replay is refused', async () => {
    const session = await wechatLogin(await codeFor('phone-e'), client, clock.tick())
    const renewed = await refreshSession(session.refreshToken, clock.tick())
    expect(renewed.user.id).toBe(session.user.id)
    expect(renewed.refreshToken).not.toBe(session.refreshToken)
    await expect(refreshSession(session.refreshToken, clock.tick())).rejects.toBeInstanceOf(UnauthenticatedError)
    expect((await refreshSession(renewed.refreshToken, clock.tick())).user.id).toBe(session.user.id)
  })

  it('refuses an expired refresh token', async () => {
    const signedIn = clock.tick()
    const session = await wechatLogin(await codeFor('phone-f'), client, signedIn)
    const in31Days = new Date(signedIn.getTime() + 31 * 24 * 3600 * 1000)
    await expect(refreshSession(session.refreshToken, in31Days)).rejects.toBeInstanceOf(UnauthenticatedError)
  })
})
