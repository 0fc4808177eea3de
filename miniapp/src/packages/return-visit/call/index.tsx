import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { FieldErrors } from '@shared/errors'
import { CHANNEL_LABEL, RATING_LABEL, STATUS_LABEL as APPEAL_STATUS_LABEL } from '@shared/labels'
import { ratingSchema, type AppealDetail } from '@shared/schemas/appeal.schema'
import type { ReturnVisitView } from '@shared/schemas/return-visit.schema'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { actOnAppeal, fetchAppealDetail } from '../../../services/api'
import { asApiError } from '../../../services/request'
import { fetchReturnVisit, recordReturnVisitAttempt } from '../../../services/return-visits-api'
import { ROUTES } from '../../../settings'
import { formatDateTime, formatShortDate } from '../../../utils/format'
import { attemptRequestOf, emptyCallForm, ratingsText, STATUS_LABEL, type CallForm } from '../return-visit-view'
import '../return-visit.css'

const COMMENT_MAX = 500
const REASON_MAX = 200
const RATINGS = ratingSchema.options.map((r) => ({ value: r, label: RATING_LABEL[r] }))
const REACHED = [
  { value: 'yes', label: '已接通' },
  { value: 'no', label: '未接通' },
] as const

/**
 * 回访: one sampled appeal's call — tap to call the contact, record reached or not (tries are kept),
 * and once reached the rating and what was said. A visit marked 评价不一致 offers 重新办理, the
 * appeal's own `reopen` action.
 */
export default function ReturnVisitCallPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const visit = useLoader(id ? `rv|${id}` : null, () => fetchReturnVisit(id))

  if (!visit.data) {
    return (
      <View className={`page ${textClass}`}>
        {visit.error ? <ErrorState message={visit.error.message} onRetry={() => void visit.reload()} /> : id ? <LoadingState /> : <EmptyState text='缺少回访编号' />}
      </View>
    )
  }
  const v = visit.data
  return (
    <View className={`page ${textClass}`}>
      <VisitHead visit={v} />
      <Attempts visit={v} />
      {v.status === 'reached' ? null : <CallForm visit={v} onSaved={() => void visit.reload()} />}
      {v.inconsistent ? <ReopenPanel visit={v} focus={params.reopen === '1'} /> : null}
    </View>
  )
}

function VisitHead({ visit }: { visit: ReturnVisitView }) {
  const call = () => void Taro.makePhoneCall({ phoneNumber: visit.contact.phone }).catch(() => undefined)
  const dialable = visit.contact.phone !== '' && !visit.contact.phoneMasked
  return (
    <View id='rv-head' className='card'>
      <View className='rv-row-head'>
        <Text className='rv-row-title'>{visit.appealTitle}</Text>
        <Text id='rv-status' className='chip-static'>
          {STATUS_LABEL[visit.status]}
        </Text>
      </View>
      <Text className='muted small'>
        <Text className='appeal-number'>{visit.appealNumber}</Text> · {visit.enterpriseName}
      </Text>
      <View className='kv'>
        <Text className='kv-key'>渠道</Text>
        <Text className='kv-value'>{CHANNEL_LABEL[visit.channel]}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>办结</Text>
        <Text className='kv-value'>{formatShortDate(visit.closedAt)}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>评价</Text>
        <Text className='kv-value'>{ratingsText(visit)}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>{visit.contact.source === 'filer' ? '提交人' : '企业联系人'}</Text>
        <Text className='kv-value'>{visit.contact.name || '—'}</Text>
      </View>
      {dialable ? (
        <Button id='rv-call' className='btn btn-primary btn-block' onClick={call}>
          拨打 {visit.contact.phone}
        </Button>
      ) : (
        <Text className='muted small'>{visit.contact.phone ? `电话 ${visit.contact.phone}` : '未登记联系电话'}</Text>
      )}
      {visit.inconsistent ? (
        <Text id='rv-inconsistent' className='chip-static chip-overdue'>
          评价不一致：回访不满意，小程序中评价为{visit.inAppRating ? RATING_LABEL[visit.inAppRating] : '—'}
        </Text>
      ) : null}
    </View>
  )
}

function Attempts({ visit }: { visit: ReturnVisitView }) {
  if (visit.attempts.length === 0) return null
  return (
    <View id='rv-attempts' className='card'>
      <Text className='section-title'>拨打记录（{visit.attempts.length} 次）</Text>
      {visit.attempts.map((a, i) => (
        <View key={`${a.at}-${i}`} className='rv-attempt'>
          <Text className='small'>
            {formatDateTime(a.at)} · {a.by.name} · {a.reached ? '已接通' : '未接通'}
          </Text>
          {a.reached && visit.outcome && i === visit.attempts.length - 1 ? <Text className='small'> · {RATING_LABEL[visit.outcome.rating]}</Text> : null}
          {a.note ? <Text className='muted small'>{a.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}

function CallForm({ visit, onSaved }: { visit: ReturnVisitView; onSaved: () => void }) {
  const [form, setForm] = useState<CallForm>(emptyCallForm)
  const [fields, setFields] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const set = <K extends keyof CallForm>(key: K, value: CallForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setFields({})
  }
  const save = async () => {
    const checked = attemptRequestOf(form, visit.attempts.length)
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setSaving(true)
    try {
      await recordReturnVisitAttempt(visit.id, checked.request)
      void Taro.showToast({ title: '已记录', icon: 'success' })
      setForm(emptyCallForm())
      onSaved()
    } catch (error) {
      const apiError = asApiError(error)
      if (Object.keys(apiError.fields).length > 0) setFields(apiError.fields)
      else void Taro.showToast({ title: apiError.message, icon: 'none', duration: 3000 })
      if (apiError.status === 409) onSaved()
    } finally {
      setSaving(false)
    }
  }
  return (
    <View id='rv-form' className='card'>
      <Text className='section-title'>记录本次回访</Text>
      <FormField label='是否接通' required error={fields.reached}>
        <ChipGroup idPrefix='rv-reached' options={REACHED} selected={form.reached === null ? null : form.reached ? 'yes' : 'no'} onSelect={(value) => set('reached', value === 'yes')} />
      </FormField>
      {form.reached ? (
        <FormField label='满意程度' required error={fields.rating}>
          <ChipGroup idPrefix='rv-rating' options={RATINGS} selected={form.rating} onSelect={(value) => set('rating', value)} />
        </FormField>
      ) : null}
      <FormField label={form.reached ? '企业意见' : '备注'} required={form.rating === 'unsatisfied'} error={fields.comment} counter={{ length: form.comment.length, max: COMMENT_MAX }}>
        <Textarea
          id='rv-comment'
          className='textarea textarea-short'
          value={form.comment}
          maxlength={COMMENT_MAX}
          placeholder={form.reached ? '企业在电话中的意见；不满意时请写明原因' : '如：无人接听、号码停机'}
          onInput={(e) => set('comment', e.detail.value)}
        />
      </FormField>
      <Button id='rv-save' className={saving ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'} disabled={saving || undefined} onClick={() => void save()}>
        {saving ? '保存中…' : '保存'}
      </Button>
    </View>
  )
}

/** 重新办理 through the appeal's own action, offered when the server allows it to the caller. */
function ReopenPanel({ visit, focus }: { visit: ReturnVisitView; focus: boolean }) {
  const detail = useLoader<AppealDetail>(`appeal|${visit.appealId}`, () => fetchAppealDetail(visit.appealId))
  const [reason, setReason] = useState(visit.outcome ? `回访企业不满意：${visit.outcome.comment}`.slice(0, REASON_MAX) : '')
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)
  const openAppeal = () => void Taro.navigateTo({ url: `${ROUTES.appealDetail}?id=${encodeURIComponent(visit.appealId)}` })

  if (!detail.data) return detail.error ? <ErrorState message={detail.error.message} onRetry={() => void detail.reload()} /> : <LoadingState text='正在读取诉求…' />
  const { appeal, allowedActions } = detail.data
  const reopen = async () => {
    setSaving(true)
    try {
      await actOnAppeal(appeal.id, { type: 'reopen', reason, expectedVersion: appeal.version })
      void Taro.showToast({ title: '已重新办理', icon: 'success' })
      await detail.reload()
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError.fields.reason ?? apiError.message)
    } finally {
      setSaving(false)
    }
  }
  return (
    <View id='rv-reopen' className='card'>
      <Text className='section-title'>{focus ? '重新办理' : '评价不一致的处理'}</Text>
      <View className='kv'>
        <Text className='kv-key'>诉求状态</Text>
        <Text className='kv-value'>{APPEAL_STATUS_LABEL[appeal.status]}</Text>
      </View>
      {allowedActions.includes('reopen') ? (
        <View>
          <FormField label='重新办理原因' required error={error} counter={{ length: reason.length, max: REASON_MAX }}>
            <Textarea id='rv-reopen-reason' className='textarea textarea-short' value={reason} maxlength={REASON_MAX} onInput={(e) => (setReason(e.detail.value), setError(''))} />
          </FormField>
          <Button id='rv-reopen-submit' className={saving ? 'btn btn-danger btn-block btn-busy' : 'btn btn-danger btn-block'} disabled={saving || undefined} onClick={() => void reopen()}>
            {saving ? '提交中…' : '重新办理（提级督办）'}
          </Button>
        </View>
      ) : (
        <Text className='muted small'>{appeal.status === 'closed' ? '该诉求已重新办理过一次，不能再次重新办理' : '该诉求正在办理中'}</Text>
      )}
      <Button id='rv-open-appeal' className='btn btn-outline btn-block' onClick={openAppeal}>
        查看诉求
      </Button>
    </View>
  )
}
