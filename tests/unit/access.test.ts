import { describe, expect, it } from 'vitest'
import { listingScopes, mayFileFor, maySeeAppeal } from '@shared/domain/policy'
import { areaAdmin, cityAdmin, makeAppeal, otherAreaAdmin, otherSpecialist, otherStaff, owner, powerHandler, staff, waterHandler } from '../support/fixtures'

describe('who sees an appeal', () => {
  const appeal = makeAppeal()
  it.each([
    ['the enterprise staff', staff, true],
    ['another enterprise', otherStaff, false],
    ['the owner', owner, true],
    ['another specialist', otherSpecialist, false],
    ['a co-handling department', powerHandler, true],
    ['an unrelated department', waterHandler, false],
    ['the area admin', areaAdmin, true],
    ['another area admin', otherAreaAdmin, false],
    ['the city admin', cityAdmin, true],
  ])('%s → %s', (_who, actor, expected) => {
    expect(maySeeAppeal(actor, appeal)).toBe(expected)
  })

  it('lets staff file only for their own enterprises', () => {
    expect(mayFileFor(staff, 'en-0001')).toBe(true)
    expect(mayFileFor(staff, 'en-0002')).toBe(false)
    expect(mayFileFor(owner, 'en-0001')).toBe(false)
  })

  it('lists from the scopes each role is entitled to', () => {
    expect(listingScopes({ ...staff, enterpriseIds: ['en-0001', 'en-0009'] })).toEqual([
      { kind: 'enterprise', enterpriseId: 'en-0001' },
      { kind: 'enterprise', enterpriseId: 'en-0009' },
    ])
    expect(listingScopes(owner)).toEqual([{ kind: 'owner', ownerId: 'sp-007' }])
    expect(listingScopes(powerHandler)).toEqual([{ kind: 'coHandler', coHandler: { kind: 'department', id: 'power' } }])
    expect(listingScopes(areaAdmin)).toEqual([{ kind: 'area', areaId: 'xt-hitech' }])
    expect(listingScopes(cityAdmin)).toEqual([{ kind: 'city' }])
    expect(listingScopes({ ...staff, enterpriseIds: [] })).toEqual([])
  })
})
