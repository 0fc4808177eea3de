import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { FieldErrors } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { SimilarAppeal } from '@shared/schemas/common-problem.schema'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { MeasureFields } from '../../../components/measure-fields'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { SimilarAppealChecklist } from '../../../components/similar-appeals'
import { createCommonProblem, fetchSimilarAppeals } from '../../../services/common-problems-api'
import { asApiError, type ApiError } from '../../../services/request'
import { ROUTES } from '../../../settings'
import { COMMON_TITLE_MAX, commonFormFields, emptyMergeForm, mergeRequestOf, type MergeForm } from '../../../utils/common-problem'
import './common-problem.css'

const openProblem = (id: string) => void Taro.navigateTo({ url: `${ROUTES.commonProblem}?id=${encodeURIComponent(id)}` })

/** 共性问题：<title> — the common problem this appeal is worked in. */
export function CommonProblemLine({ problem }: { problem: { id: string; title: string } }) {
  return (
    <View id='appeal-common-problem' className='card common-line' onClick={() => openProblem(problem.id)}>
      <Text className='common-line-text'>
        共性问题：<Text className='common-line-title'>{problem.title}</Text>
      </Text>
      <Text className='muted'>›</Text>
    </View>
  )
}

/**
 * 相似诉求, loaded on demand: open appeals like this one, to tick and merge with it into one common
 * problem (one name, one responsible unit, an optional measure). Created, it opens the problem.
 */
export function SimilarAppealsSection({ appeal, onMerged }: { appeal: Appeal; onMerged: () => void }) {
  const [items, setItems] = useState<SimilarAppeal[] | null>(null)
  const [loading, setLoading] = useState(false)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [selected, setSelected] = useState<string[]>([])
  const [form, setForm] = useState<MergeForm>(() => emptyMergeForm(appeal.title))
  const [fields, setFields] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)

  const load = async () => {
    setLoading(true)
    setLoadError(null)
    try {
      setItems(await fetchSimilarAppeals(appeal.id))
    } catch (error) {
      setLoadError(asApiError(error))
    } finally {
      setLoading(false)
    }
  }
  const toggle = (id: string) => {
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))
    setFields((f) => ({ ...f, appealIds: '' }))
  }
  const set = <K extends keyof MergeForm>(name: K, value: MergeForm[K]) => {
    setForm((f) => ({ ...f, [name]: value }))
    setFields((f) => ({ ...f, [name]: '' }))
  }

  const submit = async () => {
    if (selected.length === 0) {
      setFields({ appealIds: '请至少勾选 1 件相似诉求' })
      return
    }
    const checked = mergeRequestOf(form, [appeal.id, ...selected])
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setSubmitting(true)
    try {
      const detail = await createCommonProblem(checked.request)
      // Back from the problem's page, this page names the problem instead of offering the merge again.
      onMerged()
      openProblem(detail.problem.id)
    } catch (error) {
      const apiError = asApiError(error)
      const placed = commonFormFields(apiError.fields)
      setFields(Object.keys(placed).length ? { _: apiError.message, ...placed } : { _: apiError.message })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View id='similar-appeals' className='card'>
      <Text className='section-title'>相似诉求</Text>
      {items === null ? (
        loading ? (
          <LoadingState text='正在查找相似诉求…' />
        ) : (
          <View>
            {loadError ? <ErrorState message={loadError.message} onRetry={() => void load()} /> : null}
            {loadError ? null : (
              <Text className='muted small common-hint'>其他企业反映的同类问题可以合并为共性问题，统一措施、统一答复，各企业仍分别评价。</Text>
            )}
            {loadError ? null : (
              <Button id='find-similar' className='btn btn-outline btn-block' onClick={() => void load()}>
                查找相似诉求
              </Button>
            )}
          </View>
        )
      ) : items.length === 0 ? (
        <EmptyState text='暂未发现相似的未办结诉求' />
      ) : (
        <View>
          <SimilarAppealChecklist items={items} selected={selected} onToggle={toggle} />
          {fields.appealIds ? <Text className='field-error'>{fields.appealIds}</Text> : null}
          <View id='merge-form' className='common-form'>
            <Text className='section-title'>合并为共性问题（已选 {selected.length + 1} 件，含本诉求）</Text>
            <FormField label='共性问题名称' required error={fields.title} counter={{ length: form.title.trim().length, max: COMMON_TITLE_MAX }}>
              <Input id='merge-title' className='input' value={form.title} maxlength={COMMON_TITLE_MAX} onInput={(e) => set('title', e.detail.value)} />
            </FormField>
            <FormField label='责任单位' required error={fields.responsibleUnit}>
              <Input id='merge-unit' className='input' value={form.responsibleUnit} placeholder='如：市自然资源和规划局' onInput={(e) => set('responsibleUnit', e.detail.value)} />
            </FormField>
            <ChipGroup
              idPrefix='merge-measure'
              label='解决措施'
              options={[
                { value: 'no', label: '暂不填写措施' },
                { value: 'yes', label: '填写解决措施' },
              ]}
              selected={form.withMeasure ? 'yes' : 'no'}
              onSelect={(v) => set('withMeasure', v === 'yes')}
            />
            {form.withMeasure ? <MeasureFields idPrefix='merge-measure' values={form} fields={fields} onChange={(name, value) => set(name, value)} /> : null}
            {fields._ ? <Text className='field-error'>{fields._}</Text> : null}
            <Button
              id='merge-submit'
              className={submitting ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'}
              disabled={submitting || undefined}
              onClick={() => void submit()}
            >
              {submitting ? '合并中…' : '合并为共性问题'}
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
