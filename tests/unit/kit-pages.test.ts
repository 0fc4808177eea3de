import { describe, expect, it } from 'vitest'
import { mayManageKit, mayReadKit, seesFilingSuggestions } from '@shared/domain/policy'
import type { PolicyDocView } from '@shared/schemas/policy.schema'
import { policyDocInputSchema } from '@shared/schemas/policy.schema'
import {
  applicabilityText,
  packSections,
  policyFormFields,
  policyFormOf,
  policyIdOf,
  policyImportRows,
  policyImportSummary,
  policyInputOf,
  toggled,
} from '../../miniapp/src/packages/kit/kit-view'
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

  it('says what a policy import will do and did, row by row', () => {
    const summary = { create: 2, duplicate: 1, invalid: 1 }
    expect(policyImportSummary({ summary, dryRun: true, applied: false })).toBe('新增 2 条 · 重复 1 条 · 有误 1 条（重复和有误的行不导入）')
    expect(policyImportSummary({ summary: { create: 2, duplicate: 0, invalid: 0 }, dryRun: true, applied: false })).toBe('新增 2 条 · 重复 0 条 · 有误 0 条')
    expect(policyImportSummary({ summary, dryRun: false, applied: true })).toBe('已导入为草稿：新增 2 条 · 重复 1 条 · 有误 1 条')
    const rows = policyImportRows({
      dryRun: true,
      applied: false,
      summary,
      fileProblems: [],
      rows: [
        { row: 2, title: '技改贴息', action: 'create', errors: [] },
        { row: 3, title: '消防补助', action: 'duplicate', errors: [] },
        { row: 4, title: '', action: 'invalid', errors: [{ field: 'title', message: '请填写政策名称' }] },
      ],
    })
    expect(rows.map((r) => [r.label, r.status, r.invalid, r.lines])).toEqual([
      ['第 2 行 · 技改贴息', '新增', false, []],
      ['第 3 行 · 消防补助', '重复', false, ['已有同名政策，此行不导入']],
      ['第 4 行 · （无标题）', '有误', true, ['请填写政策名称']],
    ])
  })
})

describe('the policy form', () => {
  const today = '2026-12-05'

  it('starts a new policy dated today, and reads back a policy to edit', () => {
    expect(policyFormOf(null, today)).toMatchObject({ issuedOn: today, effectiveOn: today, expiresOn: '', keyPoints: '', scales: [] })
    const form = policyFormOf(
      {
        title: '技改贴息',
        issuer: '湘潭高新区管委会',
        docNumber: '',
        categoryId: 'financing',
        issuedOn: '2026-11-20',
        effectiveOn: '2026-11-20',
        expiresOn: null,
        appliesTo: { scales: ['above'], industries: [], areaIds: ['xt-hitech'] },
        keyPoints: ['贴息 50%', '每年最高 100 万元'],
        howToApply: '向经济发展局申报',
        phone: '12366',
        phoneUnit: '',
        originalUrl: null,
      } as unknown as Parameters<typeof policyFormOf>[0],
      today,
    )
    expect(form).toMatchObject({ keyPoints: '贴息 50%\n每年最高 100 万元', expiresOn: '', originalUrl: '', areaIds: ['xt-hitech'] })
  })

  it('sends what the shared schema checks: one key point per line, blanks as null', () => {
    const form = { ...policyFormOf(null, today), title: '技改设备购置贴息', issuer: '湘潭高新区管委会', categoryId: 'financing', keyPoints: ' 贴息 50% \n\n每年最高 100 万元\n', howToApply: '向经济发展局申报', phone: ' 12366 ' }
    const parsed = policyDocInputSchema.safeParse(policyInputOf(form))
    expect(parsed.success).toBe(true)
    expect(parsed.data).toMatchObject({ keyPoints: ['贴息 50%', '每年最高 100 万元'], expiresOn: null, originalUrl: null, phone: '12366' })
    const bad = policyDocInputSchema.safeParse(policyInputOf({ ...form, effectiveOn: '2026-01-01', keyPoints: '' }))
    expect(bad.success).toBe(false)
  })

  it('names the server’s field errors as the form’s fields', () => {
    expect(policyFormFields({ 'policy.title': '请填写政策名称', 'policy.keyPoints.2': '要点过长', 'policy.appliesTo.scales': '规模不正确', phone: '电话格式不正确' })).toEqual({
      title: '请填写政策名称',
      keyPoints: '要点过长',
      scales: '规模不正确',
      phone: '电话格式不正确',
    })
    expect(toggled(['above'], 'near')).toEqual(['above', 'near'])
    expect(toggled(['above', 'near'], 'above')).toEqual(['near'])
  })
})
