import {
  handoverRequestSchema,
  reassignRequestSchema,
  type HandoverRequest,
  type ReassignRequest,
  type ReassignResult,
} from '@shared/schemas/roster.schema'
import type { FieldErrors } from '@shared/errors'
import { fieldErrorsFromZod } from '../../utils/validation'

/**
 * Moving enterprises between specialists: one enterprise (调整专员) or a whole portfolio
 * (整体移交). Both forms are a receiving specialist and a reason, checked by the shared schemas.
 */
export interface TransferDraft {
  specialistId: string
  reason: string
}

/** Messages under the panel's two fields. */
export interface TransferFields {
  specialist?: string
  reason?: string
}

export type Built<T> = { ok: true; body: T } | { ok: false; fields: TransferFields }

export const emptyTransferDraft = (): TransferDraft => ({ specialistId: '', reason: '' })

/** The API's (or zod's) field paths → the panel's fields; `picker` names the specialist field. */
export function transferFieldErrors(fields: FieldErrors, picker: 'specialistId' | 'toSpecialistId'): TransferFields {
  const mapped: TransferFields = {}
  if (fields[picker]) mapped.specialist = fields[picker]
  if (fields.reason) mapped.reason = fields.reason
  return mapped
}

const hasAny = (fields: TransferFields): boolean => Boolean(fields.specialist || fields.reason)

// An empty reason is "missing" (请填写调整原因), not "too short".
const input = (draft: TransferDraft) => ({
  specialistId: draft.specialistId || undefined,
  reason: draft.reason.trim() ? draft.reason : undefined,
})

export function buildReassignRequest(draft: TransferDraft): Built<ReassignRequest> {
  const parsed = reassignRequestSchema.safeParse(input(draft))
  if (parsed.success) return { ok: true, body: parsed.data }
  const fields = transferFieldErrors(fieldErrorsFromZod(parsed.error), 'specialistId')
  return { ok: false, fields: hasAny(fields) ? fields : { reason: parsed.error.issues[0]?.message ?? '请检查填写内容' } }
}

export function buildHandoverRequest(draft: TransferDraft): Built<HandoverRequest> {
  const { specialistId, reason } = input(draft)
  const parsed = handoverRequestSchema.safeParse({ toSpecialistId: specialistId, reason })
  if (parsed.success) return { ok: true, body: parsed.data }
  const fields = transferFieldErrors(fieldErrorsFromZod(parsed.error), 'toSpecialistId')
  return { ok: false, fields: hasAny(fields) ? fields : { reason: parsed.error.issues[0]?.message ?? '请检查填写内容' } }
}

export const reassignDoneMessage = (result: ReassignResult): string =>
  `已调整，${result.movedAppeals} 件未办结诉求随企业转移`

export const handoverDoneMessage = (result: ReassignResult): string =>
  `已移交 ${result.enterprises} 家企业，${result.movedAppeals} 件未办结诉求随之转移`
