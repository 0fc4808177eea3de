import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { describe, expect, it } from 'vitest'
import { IdempotencyKeyReusedError, NotFoundError, ValidationError } from '@shared/errors'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { dynamo, TABLE } from '../../functions/lib/dynamo'
import { staff } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

const request = { enterpriseId: 'en-0001', categoryId: 'power', title: '新线路接电', description: '新厂房需要接入 10kV 线路，已等三周' }

/** Every item the table holds for one enterprise's appeals, counted through its index. */
async function appealsOfEnterprise(enterpriseId: string) {
  const result = await dynamo.send(
    new QueryCommand({ TableName: TABLE, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `ENT#${enterpriseId}` } }),
  )
  return result.Items ?? []
}

describe('submitting an appeal', () => {
  it('routes it to the enterprise specialist with deadlines, co-handlers and a first event', async () => {
    const { appeal, created } = await submitAppeal(staff, 'route-check-0001', request, new Date('2026-11-20T02:00:00Z'))
    expect(created).toBe(true)
    expect(appeal).toMatchObject({
      status: 'assigned',
      ownerId: 'sp-007',
      ownerName: '徐慧萍',
      areaId: 'xt-hitech',
      version: 1,
      level: 0,
      // Friday 20 November: first response by Monday, resolution (5 working days) by Friday 27th.
      firstResponseDueAt: '2026-11-23T15:59:59.999Z',
      dueAt: '2026-11-27T15:59:59.999Z',
    })
    expect(appeal.coHandlers.map((c) => c.id)).toEqual(['power', 'drc', 'tf-industry'])
    expect(appeal.deadlineProvisional).toBeUndefined()
  })

  it('marks deadlines counted into a year with no published holiday schedule as provisional', async () => {
    // Monday 28 December 2026: the five working days run into 2027, not yet published.
    const { appeal } = await submitAppeal(staff, 'provisional-0001', request, new Date('2026-12-28T02:00:00Z'))
    expect(appeal).toMatchObject({ deadlineProvisional: true, firstResponseDueAt: '2026-12-29T15:59:59.999Z', dueAt: '2027-01-05T15:59:59.999Z' })
  })

  it('stores exactly one appeal when the same key arrives many times at once', async () => {
    const key = 'concurrent-retry-0001'
    const before = (await appealsOfEnterprise('en-0001')).length
    const results = await Promise.all(Array.from({ length: 12 }, () => submitAppeal(staff, key, request, clock.tick())))
    const ids = new Set(results.map((r) => r.appeal.id))
    expect(ids.size).toBe(1)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect((await appealsOfEnterprise('en-0001')).length).toBe(before + 1)
  })

  it('returns the original appeal on a later retry with the same key and body', async () => {
    const first = await submitAppeal(staff, 'later-retry-0001', request, clock.tick())
    const again = await submitAppeal(staff, 'later-retry-0001', { ...request }, clock.tick())
    expect(again).toEqual({ appeal: first.appeal, created: false })
  })

  it('refuses the same key with a different body and writes nothing', async () => {
    await submitAppeal(staff, 'reused-key-0001', request, clock.tick())
    const before = (await appealsOfEnterprise('en-0001')).length
    await expect(submitAppeal(staff, 'reused-key-0001', { ...request, title: '另一件事' }, clock.tick())).rejects.toBeInstanceOf(IdempotencyKeyReusedError)
    expect((await appealsOfEnterprise('en-0001')).length).toBe(before)
  })

  it('scopes keys to the caller: another user may use the same key', async () => {
    const other = { ...staff, id: 'staff-en-0001-b', name: '另一位联系人' }
    const mine = await submitAppeal(staff, 'shared-key-0001', request, clock.tick())
    const theirs = await submitAppeal(other, 'shared-key-0001', request, clock.tick())
    expect(theirs.appeal.id).not.toBe(mine.appeal.id)
  })

  it('rejects an enterprise the caller is not bound to, and an unknown category, writing nothing', async () => {
    const before = (await appealsOfEnterprise('en-0002')).length
    await expect(submitAppeal(staff, 'foreign-0001', { ...request, enterpriseId: 'en-0002' }, clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(submitAppeal(staff, 'bad-category-0001', { ...request, categoryId: 'no-such' }, clock.tick())).rejects.toBeInstanceOf(ValidationError)
    expect((await appealsOfEnterprise('en-0002')).length).toBe(before)
  })
})
