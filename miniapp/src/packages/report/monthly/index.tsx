import { useMemo } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { Dimension, MonthlyReport } from '@shared/schemas/report.schema'
import { ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { fetchMonthlyReport } from '../../../services/report-api'
import { ReportPicker } from '../components/report-picker'
import { reportGate } from '../components/report-gate'
import { FieldWorkSection } from '../components/field-work'
import { CommonProblemSection } from '../components/common-problems'
import { UpgradeSection } from '../components/upgrade-section'
import {
  asOfText,
  BREAKDOWN_COLUMNS,
  breakdownTableRows,
  DIMENSION_LABEL,
  dimensionTabs,
  headlineTable,
  parseTarget,
  reportTitle,
  TREND_COLUMNS,
  trendTableRows,
  type TableRow,
} from '../report-view'
import { useReportTarget } from '../use-report-target'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../report.css'

const IS_H5 = process.env.TARO_ENV === 'h5'
const CHINESE_NUMBER = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/**
 * 月报: the month as the official report reads — title, the summary paragraph, then the headline
 * figures with their definitions, the 12-month trend and each breakdown as a table. On h5 it
 * prints on A4 (print styles in report.css); in WeChat, 导出 gives the same figures as a file.
 */
export default function ReportMonthlyPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const initial = useMemo(() => parseTarget(params), [])
  const state = useReportTarget(initial)
  const { target } = state
  const report = useLoader(target ? `report|${target.scope}|${target.month}` : null, () => fetchMonthlyReport(target!.scope, target!.month))

  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!target) return stop()
    report.reload().then(stop, stop)
  })

  const gate = reportGate(state)
  if (gate || !target) return gate

  return (
    <View id='monthly-page' className={`page report-page monthly-page ${textClass}`}>
      <View className='report-toolbar'>
        <ReportPicker state={state} shown={report.data?.scope} />
        {report.data ? (
          <View className='report-links'>
            {IS_H5 ? (
              <Button id='print-report' className='btn btn-primary btn-small' onClick={() => window.print()}>
                打印
              </Button>
            ) : (
              <Text className='muted small'>请在电脑浏览器中打开本页打印，或导出为文件</Text>
            )}
          </View>
        ) : null}
      </View>
      {report.data ? (
        <MonthlyDocument report={report.data} />
      ) : report.error ? (
        <ErrorState message={report.error.message} onRetry={() => void report.reload()} />
      ) : (
        <LoadingState text='正在生成月报…' />
      )}
    </View>
  )
}

function MonthlyDocument({ report }: { report: MonthlyReport }) {
  const dimensions = dimensionTabs(report.scope.kind).map((t) => t.value as Dimension)
  const withRows = dimensions.filter((d) => (report.breakdowns[d] ?? []).length > 0)
  return (
    <View id='monthly-report' className='monthly-doc'>
      <Text id='monthly-title' className='monthly-title'>
        {reportTitle(report)}
      </Text>
      <Text id='monthly-asof' className='monthly-asof'>
        {asOfText(report)}
      </Text>
      <Text id='monthly-summary' className='monthly-summary'>
        {report.summary}
      </Text>

      <View className='monthly-section'>
        <Text className='monthly-heading'>一、主要指标</Text>
        <View id='table-headline' className='rtable'>
          <View className='rtable-row rtable-head'>
            <Text className='rtable-cell rtable-label'>指标</Text>
            <Text className='rtable-cell rtable-value'>数值</Text>
            <Text className='rtable-cell rtable-definition'>口径</Text>
          </View>
          {headlineTable(report).map((row) => (
            <View key={row.id} id={`headline-${row.id}`} className='rtable-row'>
              <Text className='rtable-cell rtable-label'>{row.label}</Text>
              <Text className='rtable-cell rtable-value'>{row.value}</Text>
              <Text className='rtable-cell rtable-definition'>{row.definition}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='monthly-section'>
        <Text className='monthly-heading'>二、近 12 个月办理情况</Text>
        <Table id='table-trend' columns={TREND_COLUMNS} rows={trendTableRows(report.trend)} />
      </View>

      <View className='monthly-section'>
        <Text className='monthly-heading'>三、分项情况</Text>
        {withRows.length === 0 ? <Text className='monthly-asof'>本月暂无分项数据。</Text> : null}
        {withRows.map((dimension, index) => (
          <View key={dimension} className='monthly-subsection'>
            <Text className='monthly-subheading'>
              （{CHINESE_NUMBER[index] ?? index + 1}）按{DIMENSION_LABEL[dimension]}
            </Text>
            <Table id={`table-${dimension}`} columns={BREAKDOWN_COLUMNS} rows={breakdownTableRows(dimension, report.breakdowns[dimension] ?? [])} />
          </View>
        ))}
      </View>

      <FieldWorkSection fieldWork={report.fieldWork} />
      <CommonProblemSection commonProblems={report.commonProblems} />
      <UpgradeSection upgrade={report.upgrade} />

      <Text className='monthly-note'>
        注：办结率 = 当月办结数 ÷ 当月受理数，往月受理、本月办结的计入本月，故可能超过 100%；当月诉求办结率只看本月受理的诉求。满意率的分母为已评价的诉求，超期未评价、由系统办结的不计为满意。时限按工作日计算。
      </Text>
    </View>
  )
}

function Table({ id, columns, rows }: { id: string; columns: readonly string[]; rows: readonly TableRow[] }) {
  return (
    <View id={id} className='rtable'>
      <View className='rtable-row rtable-head'>
        {columns.map((column, index) => (
          <Text key={column} className={index === 0 ? 'rtable-cell rtable-name' : 'rtable-cell'}>
            {column}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.key} className='rtable-row'>
          {row.cells.map((cell, index) => (
            <Text key={index} className={index === 0 ? 'rtable-cell rtable-name' : 'rtable-cell'}>
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
