import type { Appeal } from '@shared/schemas/appeal.schema'
import { SHANGHAI_OFFSET_MINUTES } from '@shared/domain/calendar'
import { maskPhone } from '@shared/domain/mask'
import { filedByEnterprise } from '@shared/domain/policy'
import { closedOnTime } from '@shared/domain/report-ledger'
import { CHANNEL_LABEL, OUTCOME_LABEL, RATING_LABEL, SCALE_LABEL, STATUS_LABEL } from '@shared/labels'

/*
 * The detail rows of an export (「明细」 in the workbook, the whole of the CSV): one per appeal of
 * the month, in words people read, with the filer's phone masked. Pure: names and phones come in
 * through the context.
 */

export interface DetailContext {
  areaName(areaId: string): string
  /** The filer's phone from their user record, when they gave one. */
  phoneOf(userId: string): string | undefined
}

/** Instants stay ISO here; each writer shows them in Shanghai time its own way. */
export interface DetailRow {
  /** The appeal's number (诉求编号): what a reader of the sheet looks up in the app. */
  number: string
  title: string
  enterprise: string
  scale: string
  category: string
  channel: string
  area: string
  owner: string
  submittedAt: string
  acceptedAt?: string
  respondedAt?: string
  closedAt?: string
  handlingDays?: number
  onTime: '是' | '否' | ''
  outcome: string
  rating: string
  status: string
  /** Files attached over the appeal's life (附件数); every row made here has it. */
  attachments?: number
  phone: string
}

export type ColumnKind = 'text' | 'time' | 'days' | 'count'

export interface DetailColumn {
  key: keyof DetailRow
  header: string
  kind: ColumnKind
  /** In characters, for the workbook. */
  width: number
}

export const DETAIL_COLUMNS: readonly DetailColumn[] = [
  { key: 'number', header: '诉求编号', kind: 'text', width: 18 },
  { key: 'title', header: '诉求标题', kind: 'text', width: 30 },
  { key: 'enterprise', header: '企业', kind: 'text', width: 32 },
  { key: 'scale', header: '企业规模', kind: 'text', width: 10 },
  { key: 'category', header: '类别', kind: 'text', width: 14 },
  { key: 'channel', header: '渠道', kind: 'text', width: 10 },
  { key: 'area', header: '地区', kind: 'text', width: 14 },
  { key: 'owner', header: '承办专员', kind: 'text', width: 12 },
  { key: 'submittedAt', header: '提交时间', kind: 'time', width: 18 },
  { key: 'acceptedAt', header: '受理时间', kind: 'time', width: 18 },
  { key: 'respondedAt', header: '答复时间', kind: 'time', width: 18 },
  { key: 'closedAt', header: '办结时间', kind: 'time', width: 18 },
  { key: 'handlingDays', header: '办理用时(工作日)', kind: 'days', width: 16 },
  { key: 'onTime', header: '是否按时', kind: 'text', width: 10 },
  { key: 'outcome', header: '办理结果', kind: 'text', width: 12 },
  { key: 'rating', header: '评价', kind: 'text', width: 10 },
  { key: 'status', header: '状态', kind: 'text', width: 10 },
  { key: 'attachments', header: '附件数', kind: 'count', width: 8 },
  { key: 'phone', header: '联系电话', kind: 'text', width: 15 },
]

/** What the evaluation column says: the rating; 未评价 for one closed without (never "satisfied"). */
function ratingOf(appeal: Appeal): string {
  if (appeal.evaluation) return RATING_LABEL[appeal.evaluation.rating]
  return appeal.status === 'closed' ? '未评价' : ''
}

export function detailRowOf(appeal: Appeal, context: DetailContext): DetailRow {
  const closed = appeal.status === 'closed'
  return {
    number: appeal.number,
    title: appeal.title,
    enterprise: appeal.enterpriseName,
    scale: appeal.enterpriseScale ? SCALE_LABEL[appeal.enterpriseScale] : '未登记',
    category: appeal.categoryName,
    channel: CHANNEL_LABEL[appeal.channel],
    area: context.areaName(appeal.areaId),
    owner: appeal.ownerName ?? '待分派',
    submittedAt: appeal.createdAt,
    ...(appeal.acceptedAt ? { acceptedAt: appeal.acceptedAt } : {}),
    ...(appeal.respondedAt ? { respondedAt: appeal.respondedAt } : {}),
    ...(closed && appeal.closedAt ? { closedAt: appeal.closedAt } : {}),
    ...(closed && appeal.tally?.handlingDays !== undefined ? { handlingDays: appeal.tally.handlingDays } : {}),
    onTime: closed ? (closedOnTime(appeal) ? '是' : '否') : '',
    outcome: appeal.response ? OUTCOME_LABEL[appeal.response.outcome] : '',
    rating: ratingOf(appeal),
    status: STATUS_LABEL[appeal.status],
    attachments: appeal.attachmentCount ?? 0,
    // The enterprise's contact: whoever filed it for the enterprise. A specialist filing on its
    // behalf after a visit is not the enterprise's contact, so their number is not listed.
    phone: filedByEnterprise(appeal) ? maskPhone(context.phoneOf(appeal.filedBy.id)) : '',
  }
}

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000

/** An instant as Shanghai wall time, "2026-11-23 10:05". */
export function shanghaiTime(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * An instant as a spreadsheet date showing Shanghai wall time: spreadsheets have no time zones,
 * and exceljs writes a Date's UTC fields, so the Date is moved by Shanghai's offset.
 */
export const shanghaiWallClock = (iso: string): Date => new Date(Date.parse(iso) + OFFSET_MS)
