import { commonProblemMonth } from '@shared/domain/common-problems'
import type { ReportScope } from '@shared/domain/report-scope'
import { monthEnd, monthStart } from '@shared/domain/report-month'
import type { CommonProblemMonth } from '@shared/schemas/common-problem.schema'
import { listCommonProblems } from '../store/common-problem.store'

/**
 * The monthly report's common problems: those linked in the month, the city's every one (one
 * Query of its index), an area's its own; none for other scopes. A problem spanning areas is the
 * city's.
 */
export async function commonProblemsOfReportMonth(scope: Pick<ReportScope, 'kind' | 'id'>, month: string): Promise<CommonProblemMonth | undefined> {
  if (scope.kind !== 'city' && scope.kind !== 'area') return undefined
  const createdIn = { from: monthStart(month).toISOString(), to: monthEnd(month).toISOString() }
  const problems = await listCommonProblems(scope.kind === 'city' ? { kind: 'city' } : { kind: 'scope', areaId: scope.id }, createdIn)
  return commonProblemMonth(problems)
}
