import { appealActionSchema, type AppealAction, type AppealActionType, type Outcome, type Rating } from '@shared/schemas/appeal.schema'
import type { FieldErrors } from '@shared/errors'
import { fieldErrorsFromZod, hasErrors } from './validation'

/** What the action panel holds while the user fills it in. */
export interface ActionDraft {
  type: AppealActionType
  /** The one free-text box: progress note, reply, evaluation comment or withdrawal reason. */
  message: string
  internal: boolean
  outcome: Outcome | null
  rating: Rating | null
}

export const emptyDraft = (type: AppealActionType): ActionDraft => ({
  type,
  message: '',
  internal: false,
  outcome: null,
  rating: null,
})

/** The API names the free text differently per action; the panel shows it under one box. */
const TEXT_FIELD: Record<AppealActionType, string | null> = {
  accept: null,
  note: 'message',
  respond: 'message',
  evaluate: 'comment',
  withdraw: 'reason',
}

/** Maps API or schema field errors onto the panel's fields (message, outcome, rating). */
export function panelFieldErrors(type: AppealActionType, fields: FieldErrors): FieldErrors {
  const textField = TEXT_FIELD[type]
  const mapped: FieldErrors = {}
  for (const key of Object.keys(fields)) {
    const message = fields[key]
    if (message === undefined) continue
    mapped[key === textField ? 'message' : key] = message
  }
  return mapped
}

function draftToBody(draft: ActionDraft, expectedVersion: number): Record<string, unknown> {
  switch (draft.type) {
    case 'accept':
      return { type: 'accept', expectedVersion }
    case 'note':
      return { type: 'note', expectedVersion, message: draft.message, ...(draft.internal ? { internal: true } : {}) }
    case 'respond':
      return { type: 'respond', expectedVersion, outcome: draft.outcome, message: draft.message }
    case 'evaluate':
      return { type: 'evaluate', expectedVersion, rating: draft.rating, comment: draft.message }
    case 'withdraw':
      return { type: 'withdraw', expectedVersion, reason: draft.message }
  }
}

/**
 * Validates a draft with the shared action schema. `expectedVersion` is the version on screen,
 * so the server refuses the action if someone else changed the appeal meanwhile.
 */
export function buildAction(
  draft: ActionDraft,
  expectedVersion: number,
): { ok: true; action: AppealAction } | { ok: false; fields: FieldErrors } {
  // The schema's enum messages are generic; a missing choice deserves a plain sentence.
  const choice: FieldErrors = {}
  if (draft.type === 'respond' && !draft.outcome) choice.outcome = '请选择答复结果'
  if (draft.type === 'evaluate' && !draft.rating) choice.rating = '请选择满意程度'

  const parsed = appealActionSchema.safeParse(draftToBody(draft, expectedVersion))
  const fields = parsed.success ? {} : panelFieldErrors(draft.type, fieldErrorsFromZod(parsed.error))
  const all = { ...fields, ...choice }
  if (!parsed.success || hasErrors(all)) return { ok: false, fields: all }
  return { ok: true, action: parsed.data }
}
