import { describe, expect, it } from 'vitest'
import { ConflictError, ForbiddenError, NotFoundError } from '@shared/errors'
import type { Actor } from '@shared/domain/actor'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { listVisibleAppeals } from '../../functions/appeals/list-appeals.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { bindByCard, viewCard } from '../../functions/cards/cards.use-case'
import { decideStaff, listPendingRequests, listStaff } from '../../functions/enterprises/staff.use-case'
import { actorFromClaims } from '../../functions/services/authenticate'
import { getEnterprise } from '../../functions/store/enterprise.store'
import { putUser } from '../../functions/store/user.store'
import { areaAdmin, otherSpecialist, owner, staff } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

/** A WeChat user as the API sees them on each request: bindings re-read from the table. */
async function weChatUser(id: string, name: string): Promise<() => Promise<Actor>> {
  await putUser({ id, name, role: 'staff' })
  return () => actorFromClaims({ sub: id, name, role: 'staff' })
}

let keys = 0
const file = (actor: Actor, title: string) =>
  submitAppeal(actor, `binding-${++keys}`, { enterpriseId: 'en-0001', categoryId: 'power', title, description: '新厂房需要接入 10kV 线路' }, clock.tick()).then((r) => r.appeal)

const cardOfEn0001 = async () => (await getEnterprise('en-0001'))!.cardId!

describe('binding by card', () => {
  it('lets a pending member file at once and see only their own appeals; approval opens the rest; revocation closes everything', async () => {
    const cardId = await cardOfEn0001()
    const colleagueAppeal = await file(staff, '同事提交的诉求')
    const asNewUser = await weChatUser('u-scanner-1', '扫码用户')

    const binding = await bindByCard(await asNewUser(), cardId, { name: '王晓东', phone: '13812345678' }, clock.tick())
    expect(binding).toEqual({ enterpriseId: 'en-0001', enterpriseName: '湖南锦程汽车零部件有限公司', status: 'pending' })

    const own = await file(await asNewUser(), '扫码后提交的诉求')
    expect(own.filerPending).toBe(true)
    // The name given when asking to join is who the appeal is from, at once.
    expect(own.filedBy.name).toBe('王晓东')
    expect((await listStaff(owner, 'en-0001')).find((m) => m.userId === 'u-scanner-1')).toMatchObject({ userName: '王晓东', phone: '13812345678', status: 'pending' })
    const pendingList = await listVisibleAppeals(await asNewUser(), { limit: 50 })
    expect(pendingList.items.map((a) => a.id)).toEqual([own.id])
    await expect(getAppealDetail(await asNewUser(), colleagueAppeal.id)).rejects.toBeInstanceOf(NotFoundError)

    // The specialist sees the request in their queue and the appeal marked 待核实.
    expect((await listPendingRequests(owner)).map((m) => m.userId)).toContain('u-scanner-1')
    expect((await getAppealDetail(owner, own.id)).appeal.filerPending).toBe(true)

    await decideStaff(owner, 'en-0001', 'u-scanner-1', 'approve', clock.tick())
    const approvedList = await listVisibleAppeals(await asNewUser(), { limit: 50 })
    expect(approvedList.items.map((a) => a.id)).toEqual(expect.arrayContaining([own.id, colleagueAppeal.id]))
    const verified = await getAppealDetail(owner, own.id)
    expect(verified.appeal.filerPending).toBeUndefined()
    expect(verified.events.at(-1)).toMatchObject({ type: 'verify_filer', data: { decision: 'approve' } })
    expect((await listPendingRequests(owner)).map((m) => m.userId)).not.toContain('u-scanner-1')

    await decideStaff(areaAdmin, 'en-0001', 'u-scanner-1', 'revoke', clock.tick())
    expect(await listVisibleAppeals(await asNewUser(), { limit: 50 })).toEqual({ items: [], cursor: null })
    await expect(getAppealDetail(await asNewUser(), own.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('gives someone who merely holds the card nothing to read, and a rejected member nothing at all', async () => {
    const cardId = await cardOfEn0001()
    const existing = await file(staff, '已有诉求')
    const asStranger = await weChatUser('u-photo-1', '拍照的人')
    await bindByCard(await asStranger(), cardId, { name: '扫码用户' }, clock.tick())
    expect(await listVisibleAppeals(await asStranger(), { limit: 50 })).toEqual({ items: [], cursor: null })
    await expect(getAppealDetail(await asStranger(), existing.id)).rejects.toBeInstanceOf(NotFoundError)

    const theirs = await file(await asStranger(), '冒充的诉求')
    await decideStaff(staff, 'en-0001', 'u-photo-1', 'reject', clock.tick())
    expect(await listVisibleAppeals(await asStranger(), { limit: 50 })).toEqual({ items: [], cursor: null })
    expect((await getAppealDetail(owner, theirs.id)).appeal).toMatchObject({ filerPending: true, filerRejected: true })
    // Filing for an enterprise one was turned away from is refused like any unknown enterprise.
    await expect(file(await asStranger(), '再次提交')).rejects.toBeInstanceOf(NotFoundError)

    // Scanning again asks again.
    expect((await bindByCard(await asStranger(), cardId, { name: '扫码用户' }, clock.tick())).status).toBe('pending')
  })

  it('lets only the specialist, admins and approved colleagues decide, each request once', async () => {
    const cardId = await cardOfEn0001()
    const asApplicant = await weChatUser('u-applicant', '申请人')
    const asOtherPending = await weChatUser('u-other-pending', '另一位申请人')
    await bindByCard(await asApplicant(), cardId, { name: '扫码用户' }, clock.tick())
    await bindByCard(await asOtherPending(), cardId, { name: '扫码用户' }, clock.tick())

    await expect(decideStaff(otherSpecialist, 'en-0001', 'u-applicant', 'approve', clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(decideStaff(await asOtherPending(), 'en-0001', 'u-applicant', 'approve', clock.tick())).rejects.toBeInstanceOf(NotFoundError)
    await expect(decideStaff(await asApplicant(), 'en-0001', 'u-applicant', 'approve', clock.tick())).rejects.toBeInstanceOf(NotFoundError)

    const results = await Promise.allSettled([decideStaff(owner, 'en-0001', 'u-applicant', 'approve', clock.tick()), decideStaff(staff, 'en-0001', 'u-applicant', 'reject', clock.tick())])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const failure = results.find((r) => r.status === 'rejected')
    expect(failure?.status === 'rejected' && failure.reason).toBeInstanceOf(ConflictError)

    const people = await listStaff(owner, 'en-0001')
    expect(people.find((m) => m.userId === 'u-applicant')?.status).toMatch(/approved|rejected/)
    await expect(bindByCard(owner, cardId, { name: '徐慧萍' }, clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('counts the enterprise’s open and closed appeals on its card', async () => {
    const cardId = await cardOfEn0001()
    const before = await viewCard(cardId)
    await file(staff, '计数用诉求')
    const after = await viewCard(cardId)
    expect(after.appeals.open).toBe(before.appeals.open + 1)
    expect(after.specialist).toMatchObject({ id: 'sp-007', name: '徐慧萍' })
    await expect(viewCard('0000000000000000000a')).rejects.toBeInstanceOf(NotFoundError)
  })
})
