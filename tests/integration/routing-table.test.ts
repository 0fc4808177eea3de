import { describe, expect, it } from 'vitest'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { editCategoryRouting, routingHistory } from '../../functions/catalog/routing.use-case'
import { getCatalog } from '../../functions/store/catalog.store'
import { areaAdmin, cityAdmin, staff } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

const request = { enterpriseId: 'en-0001', categoryId: 'power', title: '新线路接电', description: '新厂房需要接入 10kV 线路' }
const friday = new Date('2026-11-20T02:00:00Z')

describe('the routing table as data', () => {
  it('routes and times new submissions by the edited row, keeps the order, and audits the change', async () => {
    const before = await submitAppeal(staff, 'routing-0001', request, friday)
    expect(before.appeal.dueAt).toBe('2026-11-27T15:59:59.999Z') // 5 working days

    const edited = await editCategoryRouting(cityAdmin, 'power', { departments: ['power'], taskForce: false, firstResponseDays: 2, resolveDays: 7 }, new Date('2026-11-21T02:00:00Z'))
    expect(edited).toMatchObject({ id: 'power', name: '用电', departments: ['power'], taskForce: false, resolveDays: 7 })
    expect((await getCatalog()).categories[0]).toMatchObject({ id: 'power', resolveDays: 7 })

    const after = await submitAppeal(staff, 'routing-0002', request, friday)
    expect(after.appeal).toMatchObject({ firstResponseDueAt: '2026-11-24T15:59:59.999Z', dueAt: '2026-12-01T15:59:59.999Z' })
    expect(after.appeal.coHandlers.map((c) => c.id)).toEqual(['power'])

    const [change] = await routingHistory(cityAdmin)
    expect(change).toMatchObject({
      categoryId: 'power',
      by: '万明建',
      before: { departments: ['power', 'drc'], taskForce: true, resolveDays: 5 },
      after: { departments: ['power'], taskForce: false, resolveDays: 7 },
    })
  })

  it('is the city admin’s alone, and names an unknown department by field', async () => {
    const routing = { departments: ['power'], taskForce: false, firstResponseDays: 1, resolveDays: 5 }
    await expect(editCategoryRouting(areaAdmin, 'power', routing, clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    await expect(routingHistory(areaAdmin)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(editCategoryRouting(cityAdmin, 'no-such', routing, clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    const error = await editCategoryRouting(cityAdmin, 'power', { ...routing, departments: ['power', 'ghost'] }, clock.tick()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fields).toEqual({ 'departments.1': '部门「ghost」不存在' })
  })
})
