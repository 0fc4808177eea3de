import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { APPEAL_NUMBER_PATTERN, parseAppealNumber } from '@shared/domain/appeal-number'
import { NotFoundError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { listVisibleAppeals } from '../../functions/appeals/list-appeals.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { dynamo, TABLE } from '../../functions/lib/dynamo'
import { daySequences, raiseNumberSequence } from '../../functions/store/appeal-number.store'
import { storedNumberSequences } from '../../scripts/lib/load-generated'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, otherStaff, owner, powerHandler, staff, waterHandler } from '../support/fixtures'
import { shanghai } from '../support/clock'

const request = (enterpriseId: string, i: number) => ({ enterpriseId, categoryId: 'power', title: `并发诉求 ${i}`, description: `第 ${i} 件同时提交的诉求` })

// Ten enterprises of 湘潭高新区, so that the filings meet on the number counters, not only on one enterprise's counter.
const ENTERPRISES = Array.from({ length: 10 }, (_, i) => `en-${String(i + 1).padStart(4, '0')}`)
const manyStaff: Actor = { id: 'staff-many', name: '多家企业的联系人', role: 'staff', enterpriseIds: ENTERPRISES, pendingEnterpriseIds: [] }

const FILED_AT = shanghai('2026-12-07T10:00:00')
let burst: Appeal[] = []

beforeAll(async () => {
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => submitAppeal(manyStaff, `burst-${i}`, request(ENTERPRISES[i % ENTERPRISES.length]!, i), FILED_AT)))
  burst = results.map((r) => r.appeal)
}, 60_000)

describe('appeal numbers under concurrent filing', () => {
  it('gives 40 appeals filed at once 40 different numbers of the day', async () => {
    expect(burst).toHaveLength(40)
    for (const appeal of burst) expect(appeal.number).toMatch(APPEAL_NUMBER_PATTERN)
    expect(new Set(burst.map((a) => a.number)).size).toBe(40)
    expect(burst.every((a) => a.number.startsWith('XT-20261207-'))).toBe(true)
  })

  it('draws them from several counters, none handing out a sequence twice', async () => {
    const parts = burst.map((a) => parseAppealNumber(a.number)!)
    const shards = new Set(parts.map((p) => p.shard))
    expect(shards.size).toBeGreaterThan(1)
    const counters = await daySequences('XT', '20261207')
    for (const shard of shards) {
      const sequences = parts.filter((p) => p.shard === shard).map((p) => p.sequence)
      expect(new Set(sequences).size).toBe(sequences.length)
      // A filing whose transaction failed and was routed again drew anew: the counter may be past the highest number kept (a gap).
      expect(counters.get(shard)).toBeGreaterThanOrEqual(Math.max(...sequences))
    }
  })

  it('keeps one lookup per number, pointing at its appeal', async () => {
    for (const appeal of burst.slice(0, 5)) {
      const item = await dynamo.send(new GetCommand({ TableName: TABLE, Key: { pk: `APPEALNO#${appeal.number}`, sk: 'APPEALNO' } }))
      expect(item.Item?.appealId).toBe(appeal.id)
    }
  })

  it('counts the day in Shanghai: a filing at 23:59 and one at 00:00 fall on two days', async () => {
    const late = await submitAppeal(staff, 'midnight-before', request('en-0001', 100), shanghai('2026-12-07T23:59:59'))
    const early = await submitAppeal(staff, 'midnight-after', request('en-0001', 101), shanghai('2026-12-08T00:00:00'))
    expect(late.appeal.number).toMatch(/^XT-20261207-/)
    expect(early.appeal.number).toMatch(/^XT-20261208-/)
  })

  it('returns the same number when a filing is retried with its key', async () => {
    const again = await submitAppeal(manyStaff, 'burst-3', request(ENTERPRISES[3]!, 3), FILED_AT)
    expect(again.created).toBe(false)
    expect(again.appeal.number).toBe(burst[3]!.number)
  })
})

describe('finding an appeal by its number', () => {
  let appeal: Appeal
  beforeAll(async () => {
    appeal = (await submitAppeal(staff, 'by-number-1', request('en-0001', 200), shanghai('2026-12-09T09:30:00'))).appeal
  })

  const find = (actor: Actor, number: string, status?: Appeal['status'][]) => listVisibleAppeals(actor, { limit: 20, number, status })

  it('finds it for everyone who may read it', async () => {
    for (const actor of [staff, owner, powerHandler, areaAdmin, cityAdmin]) {
      const page = await find(actor, appeal.number)
      expect(page.items.map((a) => a.id), actor.id).toEqual([appeal.id])
      expect(page.cursor).toBeNull()
    }
  })

  it('finds nothing for whoever may not read it, as if the number did not exist', async () => {
    for (const actor of [otherStaff, otherSpecialist, waterHandler, otherAreaAdmin]) {
      await expect(getAppealDetail(actor, appeal.id)).rejects.toBeInstanceOf(NotFoundError)
      expect((await find(actor, appeal.number)).items, actor.id).toEqual([])
    }
  })

  it('finds nothing for a number no appeal holds, and honours a status filter', async () => {
    expect((await find(cityAdmin, 'XT-20261209-9999')).items).toEqual([])
    expect((await find(cityAdmin, appeal.number, ['closed'])).items).toEqual([])
    expect((await find(cityAdmin, appeal.number, ['assigned'])).items.map((a) => a.id)).toEqual([appeal.id])
  })
})

describe('numbers of loaded history (npm run gen)', () => {
  it('raises a day’s counter past the numbers loaded, never lowers it, and later filings of the day follow them', async () => {
    await raiseNumberSequence('XT', '20261210', 3, 57)
    await raiseNumberSequence('XT', '20261210', 3, 12)
    await raiseNumberSequence('XT', '20261211', 0, 4)
    expect((await daySequences('XT', '20261210')).get(3)).toBe(57)
    const stored = await storedNumberSequences('XT', shanghai('2026-12-09T12:00:00'), shanghai('2026-12-11T09:00:00'))
    expect(stored.get('20261210#3')).toBe(57)
    expect(stored.get('20261211#0')).toBe(4)
    // A load that used the first 57 numbers of every counter of the day: later filings follow them.
    await Promise.all(Array.from({ length: 10 }, (_, shard) => raiseNumberSequence('XT', '20261210', shard, 57)))
    const filed = await Promise.all(
      Array.from({ length: 12 }, (_, i) => submitAppeal(manyStaff, `after-load-${i}`, request(ENTERPRISES[i % ENTERPRISES.length]!, 300 + i), shanghai('2026-12-10T15:00:00'))),
    )
    for (const { appeal } of filed) expect(parseAppealNumber(appeal.number)!.sequence).toBeGreaterThan(57)
    expect(new Set(filed.map((f) => f.appeal.number)).size).toBe(12)
  })
})
