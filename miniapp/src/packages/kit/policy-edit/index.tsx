import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { ZodError } from 'zod'
import { shanghaiDate } from '@shared/domain/calendar'
import { mayManageKit } from '@shared/domain/policy'
import { industrySchema, scaleSchema } from '@shared/schemas/catalog.schema'
import { POLICY_HOW_TO_APPLY_MAX, POLICY_TITLE_MAX, policyDocInputSchema } from '@shared/schemas/policy.schema'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchCatalog } from '../../../services/api'
import { actOnPolicy, createPolicy, fetchPolicy } from '../../../services/kit-api'
import { asApiError } from '../../../services/request'
import { ROUTES } from '../../../settings'
import { INDUSTRY_WORDS, policyFormFields, policyFormOf, policyInputOf, SCALE_WORDS, toggled, type PolicyForm } from '../kit-view'
import '../kit.css'

/**
 * 新建政策 / 修改政策: the admins who keep the kit write a draft, or change a policy they keep
 * (every change is kept in its record). Checked here with the server's own schema first.
 */
export default function PolicyEditPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const existing = useLoader(user && id ? `kit-policy-edit|${user.id}|${id}` : null, () => fetchPolicy(id))
  const catalog = useLoader(user ? 'catalog' : null, fetchCatalog)
  const [form, setForm] = useState<PolicyForm | null>(id ? null : policyFormOf(null, shanghaiDate(new Date())))
  const [fields, setFields] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (existing.data) setForm(policyFormOf(existing.data.policy, shanghaiDate(new Date())))
  }, [existing.data])

  if (!user || !mayManageKit(user)) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text={user ? '编写政策仅供属地和市级管理员使用' : '请先登录'} />
      </View>
    )
  }
  if (id && !existing.data) {
    return (
      <View className={`page ${textClass}`}>
        {existing.error ? <ErrorState message={existing.error.message} onRetry={() => void existing.reload()} /> : <LoadingState />}
      </View>
    )
  }
  if (existing.data && !existing.data.policy.actions.includes('edit')) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='您不能修改这条政策' />
      </View>
    )
  }
  if (!form) return <LoadingState />

  const update = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => setForm({ ...form, [key]: value })
  const save = async () => {
    const parsed = policyDocInputSchema.safeParse(policyInputOf(form))
    setFields(parsed.success ? {} : policyFormFields(fieldErrorsFromZodDeep(parsed.error)))
    if (!parsed.success || saving) return
    setSaving(true)
    try {
      if (existing.data) {
        await actOnPolicy(existing.data.policy.id, { type: 'edit', expectedVersion: existing.data.policy.version, policy: parsed.data })
        await Taro.showToast({ title: '已保存', icon: 'success' })
        await Taro.navigateBack()
      } else {
        const created = await createPolicy(parsed.data)
        await Taro.showToast({ title: '草稿已保存', icon: 'success' })
        await Taro.redirectTo({ url: `${ROUTES.kitPolicy}?id=${encodeURIComponent(created.id)}` })
      }
    } catch (error) {
      const failure = asApiError(error)
      setFields(policyFormFields(failure.fields))
      void Taro.showToast({ title: failure.message, icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }
  const text = (key: 'title' | 'issuer' | 'docNumber' | 'issuedOn' | 'effectiveOn' | 'expiresOn' | 'phone' | 'phoneUnit' | 'originalUrl', placeholder = '') => (
    <Input id={`policy-${key}`} className='input' value={form[key]} placeholder={placeholder} onInput={(e) => update(key, e.detail.value)} />
  )

  return (
    <View id='policy-edit' className={`page ${textClass}`}>
      {existing.data?.policy.status === 'published' ? <Text className='banner banner-info'>这条政策已发布：保存后企业立即看到修改后的内容。</Text> : null}
      <View className='card'>
        <FormField label='政策名称' required error={fields.title} counter={{ length: form.title.trim().length, max: POLICY_TITLE_MAX }}>
          {text('title')}
        </FormField>
        <FormField label='发文单位' required error={fields.issuer}>
          {text('issuer', '例如：湘潭高新区管委会')}
        </FormField>
        <FormField label='文号' error={fields.docNumber}>
          {text('docNumber', '例如：潭高新发〔2026〕31号')}
        </FormField>
        <FormField label='诉求类别' required error={fields.categoryId}>
          {catalog.data ? (
            <ChipGroup
              idPrefix='policy-category'
              label='诉求类别'
              options={catalog.data.categories.map((c) => ({ value: c.id, label: c.name }))}
              selected={form.categoryId}
              onSelect={(value) => update('categoryId', value)}
            />
          ) : (
            <Text className='muted small'>{catalog.error ? catalog.error.message : '加载中…'}</Text>
          )}
        </FormField>
        <FormField label='发布日期' required error={fields.issuedOn}>
          {text('issuedOn', 'YYYY-MM-DD')}
        </FormField>
        <FormField label='施行日期' required error={fields.effectiveOn}>
          {text('effectiveOn', 'YYYY-MM-DD')}
        </FormField>
        <FormField label='失效日期' error={fields.expiresOn}>
          {text('expiresOn', '空着表示长期有效')}
        </FormField>
      </View>
      <View className='card'>
        <FormField label='适用规模（不选为全部）' error={fields.scales}>
          <ChipGroup
            idPrefix='policy-scale'
            label='适用规模'
            options={scaleSchema.options.map((s) => ({ value: s, label: SCALE_WORDS[s] }))}
            selected={form.scales}
            onSelect={(value) => update('scales', toggled(form.scales, value))}
          />
        </FormField>
        <FormField label='适用行业（不选为全部）' error={fields.industries}>
          <ChipGroup
            idPrefix='policy-industry'
            label='适用行业'
            options={industrySchema.options.map((i) => ({ value: i, label: INDUSTRY_WORDS[i] }))}
            selected={form.industries}
            onSelect={(value) => update('industries', toggled(form.industries, value))}
          />
        </FormField>
        <FormField label='政策要点（每行一条，最多 8 条）' required error={fields.keyPoints}>
          <Textarea id='policy-keyPoints' className='textarea' value={form.keyPoints} onInput={(e) => update('keyPoints', e.detail.value)} />
        </FormField>
        <FormField label='怎么申报' required error={fields.howToApply} counter={{ length: form.howToApply.trim().length, max: POLICY_HOW_TO_APPLY_MAX }}>
          <Textarea id='policy-howToApply' className='textarea' value={form.howToApply} maxlength={POLICY_HOW_TO_APPLY_MAX} onInput={(e) => update('howToApply', e.detail.value)} />
        </FormField>
        <FormField label='咨询电话' required error={fields.phone}>
          {text('phone', '例如：0731-58290119 或 12366')}
        </FormField>
        <FormField label='咨询单位' error={fields.phoneUnit}>
          {text('phoneUnit')}
        </FormField>
        <FormField label='原文链接' error={fields.originalUrl}>
          {text('originalUrl', 'https://…（原文 PDF 可在政策页上传）')}
        </FormField>
      </View>
      <Button id='policy-save' className={`btn btn-primary btn-block${saving ? ' btn-busy' : ''}`} disabled={saving || undefined} onClick={() => void save()}>
        {existing.data ? '保存修改' : '保存为草稿'}
      </Button>
    </View>
  )
}

/** Zod's issues keyed by their whole path (appliesTo.scales, keyPoints.2), for the form to name its fields. */
function fieldErrorsFromZodDeep(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  return fields
}
