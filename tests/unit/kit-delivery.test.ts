import { describe, expect, it } from 'vitest'
import { draftsFor, KIND_TEMPLATE, policyPage, policySentNotices, type PolicySent } from '@shared/domain/notifications'
import { countsAsPolicyOpen, maySendPolicies, maySendPolicyTo, policyCoverageReach, templatesOfRole } from '@shared/domain/policy'
import { NOTIFICATION_KIND_LABEL } from '@shared/labels'
import { policyDeliveryInputSchema, policyCoverageQuerySchema } from '@shared/schemas/policy-delivery.schema'
import { renderData, userTexts } from '../../functions/services/subscribe-templates'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, owner, powerHandler, staff } from '../support/fixtures'

const sent: PolicySent = {
  policyId: 'pd-01kabc',
  policyTitle: '高新区厂房消防改造专项补助',
  enterpriseId: 'en-0001',
  enterpriseName: '湘潭示例机电有限公司',
  senderName: '徐慧萍',
  sentAt: '2026-12-07T02:00:00.000Z',
}

describe('the policy_sent notification (送政策)', () => {
  it('goes to the enterprise’s approved staff, never to the sender, and opens the policy page', () => {
    const drafts = draftsFor(policySentNotices(sent), { areaAdmins: {}, cityAdmins: [], units: {}, enterpriseStaff: { 'en-0001': ['u-1', 'u-2', 'sp-007'] } }, {
      page: policyPage(sent.policyId),
      exclude: 'sp-007',
    })
    expect(drafts.map((d) => d.recipientId)).toEqual(['u-1', 'u-2'])
    expect(drafts[0]).toMatchObject({ kind: 'policy_sent', page: 'packages/kit/policy/index?id=pd-01kabc', title: '为您推送一条政策' })
    expect(drafts[0]!.body).toContain('高新区厂房消防改造专项补助')
    expect(drafts[0]!.body).toContain('徐慧萍')
  })

  it('reaches no one when the enterprise has no approved staff', () => {
    expect(draftsFor(policySentNotices(sent), { areaAdmins: {}, cityAdmins: [], units: {}, enterpriseStaff: {} }, { page: policyPage(sent.policyId) })).toEqual([])
  })

  it('is pushed with the staff’s progress template, the policy’s title where the appeal’s would be', () => {
    expect(KIND_TEMPLATE.policy_sent).toBe('progress')
    expect(templatesOfRole('staff')).toContain(KIND_TEMPLATE.policy_sent)
    expect(NOTIFICATION_KIND_LABEL.policy_sent).toBe('送政策')
    const [notice] = policySentNotices(sent)
    const data = renderData('policy_sent', notice!.facts)
    expect(data.thing1!.value).toBe('高新区厂房消防改造专项补助')
    expect(data.phrase2!.value).toBe('新政策')
    expect(userTexts('policy_sent', notice!.facts)).toEqual(['高新区厂房消防改造专项补助'])
  })
})

describe('who sends a policy and reads its coverage', () => {
  const en0001 = { areaId: 'xt-hitech', specialistId: 'sp-007' }
  it('lets a specialist send to their portfolio, an admin to their area, the city admin anywhere', () => {
    expect(maySendPolicyTo(owner, en0001)).toBe(true)
    expect(maySendPolicyTo(otherSpecialist, en0001)).toBe(false)
    expect(maySendPolicyTo(areaAdmin, en0001)).toBe(true)
    expect(maySendPolicyTo(otherAreaAdmin, en0001)).toBe(false)
    expect(maySendPolicyTo(cityAdmin, en0001)).toBe(true)
    expect(maySendPolicyTo(staff, en0001)).toBe(false)
    expect(maySendPolicyTo(powerHandler, en0001)).toBe(false)
    expect([owner, areaAdmin, cityAdmin].every(maySendPolicies)).toBe(true)
    expect([staff, powerHandler, { ...areaAdmin, areaId: undefined }].some(maySendPolicies)).toBe(false)
  })

  it('counts only enterprise staff’s readings as opens', () => {
    expect(countsAsPolicyOpen(staff)).toBe(true)
    expect([owner, areaAdmin, cityAdmin, powerHandler].some(countsAsPolicyOpen)).toBe(false)
  })

  it('gives the city admin every area or one, others their own area only', () => {
    expect(policyCoverageReach(cityAdmin, undefined)).toEqual({ kind: 'city' })
    expect(policyCoverageReach(cityAdmin, 'yuhu')).toEqual({ kind: 'area', areaId: 'yuhu' })
    expect(policyCoverageReach(areaAdmin, undefined)).toEqual({ kind: 'area', areaId: 'xt-hitech' })
    expect(policyCoverageReach(owner, 'xt-hitech')).toEqual({ kind: 'area', areaId: 'xt-hitech' })
    expect(policyCoverageReach(otherAreaAdmin, 'xt-hitech')).toEqual({ kind: 'refused', why: 'other_area' })
    expect(policyCoverageReach(staff, undefined)).toEqual({ kind: 'refused', why: 'not_official' })
    expect(policyCoverageReach(powerHandler, 'xt-hitech')).toEqual({ kind: 'refused', why: 'not_official' })
  })
})

describe('the sending’s input', () => {
  it('takes one to fifty distinct enterprises', () => {
    expect(policyDeliveryInputSchema.parse({ enterpriseIds: ['en-0001', 'en-0002'] }).enterpriseIds).toHaveLength(2)
    for (const bad of [{}, { enterpriseIds: [] }, { enterpriseIds: ['en-0001', 'en-0001'] }, { enterpriseIds: ['x'] }, { enterpriseIds: Array.from({ length: 51 }, (_, i) => `en-${i}`) }, { enterpriseIds: ['en-0001'], extra: 1 }]) {
      expect(policyDeliveryInputSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false)
    }
    expect(policyCoverageQuerySchema.safeParse({ areaId: 'XT HITECH' }).success).toBe(false)
  })
})
