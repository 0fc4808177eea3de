import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ConflictError, ForbiddenError, NotFoundError } from '@shared/errors'
import { policyDocInputSchema, type PolicyDocView } from '@shared/schemas/policy.schema'
import { policyCoverage, sendPolicy } from '../../functions/kit/delivery.use-case'
import { importPolicies } from '../../functions/kit/import-policies.use-case'
import { buildPolicyTemplate } from '../../functions/kit/policy-file'
import { actOnPolicy, createPolicy, getPolicyDetail, listPolicies } from '../../functions/kit/policies.use-case'
import { listInbox } from '../../functions/notifications/inbox.use-case'
import { putBinding } from '../../functions/store/binding.store'
import { listPolicyReach } from '../../functions/store/policy-delivery.store'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, owner, powerHandler, staff } from '../support/fixtures'
import { shanghai, testClock } from '../support/clock'
import { seedKit } from '../../scripts/lib/seed-kit'
import { seedKitDelivery } from '../../scripts/lib/seed-kit-delivery'
import { demoPolicyId } from '../../scripts/lib/kit-demo-data'

const clock = testClock('2026-12-07T10:00:00')

const input = policyDocInputSchema.parse({
  title: '高新区企业研发费用加计补助',
  issuer: '湘潭高新区管委会',
  categoryId: 'land',
  issuedOn: '2026-12-01',
  effectiveOn: '2026-12-01',
  expiresOn: '2026-12-31',
  keyPoints: ['研发费用按 10% 给予补助'],
  howToApply: '向园区经济发展局申报',
  phone: '0731-58200001',
  appliesTo: { scales: [], industries: [], areaIds: [] },
})

/** An approved member of en-0021 (sp-007's), and one of en-0024 (sp-007's too). */
const member: Actor = { id: `u-${randomUUID()}`, name: '易婷', role: 'staff', enterpriseIds: ['en-0021'], pendingEnterpriseIds: [] }
const other: Actor = { id: `u-${randomUUID()}`, name: '郭强', role: 'staff', enterpriseIds: ['en-0024'], pendingEnterpriseIds: [] }

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => expect.fail('expected a refusal'),
    (error: unknown) => error,
  )
}
const sentNotices = async (actor: Actor) => (await listInbox(actor, { limit: 50 })).items.filter((n) => n.kind === 'policy_sent')

let draft: PolicyDocView

beforeAll(async () => {
  for (const [who, enterpriseId] of [
    [member, 'en-0021'],
    [other, 'en-0024'],
  ] as const) {
    await putBinding({ userId: who.id, userName: who.name, enterpriseId, enterpriseName: '测试企业', status: 'approved', requestedAt: clock.tick().toISOString(), areaId: 'xt-hitech', specialistId: 'sp-007', via: 'demo' })
  }
  draft = await createPolicy(areaAdmin, input, clock.tick())
})

describe('送政策 over DynamoDB', () => {
  it('never sends a draft: nothing is written, no one hears of it', async () => {
    expect(await rejection(sendPolicy(owner, draft.id, { enterpriseIds: ['en-0021'] }, clock.tick()))).toBeInstanceOf(NotFoundError)
    expect(await rejection(sendPolicy(areaAdmin, draft.id, { enterpriseIds: ['en-0021'] }, clock.tick()))).toMatchObject({ code: 'INVALID_TRANSITION' })
    expect(await rejection(getPolicyDetail(member, draft.id, clock.tick()))).toBeInstanceOf(NotFoundError)
    expect(await listPolicyReach(draft.id)).toEqual([])
    expect(await sentNotices(member)).toEqual([])
  })

  it('sends a published policy once per enterprise, notifying its approved staff with the policy page', async () => {
    await actOnPolicy(areaAdmin, draft.id, { type: 'publish', expectedVersion: 1 }, clock.tick())
    expect(await sendPolicy(owner, draft.id, { enterpriseIds: ['en-0021', 'en-0024'] }, clock.tick())).toEqual({ sent: ['en-0021', 'en-0024'], alreadySent: [] })
    const [notice] = await sentNotices(member)
    expect(notice).toMatchObject({ kind: 'policy_sent', page: `packages/kit/policy/index?id=${draft.id}` })
    expect(notice!.body).toContain(input.title)
    expect(await sentNotices(other)).toHaveLength(1)

    expect(await sendPolicy(areaAdmin, draft.id, { enterpriseIds: ['en-0024', 'en-0026'] }, clock.tick())).toEqual({ sent: ['en-0026'], alreadySent: ['en-0024'] })
    expect(await sentNotices(other)).toHaveLength(1)
  })

  it('refuses the whole sending when one enterprise is not the sender’s', async () => {
    const before = await listPolicyReach(draft.id)
    for (const [who, ids] of [
      [owner, ['en-0025', 'en-0002']],
      [otherSpecialist, ['en-0001']],
      [otherAreaAdmin, ['en-0001']],
      [powerHandler, ['en-0001']],
      [staff, ['en-0001']],
      [owner, ['en-9999']],
    ] as const) {
      expect(await rejection(sendPolicy(who, draft.id, { enterpriseIds: [...ids] }, clock.tick())), who.id).toBeInstanceOf(ForbiddenError)
    }
    expect(await listPolicyReach(draft.id)).toHaveLength(before.length)
    // The city admin sends anywhere, another area included.
    expect((await sendPolicy(cityAdmin, draft.id, { enterpriseIds: ['en-0241'] }, clock.tick())).sent).toEqual(['en-0241'])
  })

  it('counts an enterprise’s opens once, sent or not, and none of the officials’', async () => {
    await getPolicyDetail(member, draft.id, clock.tick())
    await getPolicyDetail(member, draft.id, clock.tick())
    await getPolicyDetail(staff, draft.id, clock.tick()) // en-0001: never sent it
    await getPolicyDetail(owner, draft.id, clock.tick())
    const opens = (await listPolicyReach(draft.id)).filter((i) => i.kind === 'open')
    expect(opens.map((o) => o.enterpriseId).sort()).toEqual(['en-0001', 'en-0021'])

    const area = await policyCoverage(areaAdmin, draft.id, {}, clock.tick())
    expect(area.areas).toEqual([{ areaId: 'xt-hitech', name: expect.any(String), sent: 3, opened: 1, openedUnsent: 1 }])
    expect(await policyCoverage(owner, draft.id, { areaId: 'xt-hitech' }, clock.tick())).toEqual({ ...area, lastSentAt: area.lastSentAt })

    const city = await policyCoverage(cityAdmin, draft.id, {}, clock.tick())
    expect(city.total).toEqual({ sent: 4, opened: 1, openedUnsent: 1 })
    expect(city.areas.find((a) => a.areaId === 'yuhu')).toMatchObject({ sent: 1, opened: 0 })
    expect(city.areas.length).toBeGreaterThan(1)
    expect(city.lastSentAt).not.toBeNull()

    expect(await rejection(policyCoverage(otherAreaAdmin, draft.id, { areaId: 'xt-hitech' }, clock.tick()))).toBeInstanceOf(NotFoundError)
    expect((await policyCoverage(otherAreaAdmin, draft.id, {}, clock.tick())).areas).toEqual([expect.objectContaining({ areaId: 'yuhu', sent: 1 })])
    expect(await rejection(policyCoverage(staff, draft.id, {}, clock.tick()))).toBeInstanceOf(ForbiddenError)
    expect(await rejection(policyCoverage(powerHandler, draft.id, {}, clock.tick()))).toBeInstanceOf(ForbiddenError)
    expect(await rejection(policyCoverage(cityAdmin, draft.id, { areaId: 'nowhere' }, clock.tick()))).toBeInstanceOf(NotFoundError)
  })

  it('sends nothing once the policy has expired or been withdrawn', async () => {
    expect(await rejection(sendPolicy(owner, draft.id, { enterpriseIds: ['en-0001'] }, shanghai('2027-01-02T09:00:00')))).toBeInstanceOf(ConflictError)
    const current = (await getPolicyDetail(areaAdmin, draft.id, clock.tick())).policy
    await actOnPolicy(areaAdmin, draft.id, { type: 'withdraw', expectedVersion: current.version, reason: '政策调整' }, clock.tick())
    expect(await rejection(sendPolicy(areaAdmin, draft.id, { enterpriseIds: ['en-0001'] }, clock.tick()))).toMatchObject({ code: 'INVALID_TRANSITION' })
    // A withdrawn policy is no longer opened by anyone.
    expect(await rejection(getPolicyDetail(member, draft.id, clock.tick()))).toBeInstanceOf(NotFoundError)
  })
})

describe('政策批量导入 over DynamoDB', () => {
  it('previews, then writes each valid row as the admin’s draft, once', async () => {
    const contentBase64 = (await buildPolicyTemplate()).toString('base64')
    const preview = await importPolicies(areaAdmin, { fileName: '政策.xlsx', contentBase64, dryRun: true }, clock.tick())
    expect(preview).toMatchObject({ dryRun: true, applied: false, summary: { create: 1, duplicate: 0, invalid: 0 } })
    expect((await listPolicies(areaAdmin, {}, clock.tick())).items.some((p) => p.title === '高新区厂房消防改造专项补助')).toBe(false)

    const done = await importPolicies(areaAdmin, { fileName: '政策.xlsx', contentBase64, dryRun: false }, clock.tick())
    expect(done).toMatchObject({ applied: true, summary: { create: 1 } })
    const id = done.rows[0]!.policyId!
    const detail = await getPolicyDetail(areaAdmin, id, clock.tick())
    expect(detail.policy).toMatchObject({ status: 'draft', ownerAreaId: 'xt-hitech', appliesTo: { areaIds: ['xt-hitech'], scales: ['above', 'near'] } })
    expect(detail.history?.map((c) => c.action)).toEqual(['create'])
    expect(await rejection(getPolicyDetail(staff, id, clock.tick()))).toBeInstanceOf(NotFoundError)

    const again = await importPolicies(cityAdmin, { fileName: '政策.xlsx', contentBase64, dryRun: false }, clock.tick())
    expect(again).toMatchObject({ applied: false, summary: { create: 0, duplicate: 1 } })
    expect(await rejection(importPolicies(owner, { fileName: '政策.xlsx', contentBase64, dryRun: true }, clock.tick()))).toBeInstanceOf(ForbiddenError)
  })
})

describe('the demo 送政策', () => {
  it('sends the first demo policy to two of sp-007’s enterprises, once', async () => {
    await seedKit(clock.now())
    expect(await seedKitDelivery(clock.tick())).toEqual({ sent: 2 })
    expect(await seedKitDelivery(clock.tick())).toEqual({ sent: 0 })
    expect((await policyCoverage(areaAdmin, demoPolicyId(1), {}, clock.tick())).areas[0]).toMatchObject({ sent: 2 })
  })
})
