import { describe, expect, it } from 'vitest'
import {
  applyPolicyAction,
  appliesTo,
  deflectionRate,
  draftPolicy,
  faqDraftFromAppeal,
  isExpired,
  packOf,
  policiesFor,
  policyActionsFrom,
  PolicyTransitionRefused,
} from '@shared/domain/policy-pack'
import { policyDocInputSchema, type PolicyDoc, type PolicyDocInput } from '@shared/schemas/policy.schema'
import { shanghai } from '../support/clock'

const by = { id: 'ad-city', name: '市级管理员', role: 'city_admin' as const }
const now = shanghai('2026-12-07T10:00:00')
const input = (over: Partial<PolicyDocInput> = {}): PolicyDocInput =>
  policyDocInputSchema.parse({
    title: '中小微企业贷款贴息政策',
    issuer: '湘潭市地方金融管理局',
    categoryId: 'financing',
    issuedOn: '2026-11-01',
    effectiveOn: '2026-11-01',
    expiresOn: '2029-10-31',
    keyPoints: ['按贷款利息的 30% 贴息'],
    howToApply: '还本付息后申报',
    phone: '0731-58210066',
    ...over,
  })
const doc = (over: Partial<PolicyDoc> = {}): PolicyDoc => ({ ...draftPolicy('pd-01kaaaaaaaaaaaaaaaaaaaaaaa', input(), null, by, now).policy, ...over })
const hitech = { scale: 'near', industry: 'industry', areaId: 'xt-hitech' } as const

describe('applicability', () => {
  it('applies to everyone when every list is empty', () => {
    expect(appliesTo({ scales: [], industries: [], areaIds: [] }, hitech)).toBe(true)
  })

  it('needs every named list to hold the enterprise', () => {
    expect(appliesTo({ scales: ['near'], industries: ['industry'], areaIds: ['xt-hitech'] }, hitech)).toBe(true)
    expect(appliesTo({ scales: ['above'], industries: [], areaIds: [] }, hitech)).toBe(false)
    expect(appliesTo({ scales: [], industries: ['retail', 'services'], areaIds: [] }, hitech)).toBe(false)
    expect(appliesTo({ scales: [], industries: [], areaIds: ['yuhu'] }, hitech)).toBe(false)
  })

  it('files a policy in the pack of the scale it names alone', () => {
    expect(packOf({ scales: ['above'] })).toBe('above')
    expect(packOf({ scales: ['near'] })).toBe('near')
    expect(packOf({ scales: ['near', 'other'] })).toBe('near')
    expect(packOf({ scales: ['above', 'near'] })).toBe('general')
    expect(packOf({ scales: [] })).toBe('general')
  })

  it('shows an enterprise the published policies in force that apply to it, its own pack first', () => {
    const general = doc({ id: 'pd-01kaaaaaaaaaaaaaaaaaaaaaa1', status: 'published', issuedOn: '2026-11-20' })
    const guide = doc({ id: 'pd-01kaaaaaaaaaaaaaaaaaaaaaa2', status: 'published', appliesTo: { scales: ['near'], industries: [], areaIds: [] } })
    const above = doc({ id: 'pd-01kaaaaaaaaaaaaaaaaaaaaaa3', status: 'published', appliesTo: { scales: ['above'], industries: [], areaIds: [] } })
    const draft = doc({ id: 'pd-01kaaaaaaaaaaaaaaaaaaaaaa4' })
    const expired = doc({ id: 'pd-01kaaaaaaaaaaaaaaaaaaaaaa5', status: 'published', expiresOn: '2026-12-06' })
    const withdrawn = doc({ id: 'pd-01kaaaaaaaaaaaaaaaaaaaaaa6', status: 'withdrawn' })
    expect(policiesFor([general, guide, above, draft, expired, withdrawn], hitech, now).map((p) => p.id)).toEqual([guide.id, general.id])
  })

  it('counts a policy expired from the day after its last day, in Shanghai', () => {
    expect(isExpired({ expiresOn: '2026-12-07' }, shanghai('2026-12-07T23:59:00'))).toBe(false)
    expect(isExpired({ expiresOn: '2026-12-07' }, shanghai('2026-12-08T00:00:00'))).toBe(true)
    expect(isExpired({ expiresOn: null }, now)).toBe(false)
  })
})

describe('states and changes', () => {
  it('offers what each state allows', () => {
    expect(policyActionsFrom({ status: 'draft', expiresOn: null }, now)).toEqual(['edit', 'publish', 'attach-original'])
    expect(policyActionsFrom({ status: 'published', expiresOn: null }, now)).toEqual(['edit', 'withdraw', 'expire', 'attach-original'])
    expect(policyActionsFrom({ status: 'published', expiresOn: '2026-01-01' }, now)).toEqual(['edit', 'withdraw', 'attach-original'])
    expect(policyActionsFrom({ status: 'withdrawn', expiresOn: null }, now)).toEqual(['edit', 'publish', 'attach-original'])
  })

  it('keeps the original PDF it is given, and what it replaced', () => {
    const original = { attachmentId: 'up-01jabcdefghjkmnpqrstvwxyz0', fileName: '贴息办法.pdf', size: 20480 }
    const first = applyPolicyAction(doc({ status: 'published' }), { type: 'attach-original', expectedVersion: 1, uploadId: original.attachmentId }, by, now, original)
    expect(first.policy).toMatchObject({ originalFile: original, version: 2 })
    expect(first.change).toEqual({ at: now.toISOString(), by, action: 'attach-original', before: { originalFile: null } })
    const replaced = applyPolicyAction(first.policy, { type: 'attach-original', expectedVersion: 2, uploadId: 'up-01jabcdefghjkmnpqrstvwxyz1' }, by, now, { ...original, attachmentId: 'up-01jabcdefghjkmnpqrstvwxyz1' })
    expect(replaced.change.before).toEqual({ originalFile: original })
    expect(() => applyPolicyAction(doc(), { type: 'attach-original', expectedVersion: 1, uploadId: original.attachmentId }, by, now)).toThrow('请先上传原文 PDF')
  })

  it('keeps what an edit replaced, field by field, and moves the version', () => {
    const before = doc({ status: 'published' })
    const { policy, change } = applyPolicyAction(before, { type: 'edit', expectedVersion: 1, policy: input({ phone: '0731-58210099', keyPoints: ['按贷款利息的 40% 贴息'] }) }, by, now)
    expect(policy).toMatchObject({ phone: '0731-58210099', keyPoints: ['按贷款利息的 40% 贴息'], version: 2, status: 'published' })
    expect(change).toEqual({ at: now.toISOString(), by, action: 'edit', before: { phone: '0731-58210066', keyPoints: ['按贷款利息的 30% 贴息'] } })
  })

  it('refuses an edit that changes nothing, and a transition the state does not allow', () => {
    expect(() => applyPolicyAction(doc(), { type: 'edit', expectedVersion: 1, policy: input() }, by, now)).toThrow(PolicyTransitionRefused)
    expect(() => applyPolicyAction(doc(), { type: 'withdraw', expectedVersion: 1, reason: '停止执行' }, by, now)).toThrow(PolicyTransitionRefused)
    expect(() => applyPolicyAction(doc({ status: 'published' }), { type: 'publish', expectedVersion: 1 }, by, now)).toThrow(PolicyTransitionRefused)
  })

  it('publishes, withdraws and expires, keeping the state each replaced', () => {
    const published = applyPolicyAction(doc(), { type: 'publish', expectedVersion: 1 }, by, now)
    expect(published.policy).toMatchObject({ status: 'published', publishedAt: now.toISOString() })
    expect(published.change.before).toEqual({ status: 'draft' })
    const withdrawn = applyPolicyAction(published.policy, { type: 'withdraw', expectedVersion: 2, reason: '已由新政策替代' }, by, now)
    expect(withdrawn.change.before).toEqual({ status: 'published', reason: '已由新政策替代' })
    const expired = applyPolicyAction(published.policy, { type: 'expire', expectedVersion: 2 }, by, now)
    expect(expired.policy.expiresOn).toBe('2026-12-06')
    expect(isExpired(expired.policy, now)).toBe(true)
    expect(expired.change.before).toEqual({ expiresOn: '2029-10-31' })
  })

  it('holds an area admin’s policy to their area', () => {
    const { policy } = draftPolicy('pd-01kaaaaaaaaaaaaaaaaaaaaaa9', input({ appliesTo: { scales: [], industries: [], areaIds: ['yuhu', 'tianyi'] } }), 'xt-hitech', by, now)
    expect(policy.appliesTo.areaIds).toEqual(['xt-hitech'])
    expect(policy.ownerAreaId).toBe('xt-hitech')
  })

  it('refuses dates out of order in the input', () => {
    const result = policyDocInputSchema.safeParse({ ...input(), effectiveOn: '2026-10-01', expiresOn: '2026-09-01' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['effectiveOn', 'expiresOn'])
  })
})

describe('an FAQ draft from a closed appeal', () => {
  const appeal = { id: 'ap-01kaaaaaaaaaaaaaaaaaaaaaaa', number: 'XT-20261205-0012', title: '厂区水压不足', categoryId: 'water', status: 'closed', response: { message: '已协调供水公司加压，问题解决。' } }

  it('copies the title and the answer, unpublished', () => {
    const draft = faqDraftFromAppeal('fq-01kaaaaaaaaaaaaaaaaaaaaaaa', appeal, 'xt-hitech', by, now)
    expect(draft).toMatchObject({ question: '厂区水压不足怎么办？', answer: '已协调供水公司加压，问题解决。', status: 'draft', publishedAt: null, fromAppeal: { id: appeal.id, number: appeal.number } })
  })

  it('is refused for an appeal not closed or never answered', () => {
    expect(faqDraftFromAppeal('fq-01kaaaaaaaaaaaaaaaaaaaaaaa', { ...appeal, status: 'responded' }, null, by, now)).toBeUndefined()
    expect(faqDraftFromAppeal('fq-01kaaaaaaaaaaaaaaaaaaaaaaa', { ...appeal, response: undefined }, null, by, now)).toBeUndefined()
  })
})

describe('the deflection rate', () => {
  it('is deflected ÷ (deflected + filed), one decimal, none when nothing happened', () => {
    expect(deflectionRate(45, 55)).toBe(45)
    expect(deflectionRate(1, 2)).toBe(33.3)
    expect(deflectionRate(0, 0)).toBeNull()
  })
})
