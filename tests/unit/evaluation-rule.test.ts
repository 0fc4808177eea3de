import { describe, expect, it } from 'vitest'
import { applyAction, type ActionContext } from '@shared/domain/appeal-machine'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { ValidationError } from '@shared/errors'
import { appealActionSchema, evaluateActionSchema } from '@shared/schemas/appeal.schema'
import { useChineseValidationMessages } from '@shared/schemas/zod-locale'
import { makeAppeal, staff } from '../support/fixtures'
import { shanghai } from '../support/clock'

useChineseValidationMessages()

/*
 * 不满意 reopens the appeal one level up (once), so the enterprise must say why: the reason is what
 * the supervisor and the specialist work from next.
 */

const NOW = shanghai('2026-11-26T10:00:00')
const CTX: ActionContext = { calendar: CHINESE_CALENDAR }
const responded = (overrides = {}) => makeAppeal({ status: 'responded', version: 5, respondedAt: shanghai('2026-11-25T10:00:00').toISOString(), ...overrides })

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).reverse().map((i) => [i.path.join('.'), i.message]))

function machineFields(run: () => unknown): Record<string, string> | null {
  try {
    run()
  } catch (error) {
    if (error instanceof ValidationError) return error.fields
    throw error
  }
  return null
}

describe('an unsatisfied evaluation needs a reason (schema)', () => {
  it('asks for the reason when 不满意 comes without a comment, on the comment field', () => {
    expect(fieldsOf(appealActionSchema.safeParse({ type: 'evaluate', rating: 'unsatisfied' }))).toEqual({ comment: '请填写不满意的原因' })
    expect(fieldsOf(appealActionSchema.safeParse({ type: 'evaluate', rating: 'unsatisfied', comment: '   ' }))).toEqual({ comment: '请填写不满意的原因' })
    expect(fieldsOf(evaluateActionSchema.safeParse({ type: 'evaluate', rating: 'unsatisfied', comment: '' }))).toEqual({ comment: '请填写不满意的原因' })
  })

  it('wants a few characters, not one', () => {
    expect(fieldsOf(appealActionSchema.safeParse({ type: 'evaluate', rating: 'unsatisfied', comment: '差' }))).toEqual({ comment: '不满意的原因至少 4 个字' })
    expect(fieldsOf(appealActionSchema.safeParse({ type: 'evaluate', rating: 'unsatisfied', comment: '没解决' }))).toEqual({ comment: '不满意的原因至少 4 个字' })
    expect(appealActionSchema.parse({ type: 'evaluate', rating: 'unsatisfied', comment: '还是没电' })).toEqual({ type: 'evaluate', rating: 'unsatisfied', comment: '还是没电' })
  })

  it('leaves the comment optional for 满意 and 基本满意', () => {
    expect(appealActionSchema.parse({ type: 'evaluate', rating: 'satisfied' })).toEqual({ type: 'evaluate', rating: 'satisfied', comment: '' })
    expect(appealActionSchema.parse({ type: 'evaluate', rating: 'basically', comment: '好' })).toMatchObject({ comment: '好' })
  })
})

describe('an unsatisfied evaluation needs a reason (state machine)', () => {
  it('refuses 不满意 without a reason with a 400 on comment, before and after the one reopening', () => {
    expect(machineFields(() => applyAction(responded(), { type: 'evaluate', rating: 'unsatisfied', comment: '' }, staff, NOW, CTX))).toEqual({
      comment: '请填写不满意的原因',
    })
    expect(machineFields(() => applyAction(responded({ reopenCount: 1, level: 1 }), { type: 'evaluate', rating: 'unsatisfied', comment: '不行' }, staff, NOW, CTX))).toEqual({
      comment: '不满意的原因至少 4 个字',
    })
  })

  it('reopens with the reason as the escalation reason', () => {
    const { appeal, event } = applyAction(responded(), { type: 'evaluate', rating: 'unsatisfied', comment: '电压仍不稳定' }, staff, NOW, CTX)
    expect(appeal).toMatchObject({ status: 'in_progress', level: 1, reopenCount: 1, escalation: { cause: 'reopen', reason: '电压仍不稳定' } })
    expect(event).toMatchObject({ type: 'reopen', message: '电压仍不稳定' })
  })
})
