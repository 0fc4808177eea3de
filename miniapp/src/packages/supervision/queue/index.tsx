import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { QueueItem, SupervisionQueue } from '@shared/schemas/supervision.schema'
import { ESCALATION_CAUSE_LABEL, LEVEL_LABEL } from '@shared/labels'
import { ChipGroup } from '../../../components/chip-group'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { StatusTag } from '../../../components/status-tag'
import { useLoader } from '../../../hooks/use-loader'
import { openAppealAsking, prepareSubscriptions } from '../../../services/subscriptions'
import { fetchSupervisionQueue } from '../../../services/supervision-api'
import { holderName, levelLabel } from '../../../utils/appeal'
import { formatShortDate, formatShortDateTime } from '../../../utils/format'
import { AccessGate } from '../../../components/access-gate'
import { ScopePicker } from '../components/scope-picker'
import { ReturnVisitFlags } from '../components/return-visit-flags'
import { filterQueue, queueDeadline, REASON_LABEL, reasonChips, type ReasonFilter } from '../supervision-view'
import { useSupervisionScope } from '../use-supervision-scope'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../supervision.css'

const REASON_CLASS = { overdue: 'chip-overdue', escalated: 'chip-level', due_soon: 'chip-warning' } as const

/**
 * 督办队列: the open appeals a supervisor must chase — escalated to their level, overdue, or due
 * within two working days — overdue first. Area admins see their area; the city admin the city
 * or one area. A row opens the appeal.
 */
export default function SupervisionQueuePage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const state = useSupervisionScope(params.areaId ? decodeURIComponent(params.areaId) : null)
  const [filter, setFilter] = useState<ReasonFilter>('all')
  const key = state.scope.kind === 'none' ? null : `queue|${state.areaId ?? 'city'}`
  const queue = useLoader(key, () => fetchSupervisionQueue(state.areaId))

  // Back from an appeal the supervisor acted on: refresh quietly.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && key) void queue.reload()
    shownOnce.current = true
    // Opening a row is a natural tap to ask for subscribe messages: know what to ask first.
    prepareSubscriptions()
  })

  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    queue.reload().then(stop, stop)
  })

  if (state.scope.kind === 'none') {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={state.scope} signedIn={state.user !== null} />
      </View>
    )
  }

  return (
    <View className={`page ${textClass}`}>
      <ScopePicker state={state} />
      <ReturnVisitFlags areaId={state.areaId} />
      <QueueBody queue={queue.data} loading={queue.loading} error={queue.error} onRetry={() => void queue.reload()} filter={filter} onFilter={setFilter} />
    </View>
  )
}

function QueueBody(props: {
  queue: SupervisionQueue | null
  loading: boolean
  error: { message: string } | null
  onRetry: () => void
  filter: ReasonFilter
  onFilter: (filter: ReasonFilter) => void
}) {
  const { queue } = props
  if (!queue) {
    if (props.error) return <ErrorState message={props.error.message} onRetry={props.onRetry} />
    return <LoadingState />
  }
  const items = filterQueue(queue.items, props.filter)
  return (
    <View>
      {props.error ? (
        <View className='banner banner-error' onClick={props.onRetry}>
          {props.error.message}（点此重试）
        </View>
      ) : null}
      <View id='queue-summary' className='card supervision-head'>
        <Text className='supervision-head-title'>
          {queue.scope.name} · {LEVEL_LABEL[queue.level]}
        </Text>
        <Text className='muted small'>统计于 {formatShortDateTime(queue.at)}</Text>
        <View className='supervision-filters'>
          <ChipGroup idPrefix='reason' options={reasonChips(queue)} selected={props.filter} onSelect={props.onFilter} />
        </View>
      </View>
      {props.loading ? <Text className='list-foot'>正在刷新…</Text> : null}
      {items.length === 0 ? (
        <EmptyState text={props.filter === 'all' ? '督办队列暂无诉求' : `暂无${REASON_LABEL[props.filter]}的诉求`} />
      ) : (
        <View id='queue-list'>
          {items.map((item) => (
            <QueueRow key={item.appeal.id} item={item} />
          ))}
          <View className='list-foot'>共 {items.length} 件</View>
        </View>
      )}
    </View>
  )
}

function QueueRow({ item }: { item: QueueItem }) {
  const { appeal, reasons } = item
  const level = levelLabel(appeal.level)
  const deadline = queueDeadline(appeal)
  const overdue = reasons.includes('overdue')
  return (
    <View id={`queue-${appeal.id}`} className='card queue-item' onClick={() => openAppealAsking(appeal.id)}>
      <View className='queue-item-head'>
        <Text className='queue-item-title'>{appeal.title}</Text>
        <StatusTag status={appeal.status} />
      </View>
      <Text className='muted small queue-item-sub'>
        <Text className='appeal-number'>{appeal.number}</Text> · {appeal.enterpriseName} · 承办 {holderName(appeal)}
      </Text>
      {item.commonProblem ? (
        <Text id={`queue-${appeal.id}-common`} className='queue-item-common'>
          共性问题「{item.commonProblem.title}」：{item.commonProblem.enterpriseCount} 家企业、{item.commonProblem.appealCount} 件诉求，统一办理
        </Text>
      ) : null}
      <View className='appeal-card-flags'>
        {reasons.map((reason) => (
          <Text key={reason} id={`queue-${appeal.id}-${reason}`} className={`chip-static ${REASON_CLASS[reason]}`}>
            {REASON_LABEL[reason]}
          </Text>
        ))}
        {level ? (
          <Text id={`queue-${appeal.id}-level`} className='chip-static chip-level'>
            {level}
          </Text>
        ) : null}
      </View>
      <View className='kv'>
        <Text className='kv-key'>{deadline.kind === 'due' ? deadline.label : '时限'}</Text>
        <Text className={overdue ? 'kv-value deadline-overdue' : 'kv-value'}>
          {deadline.kind === 'due'
            ? `${formatShortDate(deadline.at)}${overdue ? '（已过）' : ''}`
            : deadline.kind === 'paused'
              ? '暂停（待企业补充材料）'
              : '—'}
        </Text>
      </View>
      {appeal.escalation && appeal.level > 0 ? (
        <View className='kv'>
          <Text className='kv-key'>提级原因</Text>
          <Text className='kv-value'>
            {ESCALATION_CAUSE_LABEL[appeal.escalation.cause]}：{appeal.escalation.reason}
          </Text>
        </View>
      ) : null}
    </View>
  )
}
