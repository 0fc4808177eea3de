import type { Projection, Threshold } from '../schemas/upgrade.schema'

/** What the projection reads of a month's figure. */
export interface FigurePoint {
  month: string
  revenueYtd: number
  lastYearRevenue?: number
}

const round1 = (value: number) => Math.round(value * 10) / 10
const fmt = (value: number) => round1(value).toLocaleString('zh-CN', { maximumFractionDigits: 1 })
const monthNumber = (month: string) => Number(month.slice(5, 7))
const yearOf = (month: string) => Number(month.slice(0, 4))

/**
 * The full-year revenue an enterprise is heading for, and how far that is from its threshold.
 *
 * Steps: take the latest month M with a figure (year-to-date revenue R). When last year's figure
 * of the same month and last year's full-year revenue are both known (the December figure of last
 * year, or the 上年全年 entered with the latest figure), scale by last year's seasonality:
 * projected = R ÷ (last year's Jan–M ÷ last year's full year). Otherwise scale by months elapsed:
 * projected = R × 12 ÷ M. The distance is threshold − projected (positive: still short).
 */
export function projectYear(figures: readonly FigurePoint[], threshold: Pick<Threshold, 'revenue' | 'measure'>): Projection {
  if (threshold.revenue === undefined) {
    return { method: 'none', likely: false, explanation: `该行业按${threshold.measure}纳入统计，不以营业收入推算；请核对企业资质。` }
  }
  const sorted = [...figures].sort((a, b) => a.month.localeCompare(b.month))
  const latest = sorted.at(-1)
  if (!latest) return { method: 'none', threshold: threshold.revenue, likely: false, explanation: '尚无月度数据，填报后即可推算全年营业收入。' }

  const m = monthNumber(latest.month)
  const year = yearOf(latest.month)
  const sameMonthLastYear = sorted.find((f) => f.month === `${year - 1}-${latest.month.slice(5)}`)
  const decemberLastYear = sorted.find((f) => f.month === `${year - 1}-12`)
  const lastYearFull = decemberLastYear?.revenueYtd ?? latest.lastYearRevenue
  const base = { month: latest.month, year, revenueYtd: latest.revenueYtd, threshold: threshold.revenue }

  let projected: number
  let share: number | undefined
  let explanation: string
  if (sameMonthLastYear && lastYearFull !== undefined && lastYearFull > 0 && sameMonthLastYear.revenueYtd > 0) {
    share = Math.min(1, sameMonthLastYear.revenueYtd / lastYearFull)
    projected = latest.revenueYtd / share
    explanation =
      m === 12
        ? `${year} 年全年营业收入 ${fmt(latest.revenueYtd)} 万元（已填至 12 月）。`
        : `去年 1—${m} 月的营业收入占去年全年的 ${fmt(share * 100)}%；今年 1—${m} 月累计 ${fmt(latest.revenueYtd)} 万元，按去年同期占比推算，全年约 ${fmt(projected)} 万元。`
  } else {
    projected = (latest.revenueYtd * 12) / m
    explanation =
      m === 12
        ? `${year} 年全年营业收入 ${fmt(latest.revenueYtd)} 万元（已填至 12 月）。`
        : `今年 1—${m} 月累计营业收入 ${fmt(latest.revenueYtd)} 万元，平均每月 ${fmt(latest.revenueYtd / m)} 万元，按 12 个月推算，全年约 ${fmt(projected)} 万元（没有去年同期的月度数据，未考虑季节变化）。`
  }
  projected = round1(projected)
  const distance = round1(threshold.revenue - projected)
  const verdict =
    distance > 0 ? `距${threshold.measure} ${fmt(threshold.revenue)} 万元的门槛还差约 ${fmt(distance)} 万元。` : `预计超过 ${fmt(threshold.revenue)} 万元的门槛约 ${fmt(-distance)} 万元，可准备申报。`
  return {
    method: share === undefined ? 'linear' : 'seasonal',
    ...base,
    projected,
    ...(share === undefined ? {} : { share: Math.round(share * 10_000) / 10_000 }),
    distance,
    likely: distance <= 0,
    explanation: `${explanation}${verdict}`,
  }
}

/** The plain description of the method, shown once on the pages. */
export const PROJECTION_METHOD =
  '推算方法：取最近一个月的本年累计营业收入。若有去年同月和去年全年的数据，按“今年累计 ÷ 去年同期累计占全年的比例”推算全年；否则按“今年累计 ÷ 已过月数 × 12”推算。与所属行业的规上门槛相比，得出还差多少。推算仅供参考，以统计部门认定为准。'

/** The figures projectYear reads of a whole history: the latest month, last year's same month and last year's December. */
export function projectionBasis(figures: readonly FigurePoint[]): FigurePoint[] {
  const sorted = [...figures].sort((a, b) => a.month.localeCompare(b.month))
  const latest = sorted.at(-1)
  if (!latest) return []
  const year = yearOf(latest.month)
  const wanted = new Set([latest.month, `${year - 1}-${latest.month.slice(5)}`, `${year - 1}-12`])
  return sorted
    .filter((f) => wanted.has(f.month))
    .map((f) => ({ month: f.month, revenueYtd: f.revenueYtd, ...(f.lastYearRevenue !== undefined ? { lastYearRevenue: f.lastYearRevenue } : {}) }))
}
