import { describe, expect, it } from 'vitest'
import { figuresOf } from '@shared/domain/report-figures'
import type { BreakdownRow, ExportJob, Figures, MonthlyReport, Rates, TrendPoint } from '@shared/schemas/report.schema'
import type { User } from '@shared/schemas/user.schema'
import {
  asOfText,
  axisName,
  BREAKDOWN_CHART,
  breakdownChart,
  breakdownPick,
  breakdownTableRows,
  chartWidth,
  dimensionTabs,
  domId,
  drillTitle,
  drillUrl,
  durationText,
  headlineCards,
  headlineTable,
  monthChoices,
  otherFigures,
  parseDrill,
  parseTarget,
  percent,
  reportAccess,
  reportTitle,
  reportUrl,
  rowName,
  rowScope,
  scopeChoices,
  shortMonth,
  stepMonth,
  topCategories,
  trendChart,
  trendPick,
  trendTableRows,
} from '../../miniapp/src/packages/report/report-view'
import { exportFileName, exportLine, exportProgress, formatBytes, isExportFinished, upsertJob, weappCanOpen } from '../../miniapp/src/packages/report/export-view'

const ZERO: Figures = figuresOf({})
const NO_RATES: Rates = { closeRate: null, cohortCloseRate: null, onTimeRate: null, satisfactionRate: null, resolvedRate: null }

function row(key: string, name: string, patch: Partial<Figures> = {}, rates: Partial<Rates> = {}): BreakdownRow {
  return { key, name, figures: { ...ZERO, ...patch }, rates: { ...NO_RATES, ...rates } }
}

function point(month: string, received: number, closed: number, rates: Partial<Rates> = {}): TrendPoint {
  return { month, received, closed, rates: { ...NO_RATES, ...rates } }
}

/** Xiangtan's first round as the city published it: 358 received, 337 closed (94.1%). */
function makeReport(patch: Partial<MonthlyReport> = {}): MonthlyReport {
  return {
    scope: { key: 'city', kind: 'city', name: '湘潭市' },
    month: '2026-11',
    asOf: '2026-11-24T02:30:00.000Z',
    monthComplete: false,
    figures: { ...ZERO, received: 358, withdrawn: 4, closed: 337, resolved: 320, cohortClosed: 301, onTime: 330, evaluated: 300, satisfied: 280, basically: 11, unsatisfied: 9, notEvaluated: 37, escalations: 6, extensions: 3, reopenings: 2, overdueAtMonthEnd: 0 },
    rates: { closeRate: 337 / 358, cohortCloseRate: 301 / 358, onTimeRate: 330 / 337, satisfactionRate: 291 / 300, resolvedRate: 320 / 337 },
    firstResponseDays: { median: 1, p90: 2, count: 350 },
    handlingDays: { median: 4, p90: 9, count: 337 },
    overdueNow: 5,
    escalatedNow: 0,
    breakdowns: {
      area: [row('xt-hitech', '湘潭高新区', { received: 200, closed: 190 }), row('yuhu', '雨湖区', { received: 158, closed: 147 })],
      unit: [row('department:power', '国网湘潭供电公司', { received: 40, closed: 38 })],
      specialist: [row('sp-007', '徐慧萍', { received: 12, closed: 11 }), row('queue', 'queue', { received: 1 })],
      category: [row('power', '用电', { received: 40, closed: 38 }, { closeRate: 0.95 }), row('land', '用地', { received: 90, closed: 70 }), row('other', '其他', { received: 0, closed: 2 })],
      channel: [row('miniapp', 'miniapp', { received: 300 }), row('visit', 'visit', { received: 58 })],
      scale: [row('above', 'above', { received: 250 }), row('unknown', 'unknown', { received: 8 })],
    },
    trend: [point('2025-12', 10, 8, { closeRate: 0.8 }), point('2026-01', 0, 0), point('2026-11', 358, 337, { closeRate: 337 / 358, onTimeRate: 330 / 337, satisfactionRate: 291 / 300 })],
    summary: '11月，全市受理企业诉求358件，办结337件，办结率94.1%。',
    ...patch,
  }
}

const user = (patch: Partial<User>): User => ({ id: 'ad-city', name: '万明建', role: 'city_admin', ...patch })

describe('who may open the reports', () => {
  it('admins and specialists; nobody else, and a visitor is asked to sign in', () => {
    expect(reportAccess(user({}))).toEqual({ kind: 'ok' })
    expect(reportAccess(user({ role: 'area_admin', areaId: 'yuhu' }))).toEqual({ kind: 'ok' })
    expect(reportAccess(user({ role: 'specialist' }))).toEqual({ kind: 'ok' })
    expect(reportAccess(user({ role: 'department_handler' }))).toEqual({ kind: 'none', message: '统计报表仅供管理员和企业服务专员使用' })
    expect(reportAccess(user({ role: 'staff' })).kind).toBe('none')
    expect(reportAccess(null)).toEqual({ kind: 'none', message: '请先登录' })
  })
})

describe('report addresses', () => {
  it('writes the page with its scope and month, leaving out what is not known', () => {
    expect(reportUrl('monthly', { scope: 'area:yuhu', month: '2026-11' })).toBe('/packages/report/monthly/index?scope=area%3Ayuhu&month=2026-11')
    expect(reportUrl('dashboard')).toBe('/packages/report/dashboard/index')
    expect(reportUrl('exports', { month: '2026-10' })).toBe('/packages/report/exports/index?month=2026-10')
  })

  it('reads back a drill-down from its address, encoded (WeChat) or decoded (h5)', () => {
    const target = { scope: 'department:power', month: '2026-11', figure: 'closed' as const, dimension: 'category' as const, value: 'power', name: '用电', scopeName: '国网湘潭供电公司' }
    const url = drillUrl(target)
    expect(url.startsWith('/packages/report/appeals/index?scope=department%3Apower&month=2026-11&figure=closed&dimension=category&value=power&name=')).toBe(true)
    const encoded = Object.fromEntries(url.split('?')[1]!.split('&').map((pair) => pair.split('=') as [string, string]))
    expect(parseDrill(encoded)).toEqual(target)
    const decoded = Object.fromEntries(Object.entries(encoded).map(([k, v]) => [k, decodeURIComponent(v)]))
    expect(parseDrill(decoded)).toEqual(target)
  })

  it('a drill without a row has no dimension; a row without both halves, or anything malformed, is refused', () => {
    expect(parseDrill({ scope: 'city', month: '2026-11', figure: 'overdueNow' })).toEqual({ scope: 'city', month: '2026-11', figure: 'overdueNow' })
    expect(drillUrl({ scope: 'city', month: '2026-11', figure: 'received', value: 'x' })).toBe('/packages/report/appeals/index?scope=city&month=2026-11&figure=received')
    expect(parseDrill({ scope: 'city', month: '2026-11', figure: 'received', dimension: 'area' })).toBeNull()
    expect(parseDrill({ scope: 'city', month: '2026-11', figure: 'received', dimension: 'colour', value: 'red' })).toBeNull()
    expect(parseDrill({ scope: 'city', month: '2026-11', figure: 'closeRate' })).toBeNull()
    expect(parseDrill({ scope: 'city', month: '2026-13', figure: 'closed' })).toBeNull()
    expect(parseDrill({ month: '2026-11', figure: 'closed' })).toBeNull()
  })

  it('a page address keeps a valid scope and month and drops the rest, so the defaults apply', () => {
    expect(parseTarget({ scope: 'area%3Ayuhu', month: '2026-11' })).toEqual({ scope: 'area:yuhu', month: '2026-11' })
    expect(parseTarget({ scope: 'planet:mars', month: '11/2026' })).toEqual({})
    expect(parseTarget({})).toEqual({})
  })

  it('element ids carry keys without separators', () => {
    expect(domId('department:power')).toBe('department-power')
    expect(domId('sp-007')).toBe('sp-007')
  })
})

describe('scope and month pickers', () => {
  const scopes = [
    { key: 'city', kind: 'city' as const, name: '湘潭市' },
    { key: 'area:yuhu', kind: 'area' as const, name: '雨湖区' },
    { key: 'department:power', kind: 'department' as const, name: '国网湘潭供电公司' },
    { key: 'taskForce:tf-industry', kind: 'taskForce' as const, name: '工业专班' },
  ]

  it('names departments, task forces and specialists by kind, and adds the scope a drill led to', () => {
    expect(scopeChoices(scopes).map((c) => c.label)).toEqual(['湘潭市', '雨湖区', '国网湘潭供电公司（部门）', '工业专班（专班）'])
    const withSpecialist = scopeChoices(scopes, { key: 'specialist:sp-007', kind: 'specialist', name: '徐慧萍' })
    expect(withSpecialist.at(-1)).toEqual({ value: 'specialist:sp-007', label: '徐慧萍（专员）' })
    expect(scopeChoices(scopes, scopes[1])).toHaveLength(4)
  })

  it('offers the last 24 months newest first, and never steps past the current month', () => {
    const months = monthChoices('2026-02')
    expect(months).toHaveLength(24)
    expect(months.slice(0, 3)).toEqual([
      { value: '2026-02', label: '2026年2月' },
      { value: '2026-01', label: '2026年1月' },
      { value: '2025-12', label: '2025年12月' },
    ])
    expect(months.at(-1)?.value).toBe('2024-03')
    expect(stepMonth('2026-01', -1, '2026-02')).toBe('2025-12')
    expect(stepMonth('2026-01', 1, '2026-02')).toBe('2026-02')
    expect(stepMonth('2026-02', 1, '2026-02')).toBeNull()
  })
})

describe('headline figures', () => {
  it('shows the published Xiangtan figures: 358 received, 337 closed, 94.1%, each rate with its counts and definition', () => {
    const cards = headlineCards(makeReport())
    const card = (id: string) => cards.find((c) => c.id === id)!
    expect(cards.map((c) => c.label)).toEqual(['受理', '办结', '办结率', '当月诉求办结率', '按时办结率', '满意率', '当前超期', '当前提级督办'])
    expect(card('received')).toMatchObject({ value: '358', aside: { text: '撤回 4', figure: 'withdrawn' }, figure: 'received' })
    expect(card('closeRate')).toMatchObject({ value: '94.1%', ratio: '337 / 358', definition: '当月办结数 ÷ 当月受理数', figure: 'closed' })
    expect(card('cohortCloseRate')).toMatchObject({ value: '84.1%', ratio: '301 / 358', figure: 'cohortClosed' })
    expect(card('onTimeRate')).toMatchObject({ value: '97.9%', ratio: '330 / 337', aside: { text: '超时 7', figure: 'late' }, figure: 'onTime' })
    expect(card('satisfactionRate')).toMatchObject({ value: '97.0%', ratio: '291 / 300', aside: { text: '未评价 37', figure: 'notEvaluated' }, figure: 'satisfiedOrBasically' })
    expect(card('overdueNow')).toMatchObject({ value: '5', alert: true, figure: 'overdueNow' })
    expect(card('escalatedNow')).toMatchObject({ value: '0', alert: false })
  })

  it('a month with nothing to divide by shows "—", never NaN', () => {
    const cards = headlineCards(makeReport({ figures: ZERO, rates: NO_RATES, overdueNow: 0, escalatedNow: 0 }))
    for (const card of cards) expect(card.value).not.toContain('NaN')
    expect(cards.filter((c) => c.ratio).map((c) => c.value)).toEqual(['—', '—', '—', '—'])
  })

  it('times taken as median and 90th percentile, "—" when nothing was measured', () => {
    expect(durationText({ median: 1, p90: 3, count: 20 })).toBe('中位数 1 个工作日，90% 在 3 个工作日内')
    expect(durationText({ median: null, p90: null, count: 0 })).toBe('—')
    const other = otherFigures(makeReport())
    expect(other.map((r) => `${r.label} ${r.value}`)).toEqual([
      '首次响应用时 中位数 1 个工作日，90% 在 2 个工作日内',
      '办理用时 中位数 4 个工作日，90% 在 9 个工作日内',
      '提级 6 次',
      '延期 3 次',
      '重新办理 2 件',
      '月末超期 0 件',
    ])
  })

  it('the monthly report: its title, when it was counted, and every figure with its counts in the definition', () => {
    const report = makeReport()
    expect(reportTitle(report)).toBe('湘潭市2026年11月亲商直通诉求办理情况月报')
    expect(asOfText(report)).toBe('本月尚未结束，数据截至 2026-11-24 10:30')
    expect(asOfText({ ...report, monthComplete: true })).toBe('统计截至 2026-11-24 10:30')
    const table = headlineTable(report)
    const line = (id: string) => table.find((r) => r.id === id)!
    expect(line('closeRate')).toMatchObject({ value: '94.1%', definition: '当月办结数 ÷ 当月受理数（337 ÷ 358）' })
    expect(line('received').definition).toContain('另撤回 4 件')
    expect(line('satisfactionRate').definition).toContain('满意 280、基本满意 11、不满意 9')
    expect(line('resolvedRate').value).toBe('95.0%')
    expect(table.map((r) => r.id)).toContain('handlingDays')
  })
})

describe('breakdowns', () => {
  it('an area report has no area tab, a specialist report neither area nor specialist', () => {
    expect(dimensionTabs('city').map((t) => t.label)).toEqual(['地区', '部门与专班', '专员', '诉求类别', '渠道', '企业规模'])
    expect(dimensionTabs('area').map((t) => t.value)).toEqual(['unit', 'specialist', 'category', 'channel', 'scale'])
    expect(dimensionTabs('specialist').map((t) => t.value)).toEqual(['unit', 'category', 'channel', 'scale'])
  })

  it("keeps the server's names, and says in Chinese what a bare key is", () => {
    expect(rowName('specialist', { key: 'sp-007', name: '徐慧萍' })).toBe('徐慧萍')
    expect(rowName('channel', { key: 'visit', name: '上门走访' })).toBe('上门走访')
    expect(rowName('channel', { key: 'visit', name: 'visit' })).toBe('上门走访')
    expect(rowName('scale', { key: 'near', name: 'near' })).toBe('临规')
    expect(rowName('scale', { key: 'unknown', name: 'unknown' })).toBe('未登记')
    expect(rowName('specialist', { key: 'queue', name: 'queue' })).toBe('待分派（值班队列）')
    expect(rowName('category', { key: 'gone', name: 'gone' })).toBe('gone')
  })

  it("a row's own report: areas, units and specialists for the city office, specialists for an area admin, never the duty queue", () => {
    expect(rowScope('city_admin', 'area', 'yuhu')).toBe('area:yuhu')
    expect(rowScope('city_admin', 'unit', 'department:power')).toBe('department:power')
    expect(rowScope('city_admin', 'unit', 'taskForce:tf-industry')).toBe('taskForce:tf-industry')
    expect(rowScope('city_admin', 'specialist', 'sp-007')).toBe('specialist:sp-007')
    expect(rowScope('city_admin', 'specialist', 'queue')).toBeNull()
    expect(rowScope('city_admin', 'category', 'power')).toBeNull()
    expect(rowScope('city_admin', 'unit', 'power')).toBeNull()
    expect(rowScope('area_admin', 'specialist', 'sp-042')).toBe('specialist:sp-042')
    expect(rowScope('area_admin', 'unit', 'department:power')).toBeNull()
    expect(rowScope('specialist', 'specialist', 'sp-042')).toBeNull()
  })

  it('tables: one row per breakdown row and per month, rates formatted', () => {
    const report = makeReport()
    expect(breakdownTableRows('category', report.breakdowns.category)[0]).toEqual({ key: 'power', cells: ['用电', '40', '38', '95.0%', '—', '—'] })
    expect(breakdownTableRows('channel', report.breakdowns.channel).map((r) => r.cells[0])).toEqual(['小程序', '上门走访'])
    expect(trendTableRows(report.trend).map((r) => r.cells.slice(0, 4))).toEqual([
      ['2025年12月', '10', '8', '80.0%'],
      ['2026年1月', '0', '0', '—'],
      ['2026年11月', '358', '337', '94.1%'],
    ])
  })

  it('the busiest categories, each bar against the busiest; none when nothing was received', () => {
    const top = topCategories(makeReport().breakdowns.category)
    expect(top.map((t) => [t.row.key, t.share])).toEqual([
      ['land', 1],
      ['power', 40 / 90],
    ])
    expect(topCategories([row('other', '其他', { closed: 2 })])).toEqual([])
  })
})

describe('drill-downs', () => {
  it('titles the list by month (or 截至统计时 for live figures), figure and row', () => {
    expect(drillTitle({ scope: 'city', month: '2026-11', figure: 'closed' })).toBe('2026年11月 · 办结的诉求')
    expect(drillTitle({ scope: 'city', month: '2026-11', figure: 'received', dimension: 'area', value: 'yuhu', name: '雨湖区' })).toBe('2026年11月 · 受理的诉求 · 地区：雨湖区')
    expect(drillTitle({ scope: 'city', month: '2026-11', figure: 'overdueNow' })).toBe('截至统计时 · 当前超期的诉求')
  })
})

describe('charts', () => {
  it('the trend: bars of received and closed, lines of three rates in percent, gaps where a rate has no denominator', () => {
    const report = makeReport()
    const option = trendChart(report.trend) as { xAxis: { data: string[] }; series: { name: string; type: string; data: unknown[]; yAxisIndex?: number }[] }
    expect(option.xAxis.data).toEqual(['12月', '2026年1月', '11月'])
    expect(option.series.map((s) => `${s.type}:${s.name}`)).toEqual(['bar:受理', 'bar:办结', 'line:办结率', 'line:按时办结率', 'line:满意率'])
    expect(option.series[0]!.data).toEqual([10, 0, 358])
    expect(option.series[2]).toMatchObject({ yAxisIndex: 1, data: [80, '-', 94.1] })
    expect(percent(null)).toBe('-')
    expect(percent(Number.NaN)).toBe('-')
  })

  it('a tap on the trend opens that month’s appeals behind the series', () => {
    const { trend } = makeReport()
    expect(trendPick(trend, { seriesIndex: 1, dataIndex: 0 })).toEqual({ month: '2025-12', figure: 'closed' })
    expect(trendPick(trend, { seriesIndex: 4, dataIndex: 2 })).toEqual({ month: '2026-11', figure: 'satisfiedOrBasically' })
    expect(trendPick(trend, { seriesIndex: 3, dataIndex: 2 })).toEqual({ month: '2026-11', figure: 'onTime' })
    expect(trendPick(trend, { seriesIndex: 9, dataIndex: 0 })).toBeNull()
    expect(trendPick(trend, {})).toBeNull()
  })

  it('a breakdown: one row per bar in a fixed layout, closed drawn over received, the busiest rows only', () => {
    const rows = Array.from({ length: 15 }, (_, i) => row(`c${i}`, `类别${i}`, { received: 15 - i, closed: 10 - i }))
    const chart = breakdownChart('category', rows)
    const L = BREAKDOWN_CHART
    expect(chart.rows).toHaveLength(L.maxRows)
    expect(chart.height).toBe(L.top + L.bottom + L.maxRows * L.rowHeight)
    const option = chart.option as { grid: Record<string, number>; yAxis: { inverse: boolean; data: string[] }; series: { name: string; barGap?: string }[] }
    expect(option.grid).toMatchObject({ left: L.left, top: L.top, bottom: L.bottom })
    expect(option.yAxis.inverse).toBe(true)
    expect(option.yAxis.data[0]).toBe('类别0')
    expect(option.series.map((s) => s.name)).toEqual(['受理', '办结'])
    expect(option.series[1]!.barGap).toBe('-100%')
    expect(breakdownChart('category', []).height).toBe(L.top + L.bottom + L.rowHeight)
  })

  it('a tap on a breakdown bar opens the row’s received (light) or closed (dark) appeals', () => {
    const rows = makeReport().breakdowns.channel
    expect(breakdownPick('channel', rows, { seriesIndex: 0, dataIndex: 1 })).toEqual({ figure: 'received', dimension: 'channel', value: 'visit', name: '上门走访' })
    expect(breakdownPick('channel', rows, { seriesIndex: 1, dataIndex: 0 })).toMatchObject({ figure: 'closed', value: 'miniapp' })
    expect(breakdownPick('channel', rows, { seriesIndex: 1, dataIndex: 5 })).toBeNull()
  })

  it('axis names are cut to fit, months shortened, charts sized to the window', () => {
    expect(axisName('国网湘潭供电公司')).toBe('国网湘潭供电…')
    expect(axisName('用电')).toBe('用电')
    expect(shortMonth('2026-11')).toBe('11月')
    expect(shortMonth('2027-01')).toBe('2027年1月')
    expect(chartWidth(390)).toBe(335)
    expect(chartWidth(200)).toBe(240)
  })
})

describe('exports', () => {
  const job = (patch: Partial<ExportJob>): ExportJob => ({
    id: 'ex-1',
    scope: 'area:yuhu',
    scopeName: '雨湖区',
    month: '2026-11',
    format: 'xlsx',
    fileName: '亲商直通月报-雨湖区-2026年11月.xlsx',
    status: 'running',
    progress: { done: 0, total: 0 },
    requestedBy: 'ad-yuhu',
    createdAt: '2026-11-24T02:00:00.000Z',
    ...patch,
  })

  it('progress: empty while queued, done ÷ total while running but never full before the file exists, full when done', () => {
    expect(exportProgress(job({ status: 'queued' }))).toEqual({ percent: 0, text: '排队中' })
    expect(exportProgress(job({ progress: { done: 0, total: 0 } }))).toEqual({ percent: 0, text: '生成中' })
    expect(exportProgress(job({ progress: { done: 30, total: 120 } }))).toEqual({ percent: 25, text: '生成中 30/120' })
    expect(exportProgress(job({ progress: { done: 120, total: 120 } }))).toEqual({ percent: 99, text: '生成中 120/120' })
    expect(exportProgress(job({ status: 'done', progress: { done: 120, total: 120 } }))).toEqual({ percent: 100, text: '已完成' })
    expect(exportProgress(job({ status: 'failed', progress: { done: 60, total: 120 } }))).toEqual({ percent: 50, text: '导出失败' })
    expect(isExportFinished(job({ status: 'done' }))).toBe(true)
    expect(isExportFinished(job({ status: 'failed' }))).toBe(true)
    expect(isExportFinished(job({ status: 'queued' }))).toBe(false)
  })

  it('keeps one entry per job, the latest state, newest first', () => {
    const older = job({ id: 'ex-0', createdAt: '2026-11-23T02:00:00.000Z', status: 'done' })
    const list = upsertJob([older], job({ status: 'running' }))
    expect(list.map((j) => j.id)).toEqual(['ex-1', 'ex-0'])
    const updated = upsertJob(list, job({ status: 'done', url: 'http://s3/x.xlsx' }))
    expect(updated).toHaveLength(2)
    expect(updated[0]).toMatchObject({ id: 'ex-1', status: 'done' })
  })

  it('names the file and describes it in one line', () => {
    // Before a server named queued jobs: the name the file will get, never a second one.
    expect(exportFileName({ scopeName: '雨湖区', month: '2026-11', format: 'xlsx' })).toBe('亲商直通月报-雨湖区-2026年11月.xlsx')
    expect(exportFileName(job({ fileName: '月报.xlsx' }))).toBe('月报.xlsx')
    expect(exportLine(job({ status: 'done', bytes: 12_600 }))).toBe('雨湖区 · 2026年11月 · Excel · 12.3 KB')
    expect(exportLine(job({ format: 'csv' }))).toBe('雨湖区 · 2026年11月 · CSV')
    expect(formatBytes(900)).toBe('900 B')
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB')
    expect(weappCanOpen('xlsx')).toBe(true)
    expect(weappCanOpen('csv')).toBe(false)
  })
})
