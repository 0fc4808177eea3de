import type { BreakdownRow, Duration, Figures, Rates } from '../schemas/report.schema'
import { formatRate } from './report-figures'
import { monthLabel } from './report-month'
import { shanghaiDate } from './calendar'

export interface SummaryInput {
  scopeName: string
  month: string
  asOf: Date
  monthComplete: boolean
  figures: Figures
  rates: Rates
  firstResponseDays: Duration
  handlingDays: Duration
  overdueNow: number
  topCategories: readonly BreakdownRow[]
}

const days = (d: number | null) => (d === null ? '—' : `${d}个工作日`)

/** "11月30日" */
function dayLabel(instant: Date): string {
  const [, month, day] = shanghaiDate(instant).split('-')
  return `${Number(month)}月${Number(day)}日`
}

/**
 * The month in one paragraph, in the words the official monthly report opens with: what came in,
 * what was closed and how well, how long it took, and what needed supervision. Every rate names
 * what it divides, so the paragraph can be quoted alone.
 */
export function monthSummary(input: SummaryInput): string {
  const { figures: f, rates: r } = input
  const parts: string[] = []
  const withdrawn = f.withdrawn > 0 ? `（另有企业撤回${f.withdrawn}件）` : ''
  parts.push(`${monthLabel(input.month)}${input.monthComplete ? '' : `（截至${dayLabel(input.asOf)}）`}，${input.scopeName}共受理企业诉求${f.received}件${withdrawn}，办结${f.closed}件，办结率${formatRate(r.closeRate)}`)
  if (f.received > 0) parts.push(`当月受理的诉求截至${dayLabel(input.asOf)}已办结${f.cohortClosed}件，当月诉求办结率${formatRate(r.cohortCloseRate)}`)
  if (f.closed > 0) {
    parts.push(`办结诉求中已解决${f.resolved}件，解决率${formatRate(r.resolvedRate)}；在办理时限内答复${f.onTime}件，按时办结率${formatRate(r.onTimeRate)}`)
    const evaluated =
      f.evaluated > 0
        ? `企业评价${f.evaluated}件，满意率${formatRate(r.satisfactionRate)}（满意${f.satisfied}件、基本满意${f.basically}件、不满意${f.unsatisfied}件）`
        : '办结诉求均未经企业评价，满意率—'
    parts.push(`${evaluated}，未评价${f.notEvaluated}件`)
  }
  if (input.firstResponseDays.count > 0 || input.handlingDays.count > 0) {
    parts.push(
      `首次响应用时中位数${days(input.firstResponseDays.median)}，办理用时中位数${days(input.handlingDays.median)}（90%的诉求在${days(input.handlingDays.p90)}内办结）`,
    )
  }
  parts.push(`本月提级督办${f.escalations}件次、延期${f.extensions}件次、不满意重新办理${f.reopenings}件次${input.monthComplete ? `，月末超期未办结${f.overdueAtMonthEnd}件` : `，目前超期未办结${input.overdueNow}件`}`)
  const top = input.topCategories.filter((row) => row.figures.received > 0).slice(0, 3)
  if (top.length > 0) parts.push(`受理量居前的诉求类别为${top.map((row) => `${row.name}（${row.figures.received}件）`).join('、')}`)
  return `${parts.join('。')}。`
}
