import { describe, expect, it } from 'vitest'
import { getUpgradeBoard, getUpgradeDetail, listUpgrade } from '../../functions/upgrade/upgrade.use-case'
import { seedUpgrade } from '../../scripts/lib/seed-upgrade'
import { cityAdmin, owner } from '../support/fixtures'
import { shanghai } from '../support/clock'

/** The demo pipeline (scripts/lib/seed-upgrade.ts) as `npm start` seeds it: every stage on the board. */
describe('the demo pipeline', () => {
  it('seeds 18 months of figures for every near-scale enterprise, and the city board shows every stage', async () => {
    const now = shanghai('2026-11-20T10:00:00')
    expect(await seedUpgrade(now)).toBe(51)
    const board = await getUpgradeBoard(cityAdmin, undefined, now)
    const { cultivating, applying, entered, left } = board.stages
    expect(cultivating + applying + entered + left).toBe(51)
    for (const count of [cultivating, applying, entered, left]) expect(count).toBeGreaterThan(0)
    expect(board.likely.length).toBeGreaterThan(0)
    expect(board.stalled.length).toBeGreaterThan(0)
    expect(board.movedThisMonth.length).toBeGreaterThan(0)

    // en-0026 (sp-007's): 18 months up to last month, a year-to-date that never falls within a year.
    const file = await getUpgradeDetail(owner, 'en-0026', now)
    const months = file.figures.map((f) => f.month).sort()
    expect(months[0]).toBe('2025-05')
    expect(months.length).toBeGreaterThanOrEqual(15)
    for (let i = 1; i < months.length; i++) {
      const [a, b] = [file.figures.find((f) => f.month === months[i - 1])!, file.figures.find((f) => f.month === months[i])!]
      if (a.month.slice(0, 4) === b.month.slice(0, 4)) expect(b.revenueYtd).toBeGreaterThanOrEqual(a.revenueYtd)
    }
    expect(file.projection.method).toBe('seasonal')
    expect((await listUpgrade(owner, {}, now)).items.map((i) => i.enterpriseId)).toEqual(['en-0026'])
  })
})
