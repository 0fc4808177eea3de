import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConflictError, NotFoundError, ValidationError } from '@shared/errors'
import { claimInvitation, inviteOfficial } from '../../functions/auth/invitation.use-case'
import { wechatLogin } from '../../functions/auth/wechat-login.use-case'
import { createHttpWeChatClient, type WeChatClient } from '../../functions/services/wechat-client'
import { LOCAL_WECHAT, startLocalWeChat } from '../../scripts/lib/local-wechat'
import type { WeChatStandIn } from '../../scripts/lib/wechat-stand-in'
import { areaAdmin, cityAdmin, otherAreaAdmin, owner } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

let standIn: WeChatStandIn
let wechat: WeChatClient

const codeFor = async (deviceId: string) =>
  ((await (await fetch(`${standIn.url}/dev/login-code`, { method: 'POST', body: JSON.stringify({ deviceId }) })).json()) as { code: string }).code

beforeAll(async () => {
  standIn = await startLocalWeChat(0)
  wechat = createHttpWeChatClient({ baseUrl: standIn.url, ...LOCAL_WECHAT, retryDelaysMs: [5] })
})
afterAll(() => standIn.close())

describe('linking an official’s WeChat by invitation', () => {
  it('signs the official in from then on, once per invitation', async () => {
    const invitation = await inviteOfficial(areaAdmin, 'sp-007', clock.tick())
    expect(invitation.code).toMatch(/^[0-9a-hjkmnp-tv-z]{12}$/)
    expect(invitation.userName).toBe('徐慧萍')

    const first = await claimInvitation(await codeFor('sp-007-phone'), invitation.code, wechat, clock.tick())
    expect(first.user).toMatchObject({ id: 'sp-007', role: 'specialist' })
    // From now on a plain WeChat sign-in on that phone is the specialist.
    expect((await wechatLogin(await codeFor('sp-007-phone'), wechat, clock.tick())).user.id).toBe('sp-007')
    // The invitation is spent.
    await expect(claimInvitation(await codeFor('another-phone'), invitation.code, wechat, clock.tick())).rejects.toBeInstanceOf(ValidationError)
  })

  it('takes over a phone that was only a staff account, but never another official’s', async () => {
    const staffSession = await wechatLogin(await codeFor('shared-phone'), wechat, clock.tick())
    expect(staffSession.user.role).toBe('staff')
    const forAdmin = await inviteOfficial(cityAdmin, 'ad-xt-hitech', clock.tick())
    expect((await claimInvitation(await codeFor('shared-phone'), forAdmin.code, wechat, clock.tick())).user.id).toBe('ad-xt-hitech')

    const forSpecialist = await inviteOfficial(areaAdmin, 'sp-001', clock.tick())
    await expect(claimInvitation(await codeFor('shared-phone'), forSpecialist.code, wechat, clock.tick())).rejects.toBeInstanceOf(ConflictError)
    // Refused before spending: the invitation still works on the right phone.
    expect((await claimInvitation(await codeFor('sp-001-phone'), forSpecialist.code, wechat, clock.tick())).user.id).toBe('sp-001')
  })

  it('lets only admins of the official’s area invite, and refuses expired codes', async () => {
    await expect(inviteOfficial(otherAreaAdmin, 'sp-007', clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(inviteOfficial(owner, 'sp-001', clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(inviteOfficial(areaAdmin, 'staff-en-0001', clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    const invited = clock.tick()
    const invitation = await inviteOfficial(cityAdmin, 'dh-001', invited)
    const in8Days = new Date(invited.getTime() + 8 * 24 * 3600 * 1000)
    await expect(claimInvitation(await codeFor('dh-phone'), invitation.code, wechat, in8Days)).rejects.toBeInstanceOf(ValidationError)
  })
})
