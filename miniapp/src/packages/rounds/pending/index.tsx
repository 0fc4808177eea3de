import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { mayListPendingVisits } from '@shared/domain/policy'
import type { PendingVisit } from '@shared/schemas/visit-round.schema'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchPendingVisits } from '../../../services/visit-rounds-api'
import { dayLabel, ROUND_ROUTES } from '../rounds-view'
import '../rounds.css'

/**
 * 本轮待走访: the specialist's enterprises not yet visited as often as the running rounds ask,
 * nearest round end first. A row opens the visit record for that enterprise.
 */
export default function PendingVisitsPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = mayListPendingVisits(user)
  const key = user && allowed ? `pending|${user.id}` : null
  const pending = useLoader(key, fetchPendingVisits)

  const shownOnce = useRef(false)
  useDidShow(() => {
    // Back from recording a visit: the list shrinks.
    if (shownOnce.current && key) void pending.reload()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    pending.reload().then(stop, stop)
  })

  if (!user || !allowed) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有企业服务专员有待走访清单' />
      </View>
    )
  }
  if (!pending.data) {
    return (
      <View className={`page ${textClass}`}>
        {pending.error ? <ErrorState message={pending.error.message} onRetry={() => void pending.reload()} /> : <LoadingState />}
      </View>
    )
  }
  const { items } = pending.data
  return (
    <View className={`page ${textClass}`}>
      {items.length === 0 ? (
        <EmptyState text='进行中的走访轮次里，您服务的企业都已走访' />
      ) : (
        <View id='pending-list'>
          {items.map((p) => (
            <PendingRow key={`${p.roundId}|${p.enterpriseId}`} item={p} />
          ))}
          <View className='list-foot'>共 {items.length} 家</View>
        </View>
      )}
    </View>
  )
}

function PendingRow({ item }: { item: PendingVisit }) {
  const open = () => void Taro.navigateTo({ url: `${ROUND_ROUTES.recordVisit}?enterpriseId=${encodeURIComponent(item.enterpriseId)}` })
  return (
    <View id={`pending-${item.roundId}-${item.enterpriseId}`} className='card' onClick={open}>
      <View className='round-row-head'>
        <Text className='round-row-title'>{item.enterpriseName}</Text>
        <Text className='muted'>去走访 ›</Text>
      </View>
      <Text className='muted small'>
        {item.roundName} · {dayLabel(item.roundEnds)}截止 · 已走访 {item.visits}/{item.target} 次
      </Text>
    </View>
  )
}
