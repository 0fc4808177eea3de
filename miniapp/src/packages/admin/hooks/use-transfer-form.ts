import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ReassignResult } from '@shared/schemas/roster.schema'
import { asApiError } from '../../../services/request'
import { emptyTransferDraft, transferFieldErrors, type Built, type TransferDraft, type TransferFields } from '../transfer'

export interface TransferFormConfig<Body> {
  build: (draft: TransferDraft) => Built<Body>
  send: (body: Body) => Promise<ReassignResult>
  /** The request's name for the receiving specialist, to place the API's field errors. */
  pickerField: 'specialistId' | 'toSpecialistId'
  doneMessage: (result: ReassignResult) => string
  onDone: (result: ReassignResult) => void
}

export interface TransferForm {
  draft: TransferDraft
  fields: TransferFields
  /** An error no field can show (conflict, permission, network). */
  formError: string | null
  submitting: boolean
  change: (patch: Partial<TransferDraft>) => void
  submit: () => Promise<void>
}

/** The receiving-specialist-and-reason form of 调整专员 and 整体移交. */
export function useTransferForm<Body>(config: TransferFormConfig<Body>): TransferForm {
  const [draft, setDraft] = useState<TransferDraft>(emptyTransferDraft)
  const [fields, setFields] = useState<TransferFields>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const change = useCallback((patch: Partial<TransferDraft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setFields((current) => ({
      specialist: 'specialistId' in patch ? undefined : current.specialist,
      reason: 'reason' in patch ? undefined : current.reason,
    }))
  }, [])

  const { build, send, pickerField, doneMessage, onDone } = config
  const submit = useCallback(async () => {
    if (submitting) return
    const built = build(draft)
    if (!built.ok) {
      setFields(built.fields)
      return
    }
    setSubmitting(true)
    setFormError(null)
    try {
      const result = await send(built.body)
      void Taro.showToast({ title: doneMessage(result), icon: 'none', duration: 3000 })
      onDone(result)
    } catch (e) {
      const error = asApiError(e)
      const mapped = transferFieldErrors(error.fields, pickerField)
      setFields(mapped)
      // Say it in the panel unless a field already does.
      if (!mapped.specialist && !mapped.reason) setFormError(error.message)
    } finally {
      setSubmitting(false)
    }
  }, [build, send, pickerField, doneMessage, onDone, draft, submitting])

  return { draft, fields, formError, submitting, change, submit }
}
