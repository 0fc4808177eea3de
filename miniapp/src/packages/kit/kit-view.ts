import type { Industry, Scale } from '@shared/schemas/catalog.schema'
import type { Applicability, PolicyDocView, PolicyPack } from '@shared/schemas/policy.schema'
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
