import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import type { FieldErrors } from '@shared/errors'
import { mayOpenVisitRound } from '@shared/domain/policy'
import { VISIT_ROUND_NAME_MAX, VISIT_ROUND_TARGET_MAX, type RoundSelection } from '@shared/schemas/visit-round.schema'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { listEnterprises } from '../../../services/admin-api'
import { fetchCatalog } from '../../../services/api'
import { asApiError } from '../../../services/request'
import { openVisitRound } from '../../../services/visit-rounds-api'
import { emptyRoundForm, ROUND_ROUTES, roundFormFields, roundRequestOf, SELECTION_LABEL, toggled, type RoundForm } from '../rounds-view'
import '../rounds.css'

const CITY = 'city'
const SELECTIONS: RoundSelection['kind'][] = ['all', 'above', 'near', 'list']

/** 新建走访轮次: name, scope (an area, or the whole city for the city admin), dates, which enterprises, visits each. */
export default function NewVisitRoundPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = user !== null && mayOpenVisitRound(user, user.areaId ?? null)
  const catalog = useLoader(allowed ? 'catalog' : null, fetchCatalog)
  const [form, setForm] = useState<RoundForm>(() => emptyRoundForm(user?.areaId ?? null))
  const [fields, setFields] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const rosterArea = form.selection === 'list' ? form.areaId : null
  const roster = useLoader(rosterArea ? `roster|${rosterArea}` : null, () => listEnterprises({ areaId: rosterArea ?? undefined, limit: 100 }))

  if (!user || !allowed) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有属地管理员和市级管理员可以开启走访轮次' />
      </View>
    )
  }
  if (!catalog.data) {
    return (
      <View className={`page ${textClass}`}>
        {catalog.error ? <ErrorState message={catalog.error.message} onRetry={() => void catalog.reload()} /> : <LoadingState />}
      </View>
    )
  }

  const set = <K extends keyof RoundForm>(key: K, value: RoundForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setFields((f) => ({ ...f, [key === 'enterpriseIds' ? 'selection' : key]: '' }))
  }
  const areaOptions = [
    ...(mayOpenVisitRound(user, null) ? [{ value: CITY, label: '全市' }] : []),
    ...catalog.data.areas.filter((a) => mayOpenVisitRound(user, a.id)).map((a) => ({ value: a.id, label: a.name })),
  ]

  const submit = async () => {
    const checked = roundRequestOf(form)
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setSubmitting(true)
    try {
      const round = await openVisitRound(checked.request)
      void Taro.showToast({ title: '已开启', icon: 'success' })
      void Taro.redirectTo({ url: `${ROUND_ROUTES.coverage}?id=${encodeURIComponent(round.id)}` })
    } catch (error) {
      const apiError = asApiError(error)
      if (Object.keys(apiError.fields).length > 0) setFields(roundFormFields(apiError.fields))
      else void Taro.showToast({ title: apiError.message, icon: 'none', duration: 3000 })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className={`page ${textClass}`}>
      <View className='card'>
        <FormField label='轮次名称' required error={fields.name} counter={{ length: form.name.trim().length, max: VISIT_ROUND_NAME_MAX }}>
          <Input id='round-name' className='input' value={form.name} maxlength={VISIT_ROUND_NAME_MAX} placeholder='如：2026 年首轮走访' onInput={(e) => set('name', e.detail.value)} />
        </FormField>
        <FormField label='走访范围' required error={fields.areaId}>
          <ChipGroup idPrefix='round-area' options={areaOptions} selected={form.areaId ?? CITY} onSelect={(value) => set('areaId', value === CITY ? null : value)} />
        </FormField>
        <FormField label='开始日期' required error={fields.from}>
          <Picker mode='date' value={form.from} onChange={(e) => set('from', String(e.detail.value))}>
            <View id='round-from' className='input picker-value'>
              {form.from || <Text className='muted'>请选择开始日期</Text>}
            </View>
          </Picker>
        </FormField>
        <FormField label='结束日期' required error={fields.to}>
          <Picker mode='date' value={form.to} onChange={(e) => set('to', String(e.detail.value))}>
            <View id='round-to' className='input picker-value'>
              {form.to || <Text className='muted'>请选择结束日期</Text>}
            </View>
          </Picker>
        </FormField>
        <FormField label='走访企业' required error={fields.selection}>
          <ChipGroup idPrefix='round-selection' options={SELECTIONS.map((s) => ({ value: s, label: SELECTION_LABEL[s] }))} selected={form.selection} onSelect={(value) => set('selection', value)} />
          {form.selection !== 'list' ? null : form.areaId === null ? (
            <Text className='muted small'>全市轮次请按规模选择企业</Text>
          ) : roster.data ? (
            <ChipGroup
              idPrefix='round-enterprise'
              options={roster.data.items.map((e) => ({ value: e.id, label: e.name }))}
              selected={form.enterpriseIds}
              onSelect={(value) => set('enterpriseIds', toggled(form.enterpriseIds, value))}
            />
          ) : roster.error ? (
            <ErrorState message={roster.error.message} onRetry={() => void roster.reload()} />
          ) : (
            <LoadingState text='正在加载企业名册…' />
          )}
        </FormField>
        <FormField label='每家企业走访次数' required error={fields.target}>
          <Input id='round-target' className='input' type='number' value={form.target} maxlength={2} placeholder={`1–${VISIT_ROUND_TARGET_MAX}`} onInput={(e) => set('target', e.detail.value)} />
        </FormField>
      </View>
      <Button id='submit-round' className={submitting ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'} disabled={submitting || undefined} onClick={() => void submit()}>
        {submitting ? '提交中…' : '开启走访轮次'}
      </Button>
    </View>
  )
}
