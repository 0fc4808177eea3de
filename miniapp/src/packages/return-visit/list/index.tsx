import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { monthOf } from '@shared/domain/report-month'
import type { ReturnVisitView } from '@shared/schemas/return-visit.schema'
import { AccessGate } from '../../../components/access-gate'
import { ChipGroup } from '../../../components/chip-group'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchReturnVisitSummary, listReturnVisits } from '../../../services/return-visits-api'
import { formatShortDate } from '../../../utils/format'
import { MonthStepper } from '../components/month-stepper'
import { ScopeChips } from '../components/scope-chips'
import { callUrl, figuresText, parseStatusFilter, ratingsText, RETURN_VISIT_ROUTES, STATUS_FILTERS, STATUS_LABEL, type StatusFilter } from '../return-visit-view'
import { useReturnVisitScope } from '../use-return-visit-scope'
import '../return-visit.css'

const open = (url: string) => void Taro.navigateTo({ url })

/**
 * 回访清单: the month's sampled return visits of the admin's scope, still to call first, with the
 * 回访满意率 so far; filtered by status, or the 评价不一致 ones, each with 重新办理. A row opens the call page.
 */
export default function ReturnVisitListPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const state = useReturnVisitScope(params.areaId ? decodeURIComponent(params.areaId) : null)
  const currentMonth = monthOf(new Date())
  const [month, setMonth] = useState(params.month && /^\d{4}-\d{2}$/.test(params.month) ? params.month : currentMonth)
  const [filter, setFilter] = useState<StatusFilter>(parseStatusFilter(params.status))
  const ready = state.scope.kind !== 'none'
  const scopeKey = `${month}|${state.areaId ?? 'city'}`
  const summary = useLoader(ready ? `summary|${scopeKey}` : null, () => fetchReturnVisitSummary(month, state.areaId))
  const list = useLoader(ready ? `list|${scopeKey}|${filter}` : null, () =>
    listReturnVisits({ month, areaId: state.areaId ?? undefined, status: filter === 'all' ? undefined : filter }),
  )

  // Back from a call: refresh quietly.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && ready) void Promise.all([summary.reload(), list.reload()])
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!ready) return stop()
    Promise.all([summary.reload(), list.reload()]).then(stop, stop)
  })

  if (!ready) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={state.scope} signedIn={state.user !== null} />
      </View>
    )
  }

  const sampleUrl = `${RETURN_VISIT_ROUTES.sample}?month=${month}${state.areaId ? `&areaId=${encodeURIComponent(state.areaId)}` : ''}`
  return (
    <View className={`page ${textClass}`}>
      <ScopeChips state={state} />
      <MonthStepper month={month} currentMonth={currentMonth} onChange={setMonth} />
      <View id='rv-summary' className='card'>
        {summary.data ? (
          <View>
            <Text className='muted small'>回访满意率（满意 + 基本满意）÷ 接通</Text>
            <Text id='rv-rate' className='rv-rate'>
              {figuresText(summary.data.figures).rate}
            </Text>
            <Text id='rv-sizes' className='muted small'>
              {figuresText(summary.data.figures).sizes}
            </Text>
            {summary.data.figures.inconsistent > 0 ? (
              <View className='rv-actions'>
                <Text id='rv-inconsistent-count' className='chip-static chip-overdue'>
                  评价不一致 {summary.data.figures.inconsistent} 件
                </Text>
              </View>
            ) : null}
          </View>
        ) : summary.error ? (
          <ErrorState message={summary.error.message} onRetry={() => void summary.reload()} />
        ) : (
          <LoadingState />
        )}
        <Button id='rv-open-sample' className='btn btn-outline btn-small' onClick={() => open(sampleUrl)}>
          抽样
        </Button>
      </View>
      <View className='card'>
        <ChipGroup idPrefix='rv-status' label='回访状态' options={STATUS_FILTERS} selected={filter} onSelect={setFilter} />
      </View>
      <VisitList loader={list} filter={filter} sampled={(summary.data?.strata.length ?? 0) > 0} onSample={() => open(sampleUrl)} />
    </View>
  )
}

function VisitList(props: {
  loader: { data: { items: ReturnVisitView[] } | null; error: { message: string } | null; loading: boolean; reload: () => Promise<void> }
  filter: StatusFilter
  sampled: boolean
  onSample: () => void
}) {
  const { data, error } = props.loader
  if (!data) return error ? <ErrorState message={error.message} onRetry={() => void props.loader.reload()} /> : <LoadingState />
  if (data.items.length === 0) {
    if (!props.sampled && props.filter === 'all') {
      return (
        <EmptyState text='本月尚未抽样'>
          <Button className='btn btn-primary btn-small' onClick={props.onSample}>
            去抽样
          </Button>
        </EmptyState>
      )
    }
    return <EmptyState text={props.filter === 'all' ? '本月样本中没有诉求' : `暂无${STATUS_FILTERS.find((f) => f.value === props.filter)?.label}的回访`} />
  }
  return (
    <View id='rv-list'>
      {error ? (
        <View className='banner banner-error' onClick={() => void props.loader.reload()}>
          {error.message}（点此重试）
        </View>
      ) : null}
      {data.items.map((visit) => (
        <VisitRow key={visit.id} visit={visit} />
      ))}
      <View className='list-foot'>共 {data.items.length} 件</View>
    </View>
  )
}

function VisitRow({ visit }: { visit: ReturnVisitView }) {
  const call = () => void Taro.makePhoneCall({ phoneNumber: visit.contact.phone }).catch(() => undefined)
  return (
    <View id={`rv-${visit.id}`} className='card'>
      <View className='rv-row-head' onClick={() => open(callUrl(visit.id))}>
        <Text className='rv-row-title'>{visit.appealTitle}</Text>
        <Text className={`chip-static ${visit.status === 'reached' ? 'status-closed' : visit.status === 'unreached' ? 'chip-warning' : 'status-in_progress'}`}>{STATUS_LABEL[visit.status]}</Text>
      </View>
      <Text className='muted small'>
        <Text className='appeal-number'>{visit.appealNumber}</Text> · {visit.enterpriseName} · {formatShortDate(visit.closedAt)} 办结
      </Text>
      <Text className='muted small'>{ratingsText(visit)}</Text>
      <View className='kv'>
        <Text className='kv-key'>联系人</Text>
        {visit.contact.phone && !visit.contact.phoneMasked ? (
          <View className='kv-value rv-phone' role='button' onClick={call}>
            {visit.contact.name} {visit.contact.phone}（拨打）
          </View>
        ) : (
          <Text className='kv-value'>
            {visit.contact.name || '—'} {visit.contact.phone}
          </Text>
        )}
      </View>
      {visit.attempts.length > 0 ? <Text className='muted small'>已拨打 {visit.attempts.length} 次</Text> : null}
      <View className='rv-actions'>
        {visit.inconsistent ? (
          <Text id={`rv-${visit.id}-inconsistent`} className='chip-static chip-overdue'>
            评价不一致
          </Text>
        ) : null}
        {visit.inconsistent ? (
          <Button id={`rv-${visit.id}-reopen`} className='btn btn-danger btn-small' onClick={() => open(callUrl(visit.id, true))}>
            重新办理
          </Button>
        ) : null}
        <Button id={`rv-${visit.id}-open`} className='btn btn-outline btn-small' onClick={() => open(callUrl(visit.id))}>
          {visit.status === 'reached' ? '查看' : '回访'}
        </Button>
      </View>
    </View>
  )
}
