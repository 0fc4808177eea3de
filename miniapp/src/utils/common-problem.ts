import type { FieldErrors } from '@shared/errors'
import { LINKABLE_STATUSES } from '@shared/domain/common-problems'
import type { Appeal, Outcome } from '@shared/schemas/appeal.schema'
import {
  commonProblemActionSchema,
  createCommonProblemRequestSchema,
  type CommonProblem,
  type CommonProblemAction,
  type CommonProblemActionResult,
  type CommonProblemActionType,
  type CommonProblemStatus,
  type CreateCommonProblemRequest,
  type LinkedAppeal,
} from '@shared/schemas/common-problem.schema'

/*
 * The common-problem forms and lines as the pages show them, kept apart from the components:
 * 合并为共性问题 on the appeal detail, and the actions of the common problem's own page.
 */

export const COMMON_STATUS_LABEL: Record<CommonProblemStatus, string> = { open: '未答复', answered: '已答复' }

export const COMMON_ACTION_LABEL: Record<CommonProblemActionType, string> = {
  note: '记录进展',
  'set-measure': '设定措施',
  respond: '统一答复',
  link: '追加诉求',
  unlink: '移出',
}

/** The problem's reach, as its page and the list say it. */
export const reachLine = (problem: Pick<CommonProblem, 'enterpriseCount' | 'appealCount'>): string =>
  `涉及企业 ${problem.enterpriseCount} 家 / 诉求 ${problem.appealCount} 件`

/** The name's limit in the shared schema (4–40 characters). */
export const COMMON_TITLE_MAX = 40

export interface MeasureForm {
  measureText: string
  measureUnit: string
  measureDueDate: string
}

export interface MergeForm extends MeasureForm {
  title: string
  responsibleUnit: string
  withMeasure: boolean
}

/** The merge form, its name taken from the appeal being read (cut to the limit). */
export const emptyMergeForm = (appealTitle: string): MergeForm => ({
  title: appealTitle.trim().slice(0, COMMON_TITLE_MAX),
  responsibleUnit: '',
  withMeasure: false,
  measureText: '',
  measureUnit: '',
  measureDueDate: '',
})

const FORM_FIELD: Record<string, string> = {
  title: 'title',
  responsibleUnit: 'responsibleUnit',
  appealIds: 'appealIds',
  'measure.text': 'measureText',
  'measure.unit': 'measureUnit',
  'measure.dueDate': 'measureDueDate',
  message: 'message',
  outcome: 'outcome',
}

/** Messages of the schema or the API (field paths) placed on the forms' fields; the rest under `_`. */
export function commonFormFields(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(fields)) {
    const key = FORM_FIELD[path] ?? (path.startsWith('appealIds') ? 'appealIds' : '_')
    out[key] ??= message
  }
  return out
}

type Checked<T> = { ok: true; request: T } | { ok: false; fields: FieldErrors }

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) fields[issue.path.map(String).join('.')] ??= issue.message
  return commonFormFields(fields)
}

const measureOf = (form: MeasureForm) => ({ text: form.measureText, unit: form.measureUnit, dueDate: form.measureDueDate || undefined })

/** 合并为共性问题: the request for this appeal and the ticked suggestions, or the message per field. */
export function mergeRequestOf(form: MergeForm, appealIds: readonly string[]): Checked<CreateCommonProblemRequest> {
  const parsed = createCommonProblemRequestSchema.safeParse({
    title: form.title,
    responsibleUnit: form.responsibleUnit,
    appealIds: [...appealIds],
    ...(form.withMeasure ? { measure: measureOf(form) } : {}),
  })
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, fields: issuesOf(parsed.error) }
}

export interface ActionForm extends MeasureForm {
  message: string
  outcome: Outcome | null
  /** 统一答复 only: why appeals whose co-handlers have not replied are answered now (else they are skipped). */
  openTaskReason: string
  appealIds: string[]
}

export const emptyActionForm = (): ActionForm => ({ message: '', outcome: null, openTaskReason: '', appealIds: [], measureText: '', measureUnit: '', measureDueDate: '' })

/** The action a panel of the common problem's page sends, or the message per field. */
export function actionRequestOf(type: Exclude<CommonProblemActionType, 'unlink'>, form: ActionForm): Checked<CommonProblemAction> {
  const body =
    type === 'note'
      ? { type, message: form.message }
      : type === 'set-measure'
        ? { type, measure: measureOf(form) }
        : type === 'respond'
          ? { type, outcome: form.outcome ?? undefined, message: form.message, ...(form.openTaskReason.trim() ? { openTaskReason: form.openTaskReason } : {}) }
          : { type, appealIds: form.appealIds }
  const parsed = commonProblemActionSchema.safeParse(body)
  if (parsed.success) return { ok: true, request: parsed.data }
  const fields = issuesOf(parsed.error)
  if (type === 'respond' && fields.outcome) fields.outcome = '请选择办理结果'
  return { ok: false, fields }
}

const DONE: Record<CommonProblemActionType, (n: number) => string> = {
  note: (n) => `已记录到 ${n} 件诉求`,
  'set-measure': (n) => `已为 ${n} 件诉求设定措施`,
  respond: (n) => `已答复 ${n} 件`,
  link: (n) => `已追加 ${n} 件`,
  unlink: (n) => `已移出 ${n} 件`,
}

export interface ActionOutcome {
  headline: string
  skipped: { appealId: string; label: string; reason: string }[]
}

/** What an action did, for the line under the page's head: how many, and which were skipped and why. */
export function actionOutcomeOf(type: CommonProblemActionType, result: Pick<CommonProblemActionResult, 'applied' | 'skipped'>, known: readonly LinkedAppeal[]): ActionOutcome {
  return {
    headline: DONE[type](result.applied),
    skipped: result.skipped.map((s) => {
      const appeal = known.find((a) => a.id === s.appealId)
      return { appealId: s.appealId, label: appeal ? `${appeal.number} ${appeal.enterpriseName}` : s.appealId, reason: s.reason }
    }),
  }
}

/** Whether the appeal detail offers 相似诉求: not yet in a common problem, and being worked (the states the server links). */
export const mayJoinCommonProblem = (appeal: Pick<Appeal, 'status' | 'commonProblem'>): boolean => !appeal.commonProblem && LINKABLE_STATUSES.includes(appeal.status)
