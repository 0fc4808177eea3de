import { industrySchema, scaleSchema, type Industry, type Scale } from '@shared/schemas/catalog.schema'
import type { PolicyDocView } from '@shared/schemas/policy.schema'
import { INDUSTRY_WORDS, SCALE_WORDS } from '../kit-view'

/**
 * 政策口袋书: the printed sheet of policies with their codes (一码链接政策原文, 一图读懂核心要点,
 * 一号拨通咨询服务). Pure, shared by the page and its tests.
 */

/** A4 portrait, three policies to a page, each in a box of its own height (index.css). */
export const POLICIES_PER_SHEET = 3

/** Key points printed per policy: the first ones, as the admin ordered them. */
export const SHEET_KEY_POINTS = 3

export const SHEET_SCAN_HINT = '微信扫码 · 查看政策原文'

export interface SheetFilter {
  scale?: Scale
  industry?: Industry
}

/**
 * The policies on the sheet: published and in force, applying to the chosen scale and/or industry
 * (a policy that names no scale applies to every scale, likewise for industries), in the list's order.
 */
export function sheetPolicies(items: readonly PolicyDocView[], filter: SheetFilter): PolicyDocView[] {
  return items.filter(
    (p) =>
      p.status === 'published' &&
      !p.expired &&
      (!filter.scale || p.appliesTo.scales.length === 0 || p.appliesTo.scales.includes(filter.scale)) &&
      (!filter.industry || p.appliesTo.industries.length === 0 || p.appliesTo.industries.includes(filter.industry)),
  )
}

/** The sheet's heading: 「规上企业 · 工业 政策口袋书」, or 「惠企政策口袋书」 for all. */
export function sheetTitle(filter: SheetFilter): string {
  const words = [filter.scale ? SCALE_WORDS[filter.scale] : '', filter.industry ? INDUSTRY_WORDS[filter.industry] : ''].filter(Boolean)
  return words.length > 0 ? `${words.join(' · ')} 政策口袋书` : '惠企政策口袋书'
}

/** 「湘潭市工业和信息化局 · 潭工信发〔2026〕3号」: who issued it and its number, when it has one. */
export const sheetIssuerLine = (policy: Pick<PolicyDocView, 'issuer' | 'docNumber'>): string => (policy.docNumber ? `${policy.issuer} · ${policy.docNumber}` : policy.issuer)

/** 「咨询电话 0731-… （市人社局就业科）」 */
export const sheetPhoneLine = (policy: Pick<PolicyDocView, 'phone' | 'phoneUnit'>): string => `咨询电话 ${policy.phone}${policy.phoneUnit ? `（${policy.phoneUnit}）` : ''}`

export const sheetKeyPoints = (policy: Pick<PolicyDocView, 'keyPoints'>): string[] => policy.keyPoints.slice(0, SHEET_KEY_POINTS)

export const sheetPageCount = (count: number): number => Math.ceil(count / POLICIES_PER_SHEET)

export function chunkPolicies<T>(items: readonly T[], size = POLICIES_PER_SHEET): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size))
  return pages
}

/** The filter a link names (?scale=above&industry=industry); unknown values are ignored. */
export function sheetFilterOf(params: Record<string, string | undefined>): SheetFilter {
  const scale = scaleSchema.options.find((s) => s === params.scale)
  const industry = industrySchema.options.find((i) => i === params.industry)
  return { ...(scale ? { scale } : {}), ...(industry ? { industry } : {}) }
}
