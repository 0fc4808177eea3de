import { useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { Role } from '@shared/schemas/common.schema'
import type { Dimension, MonthlyReport } from '@shared/schemas/report.schema'
import { formatRate } from '@shared/domain/report-figures'
import { ChipGroup } from '../../../components/chip-group'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { StatusTag } from '../../../components/status-tag'
import { useLoader, type Loader } from '../../../hooks/use-loader'
import { openAppeal } from '../../../services/navigation'
import { fetchDrillAppeals, fetchMonthlyReport } from '../../../services/report-api'
import { holderName } from '../../../utils/appeal'
import { ReportChart } from '../components/report-chart'
import { ReportPicker } from '../components/report-picker'
import { reportGate } from '../components/report-gate'
import {
  asOfText,
  breakdownChart,
  breakdownPick,
  dimensionTabs,
  domId,
  drillUrl,
  headlineCards,
  otherFigures,
  parseTarget,
  reportUrl,
  rowName,
  rowScope,
  topCategories,
  TREND_CHART_HEIGHT,
  trendChart,
  trendPick,
  type DrillTarget,
  type HeadlineCard,
} from '../report-view'
import { useReportTarget } from '../use-report-target'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../report.css'

const openDrill = (target: DrillTarget) => void Taro.navigateTo({ url: drillUrl(target) })

/** How many of the overdue and escalated appeals the dashboard lists before 查看全部. */
const LIVE_LIST_LENGTH = 5

/**
 * 统计看板: a scope's month at a glance (DESIGN §7) — the headline figures and rates, the
 * 12-month trend, the breakdowns, the busiest categories and the appeals overdue or escalated
 * now. Every figure, bar and row opens the appeals behind it.
 */
export default function ReportDashboardPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const initial = useMemo(() => parseTarget(params), [])
  const state = useReportTarget(initial)
  const { target } = state
  const key = target ? `${target.scope}|${target.month}` : null
  const report = useLoader(key && `report|${key}`, () => fetchMonthlyReport(target!.scope, target!.month))
  const overdue = useLoader(key && `overdue|${key}`, () => fetchDrillAppeals({ ...target!, figure: 'overdueNow' }, null))
  const escalated = useLoader(key && `escalated|${key}`, () => fetchDrillAppeals({ ...target!, figure: 'escalatedNow' }, null))

  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    Promise.all([report.reload(), overdue.reload(), escalated.reload()]).then(stop, stop)
  })

  const gate = reportGate(state)
  if (gate || !target) return gate

  return (
    <View className={`page report-page ${textClass}`}>
      <ReportPicker state={state} shown={report.data?.scope} />
      <View className='report-links'>
        <Button id='open-monthly' className='btn btn-outline btn-small' onClick={() => void Taro.navigateTo({ url: reportUrl('monthly', target) })}>
          月报
        </Button>
        <Button id='open-exports' className='btn btn-outline btn-small' onClick={() => void Taro.navigateTo({ url: reportUrl('exports', target) })}>
          导出
        </Button>
      </View>
      <DashboardBody report={report} overdue={overdue} escalated={escalated} role={state.user!.role} />
    </View>
  )
}

function DashboardBody(props: { report: Loader<MonthlyReport>; overdue: Loader<{ items: Appeal[] }>; escalated: Loader<{ items: Appeal[] }>; role: Role }) {
  const { report } = props
  if (!report.data) {
    if (report.error) return <ErrorState message={report.error.message} onRetry={() => void report.reload()} />
    return <LoadingState text='正在统计…' />
  }
  const data = report.data
  const drill = (patch: Omit<DrillTarget, 'scope' | 'month' | 'scopeName'> & { month?: string }) =>
    openDrill({ scope: data.scope.key, month: data.month, scopeName: data.scope.name, ...patch })

  return (
    <View id='report-dashboard'>
      {report.error ? (
        <View className='banner banner-error' onClick={() => void report.reload()}>
          {report.error.message}（点此重试）
        </View>
      ) : null}
      <Text id='report-asof' className='muted small report-asof'>
        {data.scope.name} · {asOfText(data)}
        {report.loading ? ' · 正在刷新…' : ''}
      </Text>
      <HeadlineCards report={data} onDrill={(figure) => drill({ figure })} />
      <OtherFigures report={data} />
      <TrendCard report={data} onDrill={(month, figure) => drill({ month, figure })} />
      <BreakdownCard report={data} role={props.role} onDrill={drill} />
      <TopCategories report={data} onDrill={drill} />
      <LiveList id='overdue-list' title='当前超期' empty='暂无超期未办结的诉求' count={data.overdueNow} list={props.overdue} onAll={() => drill({ figure: 'overdueNow' })} />
      <LiveList id='escalated-list' title='当前提级督办' empty='暂无提级督办中的诉求' count={data.escalatedNow} list={props.escalated} onAll={() => drill({ figure: 'escalatedNow' })} />
    </View>
  )
}

function HeadlineCards({ report, onDrill }: { report: MonthlyReport; onDrill: (figure: HeadlineCard['figure']) => void }) {
  return (
    <View id='headline' className='report-cards'>
      {headlineCards(report).map((card) => (
        <View key={card.id} id={`figure-${card.id}`} className={card.alert ? 'report-figure report-figure-alert' : 'report-figure'} onClick={() => onDrill(card.figure)}>
          <Text className='report-figure-label'>{card.label}</Text>
          <View className='report-figure-main'>
            <Text id={`figure-${card.id}-value`} className='report-figure-value'>
              {card.value}
            </Text>
            {card.aside ? (
              <Text
                id={`figure-${card.aside.id}`}
                className='report-figure-aside'
                onClick={(e) => {
                  e.stopPropagation()
                  onDrill(card.aside!.figure)
                }}
              >
                {card.aside.text}
              </Text>
            ) : null}
          </View>
          {card.ratio ? <Text className='report-figure-ratio'>{card.ratio}</Text> : null}
          <Text className='report-figure-definition'>{card.definition}</Text>
        </View>
      ))}
    </View>
  )
}

function OtherFigures({ report }: { report: MonthlyReport }) {
  return (
    <View id='other-figures' className='card'>
      <Text className='section-title'>时效与督办</Text>
      {otherFigures(report).map((row) => (
        <View key={row.id} id={`other-${row.id}`} className='report-kv'>
          <View className='report-kv-line'>
            <Text className='report-kv-key'>{row.label}</Text>
            <Text className='report-kv-value'>{row.value}</Text>
          </View>
          <Text className='report-figure-definition'>{row.definition}</Text>
        </View>
      ))}
    </View>
  )
}

function TrendCard({ report, onDrill }: { report: MonthlyReport; onDrill: (month: string, figure: DrillTarget['figure']) => void }) {
  const option = useMemo(() => trendChart(report.trend), [report.trend])
  return (
    <View className='card'>
      <Text className='section-title'>近 12 个月走势</Text>
      {report.trend.length === 0 ? (
        <Text className='muted'>暂无数据</Text>
      ) : (
        <ReportChart
          id='trend-chart'
          option={option}
          height={TREND_CHART_HEIGHT}
          onPick={(pick) => {
            const hit = trendPick(report.trend, pick)
            if (hit) onDrill(hit.month, hit.figure)
          }}
        />
      )}
      <Text className='report-figure-definition'>柱：受理、办结件数；线：办结率、按时办结率、满意率。点按柱或点查看对应诉求。</Text>
    </View>
  )
}

function BreakdownCard({ report, role, onDrill }: { report: MonthlyReport; role: Role; onDrill: (target: Omit<DrillTarget, 'scope' | 'month' | 'scopeName'>) => void }) {
  const tabs = dimensionTabs(report.scope.kind)
  const [picked, setPicked] = useState<Dimension | null>(null)
  const dimension: Dimension = picked && tabs.some((t) => t.value === picked) ? picked : ((tabs[0]?.value ?? 'category') as Dimension)
  const rows = report.breakdowns[dimension] ?? []
  const chart = useMemo(() => breakdownChart(dimension, rows), [dimension, rows])

  return (
    <View id='breakdown' className='card'>
      <Text className='section-title'>分项统计</Text>
      <ChipGroup idPrefix='dimension' options={tabs} selected={dimension} onSelect={(value) => setPicked(value as Dimension)} />
      {rows.length === 0 ? (
        <EmptyState text='本月暂无数据' />
      ) : (
        <View>
          <ReportChart
            key={dimension}
            id={`breakdown-chart-${dimension}`}
            option={chart.option}
            height={chart.height}
            onPick={(pick) => {
              const hit = breakdownPick(dimension, chart.rows, pick)
              if (hit) onDrill(hit)
            }}
          />
          {rows.length > chart.rows.length ? <Text className='report-figure-definition'>图中为受理最多的 {chart.rows.length} 项，全部见下表。</Text> : null}
          <View id={`breakdown-rows-${dimension}`} className='report-rows'>
            {rows.map((row) => {
              const scope = rowScope(role, dimension, row.key)
              const name = rowName(dimension, row)
              return (
                <View key={row.key} id={`row-${dimension}-${domId(row.key)}`} className='report-row' onClick={() => onDrill({ figure: 'received', dimension, value: row.key, name })}>
                  <View className='report-row-head'>
                    <Text className='report-row-name'>{name}</Text>
                    {scope ? (
                      <Text
                        id={`row-${dimension}-${domId(row.key)}-report`}
                        className='report-row-link'
                        onClick={(e) => {
                          e.stopPropagation()
                          void Taro.navigateTo({ url: reportUrl('dashboard', { scope, month: report.month }) })
                        }}
                      >
                        看板 ›
                      </Text>
                    ) : null}
                  </View>
                  <Text className='muted small'>
                    受理 {row.figures.received} · 办结 {row.figures.closed} · 办结率 {formatRate(row.rates.closeRate)} · 按时 {formatRate(row.rates.onTimeRate)} · 满意 {formatRate(row.rates.satisfactionRate)}
                  </Text>
                </View>
              )
            })}
          </View>
        </View>
      )}
    </View>
  )
}

function TopCategories({ report, onDrill }: { report: MonthlyReport; onDrill: (target: Omit<DrillTarget, 'scope' | 'month' | 'scopeName'>) => void }) {
  const top = topCategories(report.breakdowns.category ?? [])
  return (
    <View id='top-categories' className='card'>
      <Text className='section-title'>诉求类别排行</Text>
      {top.length === 0 ? (
        <Text className='muted'>本月暂无受理的诉求</Text>
      ) : (
        top.map(({ row, share }, index) => (
          <View key={row.key} id={`top-${domId(row.key)}`} className='report-top' onClick={() => onDrill({ figure: 'received', dimension: 'category', value: row.key, name: row.name })}>
            <View className='report-top-head'>
              <Text>
                {index + 1}. {row.name}
              </Text>
              <Text className='muted small'>
                {row.figures.received} 件 · 办结率 {formatRate(row.rates.closeRate)}
              </Text>
            </View>
            <View className='report-bar'>
              <View className='report-bar-fill' style={{ width: `${Math.max(2, Math.round(share * 100))}%` }} />
            </View>
          </View>
        ))
      )}
    </View>
  )
}

function LiveList(props: { id: string; title: string; empty: string; count: number; list: Loader<{ items: Appeal[] }>; onAll: () => void }) {
  const { list } = props
  const items = list.data?.items.slice(0, LIVE_LIST_LENGTH) ?? []
  return (
    <View id={props.id} className='card'>
      <View className='report-section-head'>
        <Text className='section-title'>
          {props.title} {props.count}
        </Text>
        {props.count > 0 ? (
          <Text id={`${props.id}-all`} className='report-row-link' onClick={props.onAll}>
            查看全部 ›
          </Text>
        ) : null}
      </View>
      {!list.data ? (
        list.error ? (
          <View className='list-foot' onClick={() => void list.reload()}>
            <Text className='field-error'>{list.error.message}（点此重试）</Text>
          </View>
        ) : (
          <Text className='muted'>加载中…</Text>
        )
      ) : items.length === 0 ? (
        <Text className='muted'>{props.empty}</Text>
      ) : (
        items.map((appeal) => (
          <View key={appeal.id} id={`${props.id}-${appeal.id}`} className='report-appeal' onClick={() => openAppeal(appeal.id)}>
            <View className='report-row-head'>
              <Text className='report-row-name'>{appeal.title}</Text>
              <StatusTag status={appeal.status} />
            </View>
            <Text className='muted small'>
              <Text className='appeal-number'>{appeal.number}</Text> · {appeal.enterpriseName} · 承办 {holderName(appeal)}
            </Text>
          </View>
        ))
      )}
    </View>
  )
}
