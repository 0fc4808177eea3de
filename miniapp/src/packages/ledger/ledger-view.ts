import type { AppealStatus, Channel } from '@shared/schemas/appeal.schema'
import type { LedgerExportRequest, LedgerRow } from '@shared/schemas/ledger.schema'
import type { ExportJob } from '@shared/schemas/report.schema'
import { LEDGER_CHANNEL_LABEL, LEDGER_CHANNELS, sourceText } from '@shared/domain/problem-ledger'
import { addMonths, monthOf } from '@shared/domain/report-month'
import type { LedgerPageQuery } from '../../services/ledger-api'

/** Pure helpers of the 问题台账 page: the filter chips, the query they make, the rows' words. */

export const ALL = 'all'

export type StatusChip = typeof ALL | 'open' | 'responded' | 'closed'
export const STATUS_CHIPS: readonly { value: StatusChip; label: string; statuses?: AppealStatus[] }[] = [
  { value: ALL, label: '全部状态' },
  { value: 'open', label: '办理中', statuses: ['submitted', 'assigned', 'in_progress'] },
  { value: 'responded', label: '已答复', statuses: ['responded'] },
  { value: 'closed', label: '已办结', statuses: ['closed'] },
]

export type ChannelChip = typeof ALL | Channel
export const CHANNEL_CHIPS: readonly { value: ChannelChip; label: string }[] = [
  { value: ALL, label: '全部来源' },
  ...LEDGER_CHANNELS.map((c) => ({ value: c, label: LEDGER_CHANNEL_LABEL[c] })),
]

export type PeriodChip = typeof ALL | 'month' | 'quarter' | 'year'
export const PERIOD_CHIPS: readonly { value: PeriodChip; label: string }[] = [
  { value: ALL, label: '不限时间' },
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '近三个月' },
  { value: 'year', label: '近一年' },
]

export interface LedgerFilters {
  /** `all` for the whole city (the city admin), or an area id. */
  area: string
  channel: ChannelChip
  status: StatusChip
  /** `all` or a category id. */
  category: string
  period: PeriodChip
  overdue: boolean
}

export const NO_FILTERS: LedgerFilters = { area: ALL, channel: ALL, status: ALL, category: ALL, period: ALL, overdue: false }

/** The filing months a period chip means, counted back from the month of `now`. */
export function periodMonths(period: PeriodChip, now: Date): { from?: string; to?: string } {
  if (period === ALL) return {}
  const current = monthOf(now)
  const back = period === 'month' ? 0 : period === 'quarter' ? 2 : 11
  return { from: addMonths(current, -back), to: current }
}

/** The filters as the export's body (lists as arrays). */
export function exportBody(filters: LedgerFilters, now: Date): LedgerExportRequest {
  const statuses = STATUS_CHIPS.find((c) => c.value === filters.status)?.statuses
  return {
    ...(filters.area !== ALL ? { areaId: filters.area } : {}),
    ...(filters.channel !== ALL ? { channel: [filters.channel] } : {}),
    ...(statuses ? { status: statuses } : {}),
    ...(filters.category !== ALL ? { categoryId: filters.category } : {}),
    ...periodMonths(filters.period, now),
    ...(filters.overdue ? { overdue: true } : {}),
  }
}

/** The filters as the page's query string. */
export function pageQuery(filters: LedgerFilters, now: Date): LedgerPageQuery {
  const body = exportBody(filters, now)
  return {
    ...(body.areaId ? { areaId: body.areaId } : {}),
    ...(body.channel ? { channel: body.channel.join(',') } : {}),
    ...(body.status ? { status: body.status.join(',') } : {}),
    ...(body.categoryId ? { categoryId: body.categoryId } : {}),
    ...(body.from ? { from: body.from } : {}),
    ...(body.to ? { to: body.to } : {}),
    ...(body.overdue ? { overdue: 'true' as const } : {}),
  }
}

/** A key naming the query, so that the list starts again from its first page when it changes. */
export const filtersKey = (filters: LedgerFilters, now: Date): string => JSON.stringify(pageQuery(filters, now))

/** 来源 as the row shows it: the channel, and the visit or exchange day. */
export const rowSource = (row: LedgerRow): string => sourceText(row)

/** 措施 as the row shows it: what, by which unit, by when — or that none is agreed yet. */
export function rowMeasure(row: LedgerRow): string {
  return row.measure ? `${row.measure.text}（${row.measure.unit}，${row.measure.dueDate.slice(5).replace('-', '月')}日前）` : '尚未确定'
}

/** 责任 as the row shows it: the owner, and the co-handlers after a plus. */
export const rowHolder = (row: LedgerRow): string => (row.coHandlers.length > 0 ? `${row.owner}（协办：${row.coHandlers.join('、')}）` : row.owner)

/**
 * An export's progress as the ledger page shows it: the server does not know a ledger's length in
 * advance, so a running export says how many rows it has written.
 */
export function ledgerExportText(job: Pick<ExportJob, 'status' | 'progress' | 'error'>): string {
  switch (job.status) {
    case 'queued':
      return '排队中…'
    case 'running':
      return job.progress.done > 0 ? `正在生成，已写入 ${job.progress.done} 行…` : '正在生成…'
    case 'done':
      return `已生成，共 ${job.progress.done} 行`
    case 'failed':
      return job.error ?? '导出失败，请稍后重新导出'
  }
}
