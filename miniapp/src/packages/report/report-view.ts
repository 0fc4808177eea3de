import type { User } from '@shared/schemas/user.schema'
import {
  dimensionSchema,
  drillFigureSchema,
  monthSchema,
  reportScopeSchema,
  type BreakdownRow,
  type Dimension,
  type DrillFigure,
  type Duration,
  type MonthlyReport,
  type Rates,
  type ReportScopeKind,
  type TrendPoint,
} from '@shared/schemas/report.schema'
import { formatDays, formatRate } from '@shared/domain/report-figures'
import { mayOpenBreakdownRow, mayViewReports } from '@shared/domain/policy'
import { addMonths, monthLabel } from '@shared/domain/report-month'
import { CHANNEL_LABEL, SCALE_LABEL } from '@shared/labels'
import { ROUTES } from '../../settings'
import { formatDateTime } from '../../utils/format'

/**
 * Pure helpers of the report pages (统计看板, 月报, 导出, the appeals behind a figure), tested
 * without Taro. Charts are built here as plain ECharts options; the pages only render them.
 */

// ---------------------------------------------------------------------------------------------
// Who may open the reports
// ---------------------------------------------------------------------------------------------

export type ReportAccess = { kind: 'ok' } | { kind: 'none'; message: string }

/** City and area admins see their city or area; a specialist sees their own portfolio. */
export function reportAccess(user: User | null): ReportAccess {
  if (!user) return { kind: 'none', message: '请先登录' }
  if (mayViewReports(user)) return { kind: 'ok' }
  return { kind: 'none', message: '统计报表仅供管理员和企业服务专员使用' }
}

// ---------------------------------------------------------------------------------------------
// Addresses and route parameters
// ---------------------------------------------------------------------------------------------

/** Whose figures and which month; either may be left to the defaults of GET /api/reports/scopes. */
export interface ReportTarget {
  scope: string
  month: string
}

/** The appeals behind one figure, of the whole scope or of one breakdown row (the names are for the title only). */
export interface DrillTarget extends ReportTarget {
  figure: DrillFigure
  dimension?: Dimension
  value?: string
  name?: string
  scopeName?: string
}

type Params = Partial<Record<string, string>>

function queryOf(params: Record<string, string | undefined>): string {
  const parts = Object.keys(params)
    .filter((key) => params[key] !== undefined && params[key] !== '')
    .map((key) => `${key}=${encodeURIComponent(params[key] as string)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export type ReportPage = 'dashboard' | 'monthly' | 'exports'
const PAGE_ROUTE: Record<ReportPage, string> = { dashboard: ROUTES.reportDashboard, monthly: ROUTES.reportMonthly, exports: ROUTES.reportExports }

export const reportUrl = (page: ReportPage, target?: Partial<ReportTarget>): string => `${PAGE_ROUTE[page]}${queryOf({ scope: target?.scope, month: target?.month })}`

export function drillUrl(target: DrillTarget): string {
  const row = target.dimension && target.value !== undefined ? { dimension: target.dimension, value: target.value, name: target.name } : {}
  return `${ROUTES.reportAppeals}${queryOf({ scope: target.scope, month: target.month, figure: target.figure, ...row, scopeName: target.scopeName })}`
}

/** A route parameter as written: WeChat hands them over still encoded, the h5 router decoded. */
export function routeParam(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Scope and month from a page's address; anything malformed is dropped (the defaults apply). */
export function parseTarget(params: Params): Partial<ReportTarget> {
  const scope = reportScopeSchema.safeParse(routeParam(params.scope))
  const month = monthSchema.safeParse(routeParam(params.month))
  return { ...(scope.success ? { scope: scope.data } : {}), ...(month.success ? { month: month.data } : {}) }
}

/** The drill-down a page's address asks for, or null when it is incomplete or malformed. */
export function parseDrill(params: Params): DrillTarget | null {
  const { scope, month } = parseTarget(params)
  const figure = drillFigureSchema.safeParse(routeParam(params.figure))
  if (!scope || !month || !figure.success) return null
  const dimension = routeParam(params.dimension)
  const value = routeParam(params.value)
  const scopeName = routeParam(params.scopeName)
  const names = scopeName === undefined ? {} : { scopeName }
  if (dimension === undefined && value === undefined) return { scope, month, figure: figure.data, ...names }
  const parsed = dimensionSchema.safeParse(dimension)
  if (!parsed.success || value === undefined) return null
  const name = routeParam(params.name)
  return { scope, month, figure: figure.data, dimension: parsed.data, value, ...(name === undefined ? {} : { name }), ...names }
}

// ---------------------------------------------------------------------------------------------
// Scope and month pickers
// ---------------------------------------------------------------------------------------------

export const SCOPE_KIND_LABEL: Record<ReportScopeKind, string> = { city: '全市', area: '属地', department: '部门', taskForce: '专班', specialist: '专员' }

export interface Choice {
  value: string
  label: string
}

/**
 * The scope picker's entries: the scopes the caller may view, and the one shown now if a drill
 * (a specialist's row, say) led outside that list.
 */
export function scopeChoices(scopes: readonly { key: string; kind: ReportScopeKind; name: string }[], current?: { key: string; kind: ReportScopeKind; name: string } | null): Choice[] {
  const all = current && !scopes.some((s) => s.key === current.key) ? [...scopes, current] : scopes
  return all.map((s) => ({ value: s.key, label: s.kind === 'department' || s.kind === 'taskForce' || s.kind === 'specialist' ? `${s.name}（${SCOPE_KIND_LABEL[s.kind]}）` : s.name }))
}

/** The months offered, newest first: the current one and the `count - 1` before it. */
export function monthChoices(currentMonth: string, count = 24): Choice[] {
  return Array.from({ length: count }, (_, i) => {
    const month = addMonths(currentMonth, -i)
    return { value: month, label: monthLabel(month) }
  })
}

/** The month before or after; null past the current month (nothing to report yet). */
export function stepMonth(month: string, delta: number, currentMonth: string): string | null {
  const next = addMonths(month, delta)
  return next > currentMonth ? null : next
}

// ---------------------------------------------------------------------------------------------
// Headline figures
// ---------------------------------------------------------------------------------------------

export interface HeadlineCard {
  /** Element id suffix: `figure-<id>`. */
  id: string
  label: string
  value: string
  /** numerator / denominator of a rate. */
  ratio?: string
  /** A count shown beside the value, with its own drill-down (撤回 2, 未评价 1). */
  aside?: { id: string; text: string; figure: DrillFigure }
  /** The definition in plain words, printed small under the figure. */
  definition: string
  figure: DrillFigure
  alert?: boolean
}

/** The dashboard's cards, in DESIGN §7's order; every one opens the appeals behind it. */
export function headlineCards(report: Pick<MonthlyReport, 'figures' | 'rates' | 'overdueNow' | 'escalatedNow'>): HeadlineCard[] {
  const f = report.figures
  const r = report.rates
  const late = Math.max(0, f.closed - f.onTime)
  return [
    { id: 'received', label: '受理', value: String(f.received), aside: { id: 'withdrawn', text: `撤回 ${f.withdrawn}`, figure: 'withdrawn' }, definition: '当月提交的诉求，不含已撤回的', figure: 'received' },
    { id: 'closed', label: '办结', value: String(f.closed), aside: { id: 'resolved', text: `已解决 ${f.resolved}`, figure: 'resolved' }, definition: '当月办结的诉求，含往月受理的', figure: 'closed' },
    { id: 'closeRate', label: '办结率', value: formatRate(r.closeRate), ratio: `${f.closed} / ${f.received}`, definition: '当月办结数 ÷ 当月受理数', figure: 'closed' },
    {
      id: 'cohortCloseRate',
      label: '当月诉求办结率',
      value: formatRate(r.cohortCloseRate),
      ratio: `${f.cohortClosed} / ${f.received}`,
      definition: '当月受理的诉求中，截至统计时已办结的比例',
      figure: 'cohortClosed',
    },
    {
      id: 'onTimeRate',
      label: '按时办结率',
      value: formatRate(r.onTimeRate),
      ratio: `${f.onTime} / ${f.closed}`,
      aside: { id: 'late', text: `超时 ${late}`, figure: 'late' },
      definition: '当月办结的诉求中，在时限（含延期）内答复的比例',
      figure: 'onTime',
    },
    {
      id: 'satisfactionRate',
      label: '满意率',
      value: formatRate(r.satisfactionRate),
      ratio: `${f.satisfied + f.basically} / ${f.evaluated}`,
      aside: { id: 'notEvaluated', text: `未评价 ${f.notEvaluated}`, figure: 'notEvaluated' },
      definition: '（满意 + 基本满意）÷ 已评价；超期未评价的不计为满意',
      figure: 'satisfiedOrBasically',
    },
    { id: 'overdueNow', label: '当前超期', value: String(report.overdueNow), definition: '统计时仍未办结且已超过办理时限', figure: 'overdueNow', alert: report.overdueNow > 0 },
    { id: 'escalatedNow', label: '当前提级督办', value: String(report.escalatedNow), definition: '统计时仍未办结且已提级至属地或市级督办', figure: 'escalatedNow', alert: report.escalatedNow > 0 },
  ]
}

/** "2 个工作日 / 5 个工作日" (median / p90), or "—" when nothing was measured. */
export function durationText(d: Duration): string {
  if (d.count === 0 || d.median === null) return '—'
  return `中位数 ${formatDays(d.median)}，90% 在 ${formatDays(d.p90)}内`
}

export interface FigureRow {
  id: string
  label: string
  value: string
  definition: string
}

/** The figures without a card: time taken and the month's escalations, extensions and reopenings. */
export function otherFigures(report: Pick<MonthlyReport, 'figures' | 'firstResponseDays' | 'handlingDays'>): FigureRow[] {
  const f = report.figures
  return [
    { id: 'firstResponseDays', label: '首次响应用时', value: durationText(report.firstResponseDays), definition: `当月受理的 ${report.firstResponseDays.count} 件，从提交到专员受理的工作日` },
    { id: 'handlingDays', label: '办理用时', value: durationText(report.handlingDays), definition: `当月办结的 ${report.handlingDays.count} 件，从提交到答复的工作日，不含等待企业补充材料的天数` },
    { id: 'escalations', label: '提级', value: `${f.escalations} 次`, definition: '当月提级督办的次数' },
    { id: 'extensions', label: '延期', value: `${f.extensions} 次`, definition: '当月批准延长办理时限的次数' },
    { id: 'reopenings', label: '重新办理', value: `${f.reopenings} 件`, definition: '企业评价不满意后重新办理的' },
    { id: 'overdueAtMonthEnd', label: '月末超期', value: `${f.overdueAtMonthEnd} 件`, definition: '月末仍未办结且已超过办理时限的' },
  ]
}

/** 回访满意率 beside the enterprises' own 满意率, and the sample it stands on: city and area reports that have a sample. */
export function returnVisitRows(report: Pick<MonthlyReport, 'returnVisits'>): FigureRow[] {
  const v = report.returnVisits
  if (!v) return []
  return [
    {
      id: 'returnVisitRate',
      label: '回访满意率',
      value: formatRate(v.rate),
      definition: `抽查回访中（满意 + 基本满意）÷ 接通（${v.satisfied + v.basically} ÷ ${v.reached}）；抽查 ${v.sampled} 件，未接通 ${v.notReached} 件，待回访 ${v.pending} 件`,
    },
    { id: 'returnVisitInconsistent', label: '回访评价不一致', value: `${v.inconsistent} 件`, definition: '回访不满意、而企业在小程序中评价满意或基本满意的' },
  ]
}

/** The monthly report's first table: every headline figure and rate, with its definition. */
export function headlineTable(report: MonthlyReport): FigureRow[] {
  const f = report.figures
  const r = report.rates
  const evaluatedDetail = `满意 ${f.satisfied}、基本满意 ${f.basically}、不满意 ${f.unsatisfied}`
  return [
    { id: 'received', label: '受理', value: `${f.received} 件`, definition: `当月提交的诉求，不含已撤回的（另撤回 ${f.withdrawn} 件）` },
    { id: 'closed', label: '办结', value: `${f.closed} 件`, definition: `当月办结的诉求，含往月受理的；其中已解决 ${f.resolved} 件` },
    { id: 'closeRate', label: '办结率', value: formatRate(r.closeRate), definition: `当月办结数 ÷ 当月受理数（${f.closed} ÷ ${f.received}）` },
    { id: 'cohortCloseRate', label: '当月诉求办结率', value: formatRate(r.cohortCloseRate), definition: `当月受理的诉求中，截至统计时已办结的比例（${f.cohortClosed} ÷ ${f.received}）` },
    { id: 'onTimeRate', label: '按时办结率', value: formatRate(r.onTimeRate), definition: `当月办结的诉求中，在时限（含延期）内答复的比例（${f.onTime} ÷ ${f.closed}）` },
    { id: 'resolvedRate', label: '解决率', value: formatRate(r.resolvedRate), definition: `当月办结的诉求中，答复为“已解决”的比例（${f.resolved} ÷ ${f.closed}）` },
    {
      id: 'satisfactionRate',
      label: '满意率',
      value: formatRate(r.satisfactionRate),
      definition: `（满意 + 基本满意）÷ 已评价（${f.satisfied + f.basically} ÷ ${f.evaluated}；${evaluatedDetail}）`,
    },
    { id: 'notEvaluated', label: '未评价', value: `${f.notEvaluated} 件`, definition: '答复后超期未评价、由系统办结的，不计为满意' },
    ...returnVisitRows(report),
    ...otherFigures(report),
    { id: 'overdueNow', label: '当前超期', value: `${report.overdueNow} 件`, definition: '统计时仍未办结且已超过办理时限' },
    { id: 'escalatedNow', label: '当前提级督办', value: `${report.escalatedNow} 件`, definition: '统计时仍未办结且已提级至属地或市级督办' },
  ]
}

/** When the figures were counted: a running month says so. */
export function asOfText(report: Pick<MonthlyReport, 'asOf' | 'monthComplete'>): string {
  return report.monthComplete ? `统计截至 ${formatDateTime(report.asOf)}` : `本月尚未结束，数据截至 ${formatDateTime(report.asOf)}`
}

export function reportTitle(report: Pick<MonthlyReport, 'scope' | 'month'>): string {
  return `${report.scope.name}${monthLabel(report.month)}亲商直通诉求办理情况月报`
}

// ---------------------------------------------------------------------------------------------
// Breakdowns
// ---------------------------------------------------------------------------------------------

export const DIMENSION_LABEL: Record<Dimension, string> = {
  area: '地区',
  unit: '部门与专班',
  specialist: '专员',
  category: '诉求类别',
  channel: '渠道',
  scale: '企业规模',
}

const DIMENSIONS: readonly Dimension[] = ['area', 'unit', 'specialist', 'category', 'channel', 'scale']

/** The breakdown tabs worth showing for a scope: an area's report has one area, a specialist's one specialist. */
export function dimensionTabs(kind: ReportScopeKind): Choice[] {
  return DIMENSIONS.filter((d) => !(d === 'area' && (kind === 'area' || kind === 'specialist')) && !(d === 'specialist' && kind === 'specialist')).map((d) => ({ value: d, label: DIMENSION_LABEL[d] }))
}

/**
 * A row's name for people. The server names every row; a bare key (a row the catalog no longer
 * knows) is said in Chinese where the labels know it.
 */
export function rowName(dimension: Dimension, row: Pick<BreakdownRow, 'key' | 'name'>): string {
  if (row.name !== row.key) return row.name
  if (dimension === 'channel' && row.key in CHANNEL_LABEL) return CHANNEL_LABEL[row.key as keyof typeof CHANNEL_LABEL]
  if (dimension === 'scale' && row.key in SCALE_LABEL) return SCALE_LABEL[row.key as keyof typeof SCALE_LABEL]
  if (dimension === 'scale' && row.key === 'unknown') return '未登记'
  if (dimension === 'specialist' && row.key === 'queue') return '待分派（值班队列）'
  return row.name
}

/**
 * The scope of a row's own report (an area, a department or task force, a specialist) when the
 * caller may open it: the city office any of them, an area admin its specialists' portfolios.
 */
export function rowScope(role: User['role'], dimension: Dimension, key: string): string | null {
  if (!mayOpenBreakdownRow({ role }, dimension)) return null
  const scope = dimension === 'area' ? `area:${key}` : dimension === 'unit' ? key : key !== 'queue' ? `specialist:${key}` : null
  return scope !== null && reportScopeSchema.safeParse(scope).success ? scope : null
}

export const RATE_COLUMNS: readonly { key: keyof Rates; label: string }[] = [
  { key: 'closeRate', label: '办结率' },
  { key: 'onTimeRate', label: '按时办结率' },
  { key: 'satisfactionRate', label: '满意率' },
]

export const BREAKDOWN_COLUMNS = ['名称', '受理', '办结', ...RATE_COLUMNS.map((c) => c.label)]

export interface TableRow {
  key: string
  cells: string[]
}

export function breakdownTableRows(dimension: Dimension, rows: readonly BreakdownRow[]): TableRow[] {
  return rows.map((row) => ({
    key: row.key,
    cells: [rowName(dimension, row), String(row.figures.received), String(row.figures.closed), ...RATE_COLUMNS.map((c) => formatRate(row.rates[c.key]))],
  }))
}

export const TREND_COLUMNS = ['月份', '受理', '办结', ...RATE_COLUMNS.map((c) => c.label)]

export function trendTableRows(trend: readonly TrendPoint[]): TableRow[] {
  return trend.map((p) => ({ key: p.month, cells: [monthLabel(p.month), String(p.received), String(p.closed), ...RATE_COLUMNS.map((c) => formatRate(p.rates[c.key]))] }))
}

/** The categories with the most appeals received, with each one's share of the busiest (for a bar). */
export function topCategories(rows: readonly BreakdownRow[], count = 5): { row: BreakdownRow; share: number }[] {
  const top = [...rows].sort((a, b) => b.figures.received - a.figures.received || b.figures.closed - a.figures.closed).slice(0, count).filter((row) => row.figures.received > 0)
  const most = top[0]?.figures.received ?? 0
  return top.map((row) => ({ row, share: most > 0 ? row.figures.received / most : 0 }))
}

// ---------------------------------------------------------------------------------------------
// Drill-downs
// ---------------------------------------------------------------------------------------------

export const DRILL_LABEL: Record<DrillFigure, string> = {
  received: '受理的诉求',
  withdrawn: '撤回的诉求',
  cohortClosed: '当月受理且已办结的诉求',
  closed: '办结的诉求',
  resolved: '已解决的诉求',
  onTime: '按时办结的诉求',
  late: '超时办结的诉求',
  evaluated: '已评价的诉求',
  satisfiedOrBasically: '满意和基本满意的诉求',
  unsatisfied: '不满意的诉求',
  notEvaluated: '未评价的诉求',
  overdueNow: '当前超期的诉求',
  escalatedNow: '当前提级督办的诉求',
}

/** Figures counted at the report date rather than over the month. */
export const isLiveFigure = (figure: DrillFigure): boolean => figure === 'overdueNow' || figure === 'escalatedNow'

/** The drill page's heading: 2026年11月 · 办结的诉求, and the row if one was tapped. */
export function drillTitle(target: DrillTarget): string {
  const when = isLiveFigure(target.figure) ? '截至统计时' : monthLabel(target.month)
  const row = target.dimension ? ` · ${DIMENSION_LABEL[target.dimension]}：${target.name ?? target.value}` : ''
  return `${when} · ${DRILL_LABEL[target.figure]}${row}`
}

// ---------------------------------------------------------------------------------------------
// Charts (plain ECharts options)
// ---------------------------------------------------------------------------------------------

const COLOR = { received: '#9ec5fe', closed: '#1f6feb', closeRate: '#1a7f37', onTimeRate: '#b45309', satisfactionRate: '#8250df' }

/** An ECharts option: plain data the chart component hands to setOption. */
export type ChartOption = Record<string, unknown>

/** What an ECharts click event says about the item tapped. */
export interface ChartPick {
  seriesIndex?: number
  dataIndex?: number
}

/** A rate as a percentage for the chart, one decimal; '-' (ECharts' "no value") when there is none. */
export const percent = (rate: number | null): number | '-' => (rate === null || !Number.isFinite(rate) ? '-' : Math.round(rate * 1000) / 10)

/** The trend's series in chart order, and the figure each one's tap opens. */
export const TREND_SERIES: readonly { name: string; figure: DrillFigure }[] = [
  { name: '受理', figure: 'received' },
  { name: '办结', figure: 'closed' },
  { name: '办结率', figure: 'closed' },
  { name: '按时办结率', figure: 'onTime' },
  { name: '满意率', figure: 'satisfiedOrBasically' },
]

export const TREND_CHART_HEIGHT = 260

/** "11月"; January carries its year so the axis says where a year begins. */
export function shortMonth(month: string): string {
  const [year, mon] = month.split('-')
  return mon === '01' ? `${year}年1月` : `${Number(mon)}月`
}

/** 12 months: received and closed as bars (left axis), close, on-time and satisfaction rates as lines (right axis, %). */
export function trendChart(trend: readonly TrendPoint[]): ChartOption {
  const line = (name: string, color: string, values: (number | '-')[]) => ({
    name,
    type: 'line',
    yAxisIndex: 1,
    data: values,
    connectNulls: false,
    symbolSize: 6,
    itemStyle: { color },
    lineStyle: { color, width: 2 },
  })
  return {
    animation: false,
    color: [COLOR.received, COLOR.closed, COLOR.closeRate, COLOR.onTimeRate, COLOR.satisfactionRate],
    legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 8, itemGap: 8, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 36, right: 40, top: 52, bottom: 24 },
    xAxis: { type: 'category', data: trend.map((p) => shortMonth(p.month)), axisLabel: { fontSize: 10, interval: 'auto' } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 } },
      { type: 'value', name: '%', min: 0, max: 100, interval: 25, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 }, splitLine: { show: false } },
    ],
    series: [
      { name: '受理', type: 'bar', data: trend.map((p) => p.received), barMaxWidth: 12, itemStyle: { color: COLOR.received } },
      { name: '办结', type: 'bar', data: trend.map((p) => p.closed), barMaxWidth: 12, itemStyle: { color: COLOR.closed } },
      line('办结率', COLOR.closeRate, trend.map((p) => percent(p.rates.closeRate))),
      line('按时办结率', COLOR.onTimeRate, trend.map((p) => percent(p.rates.onTimeRate))),
      line('满意率', COLOR.satisfactionRate, trend.map((p) => percent(p.rates.satisfactionRate))),
    ],
  }
}

/** A tap on the trend: that month's appeals behind the series tapped. */
export function trendPick(trend: readonly TrendPoint[], pick: ChartPick): { month: string; figure: DrillFigure } | null {
  const series = pick.seriesIndex === undefined ? undefined : TREND_SERIES[pick.seriesIndex]
  const point = pick.dataIndex === undefined ? undefined : trend[pick.dataIndex]
  return series && point ? { month: point.month, figure: series.figure } : null
}

/**
 * The breakdown chart's layout in pixels, fixed so that a row's bar sits at a known place:
 * a row is `rowHeight` tall, the first one `top` below the chart's top edge.
 */
export const BREAKDOWN_CHART = { left: 96, right: 28, top: 32, bottom: 20, rowHeight: 34, maxRows: 12 } as const

/** Names on the axis are cut to fit the label column: 国网湘潭供电公司 → 国网湘潭供电…. */
export function axisName(name: string, max = 6): string {
  return name.length > max ? `${name.slice(0, max)}…` : name
}

export interface BreakdownChart {
  option: ChartOption
  /** The rows charted (the busiest `maxRows`), top to bottom. */
  rows: BreakdownRow[]
  height: number
}

/**
 * One dimension as horizontal bars, the busiest row on top: received (light) with closed drawn
 * over it (dark), so that a tap at the start of a row's bar lands on its closed appeals.
 */
export function breakdownChart(dimension: Dimension, rows: readonly BreakdownRow[]): BreakdownChart {
  const L = BREAKDOWN_CHART
  const shown = rows.slice(0, L.maxRows)
  const height = L.top + L.bottom + Math.max(1, shown.length) * L.rowHeight
  const option: ChartOption = {
    animation: false,
    color: [COLOR.received, COLOR.closed],
    legend: { top: 0, right: 8, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: L.left, right: L.right, top: L.top, bottom: L.bottom, containLabel: false },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((row) => axisName(rowName(dimension, row))),
      axisTick: { show: false },
      axisLabel: { fontSize: 11, width: L.left - 12, overflow: 'truncate' },
    },
    series: [
      { name: '受理', type: 'bar', data: shown.map((row) => row.figures.received), barWidth: 16, itemStyle: { color: COLOR.received } },
      { name: '办结', type: 'bar', data: shown.map((row) => row.figures.closed), barWidth: 16, barGap: '-100%', itemStyle: { color: COLOR.closed } },
    ],
  }
  return { option, rows: shown, height }
}

/** A tap on a breakdown bar: the row's received (light bar) or closed (dark bar) appeals. */
export function breakdownPick(dimension: Dimension, rows: readonly BreakdownRow[], pick: ChartPick): { figure: DrillFigure; dimension: Dimension; value: string; name: string } | null {
  const row = pick.dataIndex === undefined ? undefined : rows[pick.dataIndex]
  if (!row || (pick.seriesIndex !== 0 && pick.seriesIndex !== 1)) return null
  return { figure: pick.seriesIndex === 0 ? 'received' : 'closed', dimension, value: row.key, name: rowName(dimension, row) }
}

/** The chart's width in pixels: the window less the page's and the card's padding (52 of 750 design px each side). */
export function chartWidth(windowWidth: number): number {
  return Math.max(240, Math.floor(windowWidth * (1 - 104 / 750)))
}

/** A key as part of an element id: department:power → department-power. */
export const domId = (key: string): string => key.replace(/[^\w-]/g, '-')
