import type { Appeal, Channel } from '../schemas/appeal.schema'
import type { LedgerFilter, LedgerRow } from '../schemas/ledger.schema'
import { RATING_LABEL, STATUS_LABEL } from '../labels'
import { isOverdue } from './deadlines'
import { filedByEnterprise } from './policy/appeals'
import { shanghaiDate } from './calendar'
import { monthEnd, monthStart } from './report-month'

/*
 * The problem ledger (问题台账, DESIGN §12): one row per problem of a scope, whatever its channel —
 * filed by the enterprise, found on a visit, raised at an exchange day or taken by phone — with
 * where it came from, the measure agreed, who holds it, its deadline and where it stands. Pure:
 * the area's name comes in through the context, the time as `now`.
 */

/** The ledger's word for each channel (渠道), as the offices write it in their 台账. */
export const LEDGER_CHANNEL_LABEL: Record<Channel, string> = { miniapp: '企业自报', visit: '走访', event: '交流日', phone: '电话' }

/** The chips of the ledger's channel filter, in the order the page shows them. */
export const LEDGER_CHANNELS: readonly Channel[] = ['miniapp', 'visit', 'event', 'phone']

export interface LedgerContext {
  areaName(areaId: string): string
}

/** 满意 / 基本满意 / 不满意 once evaluated; 未评价 for one closed without (never counted as satisfied); empty while open. */
export function satisfactionOf(appeal: Pick<Appeal, 'evaluation' | 'status'>): string {
  if (appeal.evaluation) return RATING_LABEL[appeal.evaluation.rating]
  return appeal.status === 'closed' ? '未评价' : ''
}

/** 来源: the channel, and the visit or exchange day it was raised at — "走访（12月3日走访）". */
export function sourceText(row: Pick<LedgerRow, 'channelLabel' | 'sourceLabel'>): string {
  return row.sourceLabel ? `${row.channelLabel}（${row.sourceLabel}）` : row.channelLabel
}

/** 责任人: the owner, then the co-handling units. */
export const holderText = (row: Pick<LedgerRow, 'owner' | 'coHandlers'>): string => [row.owner, ...row.coHandlers].join('、')

/** 措施: what, by which unit, by when — or "未定" while none is agreed. */
export const measureText = (row: Pick<LedgerRow, 'measure'>): string =>
  row.measure ? `${row.measure.text}（${row.measure.unit}，${row.measure.dueDate} 前）` : '未定'

/** One appeal as a row of the ledger, as of `now` (whether it is overdue). */
export function ledgerRowOf(appeal: Appeal, context: LedgerContext, now: Date): LedgerRow {
  return {
    appealId: appeal.id,
    number: appeal.number,
    enterpriseName: appeal.enterpriseName,
    areaId: appeal.areaId,
    areaName: context.areaName(appeal.areaId),
    categoryName: appeal.categoryName,
    title: appeal.title,
    channel: appeal.channel,
    channelLabel: LEDGER_CHANNEL_LABEL[appeal.channel],
    sourceLabel: appeal.source?.label ?? null,
    onBehalf: !filedByEnterprise(appeal),
    measure: appeal.measure ? { text: appeal.measure.text, unit: appeal.measure.unit, dueDate: appeal.measure.dueDate } : null,
    owner: appeal.ownerName ?? '待分派',
    coHandlers: appeal.coHandlers.map((c) => c.name),
    createdAt: appeal.createdAt,
    dueAt: appeal.dueAt,
    overdue: isOverdue(appeal, now),
    status: appeal.status,
    statusLabel: STATUS_LABEL[appeal.status],
    closedAt: appeal.status === 'closed' && appeal.closedAt ? appeal.closedAt : null,
    satisfaction: satisfactionOf(appeal),
  }
}

/** The filing window of the month range, as instants: [from's start, to's end). */
export function ledgerWindow(filter: Pick<LedgerFilter, 'from' | 'to'>): { from?: Date; to?: Date } {
  return { ...(filter.from ? { from: monthStart(filter.from) } : {}), ...(filter.to ? { to: monthEnd(filter.to) } : {}) }
}

/** Whether an appeal belongs in the ledger under these filters, as of `now`. */
export function matchesLedgerFilter(appeal: Appeal, filter: LedgerFilter, now: Date): boolean {
  if (filter.areaId && appeal.areaId !== filter.areaId) return false
  if (filter.channel && !filter.channel.includes(appeal.channel)) return false
  if (filter.status && !filter.status.includes(appeal.status)) return false
  if (filter.categoryId && appeal.categoryId !== filter.categoryId) return false
  const window = ledgerWindow(filter)
  const filed = Date.parse(appeal.createdAt)
  if (window.from && filed < window.from.getTime()) return false
  if (window.to && filed >= window.to.getTime()) return false
  if (filter.overdue !== undefined && isOverdue(appeal, now) !== filter.overdue) return false
  return true
}

/** What the filters say in words, for the export's heading: "渠道：走访、交流日；状态：办理中". */
export function ledgerFilterText(filter: LedgerFilter, categoryName: (id: string) => string): string {
  const parts: string[] = []
  if (filter.channel?.length) parts.push(`渠道：${filter.channel.map((c) => LEDGER_CHANNEL_LABEL[c]).join('、')}`)
  if (filter.status?.length) parts.push(`状态：${filter.status.map((s) => STATUS_LABEL[s]).join('、')}`)
  if (filter.categoryId) parts.push(`类别：${categoryName(filter.categoryId)}`)
  if (filter.from || filter.to) parts.push(`提出月份：${filter.from ?? '最早'} 至 ${filter.to ?? '今'}`)
  if (filter.overdue !== undefined) parts.push(filter.overdue ? '仅超期' : '未超期')
  return parts.length > 0 ? parts.join('；') : '全部'
}

/** The columns of the ledger as printed, in order, with their widths in characters. */
export const LEDGER_COLUMNS = [
  { header: '序号', width: 5 },
  { header: '编号', width: 17 },
  { header: '企业', width: 18 },
  { header: '属地', width: 10 },
  { header: '类别', width: 8 },
  { header: '问题', width: 20 },
  { header: '来源', width: 14 },
  { header: '提出日期', width: 11 },
  { header: '解决措施', width: 22 },
  { header: '责任单位', width: 12 },
  { header: '措施时限', width: 11 },
  { header: '责任人', width: 14 },
  { header: '办理时限', width: 11 },
  { header: '状态', width: 7 },
  { header: '是否超期', width: 6 },
  { header: '办结日期', width: 11 },
  { header: '满意度', width: 7 },
  { header: '企业联系电话', width: 13 },
] as const

/** Characters Windows, macOS or WeChat's file preview refuse in a file name. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f]/g

/** The name an exported ledger is saved under: "亲商直通问题台账-湘潭高新区-2026年12月5日.xlsx" (the Shanghai day it was asked for). */
export function ledgerFileName(scopeName: string, at: Date): string {
  const [year, month, day] = shanghaiDate(at).split('-').map(Number)
  return `亲商直通问题台账-${scopeName.replace(UNSAFE_IN_NAME, '_').trim() || '台账'}-${year}年${month}月${day}日.xlsx`
}
