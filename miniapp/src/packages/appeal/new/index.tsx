import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useMemo } from 'react'
import { DESCRIPTION_MAX, TITLE_MAX, onBehalfSchema } from '@shared/schemas/appeal.schema'
import { CHANNEL_LABEL, ON_BEHALF_LABEL } from '@shared/labels'
import { mayWorkForEnterprises, seesFilingSuggestions } from '@shared/domain/policy'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { FormField } from '../../../components/form-field'
import { ChipGroup } from '../../../components/chip-group'
import { useNewAppeal, type OnBehalfFiling } from '../../../hooks/use-new-appeal'
import { useAttachments } from '../../../hooks/use-attachments'
import { AttachmentPicker } from '../../../components/attachment-picker'
import { KitSuggestions } from '../../../components/kit-suggestions'
import { useSessionUser } from '../../../hooks/use-session-user'
import { goToLogin } from '../../../services/navigation'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import './index.css'

/** 提诉求: choose enterprise and category, describe the problem, submit. */
export default function NewAppealPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const { params } = useRouter()
  // 专员代提: opened from 我服务的企业 (phone), a visit record or an exchange day, for one enterprise.
  const forEnterprise = useMemo(() => onBehalfOf(params), [params])
  const form = useNewAppeal(user, params.enterpriseId, forEnterprise)
  const { draft, fields, catalog, enterprises } = form
  const attachmentTarget = useMemo(() => (draft.enterpriseId ? { kind: 'new-appeal' as const, enterpriseId: draft.enterpriseId } : null), [draft.enterpriseId])
  const attachments = useAttachments(attachmentTarget)

  if (!user) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='请先登录后再提交诉求'>
          <Button className='btn btn-primary btn-small' onClick={goToLogin}>
            去登录
          </Button>
        </EmptyState>
      </View>
    )
  }
  if (forEnterprise && !mayWorkForEnterprises(user)) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有企业服务专员和管理员可以代企业提交诉求' />
      </View>
    )
  }
  if (enterprises.length === 0) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='您还没有已绑定的企业，请扫描企业服务联系卡完成绑定后再提交诉求' />
      </View>
    )
  }
  if (catalog.loading) return <LoadingState />
  if (catalog.error || !catalog.data) {
    return (
      <ErrorState message={catalog.error?.message ?? '诉求类别加载失败'} onRetry={() => void catalog.reload()} />
    )
  }
  const categories = catalog.data.categories
  const fixedEnterprise = enterprises.length === 1 ? enterprises[0] : undefined

  return (
    <View className={`page ${textClass}`}>
      {forEnterprise ? (
        <View id='on-behalf-banner' className='banner banner-info'>
          <Text>
            {ON_BEHALF_LABEL} · {CHANNEL_LABEL[forEnterprise.onBehalf.channel]}：为「{forEnterprise.enterprise.enterpriseName}」登记问题，企业联系人会收到通知并可评价办理结果。
          </Text>
        </View>
      ) : null}
      <View className='card'>
        <FormField label='所属企业' required error={fields.enterpriseId}>
          {fixedEnterprise ? (
            <Text id='enterprise-fixed' className='new-enterprise'>
              {fixedEnterprise.enterpriseName}
            </Text>
          ) : (
            <ChipGroup
              idPrefix='enterprise'
              options={enterprises.map((e) => ({ value: e.enterpriseId, label: e.enterpriseName }))}
              selected={draft.enterpriseId}
              onSelect={(value) => form.update('enterpriseId', value)}
            />
          )}
        </FormField>

        <FormField id='category-picker' label='诉求类别' required error={fields.categoryId}>
          {categories.length === 0 ? (
            <View className='state-empty'>
              <Text className='muted'>暂无可选的诉求类别</Text>
            </View>
          ) : (
            <ChipGroup
              idPrefix='category'
              options={categories.map((c) => ({ value: c.id, label: c.name }))}
              selected={draft.categoryId}
              onSelect={(value) => form.update('categoryId', value)}
            />
          )}
        </FormField>

        <FormField label='标题' required error={fields.title} counter={{ length: draft.title.trim().length, max: TITLE_MAX }}>
          <Input
            id='title-input'
            className='input'
            value={draft.title}
            maxlength={TITLE_MAX}
            placeholder='一句话说明您的诉求，如：新厂房需要增容用电'
            onInput={(e) => form.update('title', e.detail.value)}
          />
        </FormField>

        {seesFilingSuggestions(user) ? <KitSuggestions title={draft.title} categoryId={draft.categoryId || undefined} enterpriseId={draft.enterpriseId || undefined} /> : null}

        <FormField
          label='诉求内容'
          required
          error={fields.description}
          counter={{ length: draft.description.trim().length, max: DESCRIPTION_MAX }}
        >
          <Textarea
            id='description-input'
            className='textarea'
            value={draft.description}
            maxlength={DESCRIPTION_MAX}
            placeholder='请说明遇到的问题、已做过的努力和希望得到的帮助'
            onInput={(e) => form.update('description', e.detail.value)}
          />
        </FormField>

        {forEnterprise ? null : (
          <FormField label='照片和材料' error={fields.attachments}>
            <AttachmentPicker state={attachments} idPrefix='new-appeal' />
          </FormField>
        )}
      </View>

      <Text className='muted small new-hint'>
        {forEnterprise ? '提交后按诉求流程交办、办理和答复；现场照片请记在走访记录中。' : '提交后将由企业服务专员受理，您可在“诉求”中随时查看办理进度。'}
      </Text>
      <Button
        id='submit-appeal'
        className={form.submitting || attachments.busy ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'}
        disabled={form.submitting || attachments.busy || undefined}
        onClick={() => void form.submit(attachments.ids)}
      >
        {form.submitting ? '提交中…' : attachments.busy ? '附件上传中…' : '提交诉求'}
      </Button>
    </View>
  )
}

/** The on-behalf filing the page was opened for (?onBehalf=phone|visit|event&enterpriseId&enterpriseName&visitId|eventId), if any. */
function onBehalfOf(params: Partial<Record<string, string>>): OnBehalfFiling | undefined {
  const { onBehalf: channel, enterpriseId, enterpriseName } = params
  if (!channel || !enterpriseId) return undefined
  const parsed = onBehalfSchema.safeParse(
    channel === 'visit' ? { channel, visitId: params.visitId } : channel === 'event' ? { channel, eventId: params.eventId } : { channel },
  )
  if (!parsed.success) return undefined
  return { onBehalf: parsed.data, enterprise: { enterpriseId, enterpriseName: decoded(enterpriseName) || enterpriseId } }
}

/** A query value, which may arrive still percent-encoded depending on the target. */
function decoded(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '')
  } catch {
    return value ?? ''
  }
}
