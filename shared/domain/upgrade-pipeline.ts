import { ConflictError, ValidationError } from '../errors'
import type { ActorRef } from '../schemas/appeal.schema'
import type { BoardRow, Projection, Stage, StageCounts, UpgradeAction, UpgradeActionType, UpgradeBoard, UpgradeEvent, UpgradeFile } from '../schemas/upgrade.schema'
import { shanghaiDate } from './calendar'
import { addMonths, monthOf } from './report-month'
import { SECTOR_LABELS } from './upgrade-thresholds'

/*
 * The stages of the upgrade pipeline: 培育 → 申报 → 入规, 退出培育 beside them.
 *   apply   培育 → 申报   (the application month)
 *   enter   申报 → 入规   (the month the statistics accepted it)
 *   return  申报 → 培育   (the application was not accepted; why)
 *   leave   培育 / 申报 → 退出培育 (the reason)
 *   resume  退出培育 → 培育
 * Every move carries the date it happened (not after today, not before the previous move) and a note.
 */
export const STAGE_LABELS: Record<Stage, string> = { cultivating: '培育', applying: '申报', entered: '入规', left: '退出培育' }

const MOVES: Record<Exclude<UpgradeActionType, 'set-sector'>, { from: readonly Stage[]; to: Stage; label: string }> = {
  apply: { from: ['cultivating'], to: 'applying', label: '申报' },
  enter: { from: ['applying'], to: 'entered', label: '确认入规' },
  return: { from: ['applying'], to: 'cultivating', label: '申报未通过，退回培育' },
  leave: { from: ['cultivating', 'applying'], to: 'left', label: '退出培育' },
  resume: { from: ['left'], to: 'cultivating', label: '恢复培育' },
}

/** The moves open from a stage (the page's buttons); set-sector is open at every stage. */
export function movesFrom(stage: Stage): UpgradeActionType[] {
  return [...(Object.keys(MOVES) as (keyof typeof MOVES)[]).filter((type) => MOVES[type].from.includes(stage)), 'set-sector']
}

/** A new file, opened at 培育 (or at 入规 for an above-scale enterprise watched for 退规). */
export function openFile(
  enterprise: { id: string; name: string; areaId: string; specialistId: string | null },
  sector: UpgradeFile['sector'],
  stage: Stage,
  by: ActorRef,
  now: Date,
): UpgradeFile {
  const date = shanghaiDate(now)
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    areaId: enterprise.areaId,
    specialistId: enterprise.specialistId,
    sector,
    stage,
    stageDate: date,
    timeline: [{ type: 'open', date, at: now.toISOString(), by, to: stage, sector }],
    version: 0,
    openedAt: now.toISOString(),
  }
}

/**
 * Applies one action to a file: the new file (version + 1) with its timeline event. Refuses an
 * invalid move (409) and a date or month in the future or before the previous move (400).
 */
export function applyUpgradeAction(file: UpgradeFile, action: UpgradeAction, by: ActorRef, now: Date): UpgradeFile {
  const today = shanghaiDate(now)
  const at = now.toISOString()
  if (action.type === 'set-sector') {
    if (action.sector === file.sector) throw new ConflictError('INVALID_TRANSITION', '统计行业没有变化')
    const event: UpgradeEvent = { type: 'set-sector', date: today, at, by, sector: action.sector, ...(action.note ? { note: action.note } : {}) }
    return { ...file, sector: action.sector, timeline: [...file.timeline, event], version: file.version + 1 }
  }
  const move = MOVES[action.type]
  if (!move.from.includes(file.stage)) {
    throw new ConflictError('INVALID_TRANSITION', `当前阶段为“${STAGE_LABELS[file.stage]}”，不能${move.label}`)
  }
  const fields: Record<string, string> = {}
  if (action.date > today) fields.date = '日期不能晚于今天'
  else if (action.date < file.stageDate) fields.date = `日期不能早于上一次阶段变动（${file.stageDate}）`
  const thisMonth = today.slice(0, 7)
  if (action.type === 'apply' && action.applicationMonth > thisMonth) fields.applicationMonth = '申报月份不能晚于本月'
  if (action.type === 'enter') {
    if (action.acceptedMonth > thisMonth) fields.acceptedMonth = '入规月份不能晚于本月'
    else if (file.applicationMonth && action.acceptedMonth < file.applicationMonth) fields.acceptedMonth = `入规月份不能早于申报月份（${file.applicationMonth}）`
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('阶段变动的信息有误，请检查后重试', fields)

  const event: UpgradeEvent = {
    type: action.type,
    date: action.date,
    at,
    by,
    from: file.stage,
    to: move.to,
    ...(action.type === 'apply' ? { month: action.applicationMonth } : {}),
    ...(action.type === 'enter' ? { month: action.acceptedMonth } : {}),
    ...(action.type === 'leave' ? { reason: action.reason } : {}),
    ...(action.note ? { note: action.note } : {}),
  }
  const next: UpgradeFile = { ...file, stage: move.to, stageDate: action.date, timeline: [...file.timeline, event], version: file.version + 1 }
  if (action.type === 'apply') next.applicationMonth = action.applicationMonth
  if (action.type === 'enter') next.acceptedMonth = action.acceptedMonth
  if (action.type === 'leave') next.leftReason = action.reason
  if (action.type === 'resume' || action.type === 'return') {
    delete next.leftReason
    if (action.type === 'return') delete next.applicationMonth
  }
  return next
}

/** The file as the board keeps it. */
export function boardRowOf(file: UpgradeFile, p: Projection | undefined): BoardRow {
  return {
    id: file.enterpriseId,
    name: file.enterpriseName,
    sp: file.specialistId,
    sector: file.sector,
    stage: file.stage,
    moved: file.stageDate,
    op: file.openedAt ? shanghaiDate(new Date(file.openedAt)) : file.stageDate,
    ...(file.applicationMonth ? { ap: file.applicationMonth } : {}),
    ...(file.acceptedMonth ? { acc: file.acceptedMonth } : {}),
    ...(file.lastFigureMonth ? { fig: file.lastFigureMonth } : {}),
    ...(p?.year !== undefined ? { year: p.year } : {}),
    ...(p?.projected !== undefined ? { proj: p.projected } : {}),
  }
}

export const STALLED_RULE = '停滞：处于培育或申报阶段，且连续两个月以上没有月度数据（上月和上上月均未填报），或六个月以上没有阶段变动。'
export const LIKELY_RULE = '有望今年入规：处于培育或申报阶段，按本年最新数据推算全年营业收入达到所属行业门槛。'

const inPipeline = (row: BoardRow) => row.stage === 'cultivating' || row.stage === 'applying'

/** Whether a row is stalled at `now` (STALLED_RULE); the reason in words, or null. */
export function stalledWhy(row: BoardRow, now: Date): string | null {
  if (!inPipeline(row)) return null
  const thisMonth = monthOf(now)
  if (!row.fig || row.fig < addMonths(thisMonth, -2)) return row.fig ? `最近数据为 ${row.fig}，已连续两个月以上未填报` : '从未填报月度数据'
  const sixMonthsAgo = `${addMonths(thisMonth, -6)}${shanghaiDate(now).slice(7)}`
  if (row.moved < sixMonthsAgo) return `自 ${row.moved} 起六个月以上没有阶段变动`
  return null
}

/** How far a row is from its threshold (万元, positive: short), when both are known. */
export const distanceOf = (row: BoardRow, threshold: number | undefined): number | undefined =>
  row.proj === undefined || threshold === undefined ? undefined : Math.round((threshold - row.proj) * 10) / 10

export const isLikelyThisYear = (row: BoardRow, threshold: number | undefined, now: Date): boolean => {
  const distance = distanceOf(row, threshold)
  return inPipeline(row) && distance !== undefined && distance <= 0 && row.year === Number(monthOf(now).slice(0, 4))
}

const emptyCounts = (): StageCounts => ({ cultivating: 0, applying: 0, entered: 0, left: 0 })

interface Tally {
  stages: StageCounts
  likely: number
  stalled: number
}

/**
 * The pipeline board of a scope from its areas' rows, at `now`: counts per stage, who is likely to
 * cross this year, who is stalled, what moved this month; per specialist, per sector line and per area.
 */
export function buildBoard(
  scope: UpgradeBoard['scope'],
  areas: readonly { areaId: string; name: string; rows: readonly BoardRow[] }[],
  now: Date,
  thresholdOf: (sector: BoardRow['sector']) => number | undefined,
  specialistName: (id: string) => string | undefined,
): UpgradeBoard {
  const month = monthOf(now)
  const stages = emptyCounts()
  const likely: UpgradeBoard['likely'] = []
  const stalled: UpgradeBoard['stalled'] = []
  const moved: UpgradeBoard['movedThisMonth'] = []
  const bySpecialist = new Map<string | null, Tally>()
  const bySector = new Map<BoardRow['sector'], Tally>()
  const byArea: UpgradeBoard['byArea'] = []
  const tally = <K>(map: Map<K, Tally>, key: K) => {
    let t = map.get(key)
    if (!t) map.set(key, (t = { stages: emptyCounts(), likely: 0, stalled: 0 }))
    return t
  }
  for (const area of areas) {
    const areaTally: Tally = { stages: emptyCounts(), likely: 0, stalled: 0 }
    for (const row of area.rows) {
      const distance = distanceOf(row, thresholdOf(row.sector))
      const entry = { id: row.id, name: row.name, areaId: area.areaId, stage: row.stage, ...(distance !== undefined ? { distance } : {}) }
      const isLikely = isLikelyThisYear(row, thresholdOf(row.sector), now)
      const why = stalledWhy(row, now)
      stages[row.stage] += 1
      for (const t of [areaTally, tally(bySpecialist, row.sp), tally(bySector, row.sector)]) {
        t.stages[row.stage] += 1
        if (isLikely) t.likely += 1
        if (why) t.stalled += 1
      }
      if (isLikely) likely.push(entry)
      if (why) stalled.push({ ...entry, why })
      if (row.moved.slice(0, 7) === month) moved.push(entry)
    }
    byArea.push({ areaId: area.areaId, name: area.name, ...areaTally })
  }
  likely.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0))
  return {
    scope,
    month,
    stages,
    likely,
    stalled,
    movedThisMonth: moved,
    bySpecialist: [...bySpecialist.entries()]
      .map(([specialistId, t]) => ({ specialistId, name: specialistId ? (specialistName(specialistId) ?? specialistId) : '未分配专员', ...t }))
      .sort((a, b) => b.stages.cultivating + b.stages.applying - (a.stages.cultivating + a.stages.applying) || a.name.localeCompare(b.name, 'zh')),
    bySector: [...bySector.entries()].map(([sector, t]) => ({ sector, label: SECTOR_LABELS[sector], ...t })),
    byArea,
    rules: { stalled: STALLED_RULE, likely: LIKELY_RULE },
  }
}

/** The monthly report's section: counts per stage now, what came in this month, and the new 入规. */
export interface UpgradeMonthSection {
  month: string
  stages: StageCounts
  /** Entered each stage during the month. */
  newThisMonth: { cultivating: number; applying: number; entered: number; left: number }
  newlyEntered: { id: string; name: string; acceptedMonth: string }[]
}

export function upgradeMonthSection(rows: readonly BoardRow[], month: string): UpgradeMonthSection {
  const stages = emptyCounts()
  const fresh = emptyCounts()
  const newlyEntered: UpgradeMonthSection['newlyEntered'] = []
  for (const row of rows) {
    stages[row.stage] += 1
    if (row.op.slice(0, 7) === month) fresh.cultivating += 1
    if (row.ap === month) fresh.applying += 1
    if (row.acc === month) {
      fresh.entered += 1
      newlyEntered.push({ id: row.id, name: row.name, acceptedMonth: row.acc })
    }
    if (row.stage === 'left' && row.moved.slice(0, 7) === month) fresh.left += 1
  }
  return { month, stages, newThisMonth: fresh, newlyEntered }
}

/** The weekly digest's line: the enterprises in the pipeline with no figure for last month. */
export function missingLastMonth(rows: readonly BoardRow[], now: Date): { month: string; items: { id: string; name: string }[] } {
  const month = addMonths(monthOf(now), -1)
  return { month, items: rows.filter((r) => inPipeline(r) && (!r.fig || r.fig < month)).map((r) => ({ id: r.id, name: r.name })) }
}

/** The first instant of the Shanghai calendar quarter `now` falls in (ISO). */
export function quarterStartOf(now: Date): string {
  const [year, month] = shanghaiDate(now).split('-').map(Number) as [number, number]
  const first = Math.floor((month - 1) / 3) * 3 + 1
  return new Date(`${year}-${String(first).padStart(2, '0')}-01T00:00:00+08:00`).toISOString()
}

/** Whether the enterprise's latest visit (走访) falls in the current quarter: the list flags 本季度未走访 otherwise. */
export const visitedThisQuarter = (lastVisitAt: string | undefined, now: Date): boolean => lastVisitAt !== undefined && lastVisitAt >= quarterStartOf(now)
