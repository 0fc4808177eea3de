import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { FieldErrors } from '@shared/errors'
import { monthLabel, monthOf } from '@shared/domain/report-month'
import { MIN_PER_AREA_MAX, PERCENT_MAX, type DrawSampleResponse } from '@shared/schemas/return-visit.schema'
import { AccessGate } from '../../../components/access-gate'
import { FormField } from '../../../components/form-field'
import { EmptyState } from '../../../components/page-state'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { asApiError } from '../../../services/request'
import { drawReturnVisitSample } from '../../../services/return-visits-api'
import { MonthStepper } from '../components/month-stepper'
import { ScopeChips } from '../components/scope-chips'
import { emptySampleForm, listUrl, sampleRequestOf, type SampleForm } from '../return-visit-view'
import { useReturnVisitScope } from '../use-return-visit-scope'
import '../return-visit.css'

/**
 * 回访抽样: the month's random sample of closed appeals for the return call — a percentage of each
 * area's, at least a number per area, stratified by channel, every 未评价 one included. A month's
 * sample is drawn once; asking again shows the one drawn.
 */
export default function ReturnVisitSamplePage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const state = useReturnVisitScope(params.areaId ? decodeURIComponent(params.areaId) : null)
  const currentMonth = monthOf(new Date())
  const [form, setForm] = useState<SampleForm>(() => emptySampleForm(params.month && /^\d{4}-\d{2}$/.test(params.month) ? params.month : currentMonth, null))
  const [fields, setFields] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [result, setResult] = useState<DrawSampleResponse | null>(null)

  if (state.scope.kind === 'none') {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={state.scope} signedIn={state.user !== null} />
      </View>
    )
  }
  const set = <K extends keyof SampleForm>(key: K, value: SampleForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setFields((f) => ({ ...f, [key]: '' }))
    setResult(null)
  }

  const submit = async () => {
    const checked = sampleRequestOf({ ...form, areaId: state.areaId })
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setSubmitting(true)
    try {
      const drawn = await drawReturnVisitSample(checked.request)
      setResult(drawn)
      void Taro.showToast({ title: drawn.created ? '已抽样' : '本月已抽样', icon: drawn.created ? 'success' : 'none' })
    } catch (error) {
      const apiError = asApiError(error)
      if (Object.keys(apiError.fields).length > 0) setFields(apiError.fields)
      else void Taro.showToast({ title: apiError.message, icon: 'none', duration: 3000 })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className={`page ${textClass}`}>
      <ScopeChips state={state} />
      <MonthStepper month={form.month} currentMonth={currentMonth} onChange={(month) => set('month', month)} />
      {fields.month ? <Text className='field-error'>{fields.month}</Text> : null}
      <View className='card'>
        <Text className='muted small'>
          从{monthLabel(form.month)}办结的诉求中，按属地、按渠道分层随机抽取；“未评价”办结的诉求全部纳入。每个属地每月只抽一次，抽取后不再变动。
        </Text>
        <FormField label='抽样比例（%）' required error={fields.percent}>
          <Input id='rv-percent' className='input' type='number' value={form.percent} maxlength={3} placeholder={`1–${PERCENT_MAX}`} onInput={(e) => set('percent', e.detail.value)} />
        </FormField>
        <FormField label='每个属地至少抽取（件）' required error={fields.minPerArea}>
          <Input id='rv-min' className='input' type='number' value={form.minPerArea} maxlength={3} placeholder={`0–${MIN_PER_AREA_MAX}`} onInput={(e) => set('minPerArea', e.detail.value)} />
        </FormField>
      </View>
      <Button id='rv-draw' className={submitting ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'} disabled={submitting || undefined} onClick={() => void submit()}>
        {submitting ? '抽样中…' : '抽样'}
      </Button>
      {result ? <SampleResult result={result} /> : null}
    </View>
  )
}

function SampleResult({ result }: { result: DrawSampleResponse }) {
  if (result.strata.length === 0) return <EmptyState text='没有可抽样的属地' />
  return (
    <View id='rv-result' className='card'>
      <Text className='section-title'>{result.created ? '抽样结果' : '本月已抽样，以下为已抽取的样本'}</Text>
      {result.strata.map((s) => (
        <View key={s.areaId} id={`rv-stratum-${s.areaId}`} className='kv'>
          <Text className='kv-key'>{s.areaName}</Text>
          <Text className='kv-value'>
            办结 {s.population} 件，抽取 {s.sampled} 件（含未评价 {s.notEvaluated} 件；比例 {s.percent}%，至少 {s.minPerArea} 件）
          </Text>
        </View>
      ))}
      <Button id='rv-open-list' className='btn btn-outline btn-block' onClick={() => void Taro.redirectTo({ url: `${listUrl(result.month)}${result.scope.areaId ? `&areaId=${encodeURIComponent(result.scope.areaId)}` : ''}` })}>
        打开回访清单
      </Button>
    </View>
  )
}
