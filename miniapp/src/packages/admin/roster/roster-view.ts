import type { RosterImportResult, RosterRowResult } from '@shared/schemas/roster.schema'
import type { FieldErrors } from '@shared/errors'

/**
 * What the 名册导入 page shows of a roster check or import: counts, the row table and whether
 * the import may go ahead. Pure, so it is tested without a page.
 */
export type RowAction = RosterRowResult['action']
export type RowFilter = 'all' | RowAction

export const ROW_ACTION_LABEL: Record<RowAction, string> = {
  create: '新增',
  update: '更新',
  unchanged: '无变化',
  invalid: '错误',
}

const ACTION_ORDER: readonly RowAction[] = ['create', 'update', 'unchanged', 'invalid']

export interface SummaryItem {
  action: RowAction
  label: string
  count: number
}

export function summaryItems(result: RosterImportResult): SummaryItem[] {
  return ACTION_ORDER.map((action) => ({ action, label: ROW_ACTION_LABEL[action], count: result.summary[action] }))
}

/** The import may run only when it would change something and nothing in the file is wrong. */
export function canApply(result: RosterImportResult | null): boolean {
  if (!result || !result.dryRun) return false
  const { create, update, invalid } = result.summary
  return invalid === 0 && result.fileProblems.length === 0 && create + update > 0
}

/** Why 确认导入 is unavailable after a check; null when it is available. */
export function applyBlockedReason(result: RosterImportResult): string | null {
  if (canApply(result)) return null
  if (result.fileProblems.length > 0) return '文件存在问题，请按提示修改后重新选择'
  if (result.summary.invalid > 0) {
    return `有 ${result.summary.invalid} 行错误，请在文件中改正后重新选择（有错误时不会导入任何一行）`
  }
  return '名册与现有数据一致，无需导入'
}

/** Extra effects of an import, e.g. 「新增专员 2 名，更换专员的企业 3 家」; empty when none. */
export function sideEffectsText(result: RosterImportResult): string {
  const parts: string[] = []
  if (result.newSpecialists > 0) parts.push(`新增专员 ${result.newSpecialists} 名`)
  if (result.reassignments > 0) parts.push(`更换专员的企业 ${result.reassignments} 家`)
  return parts.join('，')
}

export interface ResultMessage {
  ok: boolean
  title: string
  detail: string
}

/** The outcome of 确认导入: the server applies all valid rows or, with any invalid row, none. */
export function importResultMessage(result: RosterImportResult): ResultMessage {
  const { create, update, unchanged, invalid } = result.summary
  if (result.applied) {
    const effects = sideEffectsText(result)
    return {
      ok: true,
      title: '导入完成',
      detail: `新增 ${create} 家，更新 ${update} 家，无变化 ${unchanged} 家${effects ? `；${effects}` : ''}`,
    }
  }
  if (invalid > 0) return { ok: false, title: '未导入', detail: `有 ${invalid} 行错误，未写入任何数据，请改正后重新选择文件` }
  if (result.fileProblems.length > 0) return { ok: false, title: '未导入', detail: '文件存在问题，未写入任何数据' }
  return { ok: false, title: '未导入', detail: '名册没有需要导入的变化' }
}

export function rowFilterOptions(result: RosterImportResult): { value: RowFilter; label: string }[] {
  const all = { value: 'all' as RowFilter, label: `全部 ${result.rows.length}` }
  const byAction = summaryItems(result)
    .filter((item) => item.count > 0)
    .map((item) => ({ value: item.action as RowFilter, label: `${item.label} ${item.count}` }))
  return [all, ...byAction]
}

export function filterRows(rows: readonly RosterRowResult[], filter: RowFilter): RosterRowResult[] {
  const chosen = filter === 'all' ? rows.slice() : rows.filter((row) => row.action === filter)
  return chosen.sort((a, b) => a.row - b.row)
}

/** One error of a row as shown in red: the server's messages already name the column. */
export function rowErrorLines(row: RosterRowResult): string[] {
  return row.errors.map((error) => error.message || error.field)
}

/** The request fields that concern the file, as one message under the file field. */
export function fileFieldError(fields: FieldErrors): string | undefined {
  return fields.contentBase64 ?? fields.fileName ?? undefined
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`
  return `${Math.round(bytes / 1024 / 102.4) / 10} MB`
}
