import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { isSpecialist } from '@shared/domain/policy'
import type { CoverageCounts, CoverageRow, PendingVisit, VisitRoundCoverage } from '@shared/schemas/visit-round.schema'
import { ChipGroup } from '../../../components/chip-group'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchRoundCoverage } from '../../../services/visit-rounds-api'
import { formatShortDateTime } from '../../../utils/format'
import { coverageLine, isBehind, PHASE_LABEL, problemsLine, progressWidth, ROUND_ROUTES, roundLine } from '../rounds-view'
import '../rounds.css'

type Tab = 'area' | 'specialist'

/**
 * 走访覆盖情况: a round's coverage, counted when the page opens — the totals, then per area and per
 * specialist (lowest share first) with progress bars. An admin taps a specialist for their
 * enterprises not yet visited; a specialist sees their own row and list.
 */
export default function RoundCoveragePage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [tab, setTab] = useState<Tab>('specialist')
  const [specialistId, setSpecialistId] = useState<string | null>(null)
  const key = user && id ? `coverage|${id}|${specialistId ?? ''}` : null
  const coverage = useLoader(key, () => fetchRoundCoverage(id, specialistId ? { specialistId } : {}))

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && key) void coverage.reload()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    coverage.reload().then(stop, stop)
  })

  if (!user || !id) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text={user ? '未找到该走访轮次' : '请先登录'} />
      </View>
    )
  }
  const data = coverage.data
  if (!data) {
    return (
      <View className={`page ${textClass}`}>
        {coverage.error ? <ErrorState message={coverage.error.message} onRetry={() => void coverage.reload()} /> : <LoadingState />}
      </View>
    )
  }
  const own = isSpecialist(user)
  const now = new Date(data.at)

  return (
    <View className={`page ${textClass}`}>
      <View id='coverage-summary' className='card'>
        <View className='round-row-head'>
          <Text className='round-row-title'>{data.round.name}</Text>
          <Text className='chip-static'>{PHASE_LABEL[data.round.phase]}</Text>
        </View>
        <Text className='muted small'>
          {data.round.areaName} · {roundLine(data.round)}
        </Text>
        <Progress id='coverage-total' counts={data.totals} behind={data.round.phase === 'open' && isBehind(data.totals, data.round, now)} />
        <Text className='muted small'>
          走访 {data.totals.visits} 次 · {problemsLine(data.totals)} · 统计于 {formatShortDateTime(data.at)}
        </Text>
      </View>

      {specialistId && !own ? (
        <Button id='coverage-all' className='btn btn-block' onClick={() => setSpecialistId(null)}>
          返回全部专员
        </Button>
      ) : null}

      {!own && !specialistId ? (
        <View className='round-tabs'>
          <ChipGroup
            idPrefix='coverage-tab'
            options={[
              { value: 'specialist', label: '按专员' },
              { value: 'area', label: '按属地' },
            ]}
            selected={tab}
            onSelect={(value) => setTab(value)}
          />
        </View>
      ) : null}

      {coverage.loading ? <Text className='list-foot'>正在刷新…</Text> : null}
      {!own && !specialistId && tab === 'area' ? (
        <Rows id='coverage-areas' rows={data.byArea} round={data} now={now} />
      ) : (
        <Rows id='coverage-specialists' rows={data.bySpecialist} round={data} now={now} onOpen={own || specialistId ? undefined : (row) => setSpecialistId(row.id)} />
      )}

      {own || specialistId ? <PendingList items={data.pending} /> : null}
    </View>
  )
}

function Progress(props: { id?: string; counts: CoverageCounts; behind: boolean }) {
  return (
    <View id={props.id} className='round-progress'>
      <Text>{coverageLine(props.counts)}</Text>
      <View className='round-bar' role='progressbar' aria-valuenow={progressWidth(props.counts)} aria-valuemin={0} aria-valuemax={100}>
        <View className={props.behind ? 'round-bar-fill round-bar-behind' : 'round-bar-fill'} style={{ width: `${progressWidth(props.counts)}%` }} />
      </View>
      {props.behind ? <Text className='muted small'>进度落后于时间</Text> : null}
    </View>
  )
}

function Rows(props: { id: string; rows: CoverageRow[]; round: VisitRoundCoverage; now: Date; onOpen?: (row: CoverageRow) => void }) {
  if (props.rows.length === 0) return <EmptyState text='没有需要走访的企业' />
  const open = props.round.round.phase === 'open'
  return (
    <View id={props.id}>
      {props.rows.map((row) => (
        <View key={`${row.id}|${row.areaId ?? ''}`} id={`${props.id}-${row.id}`} className='card' onClick={props.onOpen ? () => props.onOpen!(row) : undefined}>
          <View className='round-row-head'>
            <Text className='round-row-title'>{row.name}</Text>
            {props.onOpen ? <Text className='muted'>待走访 {row.notVisited} ›</Text> : <Text className='muted'>待走访 {row.notVisited}</Text>}
          </View>
          <Progress counts={row} behind={open && isBehind(row, props.round.round, props.now)} />
          <Text className='muted small'>
            走访 {row.visits} 次 · {problemsLine(row)}
          </Text>
        </View>
      ))}
    </View>
  )
}

function PendingList({ items }: { items: PendingVisit[] }) {
  return (
    <View id='coverage-pending' className='card'>
      <Text className='section-title'>尚未走访的企业（{items.length}）</Text>
      {items.length === 0 ? (
        <Text className='muted'>本轮企业均已走访</Text>
      ) : (
        items.map((p) => (
          <View
            key={p.enterpriseId}
            id={`pending-${p.enterpriseId}`}
            className='round-pending-row'
            onClick={() => void Taro.navigateTo({ url: `${ROUND_ROUTES.recordVisit}?enterpriseId=${encodeURIComponent(p.enterpriseId)}` })}
          >
            <Text>{p.enterpriseName}</Text>
            <Text className='muted small'>
              已走访 {p.visits}/{p.target} ›
            </Text>
          </View>
        ))
      )}
    </View>
  )
}
