import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { Visit } from '@shared/schemas/visit.schema'
import type { ExchangeEvent } from '@shared/schemas/exchange-event.schema'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { listInbox } from '../../functions/notifications/inbox.use-case'
import { listAppealsOfSource } from '../../functions/services/appeal-sources'
import { getAppealWithEvents } from '../../functions/store/appeal.store'
import { putBinding } from '../../functions/store/binding.store'
import { putExchangeEvent } from '../../functions/store/exchange-event.store'
import { transactWrite } from '../../functions/store/transact'
import { getVisit, visitWrites } from '../../functions/store/visit.store'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, owner, powerHandler, staff } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

/*
 * 专员代提 against DynamoDB Local: officials file for an enterprise by phone, from a visit and at
 * an exchange day; the appeal keeps where it came from, the source lists its appeals, the
 * enterprise's staff hear of it, and an enterprise with nobody in the app is evaluated by a call.
 */

const problem = { enterpriseId: 'en-0001', categoryId: 'power', title: '线路容量不足', description: '新厂房线路容量不足，影响投产' }
const file = (actor: Actor, onBehalf: object, request: object = problem) =>
  submitAppeal(actor, `on-behalf-${randomUUID()}`, { ...(request as typeof problem), onBehalf } as never, clock.tick()).then((r) => r.appeal)

async function aVisit(enterpriseId: string): Promise<Visit> {
  const at = clock.tick().toISOString()
  const visit: Visit = {
    id: `vi-${randomUUID().replace(/-/g, '').slice(0, 26)}`,
    enterpriseId,
    enterpriseName: '测试企业',
    areaId: 'xt-hitech',
    specialistId: 'sp-007',
    by: { id: owner.id, name: owner.name, role: owner.role },
    visitedAt: at,
    kind: 'onsite',
    met: '生产部经理',
    topics: ['production'],
    record: '了解生产情况',
    attachmentCount: 0,
    appealCount: 0,
    createdAt: at,
  }
  await transactWrite(visitWrites(visit, { userId: owner.id, key: randomUUID(), requestHash: 'x' }))
  return visit
}

async function anEvent(areaId: string | null): Promise<ExchangeEvent> {
  const event: ExchangeEvent = {
    id: `ev-${randomUUID().replace(/-/g, '').slice(0, 26)}`,
    title: '高新区政企交流主题日',
    series: '高新区政企交流主题日',
    date: '2026-11-02',
    time: '19:00',
    place: '园区服务中心',
    hosts: ['园区主任'],
    departmentIds: ['power'],
    areaId,
    invited: { kind: 'filter', scales: ['above', 'near'] },
    createdBy: { id: areaAdmin.id, name: areaAdmin.name, role: areaAdmin.role },
    createdAt: clock.tick().toISOString(),
  }
  await putExchangeEvent(event)
  return event
}

describe('filing on behalf (专员代提)', () => {
  it('files by phone for an enterprise with nobody in the app, to be evaluated by a call', async () => {
    const appeal = await file(owner, { channel: 'phone' })
    expect(appeal).toMatchObject({ channel: 'phone', status: 'assigned', ownerId: 'sp-007', filedBy: { id: 'sp-007', role: 'specialist' }, evaluatedByCall: true })
    const stored = await getAppealWithEvents(appeal.id)
    expect(stored?.events[0]?.message).toContain('徐慧萍代企业提交（电话）')
  })

  it('refuses enterprise staff and departments (403), and officials without the enterprise in scope (404), writing nothing', async () => {
    await expect(file(staff, { channel: 'phone' })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(file(powerHandler, { channel: 'phone' })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(file(otherSpecialist, { channel: 'phone' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(file(otherAreaAdmin, { channel: 'phone' })).rejects.toBeInstanceOf(NotFoundError)
  })

  it('links problems found on a visit to it, counts them on the visit, and lists them from it', async () => {
    const visit = await aVisit('en-0001')
    const first = await file(owner, { channel: 'visit', visitId: visit.id })
    const second = await file(areaAdmin, { channel: 'visit', visitId: visit.id }, { ...problem, title: '招工难', categoryId: 'hiring' })
    expect(first.source).toEqual({ kind: 'visit', id: visit.id, label: expect.stringMatching(/^\d+月\d+日走访$/) })
    expect((await listAppealsOfSource({ kind: 'visit', id: visit.id })).map((a) => a.id)).toEqual([first.id, second.id])
    expect((await getVisit(visit.id))?.appealCount).toBe(2)
  })

  it('refuses another enterprise’s visit and an unknown one on the field, writing nothing', async () => {
    const visit = await aVisit('en-0002')
    await expect(file(owner, { channel: 'visit', visitId: visit.id })).rejects.toMatchObject({ fields: { 'onBehalf.visitId': '该走访记录不是这家企业的' } })
    await expect(file(owner, { channel: 'visit', visitId: 'vi-nothing' })).rejects.toBeInstanceOf(ValidationError)
    expect(await listAppealsOfSource({ kind: 'visit', id: visit.id })).toEqual([])
    expect((await getVisit(visit.id))?.appealCount).toBe(0)
  })

  it('records a problem raised at an exchange day with the measure agreed there', async () => {
    const event = await anEvent('xt-hitech')
    const measure = { text: '供电公司一周内现场勘察', unit: '国网湘潭供电公司', dueDate: '2026-12-31' }
    const appeal = await file(cityAdmin, { channel: 'event', eventId: event.id, measure })
    expect(appeal).toMatchObject({ channel: 'event', source: { kind: 'event', id: event.id, label: '高新区政企交流主题日（2026-11-02）' }, measure: { ...measure, by: { id: 'ad-city' } } })
    expect((await listAppealsOfSource({ kind: 'event', id: event.id })).map((a) => a.id)).toEqual([appeal.id])
  })

  it('refuses an event of another area and a measure due in the past', async () => {
    const elsewhere = await anEvent('yuhu')
    await expect(file(cityAdmin, { channel: 'event', eventId: elsewhere.id })).rejects.toMatchObject({ fields: { 'onBehalf.eventId': '该企业不属于这次交流活动的园区' } })
    const event = await anEvent(null)
    await expect(file(cityAdmin, { channel: 'event', eventId: event.id, measure: { text: '现场勘察', unit: '供电公司', dueDate: '2020-01-02' } })).rejects.toMatchObject({
      fields: { 'onBehalf.measure.dueDate': '完成时限不能早于今天' },
    })
    expect(await listAppealsOfSource({ kind: 'event', id: event.id })).toEqual([])
  })

  it('files once for a retried request', async () => {
    const key = `on-behalf-retry-${randomUUID()}`
    const request = { ...problem, onBehalf: { channel: 'phone' as const } }
    const [a, b] = await Promise.all([submitAppeal(owner, key, request, clock.tick()), submitAppeal(owner, key, request, clock.tick())])
    expect(a.appeal.id).toBe(b.appeal.id)
    expect([a.created, b.created].sort()).toEqual([false, true])
  })

  it('tells the approved staff, who then evaluate it as their own; an official then may not evaluate for them', async () => {
    const member = { id: `u-${randomUUID()}`, name: '范波艳' }
    await putBinding({
      userId: member.id,
      userName: member.name,
      enterpriseId: 'en-0021',
      enterpriseName: '测试企业',
      status: 'approved',
      requestedAt: clock.tick().toISOString(),
      areaId: 'xt-hitech',
      specialistId: 'sp-007',
      via: 'demo',
    })
    const appeal = await file(owner, { channel: 'phone' }, { ...problem, enterpriseId: 'en-0021' })
    expect(appeal.evaluatedByCall).toBeUndefined()
    const memberActor: Actor = { id: member.id, name: member.name, role: 'staff', enterpriseIds: ['en-0021'], pendingEnterpriseIds: [] }
    const inbox = await listInbox(memberActor, { limit: 10 })
    expect(inbox.items.map((n) => [n.kind, n.appealId])).toContainEqual(['filed_on_behalf', appeal.id])

    let current = await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    current = await actOnAppeal(owner, appeal.id, { type: 'respond', outcome: 'resolved', message: '已协调供电公司完成增容', openTaskReason: '协办单位已口头答复' }, clock.tick())
    await expect(actOnAppeal(owner, appeal.id, { type: 'call-evaluate', rating: 'satisfied', comment: '' }, clock.tick())).rejects.toMatchObject({ code: 'INVALID_TRANSITION' })
    current = await actOnAppeal(memberActor, appeal.id, { type: 'evaluate', rating: 'satisfied', comment: '' }, clock.tick())
    expect(current).toMatchObject({ status: 'closed', evaluation: { rating: 'satisfied' } })
  })

  it('closes an appeal of an enterprise without staff by the official’s record of the return call', async () => {
    const appeal = await file(owner, { channel: 'phone' }, { ...problem, enterpriseId: 'en-0001' })
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    await actOnAppeal(owner, appeal.id, { type: 'respond', outcome: 'resolved', message: '已协调解决', openTaskReason: '协办单位已口头答复' }, clock.tick())
    const closed = await actOnAppeal(areaAdmin, appeal.id, { type: 'call-evaluate', rating: 'basically', comment: '电话回访：基本满意' }, clock.tick())
    expect(closed).toMatchObject({ status: 'closed', evaluation: { rating: 'basically', byCall: true } })
    const reopened = await actOnAppeal(cityAdmin, appeal.id, { type: 'reopen', reason: '抽查回访时企业表示线路仍未接通' }, clock.tick())
    expect(reopened).toMatchObject({ status: 'in_progress', level: 1, reopenCount: 1 })
    expect(reopened.closedAt).toBeUndefined()
  })
})
