import { describe, expect, it } from 'vitest'
import { mayAdministerArea, mayDecideStaff, mayFileFor, maySeeAppeal, maySeePortfolio, listingScopes } from '@shared/domain/policy'
import { reassignOwner, verifyFiler } from '@shared/domain/appeal-admin'
import { countDelta } from '@shared/domain/appeal-counts'
import type { Actor } from '@shared/domain/actor'
import { areaAdmin, cityAdmin, makeAppeal, otherAreaAdmin, otherSpecialist, owner, staff } from '../support/fixtures'

const now = new Date('2026-11-24T02:00:00Z')
const pendingStaff: Actor = { id: 'u-new', name: '新用户', role: 'staff', enterpriseIds: [], pendingEnterpriseIds: ['en-0001'] }

describe('pending members', () => {
  it('may file and see only their own appeals', () => {
    expect(mayFileFor(pendingStaff, 'en-0001')).toBe(true)
    expect(mayFileFor(pendingStaff, 'en-0002')).toBe(false)
    expect(maySeeAppeal(pendingStaff, makeAppeal({ filedBy: { id: 'u-new', name: '新用户', role: 'staff' } }))).toBe(true)
    expect(maySeeAppeal(pendingStaff, makeAppeal())).toBe(false)
    expect(listingScopes(pendingStaff)).toEqual([{ kind: 'enterpriseFiler', enterpriseId: 'en-0001', filerId: 'u-new' }])
  })
})

describe('roster rights', () => {
  const en0001 = { id: 'en-0001', areaId: 'xt-hitech', specialistId: 'sp-007' }
  it('lets the specialist, the area and city admins and approved colleagues decide on staff', () => {
    expect(mayDecideStaff(owner, en0001)).toBe(true)
    expect(mayDecideStaff(areaAdmin, en0001)).toBe(true)
    expect(mayDecideStaff(cityAdmin, en0001)).toBe(true)
    expect(mayDecideStaff(staff, en0001)).toBe(true)
    expect(mayDecideStaff(otherSpecialist, en0001)).toBe(false)
    expect(mayDecideStaff(otherAreaAdmin, en0001)).toBe(false)
    expect(mayDecideStaff(pendingStaff, en0001)).toBe(false)
  })

  it('keeps area admins to their area', () => {
    expect(mayAdministerArea(areaAdmin, 'xt-hitech')).toBe(true)
    expect(mayAdministerArea(areaAdmin, 'yuhu')).toBe(false)
    expect(mayAdministerArea(owner, 'xt-hitech')).toBe(false)
    expect(maySeePortfolio(owner, { id: 'sp-007' })).toBe(true)
    expect(maySeePortfolio(owner, { id: 'sp-001' })).toBe(false)
  })
})

describe('reassigning an appeal with its enterprise', () => {
  it('moves an open appeal, takes one out of the duty queue, and leaves finished ones', () => {
    const moved = reassignOwner(makeAppeal({ status: 'in_progress' }), { id: 'sp-001', name: '姜婷' }, '调岗', areaAdmin, now)
    expect(moved?.appeal).toMatchObject({ ownerId: 'sp-001', ownerName: '姜婷', status: 'in_progress', version: 2 })
    expect(moved?.event).toMatchObject({ type: 'reassign', seq: 2, from: 'in_progress', to: 'in_progress' })
    const queued = reassignOwner(makeAppeal({ status: 'submitted', ownerId: null, ownerName: null }), { id: 'sp-001', name: '姜婷' }, '分派', areaAdmin, now)
    expect(queued?.appeal.status).toBe('assigned')
    expect(reassignOwner(makeAppeal({ status: 'closed' }), { id: 'sp-001', name: '姜婷' }, '调岗', areaAdmin, now)).toBeNull()
    expect(reassignOwner(makeAppeal(), { id: 'sp-007', name: '徐慧萍' }, '调岗', areaAdmin, now)).toBeNull()
  })

  it('clears or confirms the 待核实 mark once', () => {
    const marked = makeAppeal({ filerPending: true })
    expect(verifyFiler(marked, 'approve', owner, now)?.appeal.filerPending).toBeUndefined()
    expect(verifyFiler(marked, 'reject', owner, now)?.appeal).toMatchObject({ filerPending: true, filerRejected: true })
    expect(verifyFiler(makeAppeal(), 'approve', owner, now)).toBeNull()
  })
})

describe('enterprise counters', () => {
  it('move with each status change', () => {
    expect(countDelta(null, 'assigned')).toEqual({ open: 1, closed: 0 })
    expect(countDelta('in_progress', 'in_progress')).toEqual({ open: 0, closed: 0 })
    expect(countDelta('responded', 'closed')).toEqual({ open: -1, closed: 1 })
    expect(countDelta('assigned', 'withdrawn')).toEqual({ open: -1, closed: 0 })
    expect(countDelta('responded', 'in_progress')).toEqual({ open: 0, closed: 0 })
  })
})
