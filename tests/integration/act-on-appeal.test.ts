import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ConflictError, ForbiddenError, NotFoundError } from '@shared/errors'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { otherSpecialist, otherStaff, owner, powerHandler, staff } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

let keyCounter = 0
async function fileAppeal() {
  const { appeal } = await submitAppeal(staff, `act-test-${++keyCounter}-${randomUUID()}`, {
    enterpriseId: 'en-0001',
    categoryId: 'power',
    title: '新线路接电',
    description: '新厂房需要接入 10kV 线路，已等三周',
  }, clock.tick())
  return appeal
}

describe('acting on an appeal', () => {
  it('runs the whole closed loop and keeps the timeline', async () => {
    const appeal = await fileAppeal()
    await actOnAppeal(owner, appeal.id, { type: 'accept', expectedVersion: 1 }, clock.tick())
    await actOnAppeal(owner, appeal.id, { type: 'note', message: '已约供电公司周三现场勘察' }, clock.tick())
    await actOnAppeal(powerHandler, appeal.id, { type: 'note', message: '供电方案已出，内部流转中', internal: true }, clock.tick())
    // The routed co-handlers have not replied: the owner answers first and says why.
    await actOnAppeal(owner, appeal.id, { type: 'respond', outcome: 'resolved', message: '线路已于今日接通', openTaskReason: '线路已接通，协办单位无需再办' }, clock.tick())
    const closed = await actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'satisfied', comment: '响应很快' }, clock.tick())
    expect(closed).toMatchObject({ status: 'closed', version: 6, evaluation: { rating: 'satisfied' } })

    const official = await getAppealDetail(owner, appeal.id)
    expect(official.events.map((e) => e.type)).toEqual(['submit', 'accept', 'note', 'note', 'respond', 'evaluate'])
    expect(official.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6])
    const enterpriseView = await getAppealDetail(staff, appeal.id)
    expect(enterpriseView.events.map((e) => e.type)).toEqual(['submit', 'accept', 'note', 'respond', 'evaluate'])
    expect(enterpriseView.allowedActions).toEqual([])
  })

  it('lets exactly one of two concurrent actions win; the other gets 409 and no event is lost', async () => {
    const appeal = await fileAppeal()
    const results = await Promise.allSettled([
      actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick()),
      actOnAppeal(staff, appeal.id, { type: 'withdraw', reason: '已自行解决' }, clock.tick()),
    ])
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError)

    const detail = await getAppealDetail(owner, appeal.id)
    expect(detail.appeal.version).toBe(2)
    expect(detail.events).toHaveLength(2)
    expect(detail.events[1]!.to).toBe(detail.appeal.status)
  })

  it('keeps every note when many are written at once: each either lands with its event or is refused', async () => {
    const appeal = await fileAppeal()
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => actOnAppeal(owner, appeal.id, { type: 'note', message: `进展 ${i}` }, clock.tick())),
    )
    const landed = results.filter((r) => r.status === 'fulfilled').length
    expect(landed).toBeGreaterThanOrEqual(1)
    for (const r of results) if (r.status === 'rejected') expect((r.reason as ConflictError).code).toBe('VERSION_CONFLICT')
    const detail = await getAppealDetail(owner, appeal.id)
    expect(detail.appeal.version).toBe(1 + landed)
    expect(detail.events).toHaveLength(1 + landed)
  })

  it('refuses a stale expected version, an invalid transition and a wrong actor without writing', async () => {
    const appeal = await fileAppeal()
    await actOnAppeal(owner, appeal.id, { type: 'accept', expectedVersion: 1 }, clock.tick())
    await expect(actOnAppeal(owner, appeal.id, { type: 'note', message: '旧页面上的备注', expectedVersion: 1 }, clock.tick())).rejects.toMatchObject({ code: 'VERSION_CONFLICT' })
    await expect(actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())).rejects.toMatchObject({ code: 'INVALID_TRANSITION' })
    await expect(actOnAppeal(staff, appeal.id, { type: 'respond', outcome: 'resolved', message: '自己答复' }, clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    const detail = await getAppealDetail(owner, appeal.id)
    expect(detail.appeal.version).toBe(2)
    expect(detail.events).toHaveLength(2)
  })

  it('answers 404 to those who may not see the appeal, for reading and acting alike', async () => {
    const appeal = await fileAppeal()
    await expect(getAppealDetail(otherStaff, appeal.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getAppealDetail(otherSpecialist, appeal.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(actOnAppeal(otherSpecialist, appeal.id, { type: 'accept' }, clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(getAppealDetail(staff, 'ap-does-not-exist')).rejects.toBeInstanceOf(NotFoundError)
  })
})
