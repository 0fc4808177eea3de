import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { keepsVisits } from '@shared/domain/policy'
import type { FieldErrors } from '@shared/errors'
import { recordVisitRequestSchema, VISIT_KIND_LABELS, VISIT_MET_MAX, VISIT_RECORD_MAX, VISIT_TOPIC_LABELS, VISIT_TOPICS, visitKindSchema, type VisitKind } from '@shared/schemas/visit.schema'
import { AttachmentPicker } from '../../../components/attachment-picker'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { EmptyState } from '../../../components/page-state'
import { useAttachments } from '../../../hooks/use-attachments'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { goToLogin } from '../../../services/navigation'
import { asApiError } from '../../../services/request'
import { recordVisit } from '../../../services/visits-api'
import { ROUTES } from '../../../settings'
import { randomUuid } from '../../../utils/id'
import { fieldErrorsFromZod, hasErrors } from '../../../utils/validation'
import { attemptKey, clearDraft, draftRequest, loadDraft, newDraft, saveDraft, toggleTopic, type DraftStore, type VisitDraft } from '../../../utils/visit-draft'
import './index.css'

const FORM_FIELDS = ['visitedAt', 'kind', 'met', 'topics', 'record', 'checkIn', 'attachments']

/** The phone's storage, for the draft. */
const taroStore: DraftStore = {
  get: (key) => {
    try {
      return Taro.getStorageSync(key) || undefined
    } catch {
      return undefined
    }
  },
  set: (key, value) => {
    try {
      Taro.setStorageSync(key, value)
    } catch {
      // A full storage loses only the draft, never what is on screen.
    }
  },
  remove: (key) => {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // nothing kept to remove
    }
  },
}

/**
 * 记录走访 for one enterprise (from 我服务的企业, or a scan of its card on site, which stamps the
 * visit as checked in): kind, time, who was met, topics, the record and photos. Every change is
 * kept on the phone and restored when the page opens again.
 */
export default function RecordVisitPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const { params } = useRouter()
  const enterpriseId = params.enterpriseId ?? ''
  const enterpriseName = decoded(params.enterpriseName)
  const [draft, setDraft] = useState<VisitDraft | null>(null)
  const [fields, setFields] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const target = useMemo(() => (enterpriseId ? { kind: 'new-visit' as const, enterpriseId } : null), [enterpriseId])
  const attachments = useAttachments(target)

  useEffect(() => {
    if (!enterpriseId) return
    const kept = loadDraft(taroStore, enterpriseId)
    setDraft(kept ?? newDraft({ id: enterpriseId, name: enterpriseName }, new Date()))
    if (kept && !params.checkedIn) void Taro.showToast({ title: '已恢复未提交的走访记录', icon: 'none', duration: 2000 })
  }, [enterpriseId])

  const change = useCallback((patch: Partial<VisitDraft>, field?: string) => {
    setDraft((current) => {
      if (!current) return current
      const next = { ...current, ...patch }
      saveDraft(taroStore, next)
      return next
    })
    if (field) setFields((current) => ({ ...current, [field]: '' }))
  }, [])

  if (!user) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='请先登录'>
          <Button className='btn btn-primary btn-small' onClick={goToLogin}>
            去登录
          </Button>
        </EmptyState>
      </View>
    )
  }
  // The server decides for the enterprise (404 for one the caller does not work for); the page keeps the others out.
  if (!keepsVisits(user)) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有企业服务专员和管理员可以记录走访' />
      </View>
    )
  }
  if (!enterpriseId || !draft) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='请从企业名册或扫描企业联系卡开始记录走访' />
      </View>
    )
  }

  const submit = async () => {
    if (submitting) return
    const parsed = recordVisitRequestSchema.safeParse(draftRequest(draft, attachments.ids))
    if (!parsed.success) {
      setFields(fieldErrorsFromZod(parsed.error))
      return
    }
    const { draft: withKey, key } = attemptKey(draft, JSON.stringify(parsed.data), randomUuid)
    saveDraft(taroStore, withKey)
    setDraft(withKey)
    setSubmitting(true)
    setFields({})
    try {
      const visit = await recordVisit(parsed.data, key)
      clearDraft(taroStore, enterpriseId)
      void Taro.showToast({ title: '走访已记录', icon: 'success', duration: 1500 })
      void Taro.redirectTo({ url: `${ROUTES.visitDetail}?id=${encodeURIComponent(visit.id)}` })
    } catch (e) {
      const error = asApiError(e)
      setFields(error.fields)
      const shown = Object.keys(error.fields).filter((k) => FORM_FIELDS.indexOf(k) >= 0)
      const message = error.status === 0 ? '网络异常：记录已保存在手机上，恢复网络后再点提交即可' : error.message
      if (shown.length === 0) void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className={`page ${textClass}`}>
      <View className='card'>
        <Text className='section-title'>{draft.enterpriseName || enterpriseName}</Text>
        {draft.checkIn ? (
          <Text id='visit-checked-in' className='visit-tag'>
            已扫码签到 {draft.time}
          </Text>
        ) : null}
        {fields.checkIn ? <Text className='field-error'>{fields.checkIn}</Text> : null}
      </View>
      <View className='card'>
        <FormField label='走访方式' required error={fields.kind}>
          <ChipGroup
            idPrefix='visit-kind'
            label='走访方式'
            options={visitKindSchema.options.map((k) => ({ value: k, label: VISIT_KIND_LABELS[k] }))}
            selected={draft.kind}
            onSelect={(value) => change({ kind: value as VisitKind }, 'kind')}
          />
        </FormField>
        <FormField label='走访时间' required error={fields.visitedAt}>
          <View className='visit-picker-row'>
            <Picker mode='date' value={draft.date} onChange={(e) => change({ date: String(e.detail.value) }, 'visitedAt')}>
              <View id='visit-date' className='input picker-value'>
                {draft.date}
              </View>
            </Picker>
            <Picker mode='time' value={draft.time} onChange={(e) => change({ time: String(e.detail.value) }, 'visitedAt')}>
              <View id='visit-time' className='input picker-value'>
                {draft.time}
              </View>
            </Picker>
          </View>
        </FormField>
        <FormField label='走访对象' required error={fields.met} counter={{ length: draft.met.trim().length, max: VISIT_MET_MAX }}>
          <Input id='visit-met' className='input' value={draft.met} maxlength={VISIT_MET_MAX} placeholder='见到了谁，如：总经理张总' onInput={(e) => change({ met: e.detail.value }, 'met')} />
        </FormField>
        <FormField label='走访话题' required error={fields.topics ?? fields['topics.0']}>
          <ChipGroup
            idPrefix='visit-topic'
            label='走访话题'
            options={VISIT_TOPICS.map((t) => ({ value: t, label: VISIT_TOPIC_LABELS[t] }))}
            selected={draft.topics}
            onSelect={(value) => change({ topics: toggleTopic(draft.topics, value) }, 'topics')}
          />
        </FormField>
        <FormField label='走访记录' required error={fields.record} counter={{ length: draft.record.trim().length, max: VISIT_RECORD_MAX }}>
          <Textarea
            id='visit-record'
            className='textarea'
            value={draft.record}
            maxlength={VISIT_RECORD_MAX}
            placeholder='企业生产经营情况、提出的困难和诉求、现场答复'
            onInput={(e) => change({ record: e.detail.value }, 'record')}
          />
        </FormField>
        <FormField label='现场照片' error={fields.attachments}>
          <AttachmentPicker state={attachments} idPrefix='visit' />
        </FormField>
      </View>
      <Text className='muted small visit-draft-note'>填写内容会自动保存在手机上，断网或退出后再次打开可继续填写。</Text>
      <Button
        id='submit-visit'
        className={submitting || attachments.busy ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'}
        disabled={submitting || attachments.busy || undefined}
        onClick={() => void submit()}
      >
        {submitting ? '提交中…' : attachments.busy ? '照片上传中…' : '提交走访记录'}
      </Button>
    </View>
  )
}

/** A query value, which may arrive still percent-encoded depending on the target. */
function decoded(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '')
  } catch {
    return value ?? ''
  }
}
