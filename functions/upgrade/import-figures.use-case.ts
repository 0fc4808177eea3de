import { actorRef, type Actor } from '@shared/domain/actor'
import { shanghaiDate } from '@shared/domain/calendar'
import { mayImportUpgradeFigures, upgradeImportScope } from '@shared/domain/policy'
import { monthOf } from '@shared/domain/report-month'
import { planFigureImport, type FigureImportValues } from '@shared/domain/upgrade-import'
import { boardRowOf } from '@shared/domain/upgrade-pipeline'
import { projectionBasis, projectYear } from '@shared/domain/upgrade-projection'
import { thresholdOf } from '@shared/domain/upgrade-thresholds'
import { ConflictError, ForbiddenError } from '@shared/errors'
import type { FigureImportRequest, FigureImportResult } from '@shared/schemas/upgrade-import.schema'
import type { Figure, Threshold, UpgradeFile } from '@shared/schemas/upgrade.schema'
import { getCatalog } from '../store/catalog.store'
import { listAllEnterprisesOfArea, type EnterpriseRecord } from '../store/enterprise.store'
import { getUpgradeFile, listFigures, saveUpgradeFileWithFigures, UpgradeFileChanged } from '../store/upgrade.store'
import { readFigureFile } from './figure-file'
import { currentThresholds, fileOrNew, replaced } from './upgrade.use-case'

const IMPORT_NOTE = '批量导入'
/** Enterprises whose stored figures are read at once. */
const READ_BATCH = 25

/**
 * POST /api/upgrade/figures/import: a park's monthly figures from XLSX, previewed or imported.
 * Steps: read the file → load every area's enterprises (another area's is then recognised and
 * refused) and the stored figures of those named → plan row by row → on a dry run stop there →
 * otherwise write the valid rows as figures entered by hand are written (the replaced value kept in
 * the history, the file's basis, timeline and board row following), marked as imported: one
 * transaction per enterprise, one enterprise after another (they share their area's board item).
 * Importing the same file again plans every row unchanged and writes nothing.
 */
export async function importFigures(actor: Actor, request: FigureImportRequest, now: Date): Promise<FigureImportResult> {
  if (!mayImportUpgradeFigures(actor)) throw new ForbiddenError('只有属地或市级管理员可以导入月度数据')
  const file = await readFigureFile(Buffer.from(request.contentBase64, 'base64'))
  const catalog = await getCatalog()
  const enterprises = (await Promise.all(catalog.areas.map((a) => listAllEnterprisesOfArea(a.id)))).flat()
  const scope = upgradeImportScope(actor)
  const plan0 = planFigureImport(file.rows, { enterprises: enterprises.map(importEnterprise), scope, figures: new Map(), thisMonth: monthOf(now) })
  const named = [...new Set(plan0.rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))]
  const figures = new Map<string, Figure[]>()
  for (let i = 0; i < named.length; i += READ_BATCH) {
    const batch = named.slice(i, i + READ_BATCH)
    for (const [id, list] of await Promise.all(batch.map(async (id) => [id, await listFigures(id)] as const))) figures.set(id, list)
  }
  const plan = planFigureImport(file.rows, { enterprises: enterprises.map(importEnterprise), scope, figures, thisMonth: monthOf(now) })

  const applied = !request.dryRun && plan.writes.length > 0
  if (applied) {
    const byId = new Map(enterprises.map((e) => [e.id, e]))
    const thresholds = await currentThresholds()
    for (const enterpriseId of new Set(plan.writes.map((w) => w.enterpriseId))) {
      const writes = plan.writes.filter((w) => w.enterpriseId === enterpriseId).sort((a, b) => a.month.localeCompare(b.month))
      await applyToEnterprise(actor, byId.get(enterpriseId)!, figures.get(enterpriseId) ?? [], writes, thresholds, now)
    }
  }
  return { dryRun: request.dryRun, applied, summary: plan.summary, rows: plan.rows, fileProblems: file.problems }
}

const importEnterprise = (e: EnterpriseRecord) => ({ id: e.id, creditCode: e.creditCode, name: e.name, areaId: e.areaId, specialistId: e.specialistId ?? null })

/** Per enterprise, one transaction: its imported months, its file (basis, timeline) and its board row. */
async function applyToEnterprise(
  actor: Actor,
  enterprise: EnterpriseRecord,
  stored: readonly Figure[],
  writes: readonly FigureImportValues[],
  thresholds: readonly Threshold[],
  now: Date,
): Promise<void> {
  const by = actorRef(actor)
  const at = now.toISOString()
  const base = fileOrNew(enterprise, await getUpgradeFile(enterprise.id), actor, now)
  const figures: Figure[] = writes.map((write) => {
    const existing = stored.find((f) => f.month === write.month)
    return {
      month: write.month,
      revenueYtd: write.revenueYtd,
      ...(write.lastYearRevenue !== undefined ? { lastYearRevenue: write.lastYearRevenue } : {}),
      employees: write.employees,
      enteredAt: at,
      enteredBy: by,
      via: 'import',
      history: existing ? [...existing.history, replaced(existing)] : [],
    }
  })
  const all = [...stored.filter((f) => !writes.some((w) => w.month === f.month)), ...figures]
  const next: UpgradeFile = {
    ...base.file,
    lastFigureMonth: all.map((f) => f.month).sort().at(-1)!,
    basis: projectionBasis(all),
    timeline: [
      ...base.file.timeline,
      ...writes.map((w) => ({ type: stored.some((f) => f.month === w.month) ? ('correct-figure' as const) : ('figure' as const), date: shanghaiDate(now), at, by, month: w.month, note: IMPORT_NOTE })),
    ],
    version: base.stored ? base.file.version + 1 : 0,
  }
  const projection = projectYear(next.basis ?? [], thresholdOf(thresholds, next.sector))
  try {
    await saveUpgradeFileWithFigures(next, base.stored ? base.file.version : null, boardRowOf(next, projection), figures)
  } catch (error) {
    if (error instanceof UpgradeFileChanged) throw new ConflictError('VERSION_CONFLICT', `${enterprise.name}的升规档案刚被他人更新，请重新导入`)
    throw error
  }
}
