import { missingLastMonth, upgradeMonthSection, type UpgradeMonthSection } from '@shared/domain/upgrade-pipeline'
import type { BoardRow } from '@shared/schemas/upgrade.schema'
import { getAreaBoard, listAreaBoards } from '../store/upgrade.store'
import type { ReportScope } from './report-scope'

/*
 * 升规入统 in the reports: what the monthly report and the weekly digest say of the pipeline, read
 * from the areas' board items (one per area), never from the figures.
 */

async function rowsOf(scope: ReportScope): Promise<BoardRow[] | undefined> {
  if (scope.kind === 'city') return (await listAreaBoards()).flatMap((b) => b.rows)
  if (scope.kind === 'area') return (await getAreaBoard(scope.id)).rows
  if (scope.kind === 'specialist') return (await listAreaBoards()).flatMap((b) => b.rows).filter((r) => r.sp === scope.id)
  return undefined
}

/** The monthly report's section for the scope; undefined for a scope with no enterprise in the pipeline. */
export async function upgradeSectionOf(scope: ReportScope, month: string): Promise<UpgradeMonthSection | undefined> {
  const rows = await rowsOf(scope)
  return rows && rows.length > 0 ? upgradeMonthSection(rows, month) : undefined
}

/** For the Monday digests: the pipeline's enterprises without last month's figure, by area (null: the city). */
export async function upgradeMissingByScope(now: Date): Promise<(areaId: string | null) => ReturnType<typeof missingLastMonth> | undefined> {
  const boards = await listAreaBoards()
  return (areaId) => {
    const missing = missingLastMonth(areaId === null ? boards.flatMap((b) => b.rows) : (boards.find((b) => b.areaId === areaId)?.rows ?? []), now)
    return missing.items.length > 0 ? missing : undefined
  }
}
