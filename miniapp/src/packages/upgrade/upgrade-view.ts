import { STAGE_LABELS } from '@shared/domain/upgrade-pipeline'
import { SECTOR_LABELS } from '@shared/domain/upgrade-thresholds'
import type { FigureImportResult } from '@shared/schemas/upgrade-import.schema'
import {
  figureInputSchema,
  thresholdEditSchema,
  upgradeActionSchema,
  type FigureInput,
  type Projection,
  type SectorLine,
  type ThresholdEdit,
  type UpgradeAction,
  type UpgradeListItem,
} from '@shared/schemas/upgrade.schema'

/*
 * What the upgrade pages show, as plain functions (tests/unit/upgrade-view.test.ts): the words for
 * stages, distances and what is missing, and the forms read into the shared schemas.
 */
export { STAGE_LABELS, SECTOR_LABELS }

const fmt = (value: number) => value.toLocaleString('zh-CN', { maximumFractionDigits: 1 })

/** "还差约 300 万元" / "预计超过门槛约 120 万元" / "暂无推算". */
export function distanceText(projection: Projection): string {
  if (projection.distance === undefined) return projection.method === 'none' && projection.threshold === undefined ? '按资质认定' : '暂无推算'
  return projection.distance > 0 ? `还差约 ${fmt(projection.distance)} 万元` : `预计超过门槛约 ${fmt(-projection.distance)} 万元`
}

/** How far along to the threshold, 0–100, for the progress bar. */
export function progressPercent(projection: Projection): number {
  if (projection.projected === undefined || !projection.threshold) return 0
  return Math.max(0, Math.min(100, Math.round((projection.projected / projection.threshold) * 100)))
}

/** What the list row says is missing. */
export function missingText(item: Pick<UpgradeListItem, 'missing'>, dueMonth: string): string[] {
  return item.missing.map((m) => (m === 'file' ? '尚未建档' : m === 'visit' ? '本季度未走访' : `缺 ${Number(dueMonth.slice(5))} 月数据`))
}

export interface FigureForm {
  month: string
  revenueYtd: string
  lastYearRevenue: string
  employees: string
  note: string
}

export const emptyFigureForm = (month: string): FigureForm => ({ month, revenueYtd: '', lastYearRevenue: '', employees: '', note: '' })

const numberOrText = (text: string): number | string | undefined => {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : trimmed
}

/** The monthly form as the API takes it, or the Chinese message of each field (from the shared schema). */
export function readFigureForm(form: FigureForm): { ok: true; value: FigureInput } | { ok: false; fields: Record<string, string> } {
  const result = figureInputSchema.safeParse({
    month: form.month,
    revenueYtd: numberOrText(form.revenueYtd),
    ...(form.lastYearRevenue.trim() ? { lastYearRevenue: numberOrText(form.lastYearRevenue) } : {}),
    employees: numberOrText(form.employees),
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
  })
  if (result.success) return { ok: true, value: result.data }
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message
  return { ok: false, fields }
}

export interface MoveForm {
  type: 'apply' | 'enter' | 'return' | 'leave' | 'resume'
  date: string
  month: string
  reason: string
  note: string
}

/** A stage move as the API takes it, or the message of each field. */
export function readMoveForm(form: MoveForm): { ok: true; value: UpgradeAction } | { ok: false; fields: Record<string, string> } {
  const note = form.note.trim() ? { note: form.note.trim() } : {}
  const body =
    form.type === 'apply'
      ? { type: 'apply', date: form.date, applicationMonth: form.month, ...note }
      : form.type === 'enter'
        ? { type: 'enter', date: form.date, acceptedMonth: form.month, ...note }
        : form.type === 'leave'
          ? { type: 'leave', date: form.date, reason: form.reason, ...note }
          : form.type === 'return'
            ? { type: 'return', date: form.date, note: form.note }
            : { type: 'resume', date: form.date, ...note }
  const result = upgradeActionSchema.safeParse(body)
  if (result.success) return { ok: true, value: result.data }
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_')
    fields[key === 'applicationMonth' || key === 'acceptedMonth' ? 'month' : key] ??= issue.message
  }
  return { ok: false, fields }
}

export const MOVE_LABELS: Record<MoveForm['type'], string> = { apply: '申报入规', enter: '确认入规', return: '申报未通过', leave: '退出培育', resume: '恢复培育' }
export const MOVE_MONTH_LABEL: Partial<Record<MoveForm['type'], string>> = { apply: '申报月份', enter: '统计部门认定入规的月份' }

/** The words of an import row's action. */
export const IMPORT_ACTION_LABEL: Record<FigureImportResult['rows'][number]['action'], string> = { create: '新增', update: '更新', unchanged: '不变', invalid: '有误' }

/** One line for an import's check or result, e.g. '新增 2 行 · 更新 1 行 · 不变 0 行 · 有误 1 行（有误的行不导入）'. */
export function importSummaryText(result: Pick<FigureImportResult, 'summary' | 'applied' | 'dryRun'>): string {
  const { create, update, unchanged, invalid } = result.summary
  const counts = `新增 ${create} 行 · 更新 ${update} 行 · 不变 ${unchanged} 行 · 有误 ${invalid} 行`
  if (!result.dryRun) return result.applied ? `已导入：${counts}` : `没有写入任何数据：${counts}`
  return invalid > 0 ? `${counts}（有误的行不导入，可改正后重新选择文件）` : counts
}

export interface ThresholdForm {
  sector: SectorLine
  /** Empty for a line decided by a rule (资质), which has no amount. */
  revenue: string
  source: string
}

/** The edit of one threshold as the API takes it, or the Chinese message of each field (from the shared schema). */
export function readThresholdForm(form: ThresholdForm, hasAmount: boolean): { ok: true; value: ThresholdEdit } | { ok: false; fields: Record<string, string> } {
  if (hasAmount && form.revenue.trim() === '') return { ok: false, fields: { revenue: '请填写门槛金额（万元）', ...(form.source.trim() ? {} : { source: '请写明门槛的依据' }) } }
  const result = thresholdEditSchema.safeParse({
    sector: form.sector,
    ...(hasAmount ? { revenue: numberOrText(form.revenue) } : {}),
    source: form.source,
  })
  if (result.success) return { ok: true, value: result.data }
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message
  return { ok: false, fields }
}
