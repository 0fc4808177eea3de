import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ValidationError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { INVALID_CURSOR_MESSAGE } from '@shared/schemas/common.schema'
import { listVisibleAppeals } from '../../functions/appeals/list-appeals.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { listEnterprises } from '../../functions/enterprises/roster-lists.use-case'
import { listInbox } from '../../functions/notifications/inbox.use-case'
import { authoriseReportScope, drillDown } from '../../functions/services/monthly-report'
import { DRILL_PAGE } from '../../functions/services/report-appeals'
import { testClock } from '../support/clock'
import { areaAdmin, cityAdmin, owner, otherSpecialist, staff } from '../support/fixtures'

/*
 * Every paged list of the API hands out cursors that resume only the list, the caller and the
 * filters they were issued for: a forged cursor, or one of another list, filter or caller, is
 * one 400 on `cursor` (never a 500 from DynamoDB, never someone else's page).
 */

const clock = testClock('2026-11-02T09:00:00')
const MONTH = '2026-11'
const FILED = DRILL_PAGE + 5
const filed: Appeal[] = []

async function refused(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  expect((error as ValidationError).fields).toEqual({ cursor: INVALID_CURSOR_MESSAGE })
}

/** Every page of a list, following its cursors. */
async function allPages<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; cursor: string | null }>) {
  const pages: T[][] = []
  let cursor: string | undefined
  do {
    const page = await read(cursor)
    pages.push(page.items)
    cursor = page.cursor ?? undefined
  } while (cursor && pages.length < 100)
  return pages
}

/** The cursor of the first page, which must have one. */
async function firstCursor(read: Promise<{ cursor: string | null }>): Promise<string> {
  const { cursor } = await read
  expect(cursor).toEqual(expect.any(String))
  return cursor!
}

const forgeries = [
  'eyJwayI6IngifQ', // {"pk":"x"}: the raw-key cursor that made GET /api/enterprises answer 500
  Buffer.from(JSON.stringify({ pk: 'ENTERPRISE#en-0001', sk: 'PROFILE', gsi1pk: 'ENTERPRISES#xt-hitech', gsi1sk: 'en-0001' })).toString('base64url'),
  Buffer.from(JSON.stringify({ v: 1, p: '9999-12-31T00:00:00.000Z#ap-x' })).toString('base64url'),
  Buffer.from(JSON.stringify({ v: 1, s: 'N#nt-00000000000000000000000000' })).toString('base64url'),
  Buffer.from(JSON.stringify({ o: 20 })).toString('base64url'),
  'not-a-cursor',
]

beforeAll(async () => {
  // Distinct, increasing times: "newest first" has one right answer. Owner sp-007, area xt-hitech.
  for (let i = 0; i < FILED; i++) {
    const { appeal } = await submitAppeal(
      staff,
      `cursor-${i}`,
      { enterpriseId: 'en-0001', categoryId: i % 2 === 0 ? 'power' : 'water', title: `分页诉求 ${i}`, description: `第 ${i} 条分页测试诉求` },
      clock.tick(60_000),
    )
    filed.push(appeal)
  }
}, 120_000)

describe('GET /api/appeals cursors', () => {
  const read = (actor: Actor, limit: number, status?: Appeal['status'][]) => (cursor: string | undefined) => listVisibleAppeals(actor, { limit, cursor, status })

  it('still page newest first, nothing skipped or repeated', async () => {
    const pages = await allPages(read(staff, 10))
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5])
    expect(pages.flat().map((a) => a.id)).toEqual([...filed].reverse().map((a) => a.id))
    expect((await allPages(read(owner, 4, ['assigned']))).flat()).toHaveLength(FILED)
  })

  it('refuse forged cursors and cursors of another list, filter or caller', async () => {
    for (const forged of forgeries) await refused(listVisibleAppeals(staff, { limit: 10, cursor: forged }))
    const mine = await firstCursor(listVisibleAppeals(owner, { limit: 10 }))
    await refused(listVisibleAppeals(staff, { limit: 10, cursor: mine }))
    await refused(listVisibleAppeals(areaAdmin, { limit: 10, cursor: mine }))
    await refused(listVisibleAppeals(owner, { limit: 10, cursor: mine, status: ['assigned'] }))
    const filtered = await firstCursor(listVisibleAppeals(owner, { limit: 10, status: ['assigned', 'in_progress'] }))
    await refused(listVisibleAppeals(owner, { limit: 10, cursor: filtered }))
    await refused(listVisibleAppeals(owner, { limit: 10, cursor: filtered, status: ['assigned'] }))
    // The same filter in another order is the same filter.
    expect((await listVisibleAppeals(owner, { limit: 10, cursor: filtered, status: ['in_progress', 'assigned'] })).items).toHaveLength(10)
    const inbox = await firstCursor(listInbox(owner, { limit: 2 }))
    await refused(listVisibleAppeals(owner, { limit: 10, cursor: inbox }))
  })
})

describe('GET /api/enterprises cursors', () => {
  const read = (actor: Actor, query: Parameters<typeof listEnterprises>[1]) => (cursor: string | undefined) => listEnterprises(actor, { ...query, cursor })

  it('still page through an area and through a portfolio, each enterprise once', async () => {
    const whole = (await listEnterprises(areaAdmin, { limit: 1000 })).items.map((e) => e.id)
    expect(whole.length).toBeGreaterThan(10)
    expect((await allPages(read(areaAdmin, { limit: 7 }))).flat().map((e) => e.id)).toEqual(whole)
    const above = (await listEnterprises(areaAdmin, { limit: 1000, scale: 'above' })).items.map((e) => e.id)
    expect((await allPages(read(areaAdmin, { limit: 3, scale: 'above' }))).flat().map((e) => e.id)).toEqual(above)
    const portfolio = (await listEnterprises(owner, { limit: 1000 })).items.map((e) => e.id)
    expect(portfolio.length).toBeGreaterThan(2)
    expect((await allPages(read(owner, { limit: 2 }))).flat().map((e) => e.id)).toEqual(portfolio)
    expect((await allPages(read(cityAdmin, { limit: 2, specialistId: owner.id }))).flat().map((e) => e.id)).toEqual(portfolio)
  })

  it('never show a table key in a cursor', async () => {
    const cursor = await firstCursor(listEnterprises(areaAdmin, { limit: 2 }))
    const readable = cursor
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('utf8'))
      .join(' ')
    expect(readable).not.toMatch(/pk|gsi|ENTERPRISE|PROFILE/)
  })

  it('refuse forged cursors and cursors of another list, filter or caller', async () => {
    for (const forged of forgeries) await refused(listEnterprises(areaAdmin, { limit: 2, cursor: forged }))
    const area = await firstCursor(listEnterprises(areaAdmin, { limit: 2 }))
    await refused(listEnterprises(areaAdmin, { limit: 2, cursor: area, scale: 'above' }))
    await refused(listEnterprises(areaAdmin, { limit: 2, cursor: area, hasOpenAppeals: false }))
    await refused(listEnterprises(cityAdmin, { limit: 2, cursor: area, areaId: areaAdmin.areaId }))
    const above = await firstCursor(listEnterprises(areaAdmin, { limit: 2, scale: 'above' }))
    await refused(listEnterprises(areaAdmin, { limit: 2, cursor: above }))
    await refused(listEnterprises(areaAdmin, { limit: 2, cursor: above, scale: 'near' }))
    // A portfolio cursor is of another filter than the area's list, and of another specialist's.
    const portfolio = await firstCursor(listEnterprises(owner, { limit: 2 }))
    await refused(listEnterprises(otherSpecialist, { limit: 2, cursor: portfolio }))
    await refused(listEnterprises(cityAdmin, { limit: 2, cursor: portfolio, specialistId: owner.id }))
    const cityPortfolio = await firstCursor(listEnterprises(cityAdmin, { limit: 2, specialistId: owner.id }))
    await refused(listEnterprises(cityAdmin, { limit: 2, cursor: cityPortfolio, areaId: areaAdmin.areaId }))
    await refused(listEnterprises(cityAdmin, { limit: 2, cursor: cityPortfolio, specialistId: otherSpecialist.id }))
    const appeals = await firstCursor(listVisibleAppeals(owner, { limit: 2 }))
    await refused(listEnterprises(owner, { limit: 2, cursor: appeals }))
  })
})

describe('GET /api/notifications cursors', () => {
  it('still page through the inbox once', async () => {
    const all = (await listInbox(owner, { limit: 50 })).items.map((n) => n.id)
    expect(all).toHaveLength(FILED)
    expect((await allPages((cursor) => listInbox(owner, { limit: 4, cursor }))).flat().map((n) => n.id)).toEqual(all)
  })

  it('refuse forged cursors and cursors of another list or another user', async () => {
    for (const forged of forgeries) await refused(listInbox(owner, { limit: 3, cursor: forged }))
    const mine = await firstCursor(listInbox(owner, { limit: 3 }))
    await refused(listInbox(staff, { limit: 3, cursor: mine }))
    await refused(listInbox(areaAdmin, { limit: 3, cursor: mine }))
    const appeals = await firstCursor(listVisibleAppeals(owner, { limit: 3 }))
    await refused(listInbox(owner, { limit: 3, cursor: appeals }))
  })
})

describe('GET /api/reports/appeals cursors', () => {
  const now = () => clock.now()
  const received = { month: MONTH, figure: 'received' as const }

  it('still page through the appeals behind a figure', async () => {
    const scope = await authoriseReportScope(areaAdmin, `area:${areaAdmin.areaId}`)
    const pages = await allPages((cursor) => drillDown(areaAdmin, scope, { ...received, cursor }, now()))
    expect(pages.map((p) => p.length)).toEqual([DRILL_PAGE, FILED - DRILL_PAGE])
    expect(pages.flat().map((a) => a.id)).toEqual([...filed].reverse().map((a) => a.id))
  })

  it('refuse forged cursors and cursors of another list, figure, row, scope or caller', async () => {
    const area = await authoriseReportScope(areaAdmin, `area:${areaAdmin.areaId}`)
    for (const forged of forgeries) await refused(drillDown(areaAdmin, area, { ...received, cursor: forged }, now()))
    const cursor = await firstCursor(drillDown(areaAdmin, area, received, now()))
    await refused(drillDown(areaAdmin, area, { ...received, figure: 'closed', cursor }, now()))
    await refused(drillDown(areaAdmin, area, { ...received, month: '2026-10', cursor }, now()))
    await refused(drillDown(areaAdmin, area, { ...received, dimension: 'category', value: 'power', cursor }, now()))
    const specialist = await authoriseReportScope(areaAdmin, `specialist:${owner.id}`)
    await refused(drillDown(areaAdmin, specialist, { ...received, cursor }, now()))
    const asCity = await authoriseReportScope(cityAdmin, `area:${areaAdmin.areaId}`)
    await refused(drillDown(cityAdmin, asCity, { ...received, cursor }, now()))
    const appeals = await firstCursor(listVisibleAppeals(areaAdmin, { limit: 2 }))
    await refused(drillDown(areaAdmin, area, { ...received, cursor: appeals }, now()))
  })
})
