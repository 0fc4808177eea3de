import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { OPEN_STATUSES } from '@shared/domain/appeal-counts'
import { ConflictError } from '@shared/errors'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { viewCard } from '../../functions/cards/cards.use-case'
import { reassignEnterprise } from '../../functions/enterprises/reassign.use-case'
import { handoverPortfolio } from '../../functions/specialists/handover.use-case'
import { getAppeal } from '../../functions/store/appeal.store'
import { listEnterpriseAppeals } from '../../functions/store/appeal-lists.store'
import { claimMove, getEnterprise, listPortfolio, upsertEnterprise, type PendingMove } from '../../functions/store/enterprise.store'
import { getUser } from '../../functions/store/user.store'
import { testClock } from '../support/clock'
import { areaAdmin, cityAdmin } from '../support/fixtures'
import { staffOf } from '../support/filing'

/**
 * Two admins moving one enterprise at the same moment. Whatever the interleaving, the enterprise,
 * its card and every open appeal must end with one owner. A single race may happen to run in
 * order, so each test runs it several times, on enterprises of its own.
 */

const clock = testClock('2026-11-23T10:00:00')
const APPEALS_PER_ENTERPRISE = 13

const file = async (enterpriseId: string) => {
  const request = { enterpriseId, categoryId: 'power', title: '用电诉求', description: '新厂房需要接入 10kV 线路' }
  return (await submitAppeal(staffOf(enterpriseId), `race-${randomUUID()}`, request, clock.tick())).appeal
}

/** The owner of every open appeal of the enterprise, read from the appeals themselves. */
async function openOwners(enterpriseId: string): Promise<(string | null)[]> {
  const open = await listEnterpriseAppeals(enterpriseId, { statuses: OPEN_STATUSES })
  return Promise.all(open.map(async (a) => (await getAppeal(a.id))!.ownerId ?? null))
}

/** The enterprise, its card and its open appeals all name `owner`, and no move is left pending. */
async function expectOneOwner(enterpriseId: string, owner: string, openAppeals: number) {
  const enterprise = (await getEnterprise(enterpriseId))!
  expect(enterprise.specialistId).toBe(owner)
  expect(enterprise).not.toHaveProperty('pendingMove')
  expect((await viewCard(enterprise.cardId!)).specialist?.id).toBe(owner)
  const owners = await openOwners(enterpriseId)
  expect(owners).toHaveLength(openAppeals)
  expect(owners.filter((o) => o !== owner)).toEqual([])
  expect((await listPortfolio(owner)).map((e) => e.id)).toContain(enterpriseId)
}

describe('reassignments racing each other', () => {
  // Tens of filings and moves one after another: about 10 s on an idle machine, minutes on a busy one.
  it('two admins reassigning one enterprise at once: one wins, and everything ends with the winner', async () => {
    // sp-007's enterprises in 湘潭高新区; the area admin picks sp-001, the city admin sp-004.
    for (const enterpriseId of ['en-0021', 'en-0024', 'en-0026', 'en-0037']) {
      for (let i = 0; i < APPEALS_PER_ENTERPRISE; i++) await file(enterpriseId)
      const now = clock.tick()

      const [byArea, byCity, ...filedMeanwhile] = await Promise.allSettled([
        reassignEnterprise(areaAdmin, enterpriseId, 'sp-001', '园区调整专员分工', now),
        reassignEnterprise(cityAdmin, enterpriseId, 'sp-004', '市级统筹调整专员', now),
        // Appeals filed while the move runs must end with the winner too.
        file(enterpriseId),
        file(enterpriseId),
      ])

      // Either one lost with a 409 and changed nothing, or the second found the first's move and
      // finished it before making its own (both succeed, as if one after the other). Either way
      // the enterprise, its card and every open appeal end with one owner, the last to succeed.
      const outcomes = [byArea, byCity]
      for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConflictError)
      expect(outcomes.some((r) => r.status === 'fulfilled')).toBe(true)
      expect(filedMeanwhile.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
      const winner = (await getEnterprise(enterpriseId))!.specialistId!
      const succeeded = [byArea.status === 'fulfilled' ? 'sp-001' : null, byCity.status === 'fulfilled' ? 'sp-004' : null].filter(Boolean)
      expect(succeeded).toContain(winner)
      const loser = winner === 'sp-001' ? 'sp-004' : 'sp-001'
      await expectOneOwner(enterpriseId, winner, APPEALS_PER_ENTERPRISE + 2)
      expect((await listPortfolio(loser)).map((e) => e.id)).not.toContain(enterpriseId)
    }
  }, 300_000)

  it('a portfolio handover racing a reassignment of one of its enterprises: each enterprise ends with one owner', async () => {
    // The area admin hands a leaving specialist's portfolio to sp-002 while the city admin moves
    // one of its enterprises to sp-008.
    for (const leaving of ['sp-005', 'sp-003', 'sp-006']) {
      const portfolio = (await listPortfolio(leaving)).map((e) => e.id).sort()
      const [contested, neighbour] = portfolio as [string, string]
      for (let i = 0; i < APPEALS_PER_ENTERPRISE; i++) await file(contested)
      await file(neighbour)
      const now = clock.tick()

      const [handover, reassign] = await Promise.allSettled([
        handoverPortfolio(areaAdmin, leaving, 'sp-002', '专员离职', now),
        reassignEnterprise(cityAdmin, contested, 'sp-008', '市级统筹调整专员', now),
      ])

      // The handover moves whatever is still the leaving specialist's; the reassignment either
      // took the contested enterprise first (or after the handover moved it), or lost it (409).
      expect(handover.status).toBe('fulfilled')
      if (reassign.status === 'rejected') expect(reassign.reason).toBeInstanceOf(ConflictError)
      const contestedOwner = reassign.status === 'fulfilled' ? 'sp-008' : 'sp-002'
      await expectOneOwner(contested, contestedOwner, APPEALS_PER_ENTERPRISE)
      await expectOneOwner(neighbour, 'sp-002', 1)
      for (const id of portfolio) expect((await getEnterprise(id))!.specialistId).toBe(id === contested ? contestedOwner : 'sp-002')
      expect(await listPortfolio(leaving)).toEqual([])
    }
  }, 300_000)
})

describe('a move cut short', () => {
  /** What a reassignment writes first, as if its process then died: the claim, nothing else. */
  async function claimOnly(enterpriseId: string, toId: string, now: Date): Promise<void> {
    const [enterprise, to] = await Promise.all([getEnterprise(enterpriseId), getUser(toId)])
    const move: PendingMove = {
      id: `cut-short-${enterpriseId}`,
      from: enterprise!.specialistId,
      to: { id: to!.id, name: to!.name },
      reason: '园区调整专员分工',
      by: { id: areaAdmin.id, name: areaAdmin.name, role: areaAdmin.role },
      startedAt: now.toISOString(),
    }
    expect(await claimMove(enterprise!, move)).toBe(true)
  }

  it('is finished by repeating the request; appeals filed meanwhile already go to the new specialist', async () => {
    // en-0044 is sp-008's.
    for (let i = 0; i < 5; i++) await file('en-0044')
    await claimOnly('en-0044', 'sp-006', clock.tick())
    expect((await file('en-0044')).ownerId).toBe('sp-006')

    const repeated = await reassignEnterprise(areaAdmin, 'en-0044', 'sp-006', '园区调整专员分工', clock.tick())
    expect(repeated).toEqual({ enterprises: 1, movedAppeals: 5 })
    await expectOneOwner('en-0044', 'sp-006', 6)
  })

  it('is finished first by the next move of the enterprise', async () => {
    // en-0046 is sp-008's; the area admin's move to sp-006 is cut short, then the city moves it to sp-004.
    const appeals = []
    for (let i = 0; i < 3; i++) appeals.push(await file('en-0046'))
    await claimOnly('en-0046', 'sp-006', clock.tick())

    const next = await reassignEnterprise(cityAdmin, 'en-0046', 'sp-004', '市级统筹调整专员', clock.tick())
    expect(next).toEqual({ enterprises: 1, movedAppeals: 6 })
    await expectOneOwner('en-0046', 'sp-004', 3)
    const timeline = (await getAppealDetail(cityAdmin, appeals[0]!.id)).events.filter((e) => e.type === 'reassign')
    expect(timeline.map((e) => [e.actor.id, e.data])).toEqual([
      [areaAdmin.id, { fromOwnerId: 'sp-008', toOwnerId: 'sp-006' }],
      [cityAdmin.id, { fromOwnerId: 'sp-006', toOwnerId: 'sp-004' }],
    ])
  })

  it('in a handover is finished by repeating the handover', async () => {
    // The handover of sp-007's portfolio to sp-005 claimed en-0001 and died; en-0001 is no longer
    // in sp-007's portfolio, but its appeals still are with sp-007.
    for (let i = 0; i < 3; i++) await file('en-0001')
    await claimOnly('en-0001', 'sp-005', clock.tick())
    const rest = (await listPortfolio('sp-007')).filter((e) => e.id !== 'en-0001')

    const repeated = await handoverPortfolio(areaAdmin, 'sp-007', 'sp-005', '专员离职', clock.tick())
    expect(repeated.enterprises).toBe(rest.length + 1)
    await expectOneOwner('en-0001', 'sp-005', 3)
    expect(await listPortfolio('sp-007')).toEqual([])
  })
})

describe('an enterprise without a specialist', () => {
  it('files to the area duty queue, and its appeals follow it to the specialist it is given', async () => {
    await upsertEnterprise({ id: 'en-duty-queue', creditCode: '91430304MA4X0D0T0Y', name: '湘潭值班测试有限公司', industry: 'industry', scale: 'near', areaId: 'xt-hitech', specialistId: null })
    const queued = await file('en-duty-queue')
    expect(queued.ownerId ?? null).toBeNull()

    expect(await reassignEnterprise(areaAdmin, 'en-duty-queue', 'sp-001', '指定企业服务专员', clock.tick())).toEqual({ enterprises: 1, movedAppeals: 1 })
    const enterprise = (await getEnterprise('en-duty-queue'))!
    expect(enterprise).toMatchObject({ specialistId: 'sp-001' })
    expect(enterprise).not.toHaveProperty('pendingMove')
    expect((await getAppeal(queued.id))!.ownerId).toBe('sp-001')
    expect((await file('en-duty-queue')).ownerId).toBe('sp-001')
  })
})
