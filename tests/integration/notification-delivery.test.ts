import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import type { NotificationKind } from '@shared/schemas/notification.schema'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { config } from '../../functions/lib/config'
import { handleStreamEvent } from '../../functions/notifications/deliver'
import type { DeliveryDeps } from '../../functions/notifications/delivery.use-case'
import { reportSubscriptions, getSubscriptions } from '../../functions/notifications/subscriptions.use-case'
import { listNotifications, type NotificationRecord } from '../../functions/store/notification.store'
import { claimDelivery, getBudget, getDelivery } from '../../functions/store/push.store'
import { getEnterprise } from '../../functions/store/enterprise.store'
import { getUser, linkOpenid } from '../../functions/store/user.store'
import { createHttpWeChatClient, type WeChatClient } from '../../functions/services/wechat-client'
import { LOCAL_WECHAT } from '../../scripts/lib/local-wechat'
import { startStreamPoller, type StreamPoller } from '../../scripts/lib/stream-poller'
import { startWeChatStandIn, type WeChatStandIn } from '../../scripts/lib/wechat-stand-in'
import { powerHandler } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

/*
 * The outbox end to end: a change writes its notifications in its own transaction; the local
 * stream poller reads DynamoDB Local's stream and hands the records to the production handler,
 * which pushes through the real WeChat HTTP client to the in-process WeChat stand-in.
 */

const SEND_PATH = '/cgi-bin/message/subscribe/send'
const TOKEN_PATH = '/cgi-bin/stable_token'
const TEMPLATE = { task: config.WECHAT_TEMPLATE_TASK, progress: config.WECHAT_TEMPLATE_PROGRESS, evaluation: config.WECHAT_TEMPLATE_EVALUATION }

/** A WeChat openid per test user, in WeChat's shape. */
const openidOf = (userId: string) => `o${Buffer.from(userId).toString('base64url').padEnd(27, 'x').slice(0, 27)}`

let standIn: WeChatStandIn
let wechat: WeChatClient
let tokenRequests: Array<{ force_refresh: boolean }>
let poller: StreamPoller | undefined
const extraPollers: StreamPoller[] = []

const deps = (client: WeChatClient = wechat): DeliveryDeps => ({ wechat: client, config })

const startPoller = (client?: WeChatClient) =>
  startStreamPoller({
    endpoint: process.env.DYNAMODB_ENDPOINT!,
    tableName: process.env.TABLE_NAME!,
    handler: (event) => handleStreamEvent(event, deps(client)),
    idleMs: 100,
    retryDelaysMs: [50, 100, 150, 200, 250, 300],
    log: () => undefined,
  })

beforeAll(async () => {
  standIn = await startWeChatStandIn({ ...LOCAL_WECHAT })
  tokenRequests = []
  wechat = createHttpWeChatClient({
    baseUrl: standIn.url,
    ...LOCAL_WECHAT,
    retryDelaysMs: [5, 10],
    fetch: async (input, init) => {
      if (String(input).includes(TOKEN_PATH)) tokenRequests.push(JSON.parse(String(init?.body)) as { force_refresh: boolean })
      return fetch(input, init)
    },
  })
  poller = await startPoller()
})

afterEach(async () => {
  await fetch(`${standIn.url}/dev/faults`, { method: 'DELETE' })
  await Promise.all(extraPollers.splice(0).map((p) => p.stop()))
})

afterAll(async () => {
  await poller?.stop()
  await standIn?.close()
})

async function grant(actor: Actor, templateId: string, times: number) {
  for (let i = 0; i < times; i++) await reportSubscriptions(actor, { results: { [templateId]: 'accept' } }, clock.tick())
}

let nextEnterprise = 1

/**
 * Each test its own enterprise, filer and owner (the enterprise's specialist), so that budgets
 * and messages of one test are not another's. The filer has WeChat linked; the owner only when
 * asked (a specialist may own several enterprises, so tests compare counts before and after).
 */
async function scenario(options: { ownerOnWeChat?: boolean } = {}) {
  for (;;) {
    const enterprise = await getEnterprise(`en-${String(nextEnterprise++).padStart(4, '0')}`)
    const specialist = enterprise?.specialistId ? await getUser(enterprise.specialistId) : undefined
    if (!enterprise || !specialist) continue
    const owner: Actor = { id: specialist.id, name: specialist.name, role: 'specialist', areaId: specialist.areaId, enterpriseIds: [], pendingEnterpriseIds: [] }
    const staff: Actor = { id: `staff-${randomUUID().slice(0, 8)}`, name: '测试联系人', role: 'staff', enterpriseIds: [enterprise.id], pendingEnterpriseIds: [] }
    const at = clock.tick().toISOString()
    await linkOpenid(openidOf(staff.id), staff.id, at)
    if (options.ownerOnWeChat) await linkOpenid(openidOf(owner.id), owner.id, at)
    /** Files a power appeal and waits until the stream has handed its notifications over. */
    const file = async (title = '新厂房需要接入10kV线路') => {
      const { appeal } = await submitAppeal(staff, `push-${randomUUID()}`, { enterpriseId: enterprise.id, categoryId: 'power', title, description: '新厂房需要接入 10kV 线路，已等三周' }, clock.tick())
      await poller?.caughtUp()
      return appeal
    }
    return { enterprise, owner, staff, file }
  }
}

/** The one notification of this kind about this appeal in a user's inbox. */
async function notificationOf(userId: string, appealId: string, kind: NotificationKind): Promise<NotificationRecord> {
  const { items } = await listNotifications(userId, { limit: 50 })
  const found = items.filter((n) => n.appealId === appealId && n.kind === kind)
  expect(found).toHaveLength(1)
  return found[0]!
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** The delivery record once it reached `status`. */
const settled = (notificationId: string, status: string) =>
  waitFor(`delivery ${notificationId} → ${status}`, async () => {
    const record = await getDelivery(notificationId)
    return record?.status === status ? record : undefined
  })

const messagesTo = (userId: string) => standIn.messages(openidOf(userId))
const requestsSince = (since: number) => standIn.requests.slice(since).map((r) => r.path)
const inject43101 = (path: string, errcode: number, times: number) =>
  fetch(`${standIn.url}/dev/faults`, { method: 'POST', body: JSON.stringify({ path, errcode, times }) })

describe('pushing a notification from the stream', () => {
  it('sends exactly one message per change, even when the stream is read again and two pollers race', async () => {
    const { owner, staff, file } = await scenario({ ownerOnWeChat: true })
    await grant(owner, TEMPLATE.task, 3)
    const budget = await getBudget(owner.id, TEMPLATE.task)
    const before = messagesTo(owner.id).length
    await poller!.stop()
    poller = undefined
    const appeal = await file()

    // Two deliverers start at once and both read the whole stream from its start.
    const racing = await Promise.all([startPoller(), startPoller()])
    extraPollers.push(...racing)
    await Promise.all(racing.map((p) => p.caughtUp()))
    const notification = await notificationOf(owner.id, appeal.id, 'new_appeal')
    expect(await getDelivery(notification.id)).toMatchObject({ status: 'sent', attempts: 1, templateId: TEMPLATE.task, verdict: 'pass' })

    // And a third, later, reading all of it once more.
    poller = await startPoller()
    await poller.caughtUp()
    const sent = messagesTo(owner.id).slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      templateId: TEMPLATE.task,
      page: `packages/appeal/detail/index?id=${appeal.id}`,
      data: { phrase1: { value: '新诉求' }, thing2: { value: '新厂房需要接入10kV线路' }, character_string3: { value: appeal.number } },
    })
    expect(await getBudget(owner.id, TEMPLATE.task)).toBe(budget - 1)

    // The co-handlers' handlers have no WeChat linked: their notifications stay in the inbox.
    const handlerNotice = await notificationOf(powerHandler.id, appeal.id, 'co_handle_task')
    expect(await settled(handlerNotice.id, 'no_openid')).toMatchObject({ attempts: 0 })
  })

  it('on 43101 sets the budget to zero, sends nothing and keeps the notification in the inbox', async () => {
    const { owner, staff, file } = await scenario()
    await grant(staff, TEMPLATE.progress, 2)
    const appeal = await file()
    const before = messagesTo(staff.id).length
    await inject43101(SEND_PATH, 43101, 1)
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    const notification = await notificationOf(staff.id, appeal.id, 'accepted')
    expect(await settled(notification.id, 'refused')).toMatchObject({ errcode: 43101, attempts: 1 })
    expect(await getBudget(staff.id, TEMPLATE.progress)).toBe(0)
    expect(messagesTo(staff.id)).toHaveLength(before)
    expect(notification.readAt).toBeUndefined()
    expect((await getSubscriptions(staff)).askFor).toEqual([TEMPLATE.progress])
  })

  it('tries again while WeChat is busy (−1), giving the budget back in between, and sends once', async () => {
    const { owner, staff, file } = await scenario()
    await grant(staff, TEMPLATE.progress, 1)
    const appeal = await file()
    const before = messagesTo(staff.id).length
    // The client's own three tries fail; the redelivery's first try gets through.
    await inject43101(SEND_PATH, -1, 3)
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    const notification = await notificationOf(staff.id, appeal.id, 'accepted')
    expect(await settled(notification.id, 'sent')).toMatchObject({ attempts: 2 })
    expect(messagesTo(staff.id)).toHaveLength(before + 1)
    expect(await getBudget(staff.id, TEMPLATE.progress)).toBe(0)
  })

  it('gives up after five tries of a WeChat that stays busy: failed, the budget given back, the inbox kept', async () => {
    const { owner, staff, file } = await scenario()
    await grant(staff, TEMPLATE.progress, 1)
    const appeal = await file()
    const since = standIn.requests.length
    await inject43101(SEND_PATH, -1, 1000)
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    const notification = await notificationOf(staff.id, appeal.id, 'accepted')
    expect(await settled(notification.id, 'failed')).toMatchObject({ attempts: 5, errcode: -1 })
    expect(requestsSince(since).filter((p) => p === SEND_PATH)).toHaveLength(5 * 3)
    expect(await getBudget(staff.id, TEMPLATE.progress)).toBe(1)
  })

  it('refreshes a token WeChat refuses (40001) once, with force_refresh, and sends', async () => {
    const { owner, staff, file } = await scenario()
    await grant(staff, TEMPLATE.progress, 1)
    const appeal = await file()
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    await settled((await notificationOf(staff.id, appeal.id, 'accepted')).id, 'sent')

    await fetch(`${standIn.url}/dev/expire-tokens`, { method: 'POST' })
    await grant(staff, TEMPLATE.progress, 1)
    const tokensBefore = tokenRequests.length
    const since = standIn.requests.length
    await actOnAppeal(owner, appeal.id, { type: 'request-material', message: '请补充用电负荷表' }, clock.tick())
    const notification = await notificationOf(staff.id, appeal.id, 'material_requested')
    expect(await settled(notification.id, 'sent')).toMatchObject({ attempts: 1 })
    expect(requestsSince(since).filter((p) => p === SEND_PATH || p === TOKEN_PATH)).toEqual([SEND_PATH, TOKEN_PATH, SEND_PATH])
    expect(tokenRequests.slice(tokensBefore)).toEqual([expect.objectContaining({ force_refresh: true })])
  })
})

describe('at most once across a crash', () => {
  it('a push claimed by a deliverer that then died is never sent by a later one', async () => {
    const { owner, staff, file } = await scenario()
    await grant(staff, TEMPLATE.progress, 1)
    const appeal = await file()
    await poller!.stop()
    poller = undefined
    const before = messagesTo(staff.id).length
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    const notification = await notificationOf(staff.id, appeal.id, 'accepted')
    // The first deliverer claims it (spending the budget) and dies before calling WeChat. Deliverers
    // run on the stream with the machine's clock, as in production; only the claim's order matters here.
    expect(await claimDelivery({ notificationId: notification.id, userId: staff.id, templateId: TEMPLATE.progress, previousAttempts: 0, at: new Date().toISOString() })).toBe('claimed')

    poller = await startPoller()
    await poller.caughtUp()
    expect(messagesTo(staff.id)).toHaveLength(before)
    expect(await getDelivery(notification.id)).toMatchObject({ status: 'sending', attempts: 1 })
    expect((await listNotifications(staff.id, { limit: 50 })).items.map((n) => n.id)).toContain(notification.id)
  })

  it('a message WeChat took before the deliverer died is not sent again after the restart', async () => {
    const { owner, staff, file } = await scenario()
    await grant(staff, TEMPLATE.progress, 2)
    const appeal = await file()
    await poller!.stop()
    // A deliverer that dies right after WeChat accepted the message, before recording it.
    const dying: WeChatClient = {
      ...wechat,
      sendSubscribeMessage: async (message) => {
        await wechat.sendSubscribeMessage(message)
        throw new Error('process killed')
      },
    }
    poller = await startPoller(dying)
    const before = messagesTo(staff.id).length
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    const notification = await notificationOf(staff.id, appeal.id, 'accepted')
    await waitFor('the message', async () => (messagesTo(staff.id).length > before ? true : undefined))
    // Its own redeliveries find the claim and leave it.
    await poller.caughtUp()
    await poller.stop()

    poller = await startPoller()
    await poller.caughtUp()
    expect(messagesTo(staff.id)).toHaveLength(before + 1)
    expect(await getDelivery(notification.id)).toMatchObject({ status: 'sending', attempts: 1 })
    expect(await getBudget(staff.id, TEMPLATE.progress)).toBe(1)
  })
})

describe('what is not pushed stays in the inbox', () => {
  it('no budget: inbox only, and the app is told to ask for that template at the next tap', async () => {
    const { owner, staff, file } = await scenario({ ownerOnWeChat: true })
    const appeal = await file()
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    await actOnAppeal(owner, appeal.id, { type: 'respond', outcome: 'resolved', message: '已完成送电', openTaskReason: '供电公司已口头确认' }, clock.tick())
    const before = messagesTo(owner.id).length
    await actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'basically', comment: '送电及时' }, clock.tick())
    const notification = await notificationOf(owner.id, appeal.id, 'evaluated')
    expect(await settled(notification.id, 'no_budget')).toMatchObject({ attempts: 0, templateId: TEMPLATE.evaluation })
    expect(messagesTo(owner.id)).toHaveLength(before)
    const subscriptions = await getSubscriptions(owner)
    expect(subscriptions.askFor).toContain(TEMPLATE.evaluation)
    expect(subscriptions.templates.find((t) => t.key === 'evaluation')).toMatchObject({ budget: 0, name: '服务评价结果通知' })
  })

  it('risky words of the enterprise are flagged and not sent; words for review go out withheld', async () => {
    const { owner, staff, file } = await scenario({ ownerOnWeChat: true })
    await grant(owner, TEMPLATE.task, 2)
    const budget = await getBudget(owner.id, TEMPLATE.task)
    const before = messagesTo(owner.id).length
    const risky = await file('厂区周边有人聚众赌博影响生产')
    const flagged = await notificationOf(owner.id, risky.id, 'new_appeal')
    expect(await settled(flagged.id, 'flagged')).toMatchObject({ verdict: 'risky', attempts: 0 })
    expect(await getBudget(owner.id, TEMPLATE.task)).toBe(budget)

    const review = await file('有人上门推销代开发票服务')
    await settled((await notificationOf(owner.id, review.id, 'new_appeal')).id, 'sent')
    const sent = messagesTo(owner.id).slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.data.thing2).toEqual({ value: '企业诉求（详见小程序）' })
    expect(JSON.stringify(sent[0])).not.toContain('代开发票')
  })

  it('checks a text with WeChat once, however many messages carry it', async () => {
    const { owner, staff, file } = await scenario({ ownerOnWeChat: true })
    await grant(owner, TEMPLATE.task, 1)
    await grant(staff, TEMPLATE.progress, 1)
    const since = standIn.requests.length
    const appeal = await file('标题只检查一次的诉求')
    await settled((await notificationOf(owner.id, appeal.id, 'new_appeal')).id, 'sent')
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    await settled((await notificationOf(staff.id, appeal.id, 'accepted')).id, 'sent')
    expect(requestsSince(since).filter((p) => p === '/wxa/msg_sec_check')).toHaveLength(1)
  })
})
