import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import {
  evaluateActionSchema,
  noteActionSchema,
  outcomeSchema,
  ratingSchema,
  respondActionSchema,
  withdrawActionSchema,
  type AppealAction,
  type AppealActionType,
} from '@shared/schemas/appeal.schema'
import { OUTCOME_LABEL, RATING_LABEL } from '@shared/labels'
import type { FieldErrors } from '@shared/errors'
import { FormField } from '../../../components/form-field'
import { ChipGroup } from '../../../components/chip-group'
import type { ActResult } from '../../../hooks/use-appeal-detail'
import { buildAction, emptyDraft, type ActionDraft } from '../../../utils/action-form'

const TITLE: Record<AppealActionType, string> = {
  accept: '受理诉求',
  note: '记录进展',
  respond: '答复企业',
  evaluate: '评价办理结果',
  withdraw: '撤回诉求',
}

const SUBMIT_LABEL: Record<AppealActionType, string> = {
  accept: '确认受理',
  note: '保存进展',
  respond: '提交答复',
  evaluate: '提交评价',
  withdraw: '确认撤回',
}

const TEXT_LABEL: Record<AppealActionType, string> = {
  accept: '',
  note: '进展说明',
  respond: '答复内容',
  evaluate: '评价意见（选填）',
  withdraw: '撤回原因',
}

const PLACEHOLDER: Record<AppealActionType, string> = {
  accept: '',
  note: '记录已做的工作、下一步安排或需要企业补充的材料',
  respond: '向企业说明办理结果和依据',
  evaluate: '说说您对办理过程和结果的看法',
  withdraw: '请说明撤回的原因',
}

/** Length limits read from the shared schemas, so the counter and the API agree. */
const TEXT_MAX: Record<AppealActionType, number> = {
  accept: 0,
  note: noteActionSchema.shape.message.maxLength ?? 1000,
  respond: respondActionSchema.shape.message.maxLength ?? 1000,
  evaluate: evaluateActionSchema.shape.comment.unwrap().maxLength ?? 500,
  withdraw: withdrawActionSchema.shape.reason.maxLength ?? 200,
}

interface Props {
  type: AppealActionType
  /** The appeal version on screen; sent as expectedVersion. */
  version: number
  /** Officials may keep a note internal; the enterprise never sees it. */
  canMarkInternal: boolean
  acting: boolean
  onSubmit: (action: AppealAction) => Promise<ActResult>
  onClose: () => void
}

/** An in-page bottom sheet for one action (Taro.showModal has no text input on h5). */
export function ActionPanel({ type, version, canMarkInternal, acting, onSubmit, onClose }: Props) {
  const [draft, setDraft] = useState<ActionDraft>(() => emptyDraft(type))
  const [fields, setFields] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)

  const change = (patch: Partial<ActionDraft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setFields((current) => {
      const next = { ...current }
      for (const key of Object.keys(patch)) delete next[key]
      return next
    })
  }

  const submit = async () => {
    if (acting) return
    const built = buildAction(draft, version)
    if (!built.ok) {
      setFields(built.fields)
      return
    }
    setFormError(null)
    const result = await onSubmit(built.action)
    if (result.kind === 'done' || result.kind === 'stale') onClose()
    else if (result.kind === 'invalid') {
      setFields(result.fields)
      setFormError(result.message)
    } else setFormError(result.message)
  }

  const textLength = draft.message.trim().length

  return (
    <View className='action-panel'>
      <View className='sheet-mask' onClick={acting ? undefined : onClose} />
      <View id={`panel-${type}`} className='sheet'>
        <Text className='sheet-title'>{TITLE[type]}</Text>
        {formError ? <Text className='banner banner-error'>{formError}</Text> : null}

        {type === 'accept' ? (
          <Text className='paragraph panel-intro'>受理后将开始办理，请在办理时限内答复企业。确认受理该诉求吗？</Text>
        ) : null}

        {type === 'respond' ? (
          <FormField label='办理结果' required error={fields.outcome}>
            <ChipGroup
              idPrefix='outcome'
              options={outcomeSchema.options.map((outcome) => ({ value: outcome, label: OUTCOME_LABEL[outcome] }))}
              selected={draft.outcome}
              onSelect={(outcome) => change({ outcome })}
            />
          </FormField>
        ) : null}

        {type === 'evaluate' ? (
          <FormField label='满意程度' required error={fields.rating}>
            <ChipGroup
              idPrefix='rating'
              options={ratingSchema.options.map((rating) => ({ value: rating, label: RATING_LABEL[rating] }))}
              selected={draft.rating}
              onSelect={(rating) => change({ rating })}
            />
          </FormField>
        ) : null}

        {type !== 'accept' ? (
          <FormField
            label={TEXT_LABEL[type]}
            required={type !== 'evaluate'}
            error={fields.message}
            counter={{ length: textLength, max: TEXT_MAX[type] }}
          >
            <Textarea
              id='action-message'
              className='textarea textarea-short'
              value={draft.message}
              maxlength={TEXT_MAX[type]}
              placeholder={PLACEHOLDER[type]}
              onInput={(e) => change({ message: e.detail.value })}
            />
          </FormField>
        ) : null}

        {type === 'note' && canMarkInternal ? (
          <View className='chips panel-internal'>
            <View
              id='note-internal'
              className={draft.internal ? 'chip chip-selected' : 'chip'}
              onClick={() => change({ internal: !draft.internal })}
            >
              {draft.internal ? '✓ ' : ''}仅内部可见（企业看不到）
            </View>
          </View>
        ) : null}

        <View className='sheet-actions'>
          <Button className={acting ? 'btn btn-busy' : 'btn'} disabled={acting || undefined} onClick={onClose}>
            取消
          </Button>
          <Button
            id='action-submit'
            className={`btn ${type === 'withdraw' ? 'btn-danger' : 'btn-primary'}${acting ? ' btn-busy' : ''}`}
            disabled={acting || undefined}
            onClick={() => void submit()}
          >
            {acting ? '提交中…' : SUBMIT_LABEL[type]}
          </Button>
        </View>
      </View>
    </View>
  )
}
