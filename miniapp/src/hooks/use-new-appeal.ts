import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { mayFileFor } from '@shared/domain/policy'
import { submitAppealRequestSchema, type OnBehalf } from '@shared/schemas/appeal.schema'
import type { Binding, User } from '@shared/schemas/user.schema'
import type { FieldErrors } from '@shared/errors'
import { fetchCatalog, submitAppeal } from '../services/api'
import { asApiError } from '../services/request'
import { openAppeal } from '../services/navigation'
import { askAtTap, prepareSubscriptions } from '../services/subscriptions'
import { randomUuid } from '../utils/id'
import { subjectOf } from '../utils/subject'
import { fieldErrorsFromZod, hasErrors } from '../utils/validation'
import { useLoader } from './use-loader'

export interface NewAppealDraft {
  enterpriseId: string
  categoryId: string
  title: string
  description: string
}

const FORM_FIELDS: string[] = ['enterpriseId', 'categoryId', 'title', 'description', 'attachments']

/** An enterprise the form files for, as the picker names it. */
export type FilingEnterprise = Pick<Binding, 'enterpriseId' | 'enterpriseName'>

/**
 * 专员代提: the official files for this one enterprise, by phone or from a visit or event (the
 * page that opened the form names them).
 */
export interface OnBehalfFiling {
  onBehalf: OnBehalf
  enterprise: FilingEnterprise
}

/** Enterprises the user may file for: approved bindings, and pending ones (they see only their own). */
export function fileableEnterprises(user: User | null): Binding[] {
  const subject = subjectOf(user)
  return subject ? (user?.bindings ?? []).filter((b) => mayFileFor(subject, b.enterpriseId)) : []
}

function initialEnterprise(enterprises: readonly FilingEnterprise[], requested: string | undefined): string {
  if (requested && enterprises.some((e) => e.enterpriseId === requested)) return requested
  return enterprises.length === 1 ? (enterprises[0]?.enterpriseId ?? '') : ''
}

/**
 * The 提诉求 form: catalog loading, field state, validation with the shared schema, and a
 * submission whose Idempotency-Key survives retries of the same content.
 */
export function useNewAppeal(user: User | null, requestedEnterpriseId: string | undefined, forEnterprise?: OnBehalfFiling) {
  const catalog = useLoader(user ? 'catalog' : null, fetchCatalog)
  const enterprises: FilingEnterprise[] = useMemo(() => (forEnterprise ? [forEnterprise.enterprise] : fileableEnterprises(user)), [user, forEnterprise])
  const [draft, setDraft] = useState<NewAppealDraft>(() => ({
    enterpriseId: initialEnterprise(enterprises, requestedEnterpriseId),
    categoryId: '',
    title: '',
    description: '',
  }))
  const [fields, setFields] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  // One key per distinct submission: a retry of the same content reuses it, so the server
  // files the appeal once even if the first answer was lost.
  const attempt = useRef<{ body: string; key: string } | null>(null)

  // Submitting is the staff's natural tap to subscribe to progress messages: know what to ask first.
  useEffect(() => {
    if (user) prepareSubscriptions()
  }, [user])

  const update = useCallback(<K extends keyof NewAppealDraft>(name: K, value: NewAppealDraft[K]) => {
    setDraft((current) => ({ ...current, [name]: value }))
    setFields((current) => {
      if (!(name in current)) return current
      const next = { ...current }
      delete next[name]
      return next
    })
  }, [])

  /** `attachments`: the ids of the files already uploaded for this appeal. */
  const submit = useCallback(async (attachments: readonly string[] = []) => {
    if (submitting) return
    const choice: FieldErrors = {}
    if (!draft.enterpriseId) choice.enterpriseId = '请选择企业'
    if (!draft.categoryId) choice.categoryId = '请选择诉求类别'
    const parsed = submitAppealRequestSchema.safeParse({
      ...draft,
      ...(attachments.length > 0 ? { attachments: [...attachments] } : {}),
      ...(forEnterprise ? { onBehalf: forEnterprise.onBehalf } : {}),
    })
    const found = { ...(parsed.success ? {} : fieldErrorsFromZod(parsed.error)), ...choice }
    if (!parsed.success || hasErrors(found)) {
      setFields(found)
      return
    }
    const body = JSON.stringify(parsed.data)
    if (!attempt.current || attempt.current.body !== body) attempt.current = { body, key: randomUuid() }

    // Still inside the tap (nothing awaited yet), as WeChat's subscribe dialog requires; it is
    // answered while the appeal is sent, and the page moves on once both are done.
    const asked = askAtTap()
    setSubmitting(true)
    setFields({})
    try {
      const appeal = await submitAppeal(parsed.data, attempt.current.key)
      // The number is what the enterprise quotes on the phone: said at once, and atop the page that opens.
      void Taro.showToast({ title: `诉求已提交，编号 ${appeal.number}`, icon: 'none', duration: 3000 })
      await asked
      openAppeal(appeal.id, true)
    } catch (e) {
      const error = asApiError(e)
      const shown = Object.keys(error.fields).filter((key) => FORM_FIELDS.indexOf(key) >= 0)
      setFields(error.fields)
      // Errors without a field of this form (or with none at all) still need saying.
      if (shown.length === 0) void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 })
    } finally {
      setSubmitting(false)
    }
  }, [draft, submitting, forEnterprise])

  return { catalog, enterprises, draft, update, fields, submitting, submit }
}
