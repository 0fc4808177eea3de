import { Button, Text, Textarea, View } from '@tarojs/components'
import { reassignRequestSchema, type SpecialistSummary } from '@shared/schemas/roster.schema'
import { FormField } from '../../../components/form-field'
import { ErrorState, LoadingState } from '../../../components/page-state'
import type { Loader } from '../../../hooks/use-loader'
import { useTransferForm, type TransferFormConfig } from '../hooks/use-transfer-form'
import { SpecialistPicker } from './specialist-picker'

/** Read from the shared schema, so the counter and the API agree. */
const REASON_MAX = reassignRequestSchema.shape.reason.maxLength ?? 200

export interface TransferPanelIds {
  panel: string
  /** Prefix of the specialist rows: `<picker>-<specialistId>`. */
  picker: string
  reason: string
  submit: string
}

/**
 * The in-page sheet of 调整专员 and 整体移交: choose the receiving specialist, give a reason,
 * submit. Mounted per opening, so each opening starts from an empty form.
 */
export function TransferPanel<Body>(props: {
  ids: TransferPanelIds
  title: string
  intro: string
  submitLabel: string
  specialists: Loader<SpecialistSummary[]>
  /** The specialist giving the enterprises away (not selectable). */
  currentId: string | null
  config: TransferFormConfig<Body>
  onClose: () => void
}) {
  const { ids, specialists } = props
  const form = useTransferForm(props.config)
  const close = form.submitting ? undefined : props.onClose

  return (
    <View className='transfer-panel'>
      <View className='sheet-mask' onClick={close} />
      <View id={ids.panel} className='sheet'>
        <Text className='sheet-title'>{props.title}</Text>
        {form.formError ? <Text className='banner banner-error'>{form.formError}</Text> : null}
        <Text className='paragraph transfer-intro'>{props.intro}</Text>

        <FormField label='接收专员' required error={form.fields.specialist}>
          {specialists.loading && !specialists.data ? (
            <LoadingState text='正在加载专员…' />
          ) : specialists.error && !specialists.data ? (
            <ErrorState message={specialists.error.message} onRetry={() => void specialists.reload()} />
          ) : (
            <SpecialistPicker
              idPrefix={ids.picker}
              specialists={specialists.data ?? []}
              selected={form.draft.specialistId}
              currentId={props.currentId}
              onSelect={(specialistId) => form.change({ specialistId })}
            />
          )}
        </FormField>

        <FormField
          label='调整原因'
          required
          error={form.fields.reason}
          counter={{ length: form.draft.reason.trim().length, max: REASON_MAX }}
        >
          <Textarea
            id={ids.reason}
            className='textarea textarea-short'
            value={form.draft.reason}
            maxlength={REASON_MAX}
            placeholder='如：专员岗位调整、企业迁入其他园区'
            onInput={(e) => form.change({ reason: e.detail.value })}
          />
        </FormField>

        <View className='sheet-actions'>
          <Button className={form.submitting ? 'btn btn-busy' : 'btn'} disabled={form.submitting || undefined} onClick={close}>
            取消
          </Button>
          <Button
            id={ids.submit}
            className={form.submitting ? 'btn btn-primary btn-busy' : 'btn btn-primary'}
            disabled={form.submitting || undefined}
            onClick={() => void form.submit()}
          >
            {form.submitting ? '提交中…' : props.submitLabel}
          </Button>
        </View>
      </View>
    </View>
  )
}
