import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { DELETED_USER_NAME, PRIVACY_VERSION } from '@shared/domain/privacy'
import { ForbiddenError, UnauthenticatedError } from '@shared/errors'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { deleteAccount, personalData, recordConsent } from '../../functions/auth/privacy.use-case'
import { issueSession, refreshSession } from '../../functions/auth/session.use-case'
import { bindByCard } from '../../functions/cards/cards.use-case'
import { decideStaff, listStaff } from '../../functions/enterprises/staff.use-case'
import { config } from '../../functions/lib/config'
import { deliverNotification } from '../../functions/notifications/delivery.use-case'
import { getSubscriptions, reportSubscriptions } from '../../functions/notifications/subscriptions.use-case'
import { actorFromClaims } from '../../functions/services/authenticate'
import { createHttpWeChatClient, type WeChatClient } from '../../functions/services/wechat-client'
import { listEnterpriseAppeals } from '../../functions/store/appeal-lists.store'
import { getAppealWithEvents } from '../../functions/store/appeal.store'
import { listBindings } from '../../functions/store/binding.store'
import { getEnterprise } from '../../functions/store/enterprise.store'
import { listNotifications } from '../../functions/store/notification.store'
import { getBudget, getDelivery } from '../../functions/store/push.store'
import { findUserIdByOpenid, getUser, linkOpenid, putUser } from '../../functions/store/user.store'
import { LOCAL_WECHAT } from '../../scripts/lib/local-wechat'
import { startWeChatStandIn, type WeChatStandIn } from '../../scripts/lib/wechat-stand-in'
import { areaAdmin, owner, powerHandler, staff } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

/** A WeChat user as the API sees them on each request: profile and openid written, bindings re-read. */
async function weChatUser(id: string, name: string): Promise<{ actor: () => Promise<Actor>; openid: string }> {
  const openid = `o${id.replace(/[^a-z0-9]/gi, '').padEnd(27, 'x').slice(0, 27)}`
  await putUser({ id, name, role: 'staff' })
  await linkOpenid(openid, id, clock.tick().toISOString())
  return { actor: () => actorFromClaims({ sub: id, name, role: 'staff' }), openid }
}

const cardOf = async (enterpriseId: string) => (await getEnterprise(enterpriseId))!.cardId!
let keys = 0
const file = (actor: Actor, enterpriseId: string, title: string) =>
  submitAppeal(actor, `privacy-${++keys}`, { enterpriseId, categoryId: 'power', title, description: '新厂房需要接入 10kV 线路' }, clock.tick()).then((r) => r.appeal)

describe('consent to the privacy guide', () => {
  it('is recorded on the user with its version and time, and shown in their data', async () => {
    const user = await weChatUser('u-consent-1', '同意者')
    const at = clock.tick()
    const shown = await recordConsent(await user.actor(), PRIVACY_VERSION, at)
    expect(shown.privacyConsent).toEqual({ version: PRIVACY_VERSION, at: at.toISOString() })
    expect((await getUser('u-consent-1'))?.privacyConsent).toEqual({ version: PRIVACY_VERSION, at: at.toISOString() })
    const data = await personalData(await user.actor())
    expect(data.consents).toEqual([{ version: PRIVACY_VERSION, at: at.toISOString() }])
    expect(data.privacyVersion).toBe(PRIVACY_VERSION)
    expect(data.profile).toMatchObject({ id: 'u-consent-1', name: '同意者', wechatLinked: true })
  })
})

describe('a filer’s phone on the appeal', () => {
  it('is in full for the owner and the admins, masked for colleagues and co-handlers', async () => {
    const user = await weChatUser('u-phone-1', '扫码用户')
    await bindByCard(await user.actor(), await cardOf('en-0001'), { name: '李建国', phone: '13912345678' }, clock.tick())
    const appeal = await file(await user.actor(), 'en-0001', '新线路接电')
    for (const official of [owner, areaAdmin]) {
      expect((await getAppealDetail(official, appeal.id)).filer).toEqual({ name: '李建国', phone: '13912345678', phoneMasked: false })
    }
    expect((await getAppealDetail(staff, appeal.id)).filer).toEqual({ name: '李建国', phone: '139****5678', phoneMasked: true })
    expect((await getAppealDetail(powerHandler, appeal.id)).filer).toEqual({ name: '李建国', phone: '139****5678', phoneMasked: true })
    // The enterprise's people: in full for its specialist, masked for a colleague.
    expect((await listStaff(owner, 'en-0001')).find((m) => m.userId === 'u-phone-1')?.phone).toBe('13912345678')
    expect((await listStaff(staff, 'en-0001')).find((m) => m.userId === 'u-phone-1')?.phone).toBe('139****5678')
  })
})

describe('deleting an account', () => {
  it('removes bindings, WeChat identity and sessions; appeals stay with the enterprise, filed by 已注销用户', async () => {
    const user = await weChatUser('u-delete-1', '微信用户')
    await bindByCard(await user.actor(), await cardOf('en-0001'), { name: '赵明亮', phone: '13700001111' }, clock.tick())
    const own = await file(await user.actor(), 'en-0001', '新厂房增容')
    await decideStaff(owner, 'en-0001', 'u-delete-1', 'approve', clock.tick())
    const colleagues = await file(staff, 'en-0001', '同事的诉求')
    await actOnAppeal(await user.actor(), colleagues.id, { type: 'note', message: '赵明亮补充：现场已具备条件' }, clock.tick())
    await actOnAppeal(owner, own.id, { type: 'accept' }, clock.tick())
    const session = await issueSession((await getUser('u-delete-1'))!, clock.tick())

    const result = await deleteAccount(await user.actor())
    expect(result).toEqual({ deleted: true, appealsKept: 1 })

    // Gone: profile, bindings, WeChat identity; no session authenticates.
    expect(await getUser('u-delete-1')).toBeUndefined()
    expect(await listBindings('u-delete-1')).toEqual([])
    expect(await findUserIdByOpenid(user.openid)).toBeUndefined()
    await expect(user.actor()).rejects.toBeInstanceOf(UnauthenticatedError)
    await expect(refreshSession(session.refreshToken, clock.tick())).rejects.toBeInstanceOf(UnauthenticatedError)
    expect((await listStaff(owner, 'en-0001')).some((m) => m.userId === 'u-delete-1')).toBe(false)

    // Kept: the appeal, with the enterprise, its specialist and its timeline — without the person.
    expect((await listEnterpriseAppeals('en-0001')).map((a) => a.id)).toEqual(expect.arrayContaining([own.id, colleagues.id]))
    const detail = await getAppealDetail(owner, own.id)
    expect(detail.appeal).toMatchObject({ enterpriseId: 'en-0001', ownerId: 'sp-007', status: 'in_progress', filedBy: { id: 'u-delete-1', name: DELETED_USER_NAME } })
    expect(detail.filer).toEqual({ name: DELETED_USER_NAME, phone: '', phoneMasked: true, deleted: true })
    const timelines = [await getAppealWithEvents(own.id), await getAppealWithEvents(colleagues.id)]
    const text = JSON.stringify(timelines)
    expect(text).not.toContain('赵明亮')
    expect(text).not.toContain('13700001111')
    expect(timelines[1]!.events.find((e) => e.actor.id === 'u-delete-1')?.actor.name).toBe(DELETED_USER_NAME)

    // The appeal still moves on: the owner answers it (its version moved with the renaming).
    const answered = await actOnAppeal(owner, own.id, { type: 'respond', outcome: 'resolved', message: '已完成接电。', openTaskReason: '供电公司已现场确认' }, clock.tick())
    expect(answered.status).toBe('responded')
  })

  it('is refused to officials, whose accounts belong to the roster', async () => {
    for (const official of [owner, areaAdmin, powerHandler]) await expect(deleteAccount(official)).rejects.toBeInstanceOf(ForbiddenError)
    expect(await getUser('sp-007')).toBeDefined()
  })
})

describe('long-term subscriptions, delivered through the real WeChat client to the stand-in', () => {
  let standIn: WeChatStandIn
  let wechat: WeChatClient
  beforeAll(async () => {
    standIn = await startWeChatStandIn({ ...LOCAL_WECHAT })
    wechat = createHttpWeChatClient({ baseUrl: standIn.url, ...LOCAL_WECHAT, retryDelaysMs: [5, 10] })
  })
  afterAll(() => standIn?.close())

  const PROGRESS = config.WECHAT_TEMPLATE_PROGRESS
  const longTerm = { ...config, WECHAT_LONG_TERM_TEMPLATES: ['progress' as const] }
  const oneTime = { ...config, WECHAT_LONG_TERM_TEMPLATES: [] }

  /** A filer on WeChat with an appeal and the owner's three changes to it, none delivered yet. */
  async function threeNotices(id: string) {
    const user = await weChatUser(id, '订阅测试')
    await bindByCard(await user.actor(), await cardOf('en-0003'), { name: '订阅测试' }, clock.tick())
    const appeal = await file(await user.actor(), 'en-0003', '订阅测试诉求')
    const specialist = (await getEnterprise('en-0003'))!.specialistId!
    const sp = await getUser(specialist)
    const ownerActor: Actor = { id: sp!.id, name: sp!.name, role: 'specialist', areaId: sp!.areaId, enterpriseIds: [], pendingEnterpriseIds: [] }
    await actOnAppeal(ownerActor, appeal.id, { type: 'accept' }, clock.tick())
    await actOnAppeal(ownerActor, appeal.id, { type: 'request-material', message: '请补充用电负荷清单' }, clock.tick())
    await actOnAppeal(ownerActor, appeal.id, { type: 'extend', dueDate: '2026-12-31', reason: '需要协调' }, clock.tick()).catch(() => undefined)
    const { items } = await listNotifications(id, { limit: 50 })
    return { user, notices: items.filter((n) => n.appealId === appeal.id).reverse() }
  }

  it('on: one accept serves every message, no budget is spent, and the app stops asking', async () => {
    const { user, notices } = await threeNotices('u-longterm-1')
    expect(notices.length).toBeGreaterThanOrEqual(2)
    expect((await getSubscriptions(await user.actor(), longTerm)).askFor).toEqual([PROGRESS])
    const after = await reportSubscriptions(await user.actor(), { results: { [PROGRESS]: 'accept' } }, clock.tick(), longTerm)
    expect(after.askFor).toEqual([])
    expect(after.templates[0]).toMatchObject({ key: 'progress', longTerm: true, ready: true, budget: 1 })

    const before = standIn.messages(user.openid).length
    for (const notice of notices) expect(await deliverNotification(notice, { wechat, config: longTerm })).toBe('sent')
    expect(standIn.messages(user.openid).length - before).toBe(notices.length)
    expect(await getBudget('u-longterm-1', PROGRESS)).toBe(1)
    expect((await getSubscriptions(await user.actor(), longTerm)).askFor).toEqual([])
  })

  it('on: a 43101 ends the accept, and the app asks again', async () => {
    const { user, notices } = await threeNotices('u-longterm-2')
    await reportSubscriptions(await user.actor(), { results: { [PROGRESS]: 'accept' } }, clock.tick(), longTerm)
    await fetch(`${standIn.url}/dev/faults`, { method: 'POST', body: JSON.stringify({ path: '/cgi-bin/message/subscribe/send', errcode: 43101, times: 1 }) })
    expect(await deliverNotification(notices[0]!, { wechat, config: longTerm })).toBe('refused')
    expect(await deliverNotification(notices[1]!, { wechat, config: longTerm })).toBe('no_budget')
    const now = await getSubscriptions(await user.actor(), longTerm)
    expect(now.askFor).toEqual([PROGRESS])
    expect(now.templates[0]).toMatchObject({ ready: false })
  })

  it('off: the one-time rule — one message per accept, then the notice stays in the inbox', async () => {
    const { user, notices } = await threeNotices('u-onetime-1')
    await reportSubscriptions(await user.actor(), { results: { [PROGRESS]: 'accept' } }, clock.tick(), oneTime)
    const before = standIn.messages(user.openid).length
    expect(await deliverNotification(notices[0]!, { wechat, config: oneTime })).toBe('sent')
    expect(await deliverNotification(notices[1]!, { wechat, config: oneTime })).toBe('no_budget')
    expect(standIn.messages(user.openid).length - before).toBe(1)
    expect(await getBudget('u-onetime-1', PROGRESS)).toBe(0)
    expect((await getDelivery(notices[1]!.id))?.status).toBe('no_budget')
    const now = await getSubscriptions(await user.actor(), oneTime)
    expect(now.askFor).toEqual([PROGRESS])
    expect(now.templates[0]).toMatchObject({ longTerm: false, ready: false, budget: 0 })
  })
})
