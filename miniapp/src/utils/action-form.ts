import {
  appealActionSchema,
  coHandlerKindSchema,
  type Appeal,
  type AppealAction,
  type AppealActionType,
  type CoHandlerKind,
  type Outcome,
  type Rating,
} from '@shared/schemas/appeal.schema'
import type { Role } from '@shared/schemas/common.schema'
import { ACTION_LABEL, LEVEL_LABEL } from '@shared/labels'
import { endOfShanghaiDay, shanghaiDate, type WorkingCalendar } from '@shared/domain/calendar'
import { MAX_LEVEL } from '@shared/domain/appeal-machine'
import { reopensOnEvaluation, UNSATISFIED_REASON_MIN } from '@shared/domain/evaluation'
import { EXTENSION_CLOSED, EXTENSION_MAX_DAYS, extensionDateProblem, extensionWindow } from '@shared/domain/extension'
import { ACTIONS_WITH_ATTACHMENTS, isSpecialist } from '@shared/domain/policy'
import type { FieldErrors } from '@shared/errors'
import { formatShortDate } from './format'
import { fieldErrorsFromZod, hasErrors } from './validation'

/** A co-handling task's default time when the owner asks a department (working days). */
export const DEFAULT_TASK_DAYS = 3

/** What the action panel holds while the user fills it in. */
export interface ActionDraft {
  type: AppealActionType
  /**
   * The one free-text box: progress note, reply, evaluation comment, withdrawal reason, the
   * co-handling request, a transfer, escalation or extension reason, the material asked or supplied.
   */
  message: string
  internal: boolean
  outcome: Outcome | null
  rating: Rating | null
  /** respond while a co-handling task is still open: why the owner answers first. */
  openTaskReason: string
  /** co-handle: the chosen co-handlers as chip values (`handlerKey`). */
  handlers: string[]
  /** co-handle: working days, as typed. */
  days: string
  /** transfer: the receiving specialist. */
  toSpecialistId: string
  /** extend: the new resolution date; set-measure: by when the measure is done (YYYY-MM-DD, Shanghai). */
  dueDate: string
  /** set-measure: the responsible unit (责任单位). */
  unit: string
  /** note, respond, reply-task, supply-material: ids of the files already uploaded. */
  attachments: string[]
}

export const emptyDraft = (type: AppealActionType): ActionDraft => ({
  type,
  message: '',
  internal: false,
  outcome: null,
  rating: null,
  openTaskReason: '',
  handlers: [],
  days: String(DEFAULT_TASK_DAYS),
  toSpecialistId: '',
  dueDate: '',
  unit: '',
  attachments: [],
})

/** What the 延期 sheet checks a date against: the shared rule's inputs (the device's clock and the holiday calendar). */
export interface ExtensionContext {
  /** The appeal's current resolution deadline. */
  dueAt: string
  now: Date
  calendar: WorkingCalendar
}

/** What the panel knows about the appeal beyond the draft. */
export interface BuildContext {
  /** A co-handling task has not replied yet: `respond` then needs `openTaskReason`. */
  openTask?: boolean
  /** extend: the date is checked with the server's own rule before it is sent. */
  extension?: ExtensionContext
}

/** The API names the free text differently per action; the panel shows it under one box. */
const TEXT_FIELD: Record<AppealActionType, string | null> = {
  accept: null,
  note: 'message',
  respond: 'message',
  evaluate: 'comment',
  withdraw: 'reason',
  'co-handle': 'message',
  'accept-task': null,
  'reply-task': 'message',
  transfer: 'reason',
  escalate: 'reason',
  extend: 'reason',
  'request-material': 'message',
  'supply-material': 'message',
  'set-measure': 'measure.text',
  'call-evaluate': 'comment',
  reopen: 'reason',
}

/** A co-handler as a chip value: `department-power`, `taskForce-tf-industry` (ids may hold hyphens, kinds do not). */
export const handlerKey = (kind: CoHandlerKind, id: string): string => `${kind}-${id}`

export function parseHandlerKey(key: string): { kind: CoHandlerKind; id: string } | null {
  const cut = key.indexOf('-')
  if (cut <= 0) return null
  const kind = coHandlerKindSchema.safeParse(key.slice(0, cut))
  const id = key.slice(cut + 1)
  return kind.success && id ? { kind: kind.data, id } : null
}

/** Adds a chosen co-handler, or takes it away when it was chosen already. */
export function toggleHandler(chosen: readonly string[], key: string): string[] {
  return chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key]
}

/** Maps API or schema field errors onto the panel's fields (message, outcome, handlers…). */
export function panelFieldErrors(type: AppealActionType, fields: FieldErrors): FieldErrors {
  const textField = TEXT_FIELD[type]
  const mapped: FieldErrors = {}
  for (const key of Object.keys(fields)) {
    const message = fields[key]
    if (message === undefined) continue
    // The API names a bad co-handler by its position (handlers.0.id); the panel has one picker.
    // A measure's unit and date (measure.unit, measure.dueDate) have fields of their own.
    const field = key === textField ? 'message' : key.startsWith('measure.') ? key.slice('measure.'.length) : (key.split('.')[0] ?? key)
    if (!(field in mapped)) mapped[field] = message
  }
  return mapped
}

/** Typed digits become a number; anything else goes to the schema as it is, to be refused there. */
function daysValue(days: string): number | string | undefined {
  const text = days.trim()
  if (!text) return undefined
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text
}

/** Whether this action carries files (photos and documents). */
export const takesAttachments = (type: AppealActionType): boolean => (ACTIONS_WITH_ATTACHMENTS as readonly AppealActionType[]).includes(type)

function draftToBody(draft: ActionDraft, expectedVersion: number, context: BuildContext): Record<string, unknown> {
  const files = takesAttachments(draft.type) && draft.attachments.length > 0 ? { attachments: draft.attachments } : {}
  const base = { type: draft.type, expectedVersion, ...files }
  switch (draft.type) {
    case 'accept':
    case 'accept-task':
      return base
    case 'note':
      return { ...base, message: draft.message, ...(draft.internal ? { internal: true } : {}) }
    case 'respond':
      return {
        ...base,
        outcome: draft.outcome,
        message: draft.message,
        ...(context.openTask ? { openTaskReason: draft.openTaskReason } : {}),
      }
    case 'evaluate':
    case 'call-evaluate':
      return { ...base, rating: draft.rating, comment: draft.message }
    case 'withdraw':
    case 'escalate':
    case 'reopen':
      return { ...base, reason: draft.message }
    case 'set-measure':
      return { ...base, measure: { text: draft.message, unit: draft.unit, dueDate: draft.dueDate } }
    case 'co-handle':
      return {
        ...base,
        handlers: draft.handlers.map((key) => parseHandlerKey(key) ?? { kind: 'department', id: '' }),
        days: daysValue(draft.days),
        message: draft.message,
      }
    case 'reply-task':
    case 'request-material':
    case 'supply-material':
      return { ...base, message: draft.message }
    case 'transfer':
      return { ...base, toSpecialistId: draft.toSpecialistId, reason: draft.message }
    case 'extend':
      return { ...base, dueDate: draft.dueDate, reason: draft.message }
  }
}

/** Checks the schema cannot state in a plain sentence: a missing choice, a missing explanation. */
function missingChoices(draft: ActionDraft, context: BuildContext): FieldErrors {
  const fields: FieldErrors = {}
  if (draft.type === 'respond' && !draft.outcome) fields.outcome = '请选择答复结果'
  if (draft.type === 'respond' && context.openTask && !draft.openTaskReason.trim()) {
    fields.openTaskReason = '协办单位尚未回复，请说明先行答复企业的原因'
  }
  if ((draft.type === 'evaluate' || draft.type === 'call-evaluate') && !draft.rating) fields.rating = '请选择满意程度'
  if (draft.type === 'set-measure' && !draft.dueDate) fields.dueDate = '请选择完成时限'
  if (draft.type === 'co-handle' && draft.handlers.length === 0) fields.handlers = '请至少选择一个协办单位'
  if (draft.type === 'transfer' && !draft.toSpecialistId) fields.toSpecialistId = '请选择接办专员'
  if (draft.type === 'extend' && !draft.dueDate) fields.dueDate = '请选择新的办结日期'
  else if (draft.type === 'extend' && context.extension) {
    const { dueAt, now, calendar } = context.extension
    const problem = extensionDateProblem(draft.dueDate, dueAt, now, calendar)
    if (problem) fields.dueDate = problem
  }
  return fields
}

/** The fields a sheet shows a message beside (panel names, see panelFieldErrors). */
export function panelFields(type: AppealActionType, context: BuildContext = {}): string[] {
  const fields = TEXT_FIELD[type] ? ['message'] : []
  if (type === 'respond') fields.push('outcome', ...(context.openTask ? ['openTaskReason'] : []))
  if (type === 'evaluate' || type === 'call-evaluate') fields.push('rating')
  if (type === 'set-measure') fields.push('unit', 'dueDate')
  if (type === 'co-handle') fields.push('handlers', 'days')
  if (type === 'transfer') fields.push('toSpecialistId')
  if (type === 'extend') fields.push('dueDate')
  if (takesAttachments(type)) fields.push('attachments')
  return fields
}

/**
 * The banner over a sheet the API refused with field errors: none when every message already
 * stands beside its field (the same rule said twice is noise), the API's summary otherwise.
 */
export function invalidBanner(type: AppealActionType, fields: FieldErrors, message: string, context: BuildContext = {}): string | null {
  const shown = panelFields(type, context)
  const keys = Object.keys(fields)
  return keys.length > 0 && keys.every((key) => shown.includes(key)) ? null : message
}

/**
 * Validates a draft with the shared action schema. `expectedVersion` is the version on screen,
 * so the server refuses the action if someone else changed the appeal meanwhile.
 */
export function buildAction(
  draft: ActionDraft,
  expectedVersion: number,
  context: BuildContext = {},
): { ok: true; action: AppealAction } | { ok: false; fields: FieldErrors } {
  const choice = missingChoices(draft, context)
  const parsed = appealActionSchema.safeParse(draftToBody(draft, expectedVersion, context))
  const fields = parsed.success ? {} : panelFieldErrors(draft.type, fieldErrorsFromZod(parsed.error))
  const all = { ...fields, ...choice }
  if (!parsed.success || hasErrors(all)) return { ok: false, fields: all }
  return { ok: true, action: parsed.data }
}

/** Button order in the action bar: the step each person most likely takes next comes first. */
export const ACTION_ORDER: readonly AppealActionType[] = [
  'accept',
  'accept-task',
  'reply-task',
  'supply-material',
  'respond',
  'evaluate',
  'call-evaluate',
  'note',
  'set-measure',
  'co-handle',
  'request-material',
  'extend',
  'escalate',
  'transfer',
  'reopen',
  'withdraw',
]

/**
 * More than this many actions: the first ones stay in the bar, the rest go under 更多. Three
 * buttons are what a 375-px phone fits with labels such as 回复协办意见 on one line.
 */
export const BAR_MAX = 3

/** The allowed actions in bar order, split into the bar and the 更多 menu. */
export function arrangeActions(allowed: readonly AppealActionType[], max = BAR_MAX): { bar: AppealActionType[]; more: AppealActionType[] } {
  const ordered = ACTION_ORDER.filter((a) => allowed.includes(a))
  if (ordered.length <= max) return { bar: ordered, more: [] }
  return { bar: ordered.slice(0, max - 1), more: ordered.slice(max - 1) }
}

/**
 * A button's words for this person: the owner lifts a hard case (疑难诉求提级), an admin
 * supervises (提级督办); the owner answers the enterprise (答复企业).
 */
export function actionButtonLabel(action: AppealActionType, role: Role | undefined): string {
  if (action === 'respond') return '答复企业'
  if (action === 'escalate' && role !== undefined && isSpecialist({ role })) return '疑难诉求提级'
  return ACTION_LABEL[action]
}

/**
 * The 延期 date wheel's range, from the shared rule: from the first working day after the current
 * deadline (today, if that is later) to the last day allowed; the wheel opens on the first.
 * Null when no date is left.
 */
export function extendDateRange(context: ExtensionContext): { start: string; end: string } | null {
  const window = extensionWindow(context.dueAt, context.now, context.calendar)
  return window ? { start: window.first, end: window.last } : null
}

/** A measure's 完成时限: from today to a year ahead (the server refuses a day already past). */
export function measureDateRange(now: Date): { start: string; end: string } {
  const start = shanghaiDate(now)
  const end = `${Number(start.slice(0, 4)) + 1}${start.slice(4)}`
  return { start, end: end.endsWith('02-29') ? end.replace('02-29', '02-28') : end }
}

/** The 延期 sheet's opening words: the deadline now, and the dates it may move to. */
export function extendIntro(appeal: Pick<Appeal, 'dueAt' | 'extensionCount'>, context: ExtensionContext): string {
  const { now } = context
  const current = `当前办理时限 ${formatShortDate(appeal.dueAt, now)}${appeal.extensionCount ? `，已延期 ${appeal.extensionCount} 次` : ''}。`
  const range = extendDateRange(context)
  if (!range) return `${current}${EXTENSION_CLOSED}。`
  const day = (date: string) => formatShortDate(endOfShanghaiDay(date).toISOString(), now)
  return `${current}可选 ${day(range.start)} 至 ${day(range.end)} 之间的工作日（最多延至原时限后 ${EXTENSION_MAX_DAYS} 个工作日），延期计入报表。`
}

/**
 * What the enterprise is told before it sends an evaluation: 不满意 reopens the appeal one level
 * up, once; after that one reopening any rating closes it (DESIGN §4).
 */
export function evaluationIntro(appeal: Pick<Appeal, 'level' | 'reopenCount'>, rating: Rating | null): string {
  const reopens = reopensOnEvaluation(appeal, 'unsatisfied')
  const reopening =
    appeal.level < MAX_LEVEL ? `重新办理，并提级至${LEVEL_LABEL[appeal.level + 1]}` : `重新办理，仍由${LEVEL_LABEL[MAX_LEVEL]}`
  if (rating === 'unsatisfied') {
    return reopens
      ? `选择「不满意」提交后，诉求将${reopening}。请写明哪些问题没有解决（至少 ${UNSATISFIED_REASON_MIN} 个字）。`
      : `该诉求已重新办理过一次，本次评价提交后诉求即办结，不再重新办理。不满意评价将计入满意率统计和每周督办报告，请写明原因（至少 ${UNSATISFIED_REASON_MIN} 个字）。`
  }
  if (rating) return '提交评价后诉求即办结。'
  return reopens
    ? `请选择满意程度。如选择「不满意」，诉求将${reopening}，须写明原因。`
    : '请选择满意程度。该诉求已重新办理过一次，本次评价提交后诉求即办结。'
}
