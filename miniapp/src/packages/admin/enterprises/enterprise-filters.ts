import type { EnterpriseSummary } from '@shared/schemas/roster.schema'
import { SCALE_LABEL, UNASSIGNED_LABEL, type Scale } from '../admin-labels'

/** The 企业名册 filters; null areaId means the city admin has not picked an area yet. */
export type ScaleFilter = 'all' | Scale

export interface EnterpriseFilters {
  areaId: string | null
  scale: ScaleFilter
  /** Only enterprises with open appeals; off shows all (not "only without"). */
  openOnly: boolean
  /** One specialist's portfolio, from the specialists page. */
  specialistId: string | null
}

export const PAGE_SIZE = 20

/** GET /api/enterprises parameters (the shape of listEnterprises' argument). */
export interface EnterpriseQuery {
  areaId?: string
  scale?: Scale
  specialistId?: string
  hasOpenAppeals?: boolean
  limit: number
  cursor: string | null
}

export const SCALE_OPTIONS: readonly { value: ScaleFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'above', label: SCALE_LABEL.above },
  { value: 'near', label: SCALE_LABEL.near },
  { value: 'other', label: SCALE_LABEL.other },
]

export function enterpriseQuery(filters: EnterpriseFilters, cursor: string | null): EnterpriseQuery {
  return {
    areaId: filters.areaId ?? undefined,
    scale: filters.scale === 'all' ? undefined : filters.scale,
    specialistId: filters.specialistId ?? undefined,
    hasOpenAppeals: filters.openOnly ? true : undefined,
    limit: PAGE_SIZE,
    cursor,
  }
}

/** Identifies a query for the list hook; null until there is an area to list. */
export function enterpriseListKey(filters: EnterpriseFilters): string | null {
  if (!filters.areaId) return null
  return [filters.areaId, filters.scale, filters.openOnly ? 'open' : 'any', filters.specialistId ?? '-'].join('|')
}

export const specialistLabel = (enterprise: EnterpriseSummary): string => enterprise.specialistName ?? UNASSIGNED_LABEL

export const appealCountsText = (enterprise: EnterpriseSummary): string =>
  `未办结 ${enterprise.openAppeals} 件 · 已办结 ${enterprise.closedAppeals} 件`
