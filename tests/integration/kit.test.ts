import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import { appealActionSchema } from '@shared/schemas/appeal.schema'
import { policyDocInputSchema, type PolicyDocInput } from '@shared/schemas/policy.schema'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { recordKitDeflection, deflectionReport } from '../../functions/kit/deflections.use-case'
import { actOnFaq, draftFaqFromAppeal, listFaq } from '../../functions/kit/faq.use-case'
import { kitData } from '../../functions/kit/kit-index'
import { actOnPolicy, createPolicy, getPolicyDetail, listPolicies } from '../../functions/kit/policies.use-case'
import { searchTheKit } from '../../functions/kit/search.use-case'
import { getPolicyStamp, listPolicyDocChanges } from '../../functions/store/policy-doc.store'
import { seedKit } from '../../scripts/lib/seed-kit'
import { demoFaqId, demoPolicyId } from '../../scripts/lib/kit-demo-data'
import { areaAdmin, cityAdmin, otherAreaAdmin, owner, staff } from '../support/fixtures'
import { fileFor } from '../support/filing'
import { testClock } from '../support/clock'

const clock = testClock('2026-12-07T10:00:00')
// en-0026: near-scale industry in 湘潭高新区; en-0001: above-scale industry there too.
const nearStaff: Actor = { ...staff, id: 'staff-en-0026', enterpriseIds: ['en-0026'] }

const input = (over: Partial<PolicyDocInput> = {}): PolicyDocInput =>
  policyDocInputSchema.parse({
    title: '高新区近规模企业厂房改造补助',
    issuer: '湘潭高新区管委会',
    categoryId: 'land',
    issuedOn: '2026-12-01',
    effectiveOn: '2026-12-01',
    keyPoints: ['厂房改造投资的 15% 给予补助'],
    howToApply: '向园区经济发展局申报',
    phone: '0731-58200001',
    appliesTo: { scales: ['near'], industries: [], areaIds: [] },
    ...over,
  })

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => expect.fail('expected a refusal'),
    (error: unknown) => error,
  )
}

describe('the kit over DynamoDB', () => {
  it('seeds the demo kit and builds the index from two Queries', async () => {
    expect(await seedKit(clock.now())).toEqual({ policies: 47, faq: 62 })
    const data = await kitData()
    expect(data.policies).toHaveLength(47)
    expect(data.faq).toHaveLength(62)
    // Published entries only: 44 policies (the draft and the withdrawn one out; the expired one is left out at query time) and 62 FAQ entries.
    expect(data.index.documents).toHaveLength(45 + 62)
    const found = await searchTheKit(staff, { q: '用電增容怎麼辦', limit: 5 }, clock.tick())
    expect(found.items.map((i) => i.id)).toContain(demoFaqId(1))
    expect(found.items.map((i) => i.id)).not.toContain(demoPolicyId(47))
  })

  it('keeps an area admin’s draft from everyone but its keepers, and records every change', async () => {
    const draft = await createPolicy(areaAdmin, input(), clock.tick())
    expect(draft).toMatchObject({ status: 'draft', ownerAreaId: 'xt-hitech', pack: 'near', actions: ['edit', 'publish', 'attach-original'], appliesTo: { areaIds: ['xt-hitech'] } })
    expect(await rejection(getPolicyDetail(nearStaff, draft.id, clock.tick()))).toBeInstanceOf(NotFoundError)
    expect(await rejection(getPolicyDetail(otherAreaAdmin, draft.id, clock.tick()))).toBeInstanceOf(NotFoundError)
    expect(await rejection(actOnPolicy(owner, draft.id, { type: 'publish', expectedVersion: 1 }, clock.tick()))).toBeInstanceOf(NotFoundError)

    const before = await getPolicyStamp()
    const edited = await actOnPolicy(cityAdmin, draft.id, { type: 'edit', expectedVersion: 1, policy: input({ phone: '0731-58200002' }) }, clock.tick())
    expect(edited).toMatchObject({ version: 2, phone: '0731-58200002', appliesTo: { areaIds: ['xt-hitech'] } })
    expect(await rejection(actOnPolicy(areaAdmin, draft.id, { type: 'publish', expectedVersion: 1 }, clock.tick()))).toMatchObject({ code: 'VERSION_CONFLICT' })
    const published = await actOnPolicy(areaAdmin, draft.id, { type: 'publish', expectedVersion: 2 }, clock.tick())
    expect(published.status).toBe('published')
    expect(await getPolicyStamp()).toBe(before + 2)

    const changes = await listPolicyDocChanges(draft.id)
    expect(changes.map((c) => c.action)).toEqual(['create', 'edit', 'publish'])
    expect(changes[1]!.before).toEqual({ phone: '0731-58200001' })
    expect((await getPolicyDetail(areaAdmin, draft.id, clock.tick())).history).toHaveLength(3)
    expect((await getPolicyDetail(nearStaff, draft.id, clock.tick())).history).toBeUndefined()

    // The search of this container sees it at once: the stamp moved.
    const found = await searchTheKit(nearStaff, { q: '厂房改造补助', limit: 5 }, clock.tick())
    expect(found.items[0]?.id).toBe(draft.id)

    const withdrawn = await actOnPolicy(areaAdmin, draft.id, { type: 'withdraw', expectedVersion: 3, reason: '并入全市政策' }, clock.tick())
    expect(withdrawn.status).toBe('withdrawn')
    expect((await searchTheKit(nearStaff, { q: '厂房改造补助', limit: 5 }, clock.tick())).items.map((i) => i.id)).not.toContain(draft.id)
    expect(await rejection(getPolicyDetail(nearStaff, draft.id, clock.tick()))).toBeInstanceOf(NotFoundError)
  })

  it('refuses writers who are not admins, and names what is wrong', async () => {
    expect(await rejection(createPolicy(owner, input(), clock.tick()))).toBeInstanceOf(ForbiddenError)
    expect(await rejection(createPolicy(nearStaff, input(), clock.tick()))).toBeInstanceOf(ForbiddenError)
    const error = await rejection(createPolicy(cityAdmin, input({ categoryId: 'nope', appliesTo: { scales: [], industries: [], areaIds: ['atlantis'] } }), clock.tick()))
    expect(error).toBeInstanceOf(ValidationError)
    expect(Object.keys((error as ValidationError).fields)).toEqual(['categoryId', 'appliesTo.areaIds'])
  })

  it('lists for an enterprise the policies in force that apply to it, its own pack first', async () => {
    const near = await listPolicies(nearStaff, {}, clock.tick())
    expect(near.enterprise).toMatchObject({ id: 'en-0026', scale: 'near' })
    expect(near.items.every((p) => p.status === 'published' && !p.expired)).toBe(true)
    expect(near.items[0]!.pack).toBe('near')
    expect(near.items.map((p) => p.id)).not.toContain(demoPolicyId(17)) // 规上 only
    expect(near.items.map((p) => p.id)).toContain(demoPolicyId(19)) // 升规指南
    const above = await listPolicies(staff, {}, clock.tick())
    expect(above.items[0]!.pack).toBe('above')
    expect(above.items.map((p) => p.id)).not.toContain(demoPolicyId(19))
    expect(await rejection(listPolicies(staff, { enterpriseId: 'en-0026' }, clock.tick()))).toBeInstanceOf(NotFoundError)
    // Officials: the drafts they keep too; the expired one marked.
    const city = await listPolicies(cityAdmin, {}, clock.tick())
    expect(city.items.map((p) => p.status)).toContain('draft')
    expect(city.items.find((p) => p.id === demoPolicyId(47))?.expired).toBe(true)
  })

  it('drafts an FAQ entry from a closed appeal once, unpublished until an admin publishes it', async () => {
    const appeal = await fileFor(staff, 'en-0001', clock.tick())
    expect(await rejection(draftFaqFromAppeal(areaAdmin, appeal.id, clock.tick()))).toMatchObject({ code: 'INVALID_TRANSITION' })
    const act = (actor: Actor, action: unknown) => actOnAppeal(actor, appeal.id, appealActionSchema.parse(action), clock.tick())
    await act(owner, { type: 'accept' })
    await act(owner, { type: 'respond', outcome: 'resolved', message: '已协调供电公司完成线路接入，企业可正常用电。', openTaskReason: '协办单位已口头答复' })
    await act(staff, { type: 'evaluate', rating: 'satisfied', comment: '' })

    expect(await rejection(draftFaqFromAppeal(otherAreaAdmin, appeal.id, clock.tick()))).toBeInstanceOf(NotFoundError)
    const draft = await draftFaqFromAppeal(areaAdmin, appeal.id, clock.tick())
    expect(draft).toMatchObject({ status: 'draft', question: '用电诉求怎么办？', answer: '已协调供电公司完成线路接入，企业可正常用电。', fromAppeal: { id: appeal.id, number: appeal.number } })
    expect(await rejection(draftFaqFromAppeal(cityAdmin, appeal.id, clock.tick()))).toMatchObject({ code: 'DUPLICATE' })
    expect((await listFaq(staff, {}, clock.tick())).items.map((f) => f.id)).not.toContain(draft.id)
    expect((await searchTheKit(staff, { q: '线路接入', limit: 5 }, clock.tick())).items.map((i) => i.id)).not.toContain(draft.id)

    const edited = await actOnFaq(areaAdmin, draft.id, { type: 'edit', expectedVersion: 1, entry: { question: '新厂房接入 10kV 线路要多久？', answer: '供电公司勘察后出具方案，专员协调线路接入。', categoryId: 'power', policyIds: [demoPolicyId(1)] } }, clock.tick())
    await actOnFaq(areaAdmin, draft.id, { type: 'publish', expectedVersion: edited.version }, clock.tick())
    const listed = await listFaq(staff, { categoryId: 'power' }, clock.tick())
    expect(listed.items.map((f) => f.id)).toContain(draft.id)
    expect(listed.categories.find((c) => c.categoryId === 'power')?.count).toBe(7)
    expect((await searchTheKit(staff, { q: '10kV线路接入', limit: 5 }, clock.tick())).items[0]?.id).toBe(draft.id)
    expect((await getPolicyDetail(staff, demoPolicyId(1), clock.tick())).faq.map((f) => f.id)).toContain(draft.id)
  })

  it('counts a deflection once per person, entry and day, beside the appeals filed', async () => {
    const now = clock.tick()
    expect(await recordKitDeflection(staff, { itemId: demoFaqId(1), categoryId: 'power' }, now)).toEqual({ counted: true })
    expect(await recordKitDeflection(staff, { itemId: demoFaqId(1), categoryId: 'power' }, clock.tick())).toEqual({ counted: false })
    expect(await recordKitDeflection(nearStaff, { itemId: demoFaqId(1), categoryId: 'power' }, clock.tick())).toEqual({ counted: true })
    expect(await rejection(recordKitDeflection(owner, { itemId: demoFaqId(1) }, clock.tick()))).toBeInstanceOf(ForbiddenError)
    expect(await rejection(recordKitDeflection(staff, { itemId: demoPolicyId(45) }, clock.tick()))).toBeInstanceOf(NotFoundError)

    const month = '2026-12'
    const city = await deflectionReport(cityAdmin, { month }, clock.tick())
    const power = city.categories.find((c) => c.categoryId === 'power')!
    // One power appeal was filed this month in this file (the one closed above).
    expect(power).toMatchObject({ deflected: 2, filed: 1, rate: 66.7 })
    expect(city.total.deflected).toBe(2)
    const area = await deflectionReport(areaAdmin, { month }, clock.tick())
    expect(area.scope).toBe('area:xt-hitech')
    expect(area.categories.find((c) => c.categoryId === 'power')?.deflected).toBe(2)
    expect(await rejection(deflectionReport(areaAdmin, { month, areaId: 'yuhu' }, clock.tick()))).toBeInstanceOf(NotFoundError)
    expect(await rejection(deflectionReport(owner, { month }, clock.tick()))).toBeInstanceOf(ForbiddenError)
  })

  it('refuses a stale or impossible transition with a conflict', async () => {
    const policy = await createPolicy(cityAdmin, input({ title: '全市通用测试政策' }), clock.tick())
    expect(await rejection(actOnPolicy(cityAdmin, policy.id, { type: 'withdraw', expectedVersion: 1, reason: '测试' }, clock.tick()))).toBeInstanceOf(ConflictError)
    expect(await rejection(actOnPolicy(areaAdmin, policy.id, { type: 'publish', expectedVersion: 1 }, clock.tick()))).toBeInstanceOf(NotFoundError)
  })
})
