import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '@shared/errors'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { areaAdmin, owner, staff } from '../support/fixtures'
import { testClock, type TestClock } from '../support/clock'

/*
 * Two rules of actOnAppeal found by testing the product from outside: an extension stays within 60
 * working days of the current deadline (no 9999-12-31), and 不满意 comes with a reason. Refused
 * actions answer 400 on the field and change nothing.
 */

async function fileAppeal(clock: TestClock) {
  const { appeal } = await submitAppeal(
    staff,
    `rules-${randomUUID()}`,
    { enterpriseId: 'en-0001', categoryId: 'power', title: '新线路接电', description: '新厂房需要接入 10kV 线路，已等三周' },
    clock.now(),
  )
  return appeal
}

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return error as ValidationError
}

describe('extending a deadline through actOnAppeal', () => {
  it('refuses 9999-12-31, a day off and a date past 60 working days with 400 on dueDate; accepts the 60th working day', async () => {
    // Filed Monday 3 August 2026: a power appeal is due five working days later, Monday 10 August.
    const clock = testClock('2026-08-03T10:00:00')
    const appeal = await fileAppeal(clock)
    expect(appeal.dueAt).toBe('2026-08-10T15:59:59.999Z')
    const extend = (dueDate: string) => actOnAppeal(areaAdmin, appeal.id, { type: 'extend', dueDate, reason: '需等待上级批复' }, clock.tick())

    const far = await rejection(extend('9999-12-31'))
    // 60 working days after 10 August, on the 2026 calendar (国庆 1–7 October off, 9 and 10 October worked).
    expect(far.fields).toEqual({ dueDate: '最晚可延至 11月6日（原办理时限后 60 个工作日）' })
    expect((await rejection(extend('2026-11-09'))).fields).toEqual({ dueDate: '最晚可延至 11月6日（原办理时限后 60 个工作日）' })
    expect((await rejection(extend('2026-10-05'))).fields).toEqual({ dueDate: '该日不是工作日' })
    expect((await rejection(extend('2026-08-10'))).fields).toEqual({ dueDate: '须晚于原办理时限 8月10日' })

    const unchanged = await getAppealDetail(areaAdmin, appeal.id)
    expect(unchanged.appeal).toMatchObject({ dueAt: '2026-08-10T15:59:59.999Z', version: 1 })
    expect(unchanged.appeal.extensionCount).toBeUndefined()

    const extended = await extend('2026-11-06')
    expect(extended).toMatchObject({ dueAt: '2026-11-06T15:59:59.999Z', extensionCount: 1, version: 2 })
  })

  it('refuses a date already past on an overdue appeal', async () => {
    const clock = testClock('2026-08-03T10:00:00')
    const appeal = await fileAppeal(clock)
    // Two days after the deadline (Wednesday 12 August), 11 August is after it but already gone.
    clock.set('2026-08-12T10:00:00')
    const past = await rejection(actOnAppeal(areaAdmin, appeal.id, { type: 'extend', dueDate: '2026-08-11', reason: '需等待上级批复' }, clock.tick()))
    expect(past.fields).toEqual({ dueDate: '不能早于今天（8月12日）' })
    const today = await actOnAppeal(areaAdmin, appeal.id, { type: 'extend', dueDate: '2026-08-12', reason: '需等待上级批复' }, clock.tick())
    expect(today.dueAt).toBe('2026-08-12T15:59:59.999Z')
  })
})

describe('an unsatisfied evaluation through actOnAppeal', () => {
  it('needs a reason: 400 on comment and nothing changes; with one it reopens a level up, and closes the second time', async () => {
    const clock = testClock('2026-11-23T10:00:00')
    const appeal = await fileAppeal(clock)
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    await actOnAppeal(owner, appeal.id, { type: 'respond', outcome: 'resolved', message: '线路已接通', openTaskReason: '线路已接通，协办单位无需再办' }, clock.tick())

    const bare = await rejection(actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '' }, clock.tick()))
    expect(bare.fields).toEqual({ comment: '请填写不满意的原因' })
    const short = await rejection(actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '不行' }, clock.tick()))
    expect(short.fields).toEqual({ comment: '不满意的原因至少 4 个字' })
    const still = await getAppealDetail(staff, appeal.id)
    expect(still.appeal).toMatchObject({ status: 'responded', level: 0, reopenCount: 0, version: 3 })

    const reopened = await actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '电压仍不稳定' }, clock.tick())
    expect(reopened).toMatchObject({ status: 'in_progress', level: 1, reopenCount: 1, escalation: { cause: 'reopen', reason: '电压仍不稳定' } })

    await actOnAppeal(owner, appeal.id, { type: 'respond', outcome: 'partly', message: '已更换变压器', openTaskReason: '变压器已更换，协办单位无需再办' }, clock.tick())
    await expect(actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '' }, clock.tick())).rejects.toBeInstanceOf(ValidationError)
    const closed = await actOnAppeal(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '仍然经常跳闸' }, clock.tick())
    expect(closed).toMatchObject({ status: 'closed', level: 1, reopenCount: 1, evaluation: { rating: 'unsatisfied', comment: '仍然经常跳闸' } })
  })
})
