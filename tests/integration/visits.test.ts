import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, ValidationError } from '@shared/errors'
import type { RecordVisitRequest } from '@shared/schemas/visit.schema'
import { createUpload } from '../../functions/attachments/attachments.use-case'
import { listEnterprises } from '../../functions/enterprises/roster-lists.use-case'
import { dynamo, TABLE } from '../../functions/lib/dynamo'
import { getEnterprise } from '../../functions/store/enterprise.store'
import { getVisit, listVisitsOfArea, listVisitsOfEnterprise } from '../../functions/store/visit.store'
import { checkIn, listVisits, recordVisit, visitDetail, visitsSeen } from '../../functions/visits/visits.use-case'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, owner, powerHandler, staff } from '../support/fixtures'
import { shanghai } from '../support/clock'

/*
 * Visits against DynamoDB Local: recorded once however often a retry arrives, 最近走访 moved in the
 * same transaction (forward only), the check-in by the card, the lists and who reads what.
 * en-0001 (湘潭高新区, sp-007) is visited here; this file has a table of its own.
 */

const NOW = shanghai('2026-11-23T10:00:00')
const at = (local: string) => shanghai(local)

const request = (overrides: Partial<RecordVisitRequest> = {}): RecordVisitRequest => ({
  enterpriseId: 'en-0001',
  visitedAt: '2026-11-23T09:30:00+08:00',
  kind: 'onsite',
  met: '总经理张总',
  topics: ['production', 'hiring'],
  record: '生产正常，新产线下月投产，缺熟练焊工 20 名。',
  ...overrides,
})

async function visitItemsOf(enterpriseId: string) {
  const result = await dynamo.send(
    new QueryCommand({ TableName: TABLE, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `VISITS#ENT#${enterpriseId}` } }),
  )
  return result.Items ?? []
}

async function refused<E>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(type)
  return error as E
}

describe('recording a visit', () => {
  it('stores the visit and moves the enterprise’s 最近走访 with it', async () => {
    const { visit, created } = await recordVisit(owner, 'visit-first-0001', request(), NOW)
    expect(created).toBe(true)
    expect(visit).toMatchObject({ enterpriseId: 'en-0001', areaId: 'xt-hitech', specialistId: 'sp-007', by: { id: 'sp-007' }, visitedAt: '2026-11-23T01:30:00.000Z', appealCount: 0, attachmentCount: 0 })
    expect(visit.id).toMatch(/^vi-[0-9a-z]{26}$/)
    expect(await getVisit(visit.id)).toEqual(visit)
    expect((await getEnterprise('en-0001'))?.lastVisitAt).toBe('2026-11-23T01:30:00.000Z')
    const page = await listEnterprises(owner, { limit: 50 })
    expect(page.items.find((e) => e.id === 'en-0001')?.lastVisitAt).toBe('2026-11-23T01:30:00.000Z')
  })

  it('stores one visit when the same key arrives many times at once', async () => {
    const before = (await visitItemsOf('en-0001')).length
    const body = request({ visitedAt: '2026-11-23T08:00:00+08:00' })
    const results = await Promise.all(Array.from({ length: 10 }, () => recordVisit(owner, 'visit-retry-0001', body, NOW)))
    expect(new Set(results.map((r) => r.visit.id)).size).toBe(1)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect((await visitItemsOf('en-0001')).length).toBe(before + 1)
    // A later retry gets the first visit, unchanged.
    expect(await recordVisit(owner, 'visit-retry-0001', body, at('2026-11-23T11:00:00'))).toEqual({ visit: results[0]!.visit, created: false })
  })

  it('refuses the same key with another body, writing nothing', async () => {
    await recordVisit(owner, 'visit-reused-0001', request({ visitedAt: '2026-11-23T07:00:00+08:00' }), NOW)
    const before = (await visitItemsOf('en-0001')).length
    await refused(recordVisit(owner, 'visit-reused-0001', request({ visitedAt: '2026-11-23T07:00:00+08:00', record: '另一次走访的记录内容' }), NOW), IdempotencyKeyReusedError)
    expect((await visitItemsOf('en-0001')).length).toBe(before)
  })

  it('keeps the latest visit as 最近走访 when an earlier one is recorded after it', async () => {
    await recordVisit(areaAdmin, 'visit-late-0001', request({ enterpriseId: 'en-0002', visitedAt: '2026-11-20T15:00:00+08:00' }), NOW)
    await recordVisit(areaAdmin, 'visit-late-0002', request({ enterpriseId: 'en-0002', visitedAt: '2026-11-18T15:00:00+08:00' }), NOW)
    expect((await getEnterprise('en-0002'))?.lastVisitAt).toBe('2026-11-20T07:00:00.000Z')
    expect((await listVisitsOfEnterprise('en-0002', 10)).map((v) => v.visitedAt)).toEqual(['2026-11-20T07:00:00.000Z', '2026-11-18T07:00:00.000Z'])
  })

  it('refuses those who do not work on site for the enterprise, and a time out of range, writing nothing', async () => {
    const before = (await visitItemsOf('en-0001')).length
    for (const who of [staff, otherSpecialist, powerHandler, otherAreaAdmin] as Actor[]) await refused(recordVisit(who, `visit-foreign-${who.id}`, request(), NOW), NotFoundError)
    const future = await refused(recordVisit(owner, 'visit-future-0001', request({ visitedAt: '2026-11-23T11:00:00+08:00' }), NOW), ValidationError)
    expect(future.fields).toEqual({ visitedAt: '走访时间不能晚于现在' })
    await refused(recordVisit(owner, 'visit-unknown-0001', request({ enterpriseId: 'en-9999' }), NOW), NotFoundError)
    expect((await visitItemsOf('en-0001')).length).toBe(before)
  })
})

describe('checking in by the card', () => {
  it('stamps the visit with the time of the scan, for the scanner and the card’s enterprise only', async () => {
    const cardId = (await getEnterprise('en-0001'))!.cardId!
    const scan = await checkIn(owner, cardId, at('2026-11-23T09:05:00'))
    expect(scan).toMatchObject({ enterpriseId: 'en-0001', enterpriseName: '湖南锦程汽车零部件有限公司', cardId, scannedAt: '2026-11-23T01:05:00.000Z' })
    const { visit } = await recordVisit(owner, 'visit-checked-0001', request({ checkIn: scan.token }), NOW)
    expect(visit.checkedInAt).toBe('2026-11-23T01:05:00.000Z')

    // Another enterprise's visit, another official, a forged token, or a scan older than 12 hours.
    const en2 = await recordVisit(cityAdmin, 'visit-checked-0002', request({ enterpriseId: 'en-0002', checkIn: scan.token }), NOW).catch((e: unknown) => e)
    expect((en2 as ValidationError).fields).toEqual({ checkIn: '签到凭证不属于该企业，请扫该企业的联系卡' })
    const byAdmin = await refused(recordVisit(areaAdmin, 'visit-checked-0003', request({ checkIn: scan.token }), NOW), ValidationError)
    expect(byAdmin.fields.checkIn).toBe('签到凭证不属于该企业，请扫该企业的联系卡')
    const forged = await refused(recordVisit(owner, 'visit-checked-0004', request({ checkIn: `${scan.token.split('.')[0]}.${'A'.repeat(43)}` }), NOW), ValidationError)
    expect(forged.fields.checkIn).toBe('签到凭证无效，请重新扫码签到')
    const stale = await refused(recordVisit(owner, 'visit-checked-0005', request({ checkIn: scan.token, visitedAt: '2026-11-23T21:00:00+08:00' }), at('2026-11-23T21:06:00')), ValidationError)
    expect(stale.fields.checkIn).toBe('签到已超过 12 小时，请重新扫码签到')
  })

  it('is refused to enterprise staff and officials of other portfolios (they get the card page)', async () => {
    const cardId = (await getEnterprise('en-0001'))!.cardId!
    for (const who of [staff, otherSpecialist, powerHandler, otherAreaAdmin] as Actor[]) await refused(checkIn(who, cardId, NOW), ForbiddenError)
    await refused(checkIn(owner, 'nosuchcard', NOW), NotFoundError)
  })
})

describe('reading visits', () => {
  it('lists an enterprise’s visits for the officials who work on site for it, and one’s own', async () => {
    for (const who of [owner, areaAdmin, cityAdmin]) expect((await listVisits(who, { enterpriseId: 'en-0001' })).items.length).toBeGreaterThan(0)
    for (const who of [staff, otherSpecialist, otherAreaAdmin] as Actor[]) await refused(listVisits(who, { enterpriseId: 'en-0001' }), NotFoundError)
    const mine = await listVisits(owner, {})
    expect(mine.items.every((v) => v.by.id === 'sp-007')).toBe(true)
    await refused(listVisits(staff, {}), ForbiddenError)
  })

  it('pages newest first with cursors bound to the caller', async () => {
    const all = (await listVisits(owner, { enterpriseId: 'en-0001', limit: 50 })).items
    const first = await listVisits(owner, { enterpriseId: 'en-0001', limit: 2 })
    const second = await listVisits(owner, { enterpriseId: 'en-0001', limit: 2, cursor: first.cursor! })
    expect([...first.items, ...second.items].map((v) => v.id)).toEqual(all.slice(0, 4).map((v) => v.id))
    expect(all.map((v) => v.visitedAt)).toEqual([...all.map((v) => v.visitedAt)].sort().reverse())
    await refused(listVisits(areaAdmin, { enterpriseId: 'en-0001', limit: 2, cursor: first.cursor! }), ValidationError)
  })

  it('opens a visit for those who may read it, never for the enterprise’s staff', async () => {
    const { visit } = await recordVisit(owner, 'visit-detail-0001', request({ visitedAt: '2026-11-22T10:00:00+08:00' }), NOW)
    const detail = await visitDetail(areaAdmin, visit.id)
    expect(detail).toEqual({ visit, appeals: [], photos: [] })
    for (const who of [staff, otherSpecialist, powerHandler, otherAreaAdmin] as Actor[]) await refused(visitDetail(who, visit.id), NotFoundError)
  })

  it('tells staff only the dates, latest first', async () => {
    const seen = await visitsSeen(staff, 'en-0001', NOW)
    expect(seen.items[0]).toEqual({ visitedAt: '2026-11-23T01:30:00.000Z', kind: 'onsite', line: '专员于 11 月 23 日走访' })
    expect(Object.keys(seen.items[0]!)).toEqual(['visitedAt', 'kind', 'line'])
    await refused(visitsSeen({ ...staff, enterpriseIds: ['en-0002'] }, 'en-0001', NOW), NotFoundError)
  })

  it('lists an area’s visits in a time range by a Query', async () => {
    const visits = await listVisitsOfArea('xt-hitech', '2026-11-23T00:00:00.000Z', '2026-11-23T01:30:00.000Z')
    expect(visits.length).toBeGreaterThan(0)
    expect(visits.every((v) => v.visitedAt >= '2026-11-23T00:00:00.000Z' && v.visitedAt < '2026-11-23T01:30:00.000Z')).toBe(true)
    expect(await listVisitsOfArea('yuhu', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual([])
  })
})

describe('photos of a visit', () => {
  const png = (extra = 0) => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), Buffer.alloc(64 + extra, 7)])

  async function uploadPhoto(who: Actor, enterpriseId: string, bytes: Buffer) {
    const ticket = await createUpload(who, { target: { kind: 'new-visit', enterpriseId }, fileName: '车间.png', size: bytes.length, contentType: 'image/png' }, NOW)
    const form = new FormData()
    for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value)
    form.append('file', new Blob([bytes]), '车间.png')
    expect((await fetch(ticket.url, { method: 'POST', body: form })).status).toBeLessThan(300)
    return ticket.id
  }

  it('attaches the photos uploaded for the visit, and lists them with links in its detail', async () => {
    const ids = [await uploadPhoto(owner, 'en-0001', png(1)), await uploadPhoto(owner, 'en-0001', png(2))]
    const { visit } = await recordVisit(owner, 'visit-photo-0001', request({ visitedAt: '2026-11-21T10:00:00+08:00', attachments: ids }), NOW)
    expect(visit.attachmentCount).toBe(2)
    const detail = await visitDetail(owner, visit.id)
    expect(detail.photos.map((p) => p.id)).toEqual(ids)
    expect(detail.photos.every((p) => typeof p.url === 'string' && p.url.length > 0)).toBe(true)
    // Used once: the same uploads cannot go with another visit.
    const again = await refused(recordVisit(owner, 'visit-photo-0002', request({ attachments: ids }), NOW), ValidationError)
    expect(again.fields.attachments).toBe('附件无效或已被使用，请重新上传')
  })

  it('issues upload forms for a visit only to those who may record it, and keeps them apart from appeals', async () => {
    await refused(createUpload(staff, { target: { kind: 'new-visit', enterpriseId: 'en-0001' }, fileName: '车间.png', size: 1000, contentType: 'image/png' }, NOW), NotFoundError)
    await refused(createUpload(otherSpecialist, { target: { kind: 'new-visit', enterpriseId: 'en-0001' }, fileName: '车间.png', size: 1000, contentType: 'image/png' }, NOW), NotFoundError)
    const forAppeal = await createUpload(staff, { target: { kind: 'new-appeal', enterpriseId: 'en-0001' }, fileName: '车间.png', size: 1000, contentType: 'image/png' }, NOW)
    const refusal = await refused(recordVisit(owner, 'visit-photo-0003', request({ attachments: [forAppeal.id] }), NOW), ValidationError)
    expect(refusal.fields.attachments).toBe('附件无效或已被使用，请重新上传')
  })
})

describe('the demo visits', () => {
  it('are written once through the use case, with 最近走访', async () => {
    const { seedVisits } = await import('../../scripts/lib/seed-visits')
    expect(await seedVisits(NOW)).toBe(3)
    expect(await seedVisits(NOW)).toBe(0)
    expect((await getEnterprise('en-0021'))?.lastVisitAt).toBe('2026-11-20T07:30:00.000Z')
  })
})
