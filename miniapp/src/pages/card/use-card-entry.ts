import { useState } from 'react'
import Taro from '@tarojs/taro'
import { mayBindByCard } from '@shared/domain/policy'
import type { FieldErrors } from '@shared/errors'
import { bindCardRequestSchema, type CardView } from '@shared/schemas/card.schema'
import { bindCard, fetchMe } from '../../services/api'
import { openNewAppeal } from '../../services/navigation'
import { asApiError } from '../../services/request'
import { getSession, updateUser } from '../../services/session'
import { signInWithWeChat } from '../../services/wechat-login'
import { fieldErrorsFromZod } from '../../utils/validation'
import { showSubmitError } from '../../utils/submit-error'

/** The name a WeChat user has before telling us theirs. */
const PLACEHOLDER_NAME = '微信用户'

export interface JoinDraft {
  name: string
  phone: string
}

/**
 * 提诉求 from a card: sign in with WeChat if needed; someone already of the enterprise (approved
 * or pending) goes straight to the form; anyone else first says who they are (name, phone) and
 * asks to join, then goes to the form.
 */
export function useCardEntry(card: CardView | null) {
  const [busy, setBusy] = useState(false)
  const [joining, setJoining] = useState(false)
  const [draft, setDraft] = useState<JoinDraft>({ name: '', phone: '' })
  const [fields, setFields] = useState<FieldErrors>({})

  const toast = (e: unknown) => void Taro.showToast({ title: asApiError(e).message, icon: 'none', duration: 3000 })

  const start = async () => {
    if (!card || busy) return
    setBusy(true)
    try {
      const session = getSession() ?? (await signInWithWeChat())
      if (!mayBindByCard(session.user)) {
        void Taro.showToast({ title: '您当前以工作人员身份登录，请使用企业联系人身份提交诉求', icon: 'none', duration: 3000 })
        return
      }
      if (session.user.bindings?.some((b) => b.enterpriseId === card.enterprise.id)) {
        openNewAppeal(card.enterprise.id)
        return
      }
      setDraft({ name: session.user.name === PLACEHOLDER_NAME ? '' : session.user.name, phone: '' })
      setJoining(true)
    } catch (e) {
      toast(e)
    } finally {
      setBusy(false)
    }
  }

  const update = (name: keyof JoinDraft, value: string) => {
    setDraft((current) => ({ ...current, [name]: value }))
    setFields((current) => ({ ...current, [name]: '' }))
  }

  const join = async () => {
    if (!card || busy) return
    const parsed = bindCardRequestSchema.safeParse(draft)
    if (!parsed.success) {
      setFields(fieldErrorsFromZod(parsed.error))
      return
    }
    setBusy(true)
    try {
      await bindCard(card.id, parsed.data)
      updateUser(await fetchMe())
      setJoining(false)
      openNewAppeal(card.enterprise.id)
    } catch (e) {
      showSubmitError(e, setFields)
    } finally {
      setBusy(false)
    }
  }

  return { busy, joining, draft, fields, start, update, join, cancel: () => setJoining(false) }
}
