import { randomUUID } from 'node:crypto'
import { marshall } from '@aws-sdk/util-dynamodb'
import type { DynamoDBRecord } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '@shared/errors'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { listSpecialists } from '../../functions/specialists/list-specialists.use-case'
import { config } from '../../functions/lib/config'
import { handleRecord } from '../../functions/notifications/deliver'
import { listInbox, markInboxRead, unreadCount } from '../../functions/notifications/inbox.use-case'
import { getSubscriptions, reportSubscriptions } from '../../functions/notifications/subscriptions.use-case'
import { getAppealWithEvents } from '../../functions/store/appeal.store'
import { getNotification } from '../../functions/store/notification.store'
import { makeWeeklyDigests } from '../../functions/supervision/digest.use-case'
import { runSweep } from '../../functions/supervision/sweep.use-case'
import { areaAdmin, cityAdmin, owner, staff } from '../support/fixtures'
import { shanghai, testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

/*
 * The in-app inbox against DynamoDB Local: notifications arrive with the changes that cause them
 * (no delivery needed for that), and the unread counter moves with every write and read.
 */

const file = (title: string, at: Date) =>
  submitAppeal(staff, `inbox-${randomUUID()}`, { enterpriseId: 'en-0001', categoryId: 'power', title, description: '新厂房需要接入 10kV 线路' }, at).then((r) => r.appeal)

async function everything(actor: typeof owner, limit: number) {
  const pages = []
  let cursor: string | undefined
  do {
    const page = await listInbox(actor, { limit, cursor })
    pages.push(page)
    cursor = page.cursor ?? undefined
  } while (cursor)
  return pages
}

describe('the inbox', () => {
  it('receives a notification in the transaction of the change, newest first, counted unread', async () => {
    const before = await unreadCount(owner)
    const first = await file('第一件诉求', clock.tick())
    const second = await file('第二件诉求', clock.tick())
    expect(await unreadCount(owner)).toBe(before + 2)
    const page = await listInbox(owner, { limit: 2 })
    expect(page.unread).toBe(before + 2)
    expect(page.items.map((n) => [n.appealId, n.kind, n.read])).toEqual([
      [second.id, 'new_appeal', false],
      [first.id, 'new_appeal', false],
    ])
    expect(page.items[0]).toMatchObject({ title: '新诉求待受理', page: `packages/appeal/detail/index?id=${second.id}` })
    expect(page.items[0]!.body).toContain('第二件诉求')
  })

  it('pages through everything once, with an opaque cursor; a forged cursor is a 400', async () => {
    for (let i = 0; i < 4; i++) await file(`分页诉求 ${i}`, clock.tick())
    const all = (await listInbox(owner, { limit: 50 })).items.map((n) => n.id)
    const pages = await everything(owner, 3)
    expect(pages.flatMap((p) => p.items.map((n) => n.id))).toEqual(all)
    expect(pages.at(-1)!.cursor).toBeNull()
    expect(pages.slice(0, -1).every((p) => p.items.length === 3)).toBe(true)
    await expect(listInbox(owner, { limit: 3, cursor: Buffer.from(JSON.stringify({ v: 1, s: 'APPEAL' })).toString('base64url') })).rejects.toBeInstanceOf(ValidationError)
  })

  it('marks some read once, ignores ids that are not the caller’s, and counts a race once', async () => {
    const a = await file('标记已读 A', clock.tick())
    const b = await file('标记已读 B', clock.tick())
    const ids = (await listInbox(owner, { limit: 10 })).items.filter((n) => n.appealId === a.id || n.appealId === b.id).map((n) => n.id)
    await actOnAppeal(owner, a.id, { type: 'accept' }, clock.tick())
    const staffNotice = (await listInbox(staff, { limit: 50 })).items.find((n) => n.appealId === a.id && n.kind === 'accepted')!
    expect(staffNotice.read).toBe(false)
    const unread = await unreadCount(owner)

    const [one, two] = await Promise.all([markInboxRead(owner, { ids }, clock.tick()), markInboxRead(owner, { ids }, clock.tick())])
    expect(one.marked + two.marked).toBe(2)
    expect(await unreadCount(owner)).toBe(unread - 2)
    expect((await markInboxRead(owner, { ids }, clock.tick())).marked).toBe(0)

    // Someone else's notification, and one that does not exist: nothing happens to either.
    expect((await markInboxRead(owner, { ids: [staffNotice.id, 'nt-00000000000000000000000000'] }, clock.tick())).marked).toBe(0)
    expect((await listInbox(staff, { limit: 50 })).items.find((n) => n.id === staffNotice.id)?.read).toBe(false)
    const read = (await listInbox(owner, { limit: 10 })).items.filter((n) => ids.includes(n.id))
    expect(read.every((n) => n.read && n.readAt)).toBe(true)
  })

  it('marks all read, and counts what arrives afterwards', async () => {
    await file('全部已读之前', clock.tick())
    expect(await unreadCount(owner)).toBeGreaterThan(0)
    const result = await markInboxRead(owner, { all: true }, clock.tick())
    expect(result.unread).toBe(0)
    expect(result.marked).toBeGreaterThan(0)
    expect((await listInbox(owner, { limit: 50 })).items.every((n) => n.read)).toBe(true)
    await file('全部已读之后', clock.tick())
    expect(await unreadCount(owner)).toBe(1)
  })

  it('takes an unread notification that expired off the counter once, however often the removal is handed over', async () => {
    const appeal = await file('即将过期的消息', clock.tick())
    const notice = (await listInbox(owner, { limit: 5 })).items.find((n) => n.appealId === appeal.id)!
    const stored = await getNotification(owner.id, notice.id)
    const removal = { eventName: 'REMOVE', dynamodb: { SequenceNumber: '1', OldImage: marshall({ entity: 'NOTIFICATION', ...stored }, { removeUndefinedValues: true }) } } as unknown as DynamoDBRecord
    const unread = await unreadCount(owner)
    const deps = { wechat: null, config }
    expect(await handleRecord(removal, deps)).toBe('done')
    expect(await handleRecord(removal, deps)).toBe('done')
    expect(await unreadCount(owner)).toBe(unread - 1)
  })
})

describe('notifications of supervision', () => {
  it('tells the area’s admins of an escalation, and each admin of their digest once', async () => {
    const appeal = await file('需要提级的诉求', clock.tick())
    await actOnAppeal(owner, appeal.id, { type: 'escalate', reason: '涉及用地指标，需区里协调' }, clock.tick())
    expect((await listInbox(areaAdmin, { limit: 5 })).items[0]).toMatchObject({ kind: 'escalated', appealId: appeal.id, title: '诉求提级至属地督办' })

    const monday = shanghai('2026-11-30T09:30:00')
    await makeWeeklyDigests(monday)
    await makeWeeklyDigests(monday)
    const digests = (await listInbox(areaAdmin, { limit: 50 })).items.filter((n) => n.kind === 'digest_ready')
    expect(digests).toHaveLength(1)
    expect(digests[0]).toMatchObject({ page: 'packages/supervision/digest/index?week=2026-11-30&areaId=xt-hitech', title: '督办周报已生成' })
    expect((await listInbox(cityAdmin, { limit: 50 })).items.filter((n) => n.kind === 'digest_ready').map((n) => n.page)).toEqual([
      'packages/supervision/digest/index?week=2026-11-30',
    ])
  })

  it('reminds the owner once of a deadline one working day away, however often the sweep runs', async () => {
    // Filed Monday 7 December 2026: due Monday 14, reminded Friday 11 at 09:00.
    const appeal = await file('临近时限的诉求', shanghai('2026-12-07T10:00:00'))
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, shanghai('2026-12-07T11:00:00'))
    expect((await runSweep(shanghai('2026-12-11T08:50:00'), () => undefined)).reminded).toBe(0)
    const [a, b] = await Promise.all([runSweep(shanghai('2026-12-11T09:10:00'), () => undefined), runSweep(shanghai('2026-12-11T09:10:00'), () => undefined)])
    expect(a.reminded + b.reminded).toBe(1)
    expect((await runSweep(shanghai('2026-12-11T15:00:00'), () => undefined)).reminded).toBe(0)
    const reminders = (await listInbox(owner, { limit: 50 })).items.filter((n) => n.appealId === appeal.id && n.kind === 'due_soon')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.body).toContain('办理时限为12月14日')
    const { events } = (await getAppealWithEvents(appeal.id))!
    expect(events.filter((e) => e.type === 'due_soon')).toHaveLength(1)
  })
})

describe('the subscription budget', () => {
  it('adds one per accept for the caller’s own templates, refuses others with a field message', async () => {
    const start = await getSubscriptions(owner)
    expect(start.templates.map((t) => t.key)).toEqual(['task', 'deadline', 'evaluation'])
    expect(start.askFor).toEqual([config.WECHAT_TEMPLATE_TASK, config.WECHAT_TEMPLATE_DEADLINE, config.WECHAT_TEMPLATE_EVALUATION])

    const after = await reportSubscriptions(owner, { results: { [config.WECHAT_TEMPLATE_TASK]: 'accept', [config.WECHAT_TEMPLATE_DEADLINE]: 'reject' } }, clock.tick())
    expect(after.templates.find((t) => t.key === 'task')).toMatchObject({ budget: 1, lastResult: 'accept' })
    expect(after.templates.find((t) => t.key === 'deadline')).toMatchObject({ budget: 0, lastResult: 'reject' })
    expect(after.askFor).toEqual([config.WECHAT_TEMPLATE_DEADLINE, config.WECHAT_TEMPLATE_EVALUATION])

    const refused = await reportSubscriptions(staff, { results: { [config.WECHAT_TEMPLATE_TASK]: 'accept' } }, clock.tick()).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ValidationError)
    expect((refused as ValidationError).fields).toEqual({ [`results.${config.WECHAT_TEMPLATE_TASK}`]: '不是您可订阅的消息模板' })
  })

  it('shows the area admin which specialists have no push budget left for new work', async () => {
    const before = (await listSpecialists(areaAdmin, undefined)).find((s) => s.id === 'sp-001')!
    expect(before.pushBudgetEmpty).toBe(true)
    await reportSubscriptions({ ...owner, id: 'sp-001' }, { results: { [config.WECHAT_TEMPLATE_TASK]: 'accept' } }, clock.tick())
    expect((await listSpecialists(areaAdmin, undefined)).find((s) => s.id === 'sp-001')!.pushBudgetEmpty).toBe(false)
  })
})
