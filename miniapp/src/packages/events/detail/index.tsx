import { useMemo, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Picker, Text, Textarea, Input, View } from '@tarojs/components'
import type { FieldErrors } from '@shared/errors'
import { isInvited, SOLVED_MEANS } from '@shared/domain/exchange-events'
import { mayUseExchangeEvents } from '@shared/domain/policy'
import { MEASURE_TEXT_MAX } from '@shared/schemas/appeal.schema'
import type { Catalog } from '@shared/schemas/catalog.schema'
import type { EventProblem, ExchangeEventDetail } from '@shared/schemas/exchange-event.schema'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { StatusTag } from '../../../components/status-tag'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { listEnterprises } from '../../../services/admin-api'
import { fetchCatalog, submitAppeal } from '../../../services/api'
import { fetchExchangeEvent } from '../../../services/events-api'
import { asApiError } from '../../../services/request'
import { ROUTES } from '../../../settings'
import { randomUuid } from '../../../utils/id'
import { subjectOf } from '../../../utils/subject'
import {
  emptyQuickEntry,
  eventWhen,
  nextQuickEntry,
  pickableEnterprises,
  quickEntryFields,
  quickEntryRequest,
  TALLY_LABELS,
  type QuickEntry,
} from '../events-view'
import '../events.css'

/**
 * The event page: what and when, the live tallies (现场提出 / 已定措施 / 已解决), a panel to record
 * the problems raised one after another — each becomes an appeal filed for the enterprise — and
 * the list of those problems with where each stands.
 */
export default function ExchangeEventPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const allowed = mayUseExchangeEvents(user)
  const detail = useLoader(allowed && id ? `event|${id}` : null, () => fetchExchangeEvent(id))
  const catalog = useLoader(allowed ? 'catalog' : null, fetchCatalog)

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && detail.data) void detail.reload()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    detail.reload().then(stop, stop)
  })

  if (!user || !allowed) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有企业服务专员和管理员可以查看交流活动' />
      </View>
    )
  }
  if (!detail.data) {
    return (
      <View className={`page ${textClass}`}>
        {detail.error ? <ErrorState message={detail.error.message} onRetry={() => void detail.reload()} /> : <LoadingState />}
      </View>
    )
  }
  const { event, tallies, problems } = detail.data
  const departments = catalog.data ? event.departmentIds.map((d) => catalog.data!.departments.find((x) => x.id === d)?.name ?? d) : event.departmentIds
  const areaName = event.areaId === null ? '市级' : (catalog.data?.areas.find((a) => a.id === event.areaId)?.name ?? event.areaId)

  return (
    <View className={`page ${textClass}`}>
      <View id='event-head' className='card'>
        <Text className='event-title'>{event.title}</Text>
        <Text className='muted small'>
          {event.series} · {areaName}
        </Text>
        <Row label='时间' value={eventWhen(event)} />
        <Row label='地点' value={event.place} />
        <Row label='主持领导' value={event.hosts.join('、')} />
        <Row label='参会部门' value={departments.length ? departments.join('、') : '—'} />
      </View>

      <View id='event-tallies' className='card'>
        <View className='event-tallies'>
          {TALLY_LABELS.map(({ key, label }) => (
            <View key={key} id={`tally-${key}`} className='event-tally'>
              <Text className='event-tally-value'>{tallies[key]}</Text>
              <Text className='muted small'>{label}</Text>
            </View>
          ))}
        </View>
        <Text className='muted small'>{SOLVED_MEANS}</Text>
      </View>

      {catalog.data ? (
        <QuickEntryPanel detail={detail.data} catalog={catalog.data} onRecorded={() => void detail.reload()} />
      ) : catalog.error ? (
        <ErrorState message={catalog.error.message} onRetry={() => void catalog.reload()} />
      ) : (
        <LoadingState />
      )}

      <Text className='section-title'>现场问题（{problems.length}）</Text>
      {problems.length === 0 ? (
        <EmptyState text='还没有记录问题' />
      ) : (
        <View id='event-problems'>
          {problems.map((problem) => (
            <ProblemRow key={problem.appealId} problem={problem} />
          ))}
        </View>
      )}
    </View>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='kv'>
      <Text className='kv-key'>{label}</Text>
      <Text className='kv-value'>{value}</Text>
    </View>
  )
}

function ProblemRow({ problem }: { problem: EventProblem }) {
  return (
    <View
      id={`problem-${problem.appealId}`}
      className='card event-problem'
      onClick={() => void Taro.navigateTo({ url: `${ROUTES.appealDetail}?id=${encodeURIComponent(problem.appealId)}` })}
    >
      <View className='event-problem-head'>
        <Text className='event-problem-title'>{problem.title}</Text>
        <StatusTag status={problem.status} />
      </View>
      <Text className='muted small'>
        <Text className='appeal-number'>{problem.number}</Text> · {problem.enterpriseName} · {problem.categoryName}
      </Text>
      {problem.measure ? (
        <Text className='small event-problem-measure'>
          措施：{problem.measure.text}（{problem.measure.unit}，{problem.measure.dueDate} 前）
        </Text>
      ) : (
        <Text className='muted small'>尚未议定解决措施</Text>
      )}
      {problem.solved ? <Text className='chip-static chip-solved'>已解决</Text> : null}
    </View>
  )
}

/** 现场登记: enterprise, category, what was said, and the measure agreed on the spot if any. */
function QuickEntryPanel(props: { detail: ExchangeEventDetail; catalog: Catalog; onRecorded: () => void }) {
  const { event, invitedEnterprises } = props.detail
  const user = useSessionUser()
  const subject = useMemo(() => subjectOf(user), [user])
  const [entry, setEntry] = useState<QuickEntry>(emptyQuickEntry)
  const [fields, setFields] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [key, setKey] = useState(randomUuid)
  const [rosterArea, setRosterArea] = useState<string | null>(event.areaId ?? (event.invited.kind === 'filter' ? (event.invited.areaId ?? null) : null))
  const byFilter = event.invited.kind === 'filter'
  const roster = useLoader(byFilter && rosterArea ? `event-roster|${rosterArea}` : null, () => listEnterprises({ areaId: rosterArea ?? undefined, limit: 100 }))

  const candidates = byFilter ? (roster.data?.items ?? []).filter((e) => isInvited(event, e)) : invitedEnterprises
  const pickable = pickableEnterprises(subject, event, candidates)

  const set = <K extends keyof QuickEntry>(name: K, value: QuickEntry[K]) => {
    setEntry((e) => ({ ...e, [name]: value }))
    setFields((f) => ({ ...f, [name]: '' }))
  }

  const submit = async () => {
    const checked = quickEntryRequest(entry, event.id)
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setSubmitting(true)
    try {
      await submitAppeal(checked.request, key)
      void Taro.showToast({ title: '已记录，请继续', icon: 'success' })
      setEntry((last) => nextQuickEntry(last))
      setFields({})
      // A new problem, a new key; a retry of the same one keeps its key and is stored once.
      setKey(randomUuid())
      props.onRecorded()
    } catch (error) {
      const apiError = asApiError(error)
      if (Object.keys(apiError.fields).length > 0) setFields(quickEntryFields(apiError.fields))
      else void Taro.showToast({ title: apiError.message, icon: 'none', duration: 3000 })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View id='quick-entry' className='card'>
      <Text className='section-title'>现场登记问题</Text>
      {event.areaId === null && byFilter ? (
        <FormField label='企业所在属地'>
          <ChipGroup idPrefix='quick-area' options={props.catalog.areas.map((a) => ({ value: a.id, label: a.name }))} selected={rosterArea} onSelect={setRosterArea} />
        </FormField>
      ) : null}
      <FormField label='企业' required error={fields.enterpriseId}>
        {byFilter && roster.loading && !roster.data ? (
          <LoadingState text='正在加载企业…' />
        ) : roster.error ? (
          <ErrorState message={roster.error.message} onRetry={() => void roster.reload()} />
        ) : pickable.length === 0 ? (
          <Text className='muted small'>没有您可以代为登记的受邀企业</Text>
        ) : (
          <ChipGroup idPrefix='quick-enterprise' options={pickable.map((e) => ({ value: e.id, label: e.name }))} selected={entry.enterpriseId} onSelect={(v) => set('enterpriseId', v)} />
        )}
      </FormField>
      <FormField label='问题类别' required error={fields.categoryId}>
        <ChipGroup idPrefix='quick-category' options={props.catalog.categories.map((c) => ({ value: c.id, label: c.name }))} selected={entry.categoryId} onSelect={(v) => set('categoryId', v)} />
      </FormField>
      <FormField label='企业提出的问题' required error={fields.text}>
        <Textarea id='quick-text' className='textarea' value={entry.text} placeholder='第一行作为标题，如：新厂房用电增容' onInput={(e) => set('text', e.detail.value)} />
      </FormField>
      <ChipGroup
        idPrefix='quick-measure'
        options={[
          { value: 'no', label: '暂无措施' },
          { value: 'yes', label: '现场议定解决措施' },
        ]}
        selected={entry.withMeasure ? 'yes' : 'no'}
        onSelect={(v) => set('withMeasure', v === 'yes')}
      />
      {entry.withMeasure ? (
        <View>
          <FormField label='解决措施' required error={fields.measureText} counter={{ length: entry.measureText.trim().length, max: MEASURE_TEXT_MAX }}>
            <Textarea id='quick-measure-text' className='textarea textarea-short' value={entry.measureText} maxlength={MEASURE_TEXT_MAX} placeholder='将做什么' onInput={(e) => set('measureText', e.detail.value)} />
          </FormField>
          <FormField label='责任单位' required error={fields.measureUnit}>
            <Input id='quick-measure-unit' className='input' value={entry.measureUnit} placeholder='如：国网湘潭供电公司' onInput={(e) => set('measureUnit', e.detail.value)} />
          </FormField>
          <FormField label='完成时限' required error={fields.measureDueDate}>
            <Picker mode='date' value={entry.measureDueDate} onChange={(e) => set('measureDueDate', String(e.detail.value))}>
              <View id='quick-measure-due' className='input picker-value'>
                {entry.measureDueDate || <Text className='muted'>请选择完成时限</Text>}
              </View>
            </Picker>
          </FormField>
        </View>
      ) : null}
      <Button id='quick-submit' className={submitting ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'} disabled={submitting || undefined} onClick={() => void submit()}>
        {submitting ? '记录中…' : '记录并继续'}
      </Button>
      <Text className='muted small'>每条问题都作为专员代提的诉求交办；企业已绑定的联系人会收到通知，没有联系人的由专员回访记录评价。</Text>
    </View>
  )
}
