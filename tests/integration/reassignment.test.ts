import { describe, expect, it } from 'vitest'
import { NotFoundError, ValidationError } from '@shared/errors'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { viewCard } from '../../functions/cards/cards.use-case'
import { reassignEnterprise } from '../../functions/enterprises/reassign.use-case'
import { handoverPortfolio } from '../../functions/specialists/handover.use-case'
import { listEnterprises } from '../../functions/enterprises/roster-lists.use-case'
import { listSpecialists } from '../../functions/specialists/list-specialists.use-case'
import { getEnterprise, listPortfolio } from '../../functions/store/enterprise.store'
import { areaAdmin, cityAdmin, otherAreaAdmin } from '../support/fixtures'
import { fileFor, staffOf } from '../support/filing'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

describe('reassigning enterprises', () => {
  it('moves the open appeals, not the finished ones, and the card shows the new specialist', async () => {
    // en-0005 is served by sp-007 in 湘潭高新区; sp-001 is another specialist there.
    const enterprise = (await getEnterprise('en-0005'))!
    const from = enterprise.specialistId!
    const open = await fileFor(staffOf('en-0005'), 'en-0005', clock.tick())
    const withdrawn = await fileFor(staffOf('en-0005'), 'en-0005', clock.tick())
    await actOnAppeal(staffOf('en-0005'), withdrawn.id, { type: 'withdraw', reason: '已自行解决' }, clock.tick())
    const to = from === 'sp-001' ? 'sp-002' : 'sp-001'

    const result = await reassignEnterprise(areaAdmin, 'en-0005', to, '原专员调岗', clock.tick())
    expect(result).toEqual({ enterprises: 1, movedAppeals: 1 })

    const moved = await getAppealDetail(areaAdmin, open.id)
    expect(moved.appeal).toMatchObject({ ownerId: to, status: 'assigned' })
    expect(moved.events.at(-1)).toMatchObject({ type: 'reassign', data: { fromOwnerId: from, toOwnerId: to } })
    expect(moved.events.at(-1)?.message).toContain('原专员调岗')
    expect((await getAppealDetail(areaAdmin, withdrawn.id)).appeal.ownerId).toBe(from)
    expect((await viewCard(enterprise.cardId!)).specialist?.id).toBe(to)
    expect((await listPortfolio(to)).map((e) => e.id)).toContain('en-0005')
    expect((await listPortfolio(from)).map((e) => e.id)).not.toContain('en-0005')
  })

  it('refuses admins of other areas and specialists from elsewhere', async () => {
    await expect(reassignEnterprise(otherAreaAdmin, 'en-0001', 'sp-001', '越权调整', clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    const outsider = (await listSpecialists(cityAdmin, 'yuhu'))[0]!
    await expect(reassignEnterprise(areaAdmin, 'en-0001', outsider.id, '跨属地调整', clock.tick())).rejects.toBeInstanceOf(ValidationError)
  })

  it('hands a leaving specialist’s whole portfolio over', async () => {
    const [leaving, receiving] = (await listSpecialists(areaAdmin, undefined)).filter((s) => s.portfolioSize > 0 && s.id !== 'sp-007')
    const portfolio = await listPortfolio(leaving!.id)
    const appeal = await fileFor(staffOf(portfolio[0]!.id), portfolio[0]!.id, clock.tick())

    const result = await handoverPortfolio(areaAdmin, leaving!.id, receiving!.id, '专员离职', clock.tick())
    // Every open appeal of the portfolio follows: those filed before this test, and this one.
    expect(result).toEqual({ enterprises: portfolio.length, movedAppeals: leaving!.openAppeals + 1 })
    expect(await listPortfolio(leaving!.id)).toEqual([])
    expect((await getAppealDetail(areaAdmin, appeal.id)).appeal.ownerId).toBe(receiving!.id)
    const after = (await listSpecialists(areaAdmin, undefined)).find((s) => s.id === receiving!.id)!
    expect(after.portfolioSize).toBe(receiving!.portfolioSize + portfolio.length)
    expect(after.openAppeals).toBeGreaterThanOrEqual(1)
  })

  it('lists an area’s enterprises with filters, and only in the caller’s scope', async () => {
    const page = await listEnterprises(areaAdmin, { scale: 'above', limit: 100 })
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.every((e) => e.areaId === 'xt-hitech' && e.scale === 'above')).toBe(true)
    const withOpen = await listEnterprises(areaAdmin, { hasOpenAppeals: true, limit: 100 })
    expect(withOpen.items.every((e) => e.openAppeals > 0)).toBe(true)
    await expect(listEnterprises(areaAdmin, { areaId: 'yuhu', limit: 10 })).rejects.toBeInstanceOf(NotFoundError)
    await expect(listEnterprises(cityAdmin, { limit: 10 })).rejects.toBeInstanceOf(ValidationError)
  })
})
