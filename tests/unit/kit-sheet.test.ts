import { describe, expect, it } from 'vitest'
import { faqInputSchema, policyDocInputSchema, type PolicyDoc, type PolicyDocView } from '@shared/schemas/policy.schema'
import { kitDemoData } from '../../scripts/lib/kit-demo-data'
import {
  chunkPolicies,
  POLICIES_PER_SHEET,
  sheetFilterOf,
  sheetIssuerLine,
  sheetKeyPoints,
  sheetPageCount,
  sheetPhoneLine,
  sheetPolicies,
  sheetTitle,
} from '../../miniapp/src/packages/kit/sheet/policy-sheet'

const policy = (id: string, over: Partial<PolicyDocView> = {}): PolicyDocView =>
  ({
    id,
    status: 'published',
    expired: false,
    appliesTo: { scales: [], industries: [], areaIds: [] },
    issuer: '湘潭市人力资源和社会保障局',
    docNumber: '',
    keyPoints: ['一', '二', '三', '四'],
    phone: '0731-58581234',
    phoneUnit: '',
    ...over,
  }) as PolicyDocView

describe('the printed policy sheet (政策口袋书)', () => {
  const items = [
    policy('all'),
    policy('draft', { status: 'draft' }),
    policy('withdrawn', { status: 'withdrawn' }),
    policy('expired', { expired: true }),
    policy('above', { appliesTo: { scales: ['above'], industries: [], areaIds: [] } }),
    policy('near-industry', { appliesTo: { scales: ['near'], industries: ['industry'], areaIds: [] } }),
    policy('services', { appliesTo: { scales: [], industries: ['services'], areaIds: [] } }),
  ]

  it('holds the published policies in force that apply to the chosen scale and industry, in the list’s order', () => {
    const ids = (filter: Parameters<typeof sheetPolicies>[1]) => sheetPolicies(items, filter).map((p) => p.id)
    expect(ids({})).toEqual(['all', 'above', 'near-industry', 'services'])
    expect(ids({ scale: 'above' })).toEqual(['all', 'above', 'services'])
    expect(ids({ scale: 'near', industry: 'industry' })).toEqual(['all', 'near-industry'])
    expect(ids({ industry: 'services' })).toEqual(['all', 'above', 'services'])
    expect(ids({ scale: 'other', industry: 'agriculture' })).toEqual(['all'])
  })

  it('prints three policies to a page, each with at most three key points, its 文号 and phone', () => {
    expect(POLICIES_PER_SHEET).toBe(3)
    expect(chunkPolicies([1, 2, 3, 4, 5, 6, 7]).map((p) => p.length)).toEqual([3, 3, 1])
    expect([0, 1, 3, 4, 40].map(sheetPageCount)).toEqual([0, 1, 1, 2, 14])
    expect(sheetKeyPoints(policy('x'))).toEqual(['一', '二', '三'])
    expect(sheetIssuerLine(policy('x'))).toBe('湘潭市人力资源和社会保障局')
    expect(sheetIssuerLine(policy('x', { docNumber: '潭人社发〔2026〕5号' }))).toBe('湘潭市人力资源和社会保障局 · 潭人社发〔2026〕5号')
    expect(sheetPhoneLine(policy('x'))).toBe('咨询电话 0731-58581234')
    expect(sheetPhoneLine(policy('x', { phoneUnit: '就业促进科' }))).toBe('咨询电话 0731-58581234（就业促进科）')
  })

  it('names the sheet after its filter and reads the filter from a link', () => {
    expect(sheetTitle({})).toBe('惠企政策口袋书')
    expect(sheetTitle({ scale: 'above', industry: 'industry' })).toBe('规上企业 · 工业 政策口袋书')
    expect(sheetTitle({ industry: 'retail' })).toBe('批零住餐 政策口袋书')
    expect(sheetFilterOf({ scale: 'near', industry: 'construction' })).toEqual({ scale: 'near', industry: 'construction' })
    expect(sheetFilterOf({ scale: 'huge', industry: undefined })).toEqual({})
  })
})

describe('the demo kit, as an admin would write it', () => {
  it('passes the input schemas: every seeded policy and FAQ entry could be written and edited through the API', () => {
    const { policies, faq } = kitDemoData(new Date('2026-12-05T02:00:00Z'))
    const inputOf = (policy: PolicyDoc) => {
      const { title, issuer, docNumber, categoryId, issuedOn, effectiveOn, expiresOn, appliesTo, keyPoints, howToApply, phone, phoneUnit, originalUrl } = policy
      return { title, issuer, docNumber, categoryId, issuedOn, effectiveOn, expiresOn, appliesTo, keyPoints, howToApply, phone, phoneUnit, originalUrl }
    }
    for (const { policy } of policies) {
      const parsed = policyDocInputSchema.safeParse(inputOf(policy))
      expect(parsed.success, `${policy.title}: ${parsed.error?.message}`).toBe(true)
    }
    for (const entry of faq) expect(faqInputSchema.safeParse({ question: entry.question, answer: entry.answer, categoryId: entry.categoryId, policyIds: entry.policyIds }).success, entry.question).toBe(true)
    const withPhone = (phone: string) => policyDocInputSchema.safeParse({ ...inputOf(policies[0]!.policy), phone }).success
    expect(['95598', '12366', '0731-58200001', '13807320000'].map((p) => [p, withPhone(p)])).toEqual([['95598', true], ['12366', true], ['0731-58200001', true], ['13807320000', true]])
    expect(['1234', 'call me', '-95598'].map(withPhone)).toEqual([false, false, false])
  })
})
