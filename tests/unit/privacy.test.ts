import { describe, expect, it } from 'vitest'
import { maskPhone } from '@shared/domain/mask'
import { DELETED_USER_NAME, PRIVACY_ITEMS, PRIVACY_VERSION, anonymisedEvents, consentNeeded } from '@shared/domain/privacy'
import { askingBudget, mayPush, spendsBudget, templatesToAsk } from '@shared/domain/push-budget'
import { ROLE_TEMPLATES } from '@shared/domain/policy'
import type { AppealEvent } from '@shared/schemas/appeal.schema'
import { deleteAccountRequestSchema, privacyConsentRequestSchema } from '@shared/schemas/user.schema'
import { isLongTerm } from '../../functions/services/subscribe-templates'

describe('the privacy guide’s version rule', () => {
  it('asks a user who never agreed, or agreed to another version', () => {
    expect(consentNeeded(undefined)).toBe(true)
    expect(consentNeeded(null)).toBe(true)
    expect(consentNeeded({ version: '2025-01-01' })).toBe(true)
    expect(consentNeeded({ version: PRIVACY_VERSION })).toBe(false)
    // A newer guide makes an earlier agreement stale.
    expect(consentNeeded({ version: PRIVACY_VERSION }, '2027-03-01')).toBe(true)
  })

  it('takes only the version in force', () => {
    expect(privacyConsentRequestSchema.safeParse({ version: PRIVACY_VERSION }).success).toBe(true)
    const stale = privacyConsentRequestSchema.safeParse({ version: '2025-01-01' })
    expect(stale.success).toBe(false)
    expect(stale.error?.issues[0]?.message).toContain('已更新')
    expect(privacyConsentRequestSchema.safeParse({ version: PRIVACY_VERSION, at: 'x' }).success).toBe(false)
  })

  it('names every kind of data the product holds, why, how long and who sees it', () => {
    const named = PRIVACY_ITEMS.map((item) => item.what).join('、')
    for (const word of ['openid', '姓名', '手机号', '企业', '诉求', '附件']) expect(named).toContain(word)
    for (const item of PRIVACY_ITEMS) for (const text of [item.why, item.keep, item.who]) expect(text.length).toBeGreaterThan(4)
  })

  it('asks for the confirming words before an account is deleted', () => {
    expect(deleteAccountRequestSchema.safeParse({ confirm: '注销账号' }).success).toBe(true)
    expect(deleteAccountRequestSchema.safeParse({ confirm: ' 注销账号 ' }).success).toBe(true)
    expect(deleteAccountRequestSchema.safeParse({ confirm: '注销' }).success).toBe(false)
    expect(deleteAccountRequestSchema.safeParse({}).success).toBe(false)
  })
})

describe('masking a filer’s phone', () => {
  it('shows 138****1234 to those who may not call', () => {
    expect(maskPhone('13800001234')).toBe('138****1234')
    expect(maskPhone('13800001234')).not.toContain('0000')
  })
})

describe('taking a deleted account out of a timeline', () => {
  const event = (seq: number, actor: AppealEvent['actor'], message?: string): AppealEvent => ({
    appealId: 'ap-x',
    seq,
    type: 'note',
    at: '2026-11-23T02:00:00.000Z',
    actor,
    from: 'assigned',
    to: 'assigned',
    ...(message ? { message } : {}),
  })
  const filer = { id: 'u-1', name: '王晓东', role: 'staff' as const }
  const specialist = { id: 'sp-007', name: '徐慧萍', role: 'specialist' as const }

  it('renames their events and their name in others’ words, and leaves the rest alone', () => {
    const events = [event(1, filer, '新产线需要增容'), event(2, specialist, '已核实 王晓东 为本企业联系人'), event(3, specialist, '已受理')]
    const changed = anonymisedEvents(events, 'u-1', '王晓东')
    expect(changed.map((e) => e.seq)).toEqual([1, 2])
    expect(changed[0]?.actor).toEqual({ id: 'u-1', name: DELETED_USER_NAME, role: 'staff' })
    expect(changed[0]?.message).toBe('新产线需要增容')
    expect(changed[1]?.actor).toEqual(specialist)
    expect(changed[1]?.message).toBe(`已核实 ${DELETED_USER_NAME} 为本企业联系人`)
  })

  it('does not rewrite words for a one-character name (it would hit other words)', () => {
    expect(anonymisedEvents([event(1, specialist, '王总来电')], 'u-1', '王')).toEqual([])
  })
})

describe('one-time and long-term subscriptions', () => {
  it('one-time: pushes while messages are left, spends one each, asks when none are left', () => {
    expect(mayPush({ count: 1 }, false)).toBe(true)
    expect(mayPush({ count: 0, lastResult: 'accept' }, false)).toBe(false)
    expect(spendsBudget(false)).toBe(true)
    expect(askingBudget({ count: 0, lastResult: 'accept' }, false)).toBe(0)
    expect(templatesToAsk(ROLE_TEMPLATES.staff, () => askingBudget({ count: 0, lastResult: 'accept' }, false))).toEqual(['progress'])
  })

  it('long-term: pushes while an accept is in force, spends nothing, and stops asking once accepted', () => {
    expect(mayPush({ count: 0, lastResult: 'accept' }, true)).toBe(true)
    expect(mayPush({ count: 5, lastResult: 'reject' }, true)).toBe(false)
    expect(mayPush({ count: 0 }, true)).toBe(false)
    expect(spendsBudget(true)).toBe(false)
    expect(templatesToAsk(ROLE_TEMPLATES.staff, () => askingBudget({ count: 0, lastResult: 'accept' }, true))).toEqual([])
    expect(templatesToAsk(ROLE_TEMPLATES.staff, () => askingBudget({ count: 0 }, true))).toEqual(['progress'])
  })

  it('reads which templates are long-term from WECHAT_LONG_TERM_TEMPLATES, and refuses unknown keys', async () => {
    // The module reads the process's configuration when loaded: give it one first.
    process.env.TABLE_NAME ??= 'qinshang-direct-unit'
    process.env.TOKEN_SECRET ??= 'unit-test-secret-0123456789abcdef0123'
    const { loadConfig } = await import('../../functions/lib/config')
    const base = { TABLE_NAME: 't', TOKEN_SECRET: 'x'.repeat(32) }
    expect(loadConfig(base).WECHAT_LONG_TERM_TEMPLATES).toEqual([])
    const on = loadConfig({ ...base, WECHAT_LONG_TERM_TEMPLATES: 'progress, evaluation' })
    expect(on.WECHAT_LONG_TERM_TEMPLATES).toEqual(['progress', 'evaluation'])
    expect(isLongTerm('progress', on)).toBe(true)
    expect(isLongTerm('task', on)).toBe(false)
    expect(() => loadConfig({ ...base, WECHAT_LONG_TERM_TEMPLATES: 'progress,bogus' })).toThrow(/WECHAT_LONG_TERM_TEMPLATES/)
  })
})

describe('未开启提醒 in the mini-program', () => {
  const template = (budget: number, ready?: boolean) => ({ key: 'progress' as const, templateId: 't', name: '诉求办理进度通知', budget, ...(ready === undefined ? {} : { ready }) })

  it('is shown while the first template can push nothing: no budget, or a long-term one not accepted', async () => {
    const { remindersOff } = await import('../../miniapp/src/utils/subscribe')
    expect(remindersOff({ templates: [template(0)] })).toBe(true)
    expect(remindersOff({ templates: [template(1)] })).toBe(false)
    // Long-term and accepted: nothing counted, still on.
    expect(remindersOff({ templates: [template(0, true)] })).toBe(false)
    expect(remindersOff({ templates: [template(3, false)] })).toBe(true)
    expect(remindersOff({ templates: [] })).toBe(false)
    expect(remindersOff(null)).toBe(false)
  })
})
