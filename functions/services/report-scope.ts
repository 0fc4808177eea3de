import type { Actor } from '@shared/domain/actor'
import { isSpecialist, mayViewReportScope, mightViewSpecialistReport, reportReach } from '@shared/domain/policy'
import { ForbiddenError, NotFoundError } from '@shared/errors'
import type { ReportScopeKey, ReportScopeKind } from '@shared/schemas/report.schema'
import { CITY_NAME, parseScope, type ReportScope } from '@shared/domain/report-scope'
import { getCatalogCached } from '../store/catalog.store'
import { getUser, listUsersByRole } from '../store/user.store'

export { CITY_NAME, parseScope, type ReportScope } from '@shared/domain/report-scope'

const FORBIDDEN = '只有该范围的管理员可以查看或导出报表'

/**
 * Who may see (and export) which report: the city office every scope; an area admin their area
 * and the portfolios of its specialists; a specialist their own portfolio. Department handlers
 * and enterprise staff see none. Unknown scopes are 404 to those who could have seen them.
 */
export async function authoriseReportScope(actor: Actor, key: ReportScopeKey): Promise<ReportScope> {
  const { kind, id } = parseScope(key)
  const catalog = await getCatalogCached()
  switch (kind) {
    case 'city':
      if (!mayViewReportScope(actor, { kind, id })) throw new ForbiddenError(FORBIDDEN)
      return { key, kind, id, name: CITY_NAME, areaIds: 'all' }
    case 'area': {
      if (!mayViewReportScope(actor, { kind, id })) throw new ForbiddenError(FORBIDDEN)
      const area = catalog.areas.find((a) => a.id === id)
      if (!area) throw new NotFoundError('未找到该地区')
      return { key, kind, id, name: area.name, areaIds: [id] }
    }
    case 'department':
    case 'taskForce': {
      if (!mayViewReportScope(actor, { kind, id })) throw new ForbiddenError(FORBIDDEN)
      const unit = (kind === 'department' ? catalog.departments : catalog.taskForces).find((u) => u.id === id)
      if (!unit) throw new NotFoundError('未找到该单位')
      return { key, kind, id, name: unit.name, areaIds: 'all' }
    }
    case 'specialist': {
      // Refused before the lookup when no specialist's report of that id could be theirs.
      if (!mightViewSpecialistReport(actor, id)) throw new ForbiddenError(FORBIDDEN)
      const specialist = await getUser(id)
      if (!specialist || !isSpecialist(specialist)) throw new NotFoundError('未找到该专员')
      if (!mayViewReportScope(actor, { kind, id, areaId: specialist.areaId })) throw new ForbiddenError(FORBIDDEN)
      // Transfers may bring a specialist appeals of other areas; their open work is looked up city-wide.
      return { key, kind, id, name: specialist.name, areaIds: 'all' }
    }
  }
}

/** The scopes the caller can pick on the dashboard, their widest first. */
export async function viewableScopes(actor: Actor): Promise<{ key: ReportScopeKey; kind: ReportScopeKind; name: string }[]> {
  const catalog = await getCatalogCached()
  const reach = reportReach(actor)
  switch (reach.kind) {
    case 'city':
      return [
        { key: 'city', kind: 'city', name: CITY_NAME },
        ...catalog.areas.map((a) => ({ key: `area:${a.id}`, kind: 'area' as const, name: a.name })),
        ...catalog.departments.map((d) => ({ key: `department:${d.id}`, kind: 'department' as const, name: d.name })),
        ...catalog.taskForces.map((t) => ({ key: `taskForce:${t.id}`, kind: 'taskForce' as const, name: t.name })),
      ]
    case 'area': {
      const area = catalog.areas.find((a) => a.id === reach.areaId)
      if (!area) return []
      const specialists = await listUsersByRole('specialist', 2000, area.id)
      return [
        { key: `area:${area.id}`, kind: 'area', name: area.name },
        ...specialists.map((s) => ({ key: `specialist:${s.id}`, kind: 'specialist' as const, name: s.name })),
      ]
    }
    case 'specialist':
      return [{ key: `specialist:${reach.specialistId}`, kind: 'specialist', name: actor.name }]
    case 'none':
      return []
  }
}

/** The ids of the areas to read for a scope's open or closed appeals. */
export async function areasOf(scope: ReportScope): Promise<string[]> {
  if (scope.areaIds !== 'all') return [...scope.areaIds]
  return (await getCatalogCached()).areas.map((a) => a.id)
}
