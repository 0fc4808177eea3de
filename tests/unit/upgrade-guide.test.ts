import { describe, expect, it } from 'vitest'
import { draftPolicy, upgradeGuideFor, UPGRADE_GUIDE_SHOWN } from '@shared/domain/policy-pack'
import { policyDocInputSchema, type PolicyDoc } from '@shared/schemas/policy.schema'
import { shanghai } from '../support/clock'

/** The 升规指南 the specialist's 升规培育清单 names beside each near-scale enterprise. */

const by = { id: 'ad-city', name: '市级管理员', role: 'city_admin' as const }
const now = shanghai('2026-12-07T10:00:00')
let serial = 0
function policy(title: string, over: { scales?: string[]; industries?: string[]; areaIds?: string[]; status?: PolicyDoc['status']; issuedOn?: string; expiresOn?: string | null } = {}): PolicyDoc {
  const input = policyDocInputSchema.parse({
    title,
    issuer: '湘潭市工业和信息化局',
    categoryId: 'policy',
    issuedOn: over.issuedOn ?? '2026-10-01',
    effectiveOn: over.issuedOn ?? '2026-10-01',
    expiresOn: over.expiresOn === undefined ? '2028-12-31' : over.expiresOn,
    keyPoints: ['首次入规奖励'],
    howToApply: '入规后三个月内申报',
    phone: '0731-58210000',
    appliesTo: { scales: over.scales ?? ['near'], industries: over.industries ?? [], areaIds: over.areaIds ?? [] },
  })
  serial++
  return { ...draftPolicy(`pd-01kaaaaaaaaaaaaaaaaaaaaa${String(serial).padStart(2, '0')}`, input, null, by, now).policy, status: over.status ?? 'published' }
}

const nearFactory = { scale: 'near' as const, industry: 'industry' as const, areaId: 'xt-hitech' }

describe('the upgrade guide beside an enterprise', () => {
  it('names the near-scale policies in force that apply to it, newest first, at most three', () => {
    const policies = [
      policy('升规入统一次性奖励', { issuedOn: '2026-03-01' }),
      policy('小升规培育库入库指引', { issuedOn: '2026-09-01' }),
      policy('临规工业企业电费补贴', { issuedOn: '2026-06-01', industries: ['industry'] }),
      policy('规上企业技改补贴', { scales: ['above'] }),
      policy('服务业升规奖励', { industries: ['services'] }),
      policy('雨湖区升规奖励', { areaIds: ['yuhu'] }),
      policy('草拟中的升规政策', { status: 'draft' }),
      policy('已过期的升规政策', { expiresOn: '2026-01-31', issuedOn: '2025-01-01' }),
      policy('惠企通用政策', { scales: [] }),
      policy('最早的升规政策', { issuedOn: '2025-06-01' }),
    ]
    expect(upgradeGuideFor(policies, nearFactory, now).map((p) => p.title)).toEqual(['小升规培育库入库指引', '临规工业企业电费补贴', '升规入统一次性奖励'])
    expect(UPGRADE_GUIDE_SHOWN).toBe(3)
  })

  it('is empty when the kit holds nothing for it', () => {
    expect(upgradeGuideFor([policy('规上企业技改补贴', { scales: ['above'] })], nearFactory, now)).toEqual([])
  })
})
