import { describe, expect, it } from 'vitest'
import { applyAction } from '@shared/domain/appeal-machine'
import { commonProblemActions, countsOf, linkProblem, linkTransition, newCommonProblem, unlinkTransition } from '@shared/domain/common-problems'
import { rankSimilar } from '@shared/domain/similar-appeals'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { mayLinkToCommonProblem, mayTakeAppealAction, maySeeAppeal, relationsTo } from '@shared/domain/policy'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { areaAdmin, cityAdmin, makeAppeal, otherAreaAdmin, otherSpecialist, owner, staff } from '../support/fixtures'
import { shanghai } from '../support/clock'

const now = shanghai('2026-11-25T10:00:00')
const other = (id: string, overrides: Partial<Appeal>): Appeal =>
  makeAppeal({ id, enterpriseId: `en-${id}`, categoryId: 'other', categoryName: '其他', coHandlers: [], ...overrides })

const target = other('t', { title: '园区东路积水严重', description: '园区东路一下雨就积水，排水管网堵塞，货车进出困难。' })
const drain1 = other('d1', { title: '厂门口道路雨后积水', description: '每逢下雨东路积水，排水管网堵塞，员工上下班涉水。' })
const drain2 = other('d2', { title: '东路排水不畅积水', description: '园区东路排水管网堵塞积水，已影响原料入库。', areaId: 'yuhu' })
const lamp = other('l', { title: '厂区门口路灯不亮', description: '门口三盏路灯坏了一个月，夜班员工出行不便。' })
const water = other('w', { title: '园区东路积水', description: '园区东路一下雨就积水，排水管网堵塞。', categoryId: 'water', categoryName: '用水' })
const answered = other('r', { title: '东路积水', description: '园区东路积水，排水管网堵塞。', status: 'responded' })
const linked = other('k', { title: '东路积水', description: '园区东路积水，排水管网堵塞。', commonProblem: { id: 'cp-x', title: '东路积水', holderId: 'sp-007' } })

describe('similar open appeals (相似诉求)', () => {
  const ranked = rankSimilar(target, [target, drain1, drain2, lamp, water, answered, linked])

  it('proposes the same category’s open, unlinked appeals whose texts are alike, best first', () => {
    // d2 says nearly what the target says, from another area; d1 says it in other words, nearby.
    expect(ranked.map((s) => s.appeal.id)).toEqual(['d2', 'd1'])
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score)
    expect(ranked.every((s) => s.score >= 0.1 && s.score <= 1)).toBe(true)
  })

  it('lifts the same area a little, and says which ones share it', () => {
    expect(ranked.find((s) => s.appeal.id === 'd1')!.sameArea).toBe(true)
    expect(ranked.find((s) => s.appeal.id === 'd2')!.sameArea).toBe(false)
    const nearby = rankSimilar(target, [target, drain1, { ...drain2, areaId: 'xt-hitech' }, lamp, water, answered, linked])
    expect(nearby.find((s) => s.appeal.id === 'd2')!.score).toBeCloseTo(ranked.find((s) => s.appeal.id === 'd2')!.score + 0.1, 3)
  })

  it('finds traditional characters and a changed word order alike', () => {
    const traditional = other('tr', { title: '東路積水排水管網堵塞', description: '園區東路一下雨就積水。' })
    expect(rankSimilar(target, [traditional, lamp]).map((s) => s.appeal.id)).toEqual(['tr'])
  })

  it('proposes nothing when nothing is alike', () => {
    expect(rankSimilar(lamp, [target, drain2])).toEqual([])
  })
})

describe('who joins and leaves a common problem', () => {
  const problem = newCommonProblem('cp-1', { title: '园区东路雨后积水', responsibleUnit: '建设局', appealIds: ['t', 'd1'] }, [target, drain1], owner, now)

  it('takes open appeals not yet linked, of one category', () => {
    expect(linkProblem(target, 'other')).toBeNull()
    expect(linkProblem(answered)).toContain('已答复')
    expect(linkProblem(other('s', { status: 'submitted' }))).toContain('只有已分派、办理中')
    expect(linkProblem(linked)).toBe('已并入共性问题「东路积水」')
    expect(linkProblem(water, 'other')).toBe('诉求类别不同，不能并入同一共性问题')
  })

  it('is held by the official who links, in the appeals’ area (the city’s when they span areas)', () => {
    expect(problem).toMatchObject({ holder: { id: 'sp-007' }, areaId: 'xt-hitech', categoryId: 'other', status: 'open', version: 1 })
    expect(newCommonProblem('cp-2', { title: '东路积水', responsibleUnit: '建设局', appealIds: ['t', 'd2'] }, [target, drain2], cityAdmin, now).areaId).toBeNull()
  })

  it('writes the link and the unlink on the timeline without moving the status', () => {
    const joined = linkTransition(target, problem, owner, now)
    expect(joined.appeal).toMatchObject({ version: 2, status: 'assigned', commonProblem: { id: 'cp-1', title: '园区东路雨后积水', holderId: 'sp-007' } })
    expect(joined.event).toMatchObject({ type: 'common_linked', seq: 2, from: 'assigned', to: 'assigned' })
    expect(() => linkTransition(joined.appeal, problem, owner, now)).toThrow('已并入共性问题')
    const left = unlinkTransition(joined.appeal, 'cp-1', areaAdmin, now)
    expect(left.appeal.commonProblem).toBeUndefined()
    expect(left.event).toMatchObject({ type: 'common_unlinked', seq: 3 })
    expect(() => unlinkTransition(left.appeal, 'cp-1', areaAdmin, now)).toThrow('不在这个共性问题中')
  })

  it('counts the appeals and the enterprises they come from', () => {
    expect(countsOf([{ enterpriseId: 'a' }, { enterpriseId: 'b' }, { enterpriseId: 'a' }])).toEqual({ appealCount: 3, enterpriseCount: 2 })
  })

  it('offers the actions its state and its appeals allow', () => {
    expect(commonProblemActions({ status: 'open' }, [{ status: 'assigned' }, { status: 'in_progress' }])).toEqual(['note', 'set-measure', 'respond', 'link', 'unlink'])
    expect(commonProblemActions({ status: 'answered' }, [{ status: 'responded' }, { status: 'closed' }])).toEqual(['note', 'unlink'])
    expect(commonProblemActions({ status: 'answered' }, [{ status: 'closed' }])).toEqual(['unlink'])
    expect(commonProblemActions({ status: 'answered' }, [{ status: 'responded' }, { status: 'in_progress' }])).toEqual(['note', 'respond', 'unlink'])
  })
})

describe('the policy over linked appeals', () => {
  const heldByArea = makeAppeal({ status: 'in_progress', commonProblem: { id: 'cp-1', title: '东路积水', holderId: areaAdmin.id } })
  const heldByOtherSpecialist = makeAppeal({ status: 'in_progress', commonProblem: { id: 'cp-1', title: '东路积水', holderId: otherSpecialist.id } })

  it('links: the owner and the admins over the appeal; never its staff', () => {
    expect([owner, areaAdmin, cityAdmin, staff, otherSpecialist, otherAreaAdmin].map((s) => mayLinkToCommonProblem(s, makeAppeal()))).toEqual([true, true, true, false, false, false])
  })

  it('lets whoever works the problem answer the linked appeal, and no one else', () => {
    expect(relationsTo(areaAdmin, heldByArea).has('commonWorker')).toBe(true)
    expect(mayTakeAppealAction(areaAdmin, heldByArea, 'respond')).toBe(true)
    expect(mayTakeAppealAction(areaAdmin, makeAppeal({ status: 'in_progress' }), 'respond')).toBe(false)
    // The specialist who holds the problem sees and answers an appeal of a colleague's portfolio.
    expect(maySeeAppeal(otherSpecialist, heldByOtherSpecialist)).toBe(true)
    expect(mayTakeAppealAction(otherSpecialist, heldByOtherSpecialist, 'respond')).toBe(true)
    expect(maySeeAppeal(otherSpecialist, heldByArea)).toBe(false)
    expect(mayTakeAppealAction(otherAreaAdmin, heldByArea, 'respond')).toBe(false)
    expect(mayTakeAppealAction(staff, heldByArea, 'respond')).toBe(false)
  })

  it('records the answer as given by the one who gave it', () => {
    const { appeal, event } = applyAction(heldByArea, { type: 'respond', outcome: 'resolved', message: '东路排水管网已疏通。' }, areaAdmin, now, { calendar: CHINESE_CALENDAR })
    expect(appeal.status).toBe('responded')
    expect(event.actor.id).toBe(areaAdmin.id)
  })
})
