import { useMemo, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { outcomeSchema, ratingSchema, TASK_DAYS_MAX, type Appeal, type AppealAction, type AppealActionType, type CoHandler, type Rating } from '@shared/schemas/appeal.schema'
import type { Role } from '@shared/schemas/common.schema'
import { LEVEL_LABEL, OUTCOME_LABEL, RATING_LABEL } from '@shared/labels'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { mayWriteInternalNote } from '@shared/domain/policy'
import type { FieldErrors } from '@shared/errors'
import { FormField } from '../../../components/form-field'
import { ChipGroup } from '../../../components/chip-group'
import { AttachmentPicker } from '../../../components/attachment-picker'
import { useAttachments } from '../../../hooks/use-attachments'
import type { ActResult } from '../../../hooks/use-appeal-detail'
import {
  actionButtonLabel,
  buildAction,
  emptyDraft,
  evaluationIntro,
  extendDateRange,
  extendIntro,
  invalidBanner,
  measureDateRange,
  takesAttachments,
  toggleHandler,
  type ActionDraft,
  type BuildContext,
  type ExtensionContext,
} from '../../../utils/action-form'
import { holderName } from '../../../utils/appeal'
import { formatShortDate } from '../../../utils/format'
import { CoHandlerPicker, DueDatePicker, OpenTasks, TransferCandidatePicker } from './action-fields'
import { MEASURE_UNIT_MAX, OPEN_TASK_REASON_MAX, PLACEHOLDER, SUBMIT_LABEL, TEXT_LABEL, TEXT_MAX, TITLE, UNSATISFIED_TEXT } from './action-text'

interface Props {
  type: AppealActionType
  /** The appeal on screen; its version is sent as expectedVersion. */
  appeal: Appeal
  role: Role | undefined
  /** The signed-in handler's own co-handling task, for accept-task and reply-task. */
  task: CoHandler | undefined
  acting: boolean
  onSubmit: (action: AppealAction) => Promise<ActResult>
  onClose: () => void
}

/** An in-page bottom sheet for one action (Taro.showModal has no text input on h5). */
export function ActionPanel({ type, appeal, role, task, acting, onSubmit, onClose }: Props) {
  const [draft, setDraft] = useState<ActionDraft>(() => emptyDraft(type))
  const [fields, setFields] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  // The moment the sheet opened: the 延期 range is counted from it (the server checks again on its own clock).
  const [openedAt] = useState(() => new Date())
  const openTasks = appeal.coHandlers.filter((c) => c.status !== 'replied')
  const extension: ExtensionContext = { dueAt: appeal.dueAt, now: openedAt, calendar: CHINESE_CALENDAR }
  const context: BuildContext = { openTask: openTasks.length > 0, ...(type === 'extend' ? { extension } : {}) }
  const withFiles = takesAttachments(type)
  const target = useMemo(() => (withFiles ? { kind: 'appeal' as const, id: appeal.id } : null), [withFiles, appeal.id])
  const files = useAttachments(target)

  const change = (patch: Partial<ActionDraft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setFields((current) => {
      const next = { ...current }
      for (const key of Object.keys(patch)) delete next[key]
      return next
    })
  }

  const submit = async () => {
    if (acting || files.busy) return
    const built = buildAction({ ...draft, attachments: files.ids }, appeal.version, context)
    if (!built.ok) {
      setFields(built.fields)
      return
    }
    setFormError(null)
    const result = await onSubmit(built.action)
    if (result.kind === 'done' || result.kind === 'stale') onClose()
    else if (result.kind === 'invalid') {
      setFields(result.fields)
      setFormError(invalidBanner(type, result.fields, result.message, context))
    } else setFormError(result.message)
  }

  const hasText = TEXT_LABEL[type] !== ''
  // 不满意 reopens the appeal (or closes it for good): its reason is required, and asked for as such.
  const text =
    (type === 'evaluate' || type === 'call-evaluate') && draft.rating === 'unsatisfied'
      ? UNSATISFIED_TEXT
      : { label: TEXT_LABEL[type], required: type !== 'evaluate' && type !== 'call-evaluate', placeholder: PLACEHOLDER[type] }
  const title = type === 'escalate' ? actionButtonLabel(type, role) : TITLE[type]

  return (
    <View className='action-panel'>
      <View className='sheet-mask' onClick={acting ? undefined : onClose} />
      <View id={`panel-${type}`} className='sheet'>
        <Text className='sheet-title'>{title}</Text>
        {formError ? <Text className='banner banner-error'>{formError}</Text> : null}

        <PanelIntro type={type} appeal={appeal} task={task} rating={draft.rating} extension={extension} />

        {type === 'respond' && openTasks.length ? <OpenTasks tasks={openTasks} /> : null}

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

        {type === 'evaluate' || type === 'call-evaluate' ? (
          <FormField label='满意程度' required error={fields.rating}>
            <ChipGroup
              idPrefix='rating'
              options={ratingSchema.options.map((rating) => ({ value: rating, label: RATING_LABEL[rating] }))}
              selected={draft.rating}
              onSelect={(rating) => change({ rating })}
            />
          </FormField>
        ) : null}

        {type === 'co-handle' ? (
          <>
            <FormField id='cohandle-handlers' label='协办单位（可多选）' required error={fields.handlers}>
              <CoHandlerPicker
                current={appeal.coHandlers}
                selected={draft.handlers}
                onToggle={(key) => change({ handlers: toggleHandler(draft.handlers, key) })}
              />
            </FormField>
            <FormField id='cohandle-days' label={`协办时限（工作日，1–${TASK_DAYS_MAX}）`} required error={fields.days}>
              <Input
                className='input'
                type='number'
                value={draft.days}
                maxlength={2}
                placeholder='如：3'
                onInput={(e) => change({ days: e.detail.value })}
              />
            </FormField>
          </>
        ) : null}

        {type === 'transfer' ? (
          <FormField id='transfer-to' label='接办专员' required error={fields.toSpecialistId}>
            <TransferCandidatePicker appealId={appeal.id} selected={draft.toSpecialistId} onSelect={(toSpecialistId) => change({ toSpecialistId })} />
          </FormField>
        ) : null}

        {type === 'extend' ? (
          <FormField id='extend-date' label='新的办结日期' required error={fields.dueDate}>
            <DueDatePicker value={draft.dueDate} range={extendDateRange(extension)} onChange={(dueDate) => change({ dueDate })} />
          </FormField>
        ) : null}

        {type === 'set-measure' ? (
          <>
            <FormField id='measure-unit' label='责任单位' required error={fields.unit}>
              <Input
                className='input'
                value={draft.unit}
                maxlength={MEASURE_UNIT_MAX}
                placeholder='如：国网湘潭供电公司'
                onInput={(e) => change({ unit: e.detail.value })}
              />
            </FormField>
            <FormField id='measure-date' label='完成时限' required error={fields.dueDate}>
              <DueDatePicker value={draft.dueDate} range={measureDateRange(openedAt)} onChange={(dueDate) => change({ dueDate })} />
            </FormField>
          </>
        ) : null}

        {hasText ? (
          <FormField
            id='action-message'
            label={text.label}
            required={text.required}
            error={fields.message}
            counter={{ length: draft.message.trim().length, max: TEXT_MAX[type] }}
          >
            <Textarea
              className='textarea textarea-short'
              value={draft.message}
              maxlength={TEXT_MAX[type]}
              placeholder={text.placeholder}
              onInput={(e) => change({ message: e.detail.value })}
            />
          </FormField>
        ) : null}

        {type === 'respond' && openTasks.length ? (
          <FormField
            id='open-task-reason'
            label='先行答复原因'
            required
            error={fields.openTaskReason}
            counter={{ length: draft.openTaskReason.trim().length, max: OPEN_TASK_REASON_MAX }}
          >
            <Textarea
              className='textarea textarea-short'
              value={draft.openTaskReason}
              maxlength={OPEN_TASK_REASON_MAX}
              placeholder='协办单位尚未回复，请说明先行答复企业的原因'
              onInput={(e) => change({ openTaskReason: e.detail.value })}
            />
          </FormField>
        ) : null}

        {type === 'note' && role !== undefined && mayWriteInternalNote({ role }) ? (
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

        {withFiles ? (
          <FormField label='附件' error={fields.attachments}>
            <AttachmentPicker state={files} idPrefix={`panel-${type}`} />
          </FormField>
        ) : null}

        <View className='sheet-actions'>
          <Button className={acting ? 'btn btn-busy' : 'btn'} disabled={acting || undefined} onClick={onClose}>
            取消
          </Button>
          <Button
            id='action-submit'
            className={`btn ${type === 'withdraw' ? 'btn-danger' : 'btn-primary'}${acting || files.busy ? ' btn-busy' : ''}`}
            disabled={acting || files.busy || undefined}
            onClick={() => void submit()}
          >
            {acting ? '提交中…' : files.busy ? '附件上传中…' : SUBMIT_LABEL[type]}
          </Button>
        </View>
      </View>
    </View>
  )
}

/** What the person should know before confirming: the consequence, or what was asked of them. */
function PanelIntro(props: { type: AppealActionType; appeal: Appeal; task: CoHandler | undefined; rating: Rating | null; extension: ExtensionContext }) {
  const text = introText(props)
  return text ? <Text className='paragraph panel-intro'>{text}</Text> : null
}

function introText({ type, appeal, task, rating, extension }: Parameters<typeof PanelIntro>[0]): string | null {
  switch (type) {
    case 'accept':
      return '受理后将开始办理，请在办理时限内答复企业。确认受理该诉求吗？'
    case 'accept-task':
      return [
        task?.request ? `协办事项：${task.request}` : null,
        `接收后请在协办时限${task ? `（${formatShortDate(task.dueAt)}）` : ''}前回复协办意见。确认接收该协办任务吗？`,
      ]
        .filter(Boolean)
        .join('\n')
    case 'reply-task':
      return task?.request ? `协办事项：${task.request}\n协办意见只给承办专员，由专员答复企业。` : '协办意见只给承办专员，由专员答复企业。'
    case 'co-handle':
      return '协办单位会收到协办任务，须在协办时限内回复意见。'
    case 'transfer':
      return `当前承办：${holderName(appeal)}。转办后由接办专员继续办理，办理时限不变。`
    case 'escalate':
      return appeal.level < 2 ? `提级至${LEVEL_LABEL[appeal.level + 1]}，督办人员将跟进协调。` : null
    case 'extend':
      return extendIntro(appeal, extension)
    case 'evaluate':
      return evaluationIntro(appeal, rating)
    case 'call-evaluate':
      return `该企业暂无联系人使用小程序，请记录电话回访时企业的评价。${evaluationIntro(appeal, rating)}`
    case 'set-measure':
      return appeal.measure ? `现有措施：${appeal.measure.text}（${appeal.measure.unit}，${appeal.measure.dueDate} 前）。保存后将替换。` : '解决措施会显示在问题台账和企业看到的办理记录中。'
    case 'reopen':
      return `重新办理后诉求回到办理中，提级至${LEVEL_LABEL[Math.min(appeal.level + 1, 2)]}，并重新计算办理时限；每件诉求只能重新办理一次。`
    case 'request-material':
      return '发出后办理时限暂停计算，企业补充材料后恢复，时限相应顺延。'
    case 'supply-material':
      return appeal.awaitingMaterial ? `专员需要：${appeal.awaitingMaterial.message}` : null
    default:
      return null
  }
}
