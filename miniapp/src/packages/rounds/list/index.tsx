import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { mayListPendingVisits, mayListVisitRounds, mayOpenVisitRound } from '@shared/domain/policy'
import type { VisitRoundList } from '@shared/schemas/visit-round.schema'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { listVisitRounds } from '../../../services/visit-rounds-api'
import { PHASE_LABEL, ROUND_ROUTES, roundLine } from '../rounds-view'
import '../rounds.css'

type RoundItem = VisitRoundList['items'][number]

/**
 * 走访轮次: the rounds of the caller's scope, running first; each opens its coverage. Admins open a
 * new round here; a specialist goes on to their enterprises still to visit.
 */
export default function VisitRoundsPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = mayListVisitRounds(user)
  const key = user && allowed ? `rounds|${user.id}` : null
  const rounds = useLoader(key, listVisitRounds)

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && key) void rounds.reload()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    rounds.reload().then(stop, stop)
  })

  if (!user || !allowed) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有管理员和企业服务专员可以查看走访轮次' />
      </View>
    )
  }
  const mayCreate = mayOpenVisitRound(user, user.areaId ?? null)

  return (
    <View className={`page ${textClass}`}>
      {mayCreate ? (
        <Button id='new-round' className='btn btn-primary btn-block' onClick={() => void Taro.navigateTo({ url: ROUND_ROUTES.create })}>
          新建走访轮次
        </Button>
      ) : null}
      {mayListPendingVisits(user) ? (
        <Button id='open-pending' className='btn btn-block' onClick={() => void Taro.navigateTo({ url: ROUND_ROUTES.pending })}>
          本轮待走访
        </Button>
      ) : null}
      {rounds.data ? (
        rounds.data.length === 0 ? (
          <EmptyState text='还没有走访轮次' />
        ) : (
          <View id='round-list'>
            {rounds.data.map((round) => (
              <RoundRow key={round.id} round={round} />
            ))}
          </View>
        )
      ) : rounds.error ? (
        <ErrorState message={rounds.error.message} onRetry={() => void rounds.reload()} />
      ) : (
        <LoadingState />
      )}
    </View>
  )
}

function RoundRow({ round }: { round: RoundItem }) {
  return (
    <View id={`round-${round.id}`} className='card' onClick={() => void Taro.navigateTo({ url: `${ROUND_ROUTES.coverage}?id=${encodeURIComponent(round.id)}` })}>
      <View className='round-row-head'>
        <Text className='round-row-title'>{round.name}</Text>
        <Text className={round.phase === 'open' ? 'chip-static chip-warning' : 'chip-static'}>{PHASE_LABEL[round.phase]}</Text>
      </View>
      <Text className='muted small'>
        {round.areaName} · {roundLine(round)}
      </Text>
    </View>
  )
}
