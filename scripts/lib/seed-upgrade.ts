import { shanghaiDate } from '../../shared/domain/calendar'
import { addMonths, monthOf } from '../../shared/domain/report-month'
import { boardRowOf } from '../../shared/domain/upgrade-pipeline'
import { projectionBasis, projectYear } from '../../shared/domain/upgrade-projection'
import { DEFAULT_THRESHOLDS, defaultSectorLine, thresholdOf } from '../../shared/domain/upgrade-thresholds'
import type { ActorRef } from '../../shared/schemas/appeal.schema'
import type { Industry } from '../../shared/schemas/catalog.schema'
import type { BoardRow, Figure, SectorLine, Stage, UpgradeEvent, UpgradeFile } from '../../shared/schemas/upgrade.schema'
import { readDemoCity } from './demo-data'

/*
 * The demo pipeline (升规入统): every near-scale enterprise of the demo city with 18 months of
 * plausible figures up to last month, spread over every stage — most 培育, some 申报 and 入规, a
 * few 退出培育 — some a month or three behind with their figures, so that the board shows likely,
 * stalled and moved enterprises. The same input gives the same figures (no randomness but the
 * enterprise's index). The bench builds its city of 3,000 with the same function.
 */

export interface PipelineEnterprise {
  id: string
  name: string
  areaId: string
  industry: Industry
  specialist: ActorRef | null
}

/** Deterministic pseudo-random in [0, 1) from an index and a salt. */
const unit = (i: number, salt: number) => {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453
  return x - Math.floor(x)
}

/** A month's share of a year: busier towards the year's end, quieter around the Spring Festival. */
const SEASON = [0.06, 0.055, 0.08, 0.08, 0.085, 0.09, 0.085, 0.085, 0.09, 0.09, 0.09, 0.11]

const SECTOR_CYCLE: Partial<Record<Industry, SectorLine[]>> = {
  retail: ['retail', 'wholesale', 'catering', 'accommodation'],
  services: ['services-a', 'services-b', 'services-c'],
}

function stageFor(i: number): Stage {
  const slot = i % 20
  if (slot < 12) return 'cultivating'
  if (slot < 15) return 'applying'
  if (slot < 18) return 'entered'
  return 'left'
}

const SYSTEM: ActorRef = { id: 'system', name: '系统导入', role: 'system' }

/** One enterprise's file and figures over `months` months ending last month. */
export function demoPipelineFile(e: PipelineEnterprise, i: number, now: Date, months: number): { file: UpgradeFile; figures: Figure[] } {
  const thisMonth = monthOf(now)
  const by = e.specialist ?? SYSTEM
  const sector = SECTOR_CYCLE[e.industry]?.[i % (SECTOR_CYCLE[e.industry]?.length ?? 1)] ?? defaultSectorLine(e.industry)
  const stage = stageFor(i)
  const threshold = thresholdOf(DEFAULT_THRESHOLDS, sector).revenue ?? 3000
  // Where the enterprise stands this year against its threshold: 入规 and 申报 past it, the rest around it.
  const factor = stage === 'entered' ? 1.1 + 0.3 * unit(i, 1) : stage === 'applying' ? 1.0 + 0.2 * unit(i, 1) : 0.55 + 0.6 * unit(i, 1)
  const growth = 1.08 + 0.12 * unit(i, 2)
  // Every seventh is three months behind (stalled), every fifth one month (missing last month).
  const lag = i % 7 === 3 ? 3 : i % 5 === 1 ? 1 : 0
  const last = addMonths(thisMonth, -1 - lag)
  const first = addMonths(thisMonth, -months)
  const employees = 20 + Math.round(200 * unit(i, 3))

  const figures: Figure[] = []
  const timeline: UpgradeEvent[] = []
  for (let month = first; month <= last; month = addMonths(month, 1)) {
    const year = Number(month.slice(0, 4))
    const yearsBack = Number(thisMonth.slice(0, 4)) - year
    const annual = (threshold * factor) / growth ** yearsBack
    const m = Number(month.slice(5, 7))
    const ytd = SEASON.slice(0, m).reduce((sum, w) => sum + w, 0) * annual * (0.97 + 0.06 * unit(i * 31 + m, 4))
    const enteredAt = new Date(Math.min(now.getTime(), Date.parse(`${addMonths(month, 1)}-10T10:00:00+08:00`)))
    const previous = figures.filter((f) => f.month.startsWith(month.slice(0, 4))).at(-1)
    figures.push({
      month,
      revenueYtd: Math.max(previous?.revenueYtd ?? 0, Math.round(ytd * 10) / 10),
      employees: employees + Math.round(10 * unit(i, m)),
      enteredAt: enteredAt.toISOString(),
      enteredBy: by,
      history: [],
    })
    timeline.push({ type: 'figure', date: shanghaiDate(enteredAt), at: enteredAt.toISOString(), by, month })
  }

  const openedAt = new Date(Date.parse(`${first}-15T09:00:00+08:00`))
  const opened: UpgradeEvent = { type: 'open', date: shanghaiDate(openedAt), at: openedAt.toISOString(), by, to: 'cultivating', sector }
  const moves: UpgradeEvent[] = []
  const file: UpgradeFile = {
    enterpriseId: e.id,
    enterpriseName: e.name,
    areaId: e.areaId,
    specialistId: e.specialist?.id ?? null,
    sector,
    stage,
    stageDate: opened.date,
    timeline: [],
    version: 0,
    openedAt: openedAt.toISOString(),
  }
  const moveAt = (month: string, day: number) => new Date(Date.parse(`${month}-${String(day).padStart(2, '0')}T10:00:00+08:00`))
  if (stage !== 'cultivating') {
    // 申报 this month or last; 入规 accepted last month after applying two months before; 退出 eight months ago.
    const applyMonth = stage === 'entered' ? addMonths(thisMonth, -3) : addMonths(thisMonth, -(i % 2))
    if (stage === 'left') {
      const at = moveAt(addMonths(thisMonth, -8), 20)
      moves.push({ type: 'leave', date: shanghaiDate(at), at: at.toISOString(), by, from: 'cultivating', to: 'left', reason: '企业经营调整，暂不具备培育条件' })
      file.leftReason = '企业经营调整，暂不具备培育条件'
    } else {
      const applied = new Date(Math.min(now.getTime(), moveAt(applyMonth, 5).getTime()))
      moves.push({ type: 'apply', date: shanghaiDate(applied), at: applied.toISOString(), by, from: 'cultivating', to: 'applying', month: applyMonth, note: '已向统计部门报送入统材料' })
      file.applicationMonth = applyMonth
      if (stage === 'entered') {
        const accepted = addMonths(thisMonth, -1 - (i % 2))
        const at = moveAt(accepted, 25)
        moves.push({ type: 'enter', date: shanghaiDate(at), at: at.toISOString(), by, from: 'applying', to: 'entered', month: accepted })
        file.acceptedMonth = accepted
      }
    }
  }
  file.timeline = [opened, ...timeline, ...moves].sort((a, b) => a.at.localeCompare(b.at))
  file.stageDate = (moves.at(-1) ?? opened).date
  file.version = file.timeline.length - 1
  if (figures.length > 0) {
    file.lastFigureMonth = figures.at(-1)!.month
    file.basis = projectionBasis(figures)
  }
  return { file, figures }
}

/** Files, figures and each area's board for a list of enterprises. */
export function demoPipeline(enterprises: readonly PipelineEnterprise[], now: Date, months: number) {
  const files = enterprises.map((e, i) => demoPipelineFile(e, i, now, months))
  const rows = new Map<string, BoardRow[]>()
  for (const { file } of files) {
    const row = boardRowOf(file, projectYear(file.basis ?? [], thresholdOf(DEFAULT_THRESHOLDS, file.sector)))
    rows.set(file.areaId, [...(rows.get(file.areaId) ?? []), row])
  }
  return { files, boards: [...rows.entries()].map(([areaId, areaRows]) => ({ areaId, rows: areaRows })) }
}

/** Seeds the demo city's pipeline (the environment names the table and endpoint); the number of files. */
export async function seedUpgrade(now: Date): Promise<number> {
  const { bulkPutUpgrade } = await import('../../functions/store/upgrade.store')
  const city = readDemoCity()
  const specialists = new Map(city.specialists.map((s) => [s.id, s]))
  const assigned = new Map(city.assignments.map((a) => [a.enterpriseId, a.specialistId]))
  const enterprises: PipelineEnterprise[] = city.enterprises
    .filter((e) => e.scale === 'near')
    .map((e) => {
      const specialist = specialists.get(assigned.get(e.id) ?? '')
      return { id: e.id, name: e.name, areaId: e.areaId, industry: e.industry, specialist: specialist ? { id: specialist.id, name: specialist.name, role: 'specialist' } : null }
    })
  const { files, boards } = demoPipeline(enterprises, now, 18)
  await bulkPutUpgrade(files, boards)
  return files.length
}
