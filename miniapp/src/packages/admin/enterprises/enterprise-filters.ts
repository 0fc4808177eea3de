import { hasPortfolio } from '@shared/domain/policy'
import { listEnterprisesQuerySchema, type EnterpriseSummary } from '@shared/schemas/roster.schema'
import type { User } from '@shared/schemas/user.schema'
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
  /** The search box (name, credit code, contact's name or phone) as last applied; '' or absent: no search. */
  search?: string
}

export const PAGE_SIZE = 20

/** GET /api/enterprises parameters (the shape of listEnterprises' argument). */
export interface EnterpriseQuery {
  areaId?: string
  scale?: Scale
  specialistId?: string
  hasOpenAppeals?: boolean
  q?: string
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
    q: filters.search ? filters.search : undefined,
    limit: PAGE_SIZE,
    cursor,
  }
}

/** Identifies a query for the list hook; null until there is an area to list. */
export function enterpriseListKey(filters: EnterpriseFilters): string | null {
  if (!filters.areaId) return null
  return [filters.areaId, filters.scale, filters.openOnly ? 'open' : 'any', filters.specialistId ?? '-', filters.search ?? ''].join('|')
}

/**
 * Who the page is for. Admins manage an area's roster (调整专员); a specialist reads their own
 * portfolio (我服务的企业) and nothing else: the server lets a specialist list their portfolio
 * and refuses them the specialists' roster and every reassignment, so the page offers neither.
 */
export type EnterprisesView = { kind: 'roster' } | { kind: 'portfolio'; specialistId: string }

export function enterprisesView(user: User | null): EnterprisesView {
  return user && hasPortfolio(user) ? { kind: 'portfolio', specialistId: user.id } : { kind: 'roster' }
}

export const PORTFOLIO_TITLE = '我服务的企业'

/** A specialist's own list: no area to wait for, the server pins them to their portfolio. */
export function portfolioFilters(specialistId: string, scale: ScaleFilter, openOnly: boolean, search = ''): EnterpriseFilters {
  return { areaId: null, scale, openOnly, specialistId, search }
}

export function portfolioListKey(filters: EnterpriseFilters): string {
  return ['portfolio', filters.specialistId ?? '-', filters.scale, filters.openOnly ? 'open' : 'any', filters.search ?? ''].join('|')
}

/** An empty portfolio is not the same as filters that match nothing. */
export const portfolioEmptyText = (filters: EnterpriseFilters): string =>
  filters.scale === 'all' && !filters.openOnly && !filters.search ? '您名下暂无企业，如有疑问请联系属地管理员' : '没有符合条件的企业'

/**
 * What the search box sends once 搜索 is tapped: the cleaned term, or a problem to show under the
 * box (the server's own rule, so the two never disagree).
 */
export function appliedSearch(typed: string): { search: string } | { problem: string } {
  const parsed = listEnterprisesQuerySchema.shape.q.safeParse(typed)
  return parsed.success ? { search: parsed.data ?? '' } : { problem: parsed.error.issues[0]?.message ?? '搜索内容有误' }
}

export const specialistLabel = (enterprise: EnterpriseSummary): string => enterprise.specialistName ?? UNASSIGNED_LABEL

export const appealCountsText = (enterprise: EnterpriseSummary): string =>
  `未办结 ${enterprise.openAppeals} 件 · 已办结 ${enterprise.closedAppeals} 件`
