import type { Industry, Scale } from '@shared/schemas/catalog.schema'
import type { Applicability, PolicyDoc, PolicyDocView, PolicyPack } from '@shared/schemas/policy.schema'
import type { PolicyImportResult } from '@shared/schemas/policy-import.schema'
import { PACK_LABELS } from '@shared/domain/policy-pack'

/** Words of the kit's pages, and how a policy's applicability reads. */
export const SCALE_WORDS: Record<Scale, string> = { above: '规上企业', near: '临规企业', other: '其他企业' }
export const INDUSTRY_WORDS: Record<Industry, string> = { industry: '工业', construction: '建筑业', retail: '批零住餐', services: '服务业', agriculture: '农业' }
export const STATUS_WORDS: Record<PolicyDocView['status'], string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' }

/** 适用对象: 全部企业, or the named scales, industries and areas. */
export function applicabilityText(appliesTo: Applicability, areaName: (id: string) => string): string {
  const parts = [
    appliesTo.scales.length > 0 ? appliesTo.scales.map((s) => SCALE_WORDS[s]).join('、') : '',
    appliesTo.industries.length > 0 ? appliesTo.industries.map((i) => INDUSTRY_WORDS[i]).join('、') : '',
    appliesTo.areaIds.length > 0 ? appliesTo.areaIds.map(areaName).join('、') : '',
  ].filter(Boolean)
  return parts.length > 0 ? parts.join('；') : '全部企业'
}

/** The list's sections: the enterprise's own pack first (as the server ordered it), each with its label. */
export function packSections(items: readonly PolicyDocView[]): { pack: PolicyPack; label: string; items: PolicyDocView[] }[] {
  const sections: { pack: PolicyPack; label: string; items: PolicyDocView[] }[] = []
  for (const item of items) {
    let section = sections.find((s) => s.pack === item.pack)
    if (!section) sections.push((section = { pack: item.pack, label: PACK_LABELS[item.pack], items: [] }))
    section.items.push(item)
  }
  return sections
}

/** The id a policy page was opened with: ?id= from a link, ?scene= from a scanned code. */
export const policyIdOf = (params: Record<string, string | undefined>): string => decodeURIComponent(params.id ?? params.scene ?? '')

const IMPORT_ACTION_WORDS: Record<PolicyImportResult['rows'][number]['action'], string> = { create: '新增', duplicate: '重复', invalid: '有误' }

/** One line for a policy import's check or result, e.g. '新增 2 条 · 重复 1 条 · 有误 1 条（…）'. */
export function policyImportSummary(result: Pick<PolicyImportResult, 'summary' | 'applied' | 'dryRun'>): string {
  const { create, duplicate, invalid } = result.summary
  const counts = `新增 ${create} 条 · 重复 ${duplicate} 条 · 有误 ${invalid} 条`
  if (!result.dryRun) return result.applied ? `已导入为草稿：${counts}` : `没有写入任何数据：${counts}`
  return invalid + duplicate > 0 ? `${counts}（重复和有误的行不导入）` : counts
}

/** Each row of a policy import as the page lists it: its title, what happens to it, and why. */
export const policyImportRows = (result: PolicyImportResult) =>
  result.rows.map((r) => ({
    key: String(r.row),
    label: `第 ${r.row} 行 · ${r.title || '（无标题）'}`,
    status: IMPORT_ACTION_WORDS[r.action],
    invalid: r.action === 'invalid',
    lines: r.action === 'duplicate' ? ['已有同名政策，此行不导入'] : r.errors.map((e) => e.message),
  }))

/** The policy form as typed: key points one per line, dates and the link as text ('' for none). */
export interface PolicyForm {
  title: string
  issuer: string
  docNumber: string
  categoryId: string
  issuedOn: string
  effectiveOn: string
  expiresOn: string
  scales: Scale[]
  industries: Industry[]
  areaIds: string[]
  keyPoints: string
  howToApply: string
  phone: string
  phoneUnit: string
  originalUrl: string
}

/** The form for a new policy (dated `today`) or filled from one to edit. */
export function policyFormOf(policy: PolicyDoc | null, today: string): PolicyForm {
  if (!policy) {
    return { title: '', issuer: '', docNumber: '', categoryId: '', issuedOn: today, effectiveOn: today, expiresOn: '', scales: [], industries: [], areaIds: [], keyPoints: '', howToApply: '', phone: '', phoneUnit: '', originalUrl: '' }
  }
  return {
    title: policy.title,
    issuer: policy.issuer,
    docNumber: policy.docNumber,
    categoryId: policy.categoryId,
    issuedOn: policy.issuedOn,
    effectiveOn: policy.effectiveOn,
    expiresOn: policy.expiresOn ?? '',
    scales: [...policy.appliesTo.scales],
    industries: [...policy.appliesTo.industries],
    areaIds: [...policy.appliesTo.areaIds],
    keyPoints: policy.keyPoints.join('\n'),
    howToApply: policy.howToApply,
    phone: policy.phone,
    phoneUnit: policy.phoneUnit,
    originalUrl: policy.originalUrl ?? '',
  }
}

/** What the form sends, for the shared schema to check: blank optional fields become null, one key point per non-empty line. */
export const policyInputOf = (form: PolicyForm): unknown => ({
  title: form.title,
  issuer: form.issuer,
  docNumber: form.docNumber,
  categoryId: form.categoryId,
  issuedOn: form.issuedOn.trim(),
  effectiveOn: form.effectiveOn.trim(),
  expiresOn: form.expiresOn.trim() === '' ? null : form.expiresOn.trim(),
  appliesTo: { scales: form.scales, industries: form.industries, areaIds: form.areaIds },
  keyPoints: form.keyPoints
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== ''),
  howToApply: form.howToApply,
  phone: form.phone.trim(),
  phoneUnit: form.phoneUnit,
  originalUrl: form.originalUrl.trim() === '' ? null : form.originalUrl.trim(),
})

/** The API names an edit's fields `policy.<field>` and nested ones by path; the form shows one message per field. */
export const policyFormFields = (fields: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [key, message] of Object.entries(fields)) {
    const path = key.replace(/^policy\./, '').split('.')
    const name = path[0] === 'appliesTo' ? (path[1] ?? 'appliesTo') : path[0]!
    if (!(name in out)) out[name] = message
  }
  return out
}

/** Toggles one choice of a multiple-choice field. */
export const toggled = <T>(values: readonly T[], value: T): T[] => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value])
