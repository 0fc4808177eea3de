import { actorRef, type Actor } from '@shared/domain/actor'
import { shanghaiDate } from '@shared/domain/calendar'
import {
  isAdmin,
  mayEditUpgradeThresholds,
  mayEnterUpgradeFigures,
  mayMoveUpgradeStage,
  maySeeUpgradeFile,
  upgradeBoardReach,
  upgradeListing,
} from '@shared/domain/policy'
import { addMonths, monthOf } from '@shared/domain/report-month'
import { upgradeGuideFor } from '@shared/domain/policy-pack'
import { applyUpgradeAction, boardRowOf, buildBoard, movesFrom, openFile, visitedThisQuarter } from '@shared/domain/upgrade-pipeline'
import { projectionBasis, projectYear } from '@shared/domain/upgrade-projection'
import { defaultSectorLine, thresholdOf, thresholdsWith } from '@shared/domain/upgrade-thresholds'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type {
  Figure,
  FigureInput,
  Threshold,
  ThresholdEdit,
  UpgradeAction,
  UpgradeBoard,
  UpgradeDetail,
  UpgradeFile,
  UpgradeListItem,
  UpgradeListQuery,
} from '@shared/schemas/upgrade.schema'
import { getCatalogCached } from '../store/catalog.store'
import { getEnterprise, listAllEnterprisesOfArea, listPortfolio, type EnterpriseRecord } from '../store/enterprise.store'
import { getAreaBoard, getStoredThresholds, getUpgradeFile, getUpgradeFiles, listAreaBoards, listFigures, putThresholds, saveUpgradeFile, UpgradeFileChanged } from '../store/upgrade.store'
import { getUsers } from '../store/user.store'
import { kitLists } from '../services/kit-lists'

/** A figure for a month this many years back is not "plausible" any more: the statistics have closed it. */
const OLDEST_YEARS = 3

type Scoped = Pick<EnterpriseRecord, 'id' | 'name' | 'areaId' | 'specialistId' | 'scale' | 'industry'>
const scopeOf = (e: EnterpriseRecord) => ({ id: e.id, areaId: e.areaId, specialistId: e.specialistId ?? null })

export async function currentThresholds(): Promise<Threshold[]> {
  return thresholdsWith((await getStoredThresholds()).items)
}

/** The enterprise, if the caller may see its upgrade file; 404 otherwise (DESIGN §3). */
async function enterpriseFor(actor: Actor, enterpriseId: string): Promise<EnterpriseRecord> {
  const enterprise = await getEnterprise(enterpriseId)
  if (!enterprise || !maySeeUpgradeFile(actor, scopeOf(enterprise))) throw new NotFoundError('未找到该企业')
  return enterprise
}

/** The file as it stands, or a fresh one (not yet stored) at 培育 — 入规 for an above-scale one. */
export function fileOrNew(enterprise: Scoped, file: UpgradeFile | undefined, actor: Actor, now: Date): { file: UpgradeFile; stored: boolean } {
  // The file follows the roster: a reassigned enterprise's next write carries its new specialist.
  if (file) return { file: { ...file, enterpriseName: enterprise.name, specialistId: enterprise.specialistId ?? null }, stored: true }
  const stage = enterprise.scale === 'above' ? 'entered' : 'cultivating'
  return { file: openFile({ ...enterprise, specialistId: enterprise.specialistId ?? null }, defaultSectorLine(enterprise.industry), stage, actorRef(actor), now), stored: false }
}

/** Writes the file (and a figure), its board row following; a concurrent change is a 409. */
async function save(next: UpgradeFile, previous: { file: UpgradeFile; stored: boolean }, thresholds: readonly Threshold[], figure?: Figure): Promise<void> {
  const projection = projectYear(next.basis ?? [], thresholdOf(thresholds, next.sector))
  try {
    await saveUpgradeFile(next, previous.stored ? previous.file.version : null, boardRowOf(next, projection), figure)
  } catch (error) {
    if (error instanceof UpgradeFileChanged) throw new ConflictError('VERSION_CONFLICT', '该企业的升规档案刚被他人更新，请刷新后重试')
    throw error
  }
}

/** The month whose figure is due now: last month (a month's figures come in the month after). */
export const dueMonth = (now: Date) => addMonths(monthOf(now), -1)

function detailOf(actor: Actor, enterprise: EnterpriseRecord, file: UpgradeFile | undefined, figures: Figure[], thresholds: readonly Threshold[], now: Date): UpgradeDetail {
  const sector = file?.sector ?? defaultSectorLine(enterprise.industry)
  const threshold = thresholdOf(thresholds, sector)
  const due = dueMonth(now)
  const scope = scopeOf(enterprise)
  const stage = file?.stage ?? (enterprise.scale === 'above' ? 'entered' : 'cultivating')
  const actions: UpgradeDetail['actions'] = [
    ...(mayEnterUpgradeFigures(actor, scope) ? (['figure'] as const) : []),
    ...(mayMoveUpgradeStage(actor, scope) ? movesFrom(stage) : []),
  ]
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, areaId: enterprise.areaId, scale: enterprise.scale, industry: enterprise.industry, specialistId: enterprise.specialistId ?? null },
    file: file ?? null,
    sector,
    threshold,
    figures: [...figures].sort((a, b) => b.month.localeCompare(a.month)),
    projection: projectYear(figures, threshold),
    dueMonth: due,
    dueMonthMissing: !figures.some((f) => f.month === due),
    actions,
  }
}

/** GET /api/upgrade/enterprises/{id}: the upgrade file with its figures, projection and the caller's actions. */
export async function getUpgradeDetail(actor: Actor, enterpriseId: string, now: Date): Promise<UpgradeDetail> {
  const enterprise = await enterpriseFor(actor, enterpriseId)
  const [file, figures, thresholds] = await Promise.all([getUpgradeFile(enterpriseId), listFigures(enterpriseId), currentThresholds()])
  return detailOf(actor, enterprise, file, figures, thresholds, now)
}

/**
 * POST /api/upgrade/enterprises/{id}/figures: one month's figures, entered or corrected.
 * Steps: check the month (not in the future, not long closed) and that year-to-date revenue does
 * not fall between months of one year → keep the replaced values in the figure's history → write
 * the figure, the file (opened if new, its projection basis and timeline) and its board row at once.
 */
export async function enterFigure(actor: Actor, enterpriseId: string, input: FigureInput, now: Date): Promise<UpgradeDetail> {
  const enterprise = await enterpriseFor(actor, enterpriseId)
  if (!mayEnterUpgradeFigures(actor, scopeOf(enterprise))) throw new ForbiddenError('您不能填报该企业的数据')
  const thisMonth = monthOf(now)
  if (input.month > thisMonth) throw new ValidationError('填报的月份有误', { month: '不能填报未来月份的数据' })
  if (input.month < `${Number(thisMonth.slice(0, 4)) - OLDEST_YEARS}-01`) throw new ValidationError('填报的月份有误', { month: `只能填报 ${OLDEST_YEARS} 年内的数据` })

  const [stored, figures, thresholds] = await Promise.all([getUpgradeFile(enterpriseId), listFigures(enterpriseId), currentThresholds()])
  const year = input.month.slice(0, 4)
  const sameYear = figures.filter((f) => f.month.startsWith(year) && f.month !== input.month)
  const before = sameYear.filter((f) => f.month < input.month).sort((a, b) => b.month.localeCompare(a.month))[0]
  const after = sameYear.filter((f) => f.month > input.month).sort((a, b) => a.month.localeCompare(b.month))[0]
  if (before && input.revenueYtd < before.revenueYtd) {
    throw new ValidationError('本年累计营业收入有误', { revenueYtd: `本年累计不能少于 ${before.month} 的累计（${before.revenueYtd} 万元）` })
  }
  if (after && input.revenueYtd > after.revenueYtd) {
    throw new ValidationError('本年累计营业收入有误', { revenueYtd: `本年累计不能多于 ${after.month} 的累计（${after.revenueYtd} 万元）` })
  }

  const by = actorRef(actor)
  const existing = figures.find((f) => f.month === input.month)
  const entered = {
    revenueYtd: input.revenueYtd,
    ...(input.lastYearRevenue !== undefined ? { lastYearRevenue: input.lastYearRevenue } : {}),
    employees: input.employees,
    ...(input.note ? { note: input.note } : {}),
    enteredAt: now.toISOString(),
    enteredBy: by,
  }
  const figure: Figure = existing
    ? { month: input.month, ...entered, history: [...existing.history, replaced(existing)] }
    : { month: input.month, ...entered, history: [] }
  const all = [...figures.filter((f) => f.month !== input.month), figure]
  const latest = all.map((f) => f.month).sort().at(-1)!

  const base = fileOrNew(enterprise, stored, actor, now)
  const next: UpgradeFile = {
    ...base.file,
    lastFigureMonth: latest,
    basis: projectionBasis(all),
    timeline: [...base.file.timeline, { type: existing ? 'correct-figure' : 'figure', date: shanghaiDate(now), at: now.toISOString(), by, month: input.month }],
    version: base.stored ? base.file.version + 1 : 0,
  }
  await save(next, base, thresholds, figure)
  return detailOf(actor, enterprise, next, all, thresholds, now)
}

/** A history entry: the values a correction replaced, who had entered them and when. */
export function replaced(figure: Figure): Figure['history'][number] {
  const { revenueYtd, lastYearRevenue, employees, note, enteredAt, enteredBy, via } = figure
  return { revenueYtd, ...(lastYearRevenue !== undefined ? { lastYearRevenue } : {}), employees, ...(note ? { note } : {}), enteredAt, enteredBy, ...(via ? { via } : {}) }
}

/** POST /api/upgrade/enterprises/{id}/actions: a stage move or a new sector line, kept on the timeline. */
export async function actOnUpgrade(actor: Actor, enterpriseId: string, action: UpgradeAction, now: Date): Promise<UpgradeDetail> {
  const enterprise = await enterpriseFor(actor, enterpriseId)
  if (!mayMoveUpgradeStage(actor, scopeOf(enterprise))) throw new ForbiddenError('只有服务该企业的专员或管理员可以变更升规阶段')
  const [stored, figures, thresholds] = await Promise.all([getUpgradeFile(enterpriseId), listFigures(enterpriseId), currentThresholds()])
  const base = fileOrNew(enterprise, stored, actor, now)
  const moved = applyUpgradeAction(base.file, action, actorRef(actor), now)
  const next = { ...moved, version: base.stored ? moved.version : 0 }
  await save(next, base, thresholds)
  return detailOf(actor, enterprise, next, figures, thresholds, now)
}

/** GET /api/upgrade/thresholds. */
export const listThresholds = currentThresholds

/** POST /api/upgrade/thresholds: the city admin changes one line, naming the source. */
export async function editThreshold(actor: Actor, edit: ThresholdEdit, now: Date): Promise<Threshold[]> {
  if (!mayEditUpgradeThresholds(actor)) throw new ForbiddenError('只有市级管理员可以修改规上门槛')
  const stored = await getStoredThresholds()
  const current = thresholdOf(thresholdsWith(stored.items), edit.sector)
  if (current.revenue === undefined && edit.revenue !== undefined) throw new ValidationError('门槛有误', { revenue: '该行业按资质纳入统计，不设营业收入门槛' })
  if (current.revenue !== undefined && edit.revenue === undefined) throw new ValidationError('门槛有误', { revenue: '请填写门槛金额（万元）' })
  const line: Threshold = {
    ...current,
    ...(edit.revenue !== undefined ? { revenue: edit.revenue } : {}),
    ...(edit.measure ? { measure: edit.measure } : {}),
    source: edit.source,
    updatedAt: now.toISOString(),
    updatedBy: actorRef(actor),
  }
  const items = [...stored.items.filter((t) => t.sector !== edit.sector), line]
  if (!(await putThresholds(items, stored.version))) throw new ConflictError('VERSION_CONFLICT', '门槛刚被他人修改，请刷新后重试')
  return thresholdsWith(items)
}

/**
 * GET /api/upgrade/enterprises: the specialist's near-scale enterprises (and any with a file),
 * nearest to their threshold first, each with what is missing; an area admin's for the area.
 */
export async function listUpgrade(actor: Actor, query: UpgradeListQuery, now: Date): Promise<{ items: UpgradeListItem[]; dueMonth: string }> {
  const listing = upgradeListing(actor, query)
  if (listing.kind === 'forbidden') throw new ForbiddenError('只有企业服务专员和管理员可以查看升规培育清单')
  if (listing.kind === 'hidden') throw new NotFoundError('未找到该清单')
  if (listing.kind === 'needsArea') throw new ValidationError('请选择属地', { areaId: '请选择属地' })
  const enterprises =
    listing.kind === 'portfolio'
      ? (await listPortfolio(listing.specialistId)).filter((e) => listing.areaId === undefined || e.areaId === listing.areaId)
      : await listAllEnterprisesOfArea(listing.areaId)
  const [files, thresholds, kit] = await Promise.all([getUpgradeFiles(enterprises.map((e) => e.id)), currentThresholds(), kitLists()])
  const due = dueMonth(now)
  const items: UpgradeListItem[] = []
  for (const enterprise of enterprises) {
    const file = files.get(enterprise.id)
    if (!file && enterprise.scale !== 'near') continue
    const sector = file?.sector ?? defaultSectorLine(enterprise.industry)
    const missing: UpgradeListItem['missing'] = []
    if (!file) missing.push('file')
    if (!file?.lastFigureMonth || file.lastFigureMonth < due) missing.push('figure')
    if (!visitedThisQuarter(enterprise.lastVisitAt, now)) missing.push('visit')
    items.push({
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      areaId: enterprise.areaId,
      specialistId: enterprise.specialistId ?? null,
      scale: enterprise.scale,
      sector,
      stage: file?.stage ?? 'cultivating',
      ...(file?.lastFigureMonth ? { lastFigureMonth: file.lastFigureMonth } : {}),
      projection: projectYear(file?.basis ?? [], thresholdOf(thresholds, sector)),
      missing,
      guide: upgradeGuideFor(kit.policies, enterprise, now),
    })
  }
  // Nearest to the threshold first; those without a projection after; 入规 and 退出 last.
  const rank = (i: UpgradeListItem) => (i.stage === 'entered' || i.stage === 'left' ? 2 : i.projection.distance === undefined ? 1 : 0)
  items.sort((a, b) => rank(a) - rank(b) || (a.projection.distance ?? 0) - (b.projection.distance ?? 0) || a.enterpriseId.localeCompare(b.enterpriseId))
  return { items, dueMonth: due }
}

/** GET /api/upgrade/board: an area's board (one item) or the city's (one item per area). */
export async function getUpgradeBoard(actor: Actor, areaId: string | undefined, now: Date): Promise<UpgradeBoard> {
  const reach = upgradeBoardReach(actor, areaId)
  if (reach.kind === 'refused') throw new ForbiddenError(isAdmin(actor) ? '属地管理员只能查看本属地的升规看板' : '只有属地或市级管理员可以查看升规看板')
  const [{ areas }, thresholds] = await Promise.all([getCatalogCached(), currentThresholds()])
  if (reach.kind === 'area' && !areas.some((a) => a.id === reach.areaId)) throw new NotFoundError('属地不存在')
  const boards = reach.kind === 'area' ? [await getAreaBoard(reach.areaId)] : await listAreaBoards()
  const named = areas
    .filter((a) => (reach.kind === 'area' ? a.id === reach.areaId : true))
    .map((a) => ({ areaId: a.id, name: a.name, rows: boards.find((b) => b.areaId === a.id)?.rows ?? [] }))
  const users = await getUsers([...new Set(named.flatMap((a) => a.rows.flatMap((r) => (r.sp ? [r.sp] : []))))])
  return buildBoard(
    reach.kind === 'area' ? { kind: 'area', areaId: reach.areaId } : { kind: 'city', areaId: null },
    named,
    now,
    (sector) => thresholdOf(thresholds, sector).revenue,
    (id) => users.get(id)?.name,
  )
}
