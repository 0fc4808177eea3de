import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DigestAppeal, DigestRow, DigestSummary, WeeklyDigest } from '@shared/schemas/supervision.schema'
import { ESCALATION_CAUSE_LABEL } from '@shared/labels'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader, type Loader } from '../../../hooks/use-loader'
import { openAppeal } from '../../../services/navigation'
import { fetchDigest, listDigests } from '../../../services/supervision-api'
import { holderName, levelLabel } from '../../../utils/appeal'
import { formatShortDate, formatShortDateTime } from '../../../utils/format'
import { AccessGate } from '../../../components/access-gate'
import { ScopePicker } from '../components/scope-picker'
import { DigestCoverageSection } from '../components/digest-coverage'
import { DigestUpgradeSection } from '../components/digest-upgrade'
import { COUNT_COLUMNS, countsLine, digestsFor, digestUrl, weekLabel } from '../supervision-view'
import { useSupervisionScope, type SupervisionScopeState } from '../use-supervision-scope'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../supervision.css'

const param = (value: string | undefined) => (value ? decodeURIComponent(value) : null)

/**
 * 每周督办简报: the Monday digests (DESIGN §6). Without `week` the list of weeks; with it, that
 * week's digest — totals, per department and per specialist, and the overdue, escalated and
 * unsatisfied appeals. The city admin switches between the city and each area.
 */
export default function SupervisionDigestPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const week = param(params.week)
  const state = useSupervisionScope(param(params.areaId))

  if (state.scope.kind === 'none') {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={state.scope} signedIn={state.user !== null} />
      </View>
    )
  }
  return week ? <WeekDigest week={week} state={state} /> : <DigestList state={state} />
}

function DigestList({ state }: { state: SupervisionScopeState }) {
  const textClass = useTextSizeClass()
  const list = useLoader('digests', listDigests)
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    list.reload().then(stop, stop)
  })
  return (
    <View className={`page ${textClass}`}>
      <ScopePicker state={state} />
      <DigestListBody list={list} state={state} />
    </View>
  )
}

function DigestListBody({ list, state }: { list: Loader<DigestSummary[]>; state: SupervisionScopeState }) {
  if (!list.data) {
    if (list.error) return <ErrorState message={list.error.message} onRetry={() => void list.reload()} />
    return <LoadingState />
  }
  const weeks = digestsFor(list.data, state.scope, state.areaId)
  if (weeks.length === 0) return <EmptyState text='暂无督办简报：每周一上午生成上周的简报' />
  return (
    <View id='digest-weeks'>
      {weeks.map((item) => (
        <View
          key={`${item.week}-${item.scope.areaId ?? 'city'}`}
          id={`week-${item.week}`}
          className='card digest-week'
          onClick={() => void Taro.navigateTo({ url: digestUrl(item.week, item.scope.areaId) })}
        >
          <Text className='digest-week-title'>{weekLabel(item.week)}</Text>
          <Text className='muted small'>
            {item.scope.name} · 生成于 {formatShortDateTime(item.generatedAt)}
          </Text>
          <Text className={item.totals.overdue > 0 ? 'paragraph deadline-overdue' : 'paragraph'}>{countsLine(item.totals)}</Text>
        </View>
      ))}
    </View>
  )
}

function WeekDigest({ week, state }: { week: string; state: SupervisionScopeState }) {
  const textClass = useTextSizeClass()
  const digest = useLoader(`digest|${week}|${state.areaId ?? 'city'}`, () => fetchDigest(week, state.areaId))
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    digest.reload().then(stop, stop)
  })
  return (
    <View className={`page ${textClass}`}>
      <ScopePicker state={state} />
      {digest.data ? (
        <DigestBody digest={digest.data} />
      ) : digest.error ? (
        <ErrorState message={digest.error.message} onRetry={() => void digest.reload()} />
      ) : (
        <LoadingState />
      )}
    </View>
  )
}

function DigestBody({ digest }: { digest: WeeklyDigest }) {
  return (
    <View id='digest'>
      <View className='card supervision-head'>
        <Text className='supervision-head-title'>{digest.scope.name}</Text>
        <Text className='muted'>{weekLabel(digest.week)}</Text>
        <Text className='muted small'>生成于 {formatShortDateTime(digest.generatedAt)}</Text>
      </View>

      <View id='digest-totals' className='digest-totals'>
        {COUNT_COLUMNS.map((column) => {
          const value = digest.totals[column.key]
          const alert = value > 0 && column.key !== 'open' && column.key !== 'dueThisWeek'
          return (
            <View key={column.key} id={`total-${column.key}`} className={alert ? 'digest-total digest-total-alert' : 'digest-total'}>
              <Text className='digest-total-value'>{value}</Text>
              <Text className='muted small'>{column.label}</Text>
            </View>
          )
        })}
      </View>

      <CountsTable id='by-department' title='按经办部门' nameLabel='部门' rows={digest.byDepartment} />
      <CountsTable id='by-specialist' title='按专员' nameLabel='专员' rows={digest.bySpecialist} />
      <DigestCoverageSection coverage={digest.coverage} />
      <DigestUpgradeSection missing={digest.missingUpgradeFigures} />

      <AppealList id='digest-overdue' title='超期诉求' appeals={digest.overdue} empty='本周没有超期诉求' />
      <AppealList id='digest-escalated' title='提级诉求' appeals={digest.escalated} empty='本周没有提级诉求' />
      <AppealList id='digest-unsatisfied' title='企业不满意' appeals={digest.unsatisfied} empty='本周没有不满意的评价' />
    </View>
  )
}

function CountsTable(props: { id: string; title: string; nameLabel: string; rows: readonly DigestRow[] }) {
  return (
    <View id={props.id} className='card'>
      <Text className='section-title'>{props.title}</Text>
      {props.rows.length === 0 ? (
        <Text className='muted'>暂无数据</Text>
      ) : (
        <View className='digest-table'>
          <View className='digest-row digest-row-head'>
            <Text className='digest-cell-name'>{props.nameLabel}</Text>
            {COUNT_COLUMNS.map((column) => (
              <Text key={column.key} className='digest-cell'>
                {column.label}
              </Text>
            ))}
          </View>
          {props.rows.map((row) => (
            <View key={row.id} id={`${props.id}-${row.id}`} className='digest-row'>
              <Text className='digest-cell-name'>{row.name}</Text>
              {COUNT_COLUMNS.map((column) => {
                const alert = row[column.key] > 0 && (column.key === 'overdue' || column.key === 'unsatisfied')
                return (
                  <Text key={column.key} className={alert ? 'digest-cell digest-cell-alert' : 'digest-cell'}>
                    {row[column.key]}
                  </Text>
                )
              })}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function AppealList(props: { id: string; title: string; appeals: readonly DigestAppeal[]; empty: string }) {
  return (
    <View id={props.id} className='card'>
      <Text className='section-title'>
        {props.title}（{props.appeals.length}）
      </Text>
      {props.appeals.length === 0 ? <Text className='muted'>{props.empty}</Text> : null}
      {props.appeals.map((appeal) => {
        const level = levelLabel(appeal.level)
        return (
          <View key={appeal.id} id={`${props.id}-${appeal.id}`} className='digest-appeal' onClick={() => openAppeal(appeal.id)}>
            <Text className='digest-appeal-title'>{appeal.title}</Text>
            <Text className='muted small'>
              {appeal.number ? <Text className='appeal-number'>{appeal.number} · </Text> : null}
              {appeal.enterpriseName} · 承办 {holderName(appeal)} · 时限 {formatShortDate(appeal.dueAt)}
            </Text>
            {level || appeal.escalationCause ? (
              <View className='appeal-card-flags'>
                {level ? <Text className='chip-static chip-level'>{level}</Text> : null}
                {appeal.escalationCause ? (
                  <Text className='chip-static'>
                    {ESCALATION_CAUSE_LABEL[appeal.escalationCause]}
                    {appeal.escalationReason ? `：${appeal.escalationReason}` : ''}
                  </Text>
                ) : null}
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
