import { describe, expect, it } from 'vitest'
import { mayManageKit, mayReadKit, seesFilingSuggestions } from '@shared/domain/policy'
import type { PolicyDocView } from '@shared/schemas/policy.schema'
import { applicabilityText, packSections, policyIdOf } from '../../miniapp/src/packages/kit/kit-view'
import { areaAdmin, cityAdmin, owner, staff } from '../support/fixtures'

const view = (id: string, pack: PolicyDocView['pack']) => ({ id, pack }) as PolicyDocView
const areaName = (id: string) => ({ 'xt-hitech': '湘潭高新区' })[id] ?? id

describe('the kit pages', () => {
  it('reads applicability as people say it', () => {
    expect(applicabilityText({ scales: [], industries: [], areaIds: [] }, areaName)).toBe('全部企业')
    expect(applicabilityText({ scales: ['near'], industries: ['industry', 'services'], areaIds: ['xt-hitech'] }, areaName)).toBe('临规企业；工业、服务业；湘潭高新区')
  })

  it('groups the list into packs in the order the server gave', () => {
    const sections = packSections([view('a', 'near'), view('b', 'general'), view('c', 'near')])
    expect(sections.map((s) => [s.label, s.items.map((i) => i.id)])).toEqual([
      ['升规指南', ['a', 'c']],
      ['惠企通用政策', ['b']],
    ])
  })

  it('opens a policy from a link (?id=) or a scanned code (?scene=)', () => {
    expect(policyIdOf({ id: 'pd-01kaaaaaaaaaaaaaaaaaaaaaaa' })).toBe('pd-01kaaaaaaaaaaaaaaaaaaaaaaa')
    expect(policyIdOf({ scene: encodeURIComponent('pd-01kaaaaaaaaaaaaaaaaaaaaaaa') })).toBe('pd-01kaaaaaaaaaaaaaaaaaaaaaaa')
    expect(policyIdOf({})).toBe('')
  })

  it('shows the kit to everyone signed in, the suggestions to enterprise staff, the editing to admins', () => {
    expect([staff, owner, areaAdmin, cityAdmin].map(mayReadKit)).toEqual([true, true, true, true])
    expect(mayReadKit(null)).toBe(false)
    expect([staff, owner, areaAdmin].map(seesFilingSuggestions)).toEqual([true, false, false])
    expect([staff, owner, areaAdmin, cityAdmin].map(mayManageKit)).toEqual([false, false, true, true])
  })
})
