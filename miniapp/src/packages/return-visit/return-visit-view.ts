import type { FieldErrors } from '@shared/errors'
import type { Rating } from '@shared/schemas/appeal.schema'
import { formatRate } from '@shared/domain/report-figures'
import { ROUTES } from '../../settings'
import { CHANNEL_LABEL, RATING_LABEL } from '@shared/labels'
import {
  drawSampleRequestSchema,
  recordAttemptRequestSchema,
  type DrawSampleRequest,
  type RecordAttemptRequest,
  type ReturnVisitFigures,
  type ReturnVisitStatus,
  type ReturnVisitView,
} from '@shared/schemas/return-visit.schema'

/** Pure helpers of the return-visit pages (回访抽样, 回访清单, 回访), tested without Taro. */

export const RETURN_VISIT_ROUTES = {
  list: ROUTES.returnVisits,
  sample: ROUTES.returnVisitSample,
  call: '/packages/return-visit/call/index',
} as const

export const STATUS_LABEL: Record<ReturnVisitStatus, string> = { pending: '待回访', unreached: '未接通', reached: '已回访' }

export type StatusFilter = 'all' | ReturnVisitStatus | 'inconsistent'
export const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'pending', label: '待回访' },
  { value: 'unreached', label: '未接通' },
  { value: 'reached', label: '已回访' },
  { value: 'inconsistent', label: '评价不一致' },
]

export const parseStatusFilter = (value: string | undefined): StatusFilter => STATUS_FILTERS.find((f) => f.value === value)?.value ?? 'all'

export const callUrl = (id: string, reopen = false): string => `${RETURN_VISIT_ROUTES.call}?id=${encodeURIComponent(id)}${reopen ? '&reopen=1' : ''}`
export const listUrl = (month: string, status: StatusFilter = 'all'): string => `${RETURN_VISIT_ROUTES.list}?month=${month}${status === 'all' ? '' : `&status=${status}`}`

/** The headline of a month's figures: 回访满意率 92.0%（接通 25 件） and the sizes beside it. */
export function figuresText(f: ReturnVisitFigures): { rate: string; sizes: string } {
  return {
    rate: f.rate === null ? '—' : formatRate(f.rate),
    sizes: `抽查 ${f.sampled} 件 · 接通 ${f.reached} · 未接通 ${f.notReached} · 待回访 ${f.pending}`,
  }
}

/** What a row says of the enterprise's word: the app's rating, and the call's once reached. */
export function ratingsText(visit: Pick<ReturnVisitView, 'inAppRating' | 'notEvaluated' | 'outcome' | 'channel'>): string {
  const app = visit.notEvaluated ? '小程序：未评价' : visit.inAppRating ? `小程序：${RATING_LABEL[visit.inAppRating]}` : '小程序：—'
  const call = visit.outcome ? ` · 回访：${RATING_LABEL[visit.outcome.rating]}` : ''
  return `${CHANNEL_LABEL[visit.channel]} · ${app}${call}`
}

export interface SampleForm {
  month: string
  /** null: every area (the city office). */
  areaId: string | null
  percent: string
  minPerArea: string
}

export const emptySampleForm = (month: string, areaId: string | null): SampleForm => ({ month, areaId, percent: '10', minPerArea: '5' })

const fieldsOf = (issues: readonly { path: PropertyKey[]; message: string }[]): FieldErrors => {
  const fields: FieldErrors = {}
  for (const issue of issues) fields[issue.path.join('.') || '_'] ??= issue.message
  return fields
}

/** The form as the API takes it, checked by the shared schema; numbers typed as text. */
export function sampleRequestOf(form: SampleForm): { ok: true; request: DrawSampleRequest } | { ok: false; fields: FieldErrors } {
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text))
  const parsed = drawSampleRequestSchema.safeParse({
    month: form.month,
    ...(form.areaId ? { areaId: form.areaId } : {}),
    percent: number(form.percent),
    minPerArea: number(form.minPerArea),
  })
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, fields: fieldsOf(parsed.error.issues) }
}

export interface CallForm {
  reached: boolean | null
  rating: Rating | null
  comment: string
}

export const emptyCallForm = (): CallForm => ({ reached: null, rating: null, comment: '' })

/** One call as the API takes it: reached or not, the rating only when reached, the reason when unsatisfied. */
export function attemptRequestOf(form: CallForm, attemptsSoFar: number): { ok: true; request: RecordAttemptRequest } | { ok: false; fields: FieldErrors } {
  const parsed = recordAttemptRequestSchema.safeParse({
    ...(form.reached === null ? {} : { reached: form.reached }),
    ...(form.reached && form.rating ? { rating: form.rating } : {}),
    comment: form.comment,
    expectedAttempts: attemptsSoFar,
  })
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, fields: fieldsOf(parsed.error.issues) }
}
