import { returnVisitFigures } from '@shared/domain/return-visits'
import type { ReturnVisit, ReturnVisitFigures } from '@shared/schemas/return-visit.schema'
import { listReturnVisits } from '../store/return-visit.store'
import { areasOf, type ReportScope } from './report-scope'

/** The return visits of a month in the given areas (one Query per area). */
export async function returnVisitsOf(areaIds: readonly string[], month: string): Promise<ReturnVisit[]> {
  return (await Promise.all(areaIds.map((areaId) => listReturnVisits(areaId, month)))).flat()
}

/**
 * 回访满意率 and the sample sizes for a monthly report: the city's or an area's sample of the
 * month. Samples are drawn by the city and area offices, so other scopes (a department, a
 * specialist's portfolio) have none.
 */
export async function returnVisitFiguresOf(scope: ReportScope, month: string): Promise<ReturnVisitFigures | undefined> {
  if (scope.kind !== 'city' && scope.kind !== 'area') return undefined
  return returnVisitFigures(await returnVisitsOf(await areasOf(scope), month))
}
