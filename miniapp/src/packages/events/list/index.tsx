import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { SOLVED_MEANS } from '@shared/domain/exchange-events'
import { mayScheduleExchangeEvents, mayUseExchangeEvents } from '@shared/domain/policy'
import type { ExchangeEvent, SeriesTotal } from '@shared/schemas/exchange-event.schema'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchSeriesTotals, listExchangeEvents } from '../../../services/events-api'
import { EVENT_ROUTES, eventWhen, TALLY_LABELS } from '../events-view'
import '../events.css'

/**
 * 政企交流活动: the series' totals (meetings, raised, with a measure, solved) and the events the
 * caller may see, newest first; admins schedule a new one from here.
 */
export default function ExchangeEventsPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = mayUseExchangeEvents(user)
  const key = user && allowed ? `events|${user.id}` : null
  const events = useLoader(key, () => listExchangeEvents())
  const series = useLoader(key, () => fetchSeriesTotals())

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && key) void Promise.all([events.reload(), series.reload()])
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    Promise.all([events.reload(), series.reload()]).then(stop, stop)
  })

  if (!user || !allowed) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有企业服务专员和管理员可以查看政企交流活动' />
      </View>
    )
  }
  const mayCreate = mayScheduleExchangeEvents(user)

  return (
    <View className={`page ${textClass}`}>
      {mayCreate ? (
        <Button id='new-event' className='btn btn-primary btn-block' onClick={() => void Taro.navigateTo({ url: EVENT_ROUTES.create })}>
          新建交流日
        </Button>
      ) : null}
      <SeriesSection totals={series.data} error={series.error?.message} onRetry={() => void series.reload()} />
      <Text className='section-title'>活动列表</Text>
      {events.data ? (
        events.data.length === 0 ? (
          <EmptyState text='还没有交流活动' />
        ) : (
          <View id='event-list'>
            {events.data.map((event) => (
              <EventRow key={event.id} event={event} />
            ))}
          </View>
        )
      ) : events.error ? (
        <ErrorState message={events.error.message} onRetry={() => void events.reload()} />
      ) : (
        <LoadingState />
      )}
    </View>
  )
}

function SeriesSection(props: { totals: SeriesTotal[] | null; error?: string; onRetry: () => void }) {
  if (!props.totals) return props.error ? <ErrorState message={props.error} onRetry={props.onRetry} /> : null
  if (props.totals.length === 0) return null
  return (
    <View id='series-totals' className='card'>
      <Text className='section-title'>系列合计</Text>
      {props.totals.map((total) => (
        <View key={`${total.areaId ?? 'city'}-${total.series}`} className='event-series'>
          <Text className='event-series-name'>
            {total.series} · 共 {total.events} 期（已举办 {total.held} 期）
          </Text>
          <View className='event-tallies'>
            {TALLY_LABELS.map(({ key, label }) => (
              <View key={key} className='event-tally'>
                <Text className='event-tally-value'>{total[key]}</Text>
                <Text className='muted small'>{label}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      <Text className='muted small'>{SOLVED_MEANS}</Text>
    </View>
  )
}

function EventRow({ event }: { event: ExchangeEvent }) {
  return (
    <View
      id={`event-${event.id}`}
      className='card event-row'
      onClick={() => void Taro.navigateTo({ url: `${EVENT_ROUTES.detail}?id=${encodeURIComponent(event.id)}` })}
    >
      <Text className='event-row-title'>{event.title}</Text>
      <Text className='muted small'>
        {event.series} · {eventWhen(event)} · {event.place}
      </Text>
    </View>
  )
}
