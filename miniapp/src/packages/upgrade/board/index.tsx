import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { mayImportUpgradeFigures, mayReadUpgradeBoard, upgradeBoardReach } from '@shared/domain/policy'
import type { UpgradeBoard } from '@shared/schemas/upgrade.schema'
import { AccessGate } from '../../../components/access-gate'
import { ChipGroup } from '../../../components/chip-group'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchCatalog } from '../../../services/api'
import { goToLogin } from '../../../services/navigation'
import { fetchUpgradeBoard } from '../../../services/upgrade-api'
import { ROUTES } from '../../../settings'
import { STAGE_LABELS } from '../upgrade-view'
import '../upgrade.css'

const CITY = 'city'
const STAGES = ['cultivating', 'applying', 'entered', 'left'] as const

const openFile = (id: string) => () => void Taro.navigateTo({ url: `${ROUTES.upgradeFile}?id=${encodeURIComponent(id)}` })

/**
 * 升规看板: counts per stage, who is likely to cross this year, who is stalled, what moved this
 * month; per specialist, sector line and area. An area admin's area, the city admin's city (or one area).
 */
export default function UpgradeBoardPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = user !== null && mayReadUpgradeBoard(user)
  const city = user !== null && upgradeBoardReach(user, undefined).kind === 'city'
  const [scope, setScope] = useState<string>(CITY)
  const catalog = useLoader(allowed && city ? 'catalog' : null, fetchCatalog)
  const areaId = city && scope !== CITY ? scope : undefined
  const board = useLoader(allowed ? `upgrade-board|${user?.id}|${areaId ?? ''}` : null, () => fetchUpgradeBoard(areaId))

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    board.reload().then(stop, stop)
  })

  if (!allowed) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={{ kind: 'none', message: user ? '升规看板仅供属地和市级管理员使用' : '请先登录' }} signedIn={user !== null} />
      </View>
    )
  }
  return (
    <View className={`page ${textClass}`}>
      {city && catalog.data ? (
        <View className='card'>
          <ChipGroup idPrefix='upgrade-board-scope' label='范围' options={[{ value: CITY, label: '全市' }, ...catalog.data.areas.map((a) => ({ value: a.id, label: a.name }))]} selected={scope} onSelect={setScope} />
        </View>
      ) : null}
      <View className='card me-menu'>
        {mayImportUpgradeFigures(user) ? (
          <View id='upgrade-board-import' className='upgrade-line' onClick={() => void Taro.navigateTo({ url: ROUTES.upgradeImport })}>
            <Text>导入月度数据（Excel）</Text>
            <Text className='muted'>›</Text>
          </View>
        ) : null}
        <View id='upgrade-board-thresholds' className='upgrade-line' onClick={() => void Taro.navigateTo({ url: ROUTES.upgradeThresholds })}>
          <Text>门槛设置</Text>
          <Text className='muted'>›</Text>
        </View>
      </View>
      {board.loading && !board.data ? (
        <LoadingState />
      ) : board.error ? (
        <ErrorState message={board.error.message} onRetry={() => void board.reload()} />
      ) : board.data ? (
        <BoardView board={board.data} />
      ) : (
        <EmptyState text='暂无数据' />
      )}
    </View>
  )
}

function BoardView({ board }: { board: UpgradeBoard }) {
  const total = STAGES.reduce((sum, s) => sum + board.stages[s], 0)
  return (
    <View id='upgrade-board'>
      {total === 0 ? <EmptyState text='还没有企业建立升规档案' /> : null}
      <View className='card'>
        <Text className='section-title'>各阶段企业数</Text>
        <View className='upgrade-counts'>
          {STAGES.map((stage) => (
            <View key={stage} id={`board-${stage}`} className='upgrade-count'>
              <Text className='upgrade-count-value'>{board.stages[stage]}</Text>
              <Text className='muted small'>{STAGE_LABELS[stage]}</Text>
            </View>
          ))}
        </View>
      </View>
      <EntryList id='board-likely' title={`有望今年入规（${board.likely.length}）`} rule={board.rules.likely} entries={board.likely} detail={(e) => (e.distance !== undefined ? `超过门槛约 ${-e.distance} 万元` : '')} />
      <EntryList id='board-stalled' title={`停滞（${board.stalled.length}）`} rule={board.rules.stalled} entries={board.stalled} detail={(e) => e.why ?? ''} />
      <EntryList id='board-moved' title={`本月变动（${board.movedThisMonth.length}）`} entries={board.movedThisMonth} detail={(e) => STAGE_LABELS[e.stage]} />
      <Breakdown id='board-by-specialist' title='按专员' rows={board.bySpecialist.map((r) => ({ key: r.specialistId ?? 'none', ...r }))} />
      <Breakdown id='board-by-sector' title='按统计行业' rows={board.bySector.map((r) => ({ key: r.sector, name: r.label, ...r }))} />
      {board.scope.kind === 'city' ? <Breakdown id='board-by-area' title='按属地' rows={board.byArea.map((r) => ({ key: r.areaId, ...r }))} /> : null}
    </View>
  )
}

type Entry = UpgradeBoard['likely'][number]

function EntryList(props: { id: string; title: string; rule?: string; entries: readonly Entry[]; detail: (e: Entry) => string }) {
  return (
    <View id={props.id} className='card'>
      <Text className='section-title'>{props.title}</Text>
      {props.rule ? <Text className='muted small upgrade-method'>{props.rule}</Text> : null}
      {props.entries.length === 0 ? (
        <Text className='muted'>无</Text>
      ) : (
        props.entries.slice(0, 50).map((e) => (
          <View key={e.id} className='upgrade-line' onClick={openFile(e.id)}>
            <Text>{e.name}</Text>
            <Text className='muted small'>{props.detail(e)}</Text>
          </View>
        ))
      )}
    </View>
  )
}

function Breakdown(props: { id: string; title: string; rows: { key: string; name: string; stages: UpgradeBoard['stages']; likely: number; stalled: number }[] }) {
  return (
    <View id={props.id} className='card'>
      <Text className='section-title'>{props.title}</Text>
      {props.rows.map((r) => (
        <View key={r.key} className='upgrade-line'>
          <Text>{r.name}</Text>
          <Text className='muted small'>
            培育 {r.stages.cultivating} · 申报 {r.stages.applying} · 入规 {r.stages.entered} · 有望 {r.likely} · 停滞 {r.stalled}
          </Text>
        </View>
      ))}
    </View>
  )
}
