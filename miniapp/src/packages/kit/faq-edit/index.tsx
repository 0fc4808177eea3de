import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { FieldErrors } from '@shared/errors'
import { FAQ_ANSWER_MAX, FAQ_QUESTION_MAX, faqInputSchema, type FaqInput, type FaqView } from '@shared/schemas/policy.schema'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchCatalog } from '../../../services/api'
import { actOnFaq, fetchFaq } from '../../../services/kit-api'
import { asApiError } from '../../../services/request'
import { fieldErrorsFromZod, hasErrors } from '../../../utils/validation'
import '../kit.css'

/** The API names an edit's fields `entry.<field>`; the form names them by field. */
const formFields = (fields: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([key, message]) => [key.replace(/^entry\./, ''), message]))

/**
 * 编辑问答: an FAQ entry its keeper may change — above all one drafted from a closed appeal, whose
 * enterprise and personal details the admin removes here before publishing it (never automatically).
 */
export default function FaqEditPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const entry = useLoader(user && id ? `kit-faq-edit|${user.id}|${id}` : null, () => fetchFaq(id))
  const catalog = useLoader(user ? 'catalog' : null, fetchCatalog)
  const [draft, setDraft] = useState<FaqInput | null>(null)
  const [fields, setFields] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (entry.data) setDraft({ question: entry.data.question, answer: entry.data.answer, categoryId: entry.data.categoryId, policyIds: entry.data.policyIds })
  }, [entry.data])

  if (!user || !id) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text={user ? '未找到该问答' : '请先登录'} />
      </View>
    )
  }
  if (!entry.data || !draft) {
    return (
      <View className={`page ${textClass}`}>
        {entry.error ? <ErrorState message={entry.error.message} onRetry={() => void entry.reload()} /> : <LoadingState />}
      </View>
    )
  }
  const current: FaqView = entry.data
  if (!current.actions.includes('edit')) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='您不能修改这条问答' />
      </View>
    )
  }

  const update = <K extends keyof FaqInput>(key: K, value: FaqInput[K]) => setDraft({ ...draft, [key]: value })

  /** Saves the text, then publishes it when asked; each step at the version the page holds. */
  const save = async (publish: boolean) => {
    const parsed = faqInputSchema.safeParse(draft)
    const found = parsed.success ? {} : fieldErrorsFromZod(parsed.error)
    setFields(found)
    if (!parsed.success || hasErrors(found) || saving) return
    setSaving(true)
    try {
      const saved = await actOnFaq(current.id, { type: 'edit', expectedVersion: current.version, entry: parsed.data })
      if (publish) await actOnFaq(current.id, { type: 'publish', expectedVersion: saved.version })
      await Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'success' })
      await entry.reload()
    } catch (error) {
      const failure = asApiError(error)
      setFields(formFields(failure.fields))
      void Taro.showToast({ title: failure.message, icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }

  const published = current.status === 'published'
  return (
    <View className={`page ${textClass}`}>
      {current.fromAppeal && !published ? (
        <Text id='faq-edit-notice' className='banner banner-info'>
          由诉求 {current.fromAppeal.number} 的答复整理。发布前请删去企业名称、人名、电话等企业和个人信息，企业只能看到已发布的问答。
        </Text>
      ) : null}
      <Text id='faq-edit-status' className='muted small'>
        {published ? '已发布：企业可以看到' : '草稿：企业看不到'}
      </Text>
      <View className='card'>
        <FormField label='问题' required error={fields.question} counter={{ length: draft.question.trim().length, max: FAQ_QUESTION_MAX }}>
          <Input id='faq-question' className='input' value={draft.question} maxlength={FAQ_QUESTION_MAX} onInput={(e) => update('question', e.detail.value)} />
        </FormField>
        <FormField label='解答' required error={fields.answer} counter={{ length: draft.answer.trim().length, max: FAQ_ANSWER_MAX }}>
          <Textarea id='faq-answer' className='textarea' value={draft.answer} maxlength={FAQ_ANSWER_MAX} onInput={(e) => update('answer', e.detail.value)} />
        </FormField>
        <FormField label='问题类别' required error={fields.categoryId}>
          {catalog.data ? (
            <ChipGroup
              idPrefix='faq-edit-category'
              label='问题类别'
              options={catalog.data.categories.map((c) => ({ value: c.id, label: c.name }))}
              selected={draft.categoryId}
              onSelect={(value) => update('categoryId', value)}
            />
          ) : (
            <Text className='muted small'>{catalog.error ? catalog.error.message : '加载中…'}</Text>
          )}
        </FormField>
      </View>
      <View className='kit-search-bar'>
        <Button id='faq-save' className={`btn btn-outline${saving ? ' btn-busy' : ''}`} disabled={saving || undefined} onClick={() => void save(false)}>
          保存
        </Button>
        {published ? null : (
          <Button id='faq-publish' className={`btn btn-primary${saving ? ' btn-busy' : ''}`} disabled={saving || undefined} onClick={() => void save(true)}>
            保存并发布
          </Button>
        )}
      </View>
    </View>
  )
}
