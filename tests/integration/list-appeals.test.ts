import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ValidationError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { listVisibleAppeals } from '../../functions/appeals/list-appeals.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { areaAdmin, cityAdmin, owner, powerHandler, waterHandler } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

// en-0001 (specialist sp-007, 湘潭高新区) and en-0003, both of one staff member for the merge case.
const staffOfTwo: Actor = { id: 'staff-two', name: '两家企业的联系人', role: 'staff', enterpriseIds: ['en-0001', 'en-0003'], pendingEnterpriseIds: [] }

async function readAll(actor: Actor, limit: number, status?: Appeal['status'][]) {
  const pages: Appeal[][] = []
  let cursor: string | undefined
  do {
    const page = await listVisibleAppeals(actor, { limit, cursor, status })
    pages.push(page.items)
    cursor = page.cursor ?? undefined
  } while (cursor && pages.length < 50)
  return pages
}

const filed: Appeal[] = []

beforeAll(async () => {
  // Distinct, increasing submission times so that "newest first" has one right answer.
  const start = Date.parse('2026-11-02T01:00:00Z')
  for (let i = 0; i < 45; i++) {
    const enterpriseId = i % 3 === 0 ? 'en-0003' : 'en-0001'
    const categoryId = i % 2 === 0 ? 'power' : 'water'
    const { appeal } = await submitAppeal(
      staffOfTwo,
      `list-${i}`,
      { enterpriseId, categoryId, title: `诉求 ${i}`, description: `第 ${i} 条测试诉求内容` },
      new Date(start + i * 60_000),
    )
    filed.push(appeal)
  }
})

describe('listing appeals', () => {
  it('pages newest first with an opaque cursor, nothing skipped or repeated', async () => {
    const pages = await readAll(staffOfTwo, 20)
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5])
    const ids = pages.flat().map((a) => a.id)
    expect(ids).toEqual([...filed].reverse().map((a) => a.id))
  })

  it('shows a specialist only their own portfolio', async () => {
    const pages = await readAll(owner, 7)
    const mine = filed.filter((a) => a.ownerId === owner.id)
    expect(mine.length).toBeGreaterThan(0)
    expect(pages.flat().map((a) => a.id)).toEqual([...mine].reverse().map((a) => a.id))
  })

  it('shows a department only what it co-handles', async () => {
    const power = (await readAll(powerHandler, 10)).flat()
    expect(power.map((a) => a.id)).toEqual(filed.filter((a) => a.categoryId === 'power').reverse().map((a) => a.id))
    const water = (await readAll(waterHandler, 10)).flat()
    expect(water.every((a) => a.categoryId === 'water')).toBe(true)
    expect(water).toHaveLength(filed.filter((a) => a.categoryId === 'water').length)
  })

  it('gives area and city admins their whole scope', async () => {
    const area = (await readAll(areaAdmin, 50)).flat()
    const inArea = filed.filter((a) => a.areaId === areaAdmin.areaId)
    expect(area.map((a) => a.id)).toEqual(inArea.reverse().map((a) => a.id))
    const city = (await readAll(cityAdmin, 50)).flat()
    expect(city).toHaveLength(45)
  })

  it('filters by status across pages', async () => {
    const accepted = filed.filter((a) => a.ownerId === owner.id).slice(0, 3)
    for (const appeal of accepted) await actOnAppeal(owner, appeal.id, { type: 'accept' }, clock.tick())
    const inProgress = (await readAll(staffOfTwo, 2, ['in_progress'])).flat()
    expect(inProgress.map((a) => a.id).sort()).toEqual(accepted.map((a) => a.id).sort())
    expect(inProgress.every((a) => a.status === 'in_progress')).toBe(true)
    const forDepartment = (await readAll(powerHandler, 4, ['in_progress'])).flat()
    expect(forDepartment.every((a) => a.status === 'in_progress' && a.categoryId === 'power')).toBe(true)
  })

  it('shows nothing to a staff member without bindings', async () => {
    expect(await listVisibleAppeals({ ...staffOfTwo, enterpriseIds: [] }, { limit: 20 })).toEqual({ items: [], cursor: null })
  })

  it('rejects a forged cursor with a field message', async () => {
    await expect(listVisibleAppeals(staffOfTwo, { limit: 20, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(ValidationError)
  })
})
