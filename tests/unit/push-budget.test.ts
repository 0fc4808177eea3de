import { describe, expect, it } from 'vitest'
import { ROLE_TEMPLATES } from '@shared/domain/policy'
import { addedBy, ASK_AT_ONCE, budgetEmpty, templatesToAsk } from '@shared/domain/push-budget'
import type { TemplateKey } from '@shared/schemas/notification.schema'

const budgets = (counts: Partial<Record<TemplateKey, number>>) => (key: TemplateKey) => counts[key] ?? 0

describe('the push budget', () => {
  it('asks at the next tap for the templates with nothing left, most important first, three at most', () => {
    expect(templatesToAsk(ROLE_TEMPLATES.specialist, budgets({}))).toEqual(['task', 'deadline', 'evaluation'])
    expect(templatesToAsk(ROLE_TEMPLATES.specialist, budgets({ task: 2 }))).toEqual(['deadline', 'evaluation'])
    expect(templatesToAsk(ROLE_TEMPLATES.specialist, budgets({ task: 1, deadline: 1, evaluation: 3 }))).toEqual([])
    expect(templatesToAsk(['task', 'deadline', 'evaluation', 'progress'], budgets({}))).toHaveLength(ASK_AT_ONCE)
    expect(templatesToAsk(ROLE_TEMPLATES.staff, budgets({ progress: 0 }))).toEqual(['progress'])
  })

  it('adds one per accept and nothing for a reject, a ban or a filtered template', () => {
    expect(addedBy('accept')).toBe(1)
    expect([addedBy('reject'), addedBy('ban'), addedBy('filter')]).toEqual([0, 0, 0])
  })

  it('calls a budget empty when the most important template has nothing left', () => {
    expect(budgetEmpty(ROLE_TEMPLATES.specialist, budgets({ deadline: 5 }))).toBe(true)
    expect(budgetEmpty(ROLE_TEMPLATES.specialist, budgets({ task: 1 }))).toBe(false)
    expect(budgetEmpty([], budgets({}))).toBe(false)
  })
})
