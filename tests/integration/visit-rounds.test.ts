import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { OpenVisitRoundRequest, VisitRound } from '@shared/schemas/visit-round.schema'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { listAllEnterprisesOfArea, listPortfolio, type EnterpriseRecord } from '../../functions/store/enterprise.store'
import { getVisitRound } from '../../functions/store/visit-round.store'
import { recordVisit } from '../../functions/visits/visits.use-case'
import { buildMonthlyReport } from '../../functions/services/monthly-report'
import { getDigest, makeWeeklyDigests } from '../../functions/supervision/digest.use-case'
import { getRoundCoverage, listPendingVisits, listVisitRounds, openVisitRound } from '../../functions/visit-rounds/visit-rounds.use-case'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, owner, staff } from '../support/fixtures'
import { shanghai } from '../support/clock'

/*
 * Visit rounds against DynamoDB Local with the demo city: rounds opened and listed, visits recorded
 * and problems filed from them through the product's own use cases, and the coverage each person
 * reads. Every moment is named; nothing depends on the day the test runs.
 */

const OPENED = shanghai('2026-11-01T09:00:00')
const DURING = shanghai('2026-11-20T10:00:00')

const roundOf = (over: Partial<OpenVisitRoundRequest> = {}): OpenVisitRoundRequest => ({
  name: '2026 年首轮走访',
  areaId: 'xt-hitech',
  from: '2026-11-02',
  to: '2026-11-30',
  selection: { kind: 'all' },
  target: 1,
  ...over,
})

const visit = (actor: Actor, enterpriseId: string, local: string) =>
  recordVisit(
    actor,
    `round-${randomUUID()}`,
    { enterpriseId, visitedAt: shanghai(local).toISOString(), kind: 'onsite', met: '张总经理', topics: ['production'], record: '走访了解生产经营情况与用电需求' },
    shanghai(local),
  ).then((r) => r.visit)

const fileFromVisit = (enterpriseId: string, visitId: string, local: string) =>
  submitAppeal(
    owner,
    `round-${randomUUID()}`,
    { enterpriseId, categoryId: 'power', title: '走访发现：接电难', description: '新厂房需要接入 10kV 线路，走访时企业反映', onBehalf: { channel: 'visit', visitId } },
    shanghai(local),
  ).then((r) => r.appeal)

let hitech: EnterpriseRecord[]
let mine: EnterpriseRecord[]
let listRound: VisitRound
let areaRound: VisitRound
let cityRound: VisitRound

beforeAll(async () => {
  hitech = await listAllEnterprisesOfArea('xt-hitech')
  mine = (await listPortfolio('sp-007')).filter((e) => e.areaId === 'xt-hitech').sort((a, b) => a.id.localeCompare(b.id))
  expect(mine.length).toBeGreaterThanOrEqual(3)
  const others = hitech.filter((e) => e.specialistId === 'sp-001')
  expect(others.length).toBeGreaterThanOrEqual(1)

  areaRound = await openVisitRound(areaAdmin, roundOf(), OPENED)
  listRound = await openVisitRound(areaAdmin, roundOf({ name: '重点企业专项走访', to: '2026-11-25', selection: { kind: 'list', enterpriseIds: [...mine.slice(0, 3).map((e) => e.id), others[0]!.id] }, target: 2 }), OPENED)
  cityRound = await openVisitRound(cityAdmin, roundOf({ name: '全市规上企业走访', areaId: null, selection: { kind: 'above' }, to: '2026-12-31' }), OPENED)

  // sp-007 visits its first enterprise twice and its second once; one problem of the first visit is closed.
  const first = await visit(owner, mine[0]!.id, '2026-11-03T10:00:00')
  await visit(owner, mine[0]!.id, '2026-11-10T15:00:00')
  await visit(owner, mine[1]!.id, '2026-11-04T10:00:00')
  // A visit before the rounds began counts for none of them.
  await visit(owner, mine[2]!.id, '2026-10-30T10:00:00')
  await fileFromVisit(mine[0]!.id, first.id, '2026-11-03T11:00:00')
  await fileFromVisit(mine[0]!.id, first.id, '2026-11-03T11:05:00')
})

describe('opening a round', () => {
  it('stores the round as opened, with its creator', async () => {
    expect(await getVisitRound(areaRound.id)).toEqual(areaRound)
    expect(areaRound).toMatchObject({ id: expect.stringMatching(/^vr-[0-9a-z]{26}$/), areaName: '湘潭高新区', createdBy: { id: 'ad-xt-hitech' }, createdAt: OPENED.toISOString() })
    expect(cityRound).toMatchObject({ areaId: null, areaName: '全市' })
  })

  it('refuses an area admin a city round or another area’s, and a specialist any', async () => {
    await expect(openVisitRound(areaAdmin, roundOf({ areaId: null }), OPENED)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(openVisitRound(otherAreaAdmin, roundOf(), OPENED)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(openVisitRound(owner, roundOf(), OPENED)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('refuses an unknown area and a list with an enterprise of another area, naming the field', async () => {
    await expect(openVisitRound(cityAdmin, roundOf({ areaId: 'nowhere' }), OPENED)).rejects.toMatchObject({ fields: { areaId: '属地不存在' } })
    const error = await openVisitRound(areaAdmin, roundOf({ selection: { kind: 'list', enterpriseIds: [mine[0]!.id, 'en-0241'] } }), OPENED).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fields['selection.enterpriseIds']).toContain('en-0241')
  })
})

describe('the list of rounds', () => {
  it('shows each admin and specialist the rounds of their scope, running first', async () => {
    const ids = async (actor: Actor, now = DURING) => (await listVisitRounds(actor, now)).items.map((r) => r.id)
    expect(await ids(cityAdmin)).toEqual(expect.arrayContaining([areaRound.id, listRound.id, cityRound.id]))
    expect(await ids(owner)).toEqual(expect.arrayContaining([areaRound.id, cityRound.id]))
    expect(await ids(otherAreaAdmin)).toContain(cityRound.id)
    expect(await ids(otherAreaAdmin)).not.toContain(areaRound.id)
    const later = (await listVisitRounds(areaAdmin, shanghai('2026-11-28T10:00:00'))).items
    expect(later.find((r) => r.id === listRound.id)?.phase).toBe('ended')
    expect(later.findIndex((r) => r.id === areaRound.id)).toBeLessThan(later.findIndex((r) => r.id === listRound.id))
    await expect(listVisitRounds(staff, DURING)).rejects.toBeInstanceOf(ForbiddenError)
  })
})

describe('coverage', () => {
  it('gives the area admin the area’s row and every specialist’s, from visits and the problems filed from them', async () => {
    const coverage = await getRoundCoverage(areaAdmin, areaRound.id, {}, DURING)
    expect(coverage.round.phase).toBe('open')
    expect(coverage.totals).toEqual({ due: hitech.length, visited: 2, notVisited: hitech.length - 2, visits: 3, problemsFound: 2, problemsClosed: 0 })
    expect(coverage.byArea).toEqual([expect.objectContaining({ id: 'xt-hitech', name: '湘潭高新区', due: hitech.length, visited: 2 })])
    const sp007 = coverage.bySpecialist.find((r) => r.id === 'sp-007')!
    expect(sp007).toMatchObject({ name: '徐慧萍', due: mine.length, visited: 2, visits: 3, problemsFound: 2 })
    expect(coverage.bySpecialist.reduce((n, r) => n + r.due, 0)).toBe(hitech.length)
    expect(coverage.pending).toEqual([])
  })

  it('counts a list round against its target of visits', async () => {
    const coverage = await getRoundCoverage(areaAdmin, listRound.id, {}, DURING)
    expect(coverage.totals).toMatchObject({ due: 4, visited: 1, notVisited: 3, visits: 3 })
  })

  it('narrows to one specialist with their enterprises not yet visited', async () => {
    const coverage = await getRoundCoverage(cityAdmin, areaRound.id, { specialistId: 'sp-007' }, DURING)
    expect(coverage.bySpecialist.map((r) => r.id)).toEqual(['sp-007'])
    expect(coverage.pending.map((p) => p.enterpriseId).sort()).toEqual(mine.slice(2).map((e) => e.id))
  })

  it('gives a specialist only their own row, and keeps other areas’ admins out', async () => {
    const coverage = await getRoundCoverage(owner, areaRound.id, {}, DURING)
    expect(coverage.byArea).toEqual([])
    expect(coverage.bySpecialist.map((r) => r.id)).toEqual(['sp-007'])
    expect(coverage.totals).toMatchObject({ due: mine.length, visited: 2 })
    expect(coverage.pending).toHaveLength(mine.length - 2)
    await expect(getRoundCoverage(owner, areaRound.id, { specialistId: 'sp-001' }, DURING)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(getRoundCoverage(otherAreaAdmin, areaRound.id, {}, DURING)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getRoundCoverage(staff, areaRound.id, {}, DURING)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getRoundCoverage(cityAdmin, 'vr-01jf0000000000000000000000', {}, DURING)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('gives an area admin their own area’s part of a city round, and the city admin every area', async () => {
    const mineOnly = await getRoundCoverage(otherAreaAdmin, cityRound.id, {}, DURING)
    expect(mineOnly.byArea.map((r) => r.id)).toEqual(['yuhu'])
    expect(mineOnly.bySpecialist.every((r) => r.areaId === 'yuhu')).toBe(true)
    const whole = await getRoundCoverage(cityAdmin, cityRound.id, {}, DURING)
    expect(whole.byArea).toHaveLength(7)
    expect(whole.totals.due).toBe(whole.byArea.reduce((n, r) => n + r.due, 0))
    const aboveScale = hitech.filter((e) => e.scale === 'above').length
    expect(whole.byArea.find((r) => r.id === 'xt-hitech')?.due).toBe(aboveScale)
  })
})

describe('本轮待走访', () => {
  it('lists the specialist’s enterprises not yet visited in the running rounds, nearest round end first', async () => {
    const { items } = await listPendingVisits(owner, DURING)
    const ends = items.map((p) => p.roundEnds)
    expect(ends).toEqual([...ends].sort())
    expect(items[0]).toMatchObject({ roundId: listRound.id, roundEnds: '2026-11-25', target: 2 })
    // The list round: the first enterprise reached its two visits, the second and third did not.
    expect(items.filter((p) => p.roundId === listRound.id).map((p) => p.enterpriseId).sort()).toEqual([mine[1]!.id, mine[2]!.id])
    expect(items.every((p) => p.specialistId === 'sp-007')).toBe(true)
    expect(items.some((p) => p.enterpriseId === mine[0]!.id)).toBe(false)
  })

  it('is empty once the rounds are over, and is a specialist’s alone', async () => {
    expect((await listPendingVisits(owner, shanghai('2027-01-05T10:00:00'))).items).toEqual([])
    expect((await listPendingVisits(otherSpecialist, DURING)).items.every((p) => p.specialistId === 'sp-001')).toBe(true)
    await expect(listPendingVisits(areaAdmin, DURING)).rejects.toBeInstanceOf(ForbiddenError)
  })
})

describe('coverage in the weekly digest and the monthly report', () => {
  it('tells each area’s digest and the city’s who is behind in the running rounds', async () => {
    // Monday 23 November 2026, after 09:00: the three rounds are running.
    const monday = shanghai('2026-11-23T09:30:00')
    const run = await makeWeeklyDigests(monday)
    const area = await getDigest(areaAdmin, run.week, 'xt-hitech')
    expect(area.coverage?.map((c) => c.roundId)).toEqual([listRound.id, areaRound.id, cityRound.id])
    const ofArea = area.coverage!.find((c) => c.roundId === areaRound.id)!
    expect(ofArea.totals).toMatchObject({ due: hitech.length, visited: 2 })
    expect(ofArea.behind.length).toBeGreaterThan(0)
    expect(ofArea.behind.every((r) => r.areaId === 'xt-hitech' && r.notVisited > 0)).toBe(true)
    const shares = ofArea.behind.map((r) => r.visited / r.due)
    expect(shares).toEqual([...shares].sort((a, b) => a - b))
    // Another area sees only the city's round, counted over its own enterprises.
    const yuhu = await getDigest(cityAdmin, run.week, 'yuhu')
    expect(yuhu.coverage?.map((c) => c.roundId)).toEqual([cityRound.id])
    expect(yuhu.coverage![0]!.behind.every((r) => r.areaId === 'yuhu')).toBe(true)
    const city = await getDigest(cityAdmin, run.week)
    expect(city.coverage?.find((c) => c.roundId === cityRound.id)?.totals.due).toBeGreaterThan(yuhu.coverage![0]!.totals.due)
  })

  it('gives the area’s and the city’s November report the visits made and problems found per channel', async () => {
    const report = await buildMonthlyReport({ key: 'area:xt-hitech', kind: 'area', id: 'xt-hitech', name: '湘潭高新区', areaIds: ['xt-hitech'] }, '2026-11', DURING)
    // Three visits in November to two enterprises (the fourth was in October); two problems from a visit.
    expect(report.fieldWork).toMatchObject({ visits: 3, enterprisesVisited: 2 })
    expect(report.fieldWork!.problemsByChannel[0]).toEqual({ channel: 'visit', name: '上门走访', count: 2 })
    const october = await buildMonthlyReport({ key: 'city', kind: 'city', id: '', name: '全市', areaIds: 'all' }, '2026-10', DURING)
    expect(october.fieldWork).toMatchObject({ visits: 1, enterprisesVisited: 1, problemsByChannel: [] })
    const portfolio = await buildMonthlyReport({ key: 'specialist:sp-007', kind: 'specialist', id: 'sp-007', name: '徐慧萍', areaIds: 'all' }, '2026-11', DURING)
    expect(portfolio.fieldWork).toBeUndefined()
  })
})
