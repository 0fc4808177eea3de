import { ulid } from 'ulid'
import type { Actor } from '@shared/domain/actor'
import { administeredAreas, mayImportRoster } from '@shared/domain/policy'
import { planRosterImport, type RosterPlan } from '@shared/domain/roster'
import { ForbiddenError } from '@shared/errors'
import type { RosterImportRequest, RosterImportResult } from '@shared/schemas/roster.schema'
import { ensureCards } from '../services/card-issuing'
import { finishPendingMoves, moveEnterprise } from '../services/enterprise-move'
import { getCatalog } from '../store/catalog.store'
import { listAllEnterprisesOfArea, upsertEnterprises, type EnterpriseRecord } from '../store/enterprise.store'
import { getUsers, listUsersByRole, putUsers, type UserRecord } from '../store/user.store'
import { readRosterFile } from './roster-file'

const IMPORT_REASON = '名册导入调整'

/**
 * Imports a roster file (enterprises, specialists, assignments) for the areas the admin runs.
 * Steps: read the file → load what is stored (every area, so an enterprise registered elsewhere
 * is recognised) → plan row by row → on a dry run, or when any row is invalid, stop there (nothing
 * is written from a file with errors) → write specialists, then enterprises, then move the
 * reassigned enterprises (their open appeals follow) → issue cards to new enterprises.
 * Importing the same file again plans no change and writes nothing, except that it finishes the
 * moves an import cut short had claimed (the plan already sees those enterprises moved).
 */
export async function importRoster(actor: Actor, request: RosterImportRequest, now: Date): Promise<RosterImportResult> {
  if (!mayImportRoster(actor)) throw new ForbiddenError('只有属地或市级管理员可以导入名册')
  const scope = administeredAreas(actor)
  const file = await readRosterFile({ name: request.fileName, content: Buffer.from(request.contentBase64, 'base64') })

  const catalog = await getCatalog()
  const [enterprises, specialists] = await Promise.all([
    Promise.all(catalog.areas.map((a) => listAllEnterprisesOfArea(a.id))).then((lists) => lists.flat()),
    listUsersByRole('specialist'),
  ])
  const plan = planRosterImport(file.rows, {
    areas: catalog.areas,
    scope,
    enterprises,
    specialists,
    newEnterpriseId: () => `en-${ulid().toLowerCase()}`,
    newSpecialistId: () => `sp-${ulid().toLowerCase()}`,
  })

  const writable = plan.summary.invalid === 0 && file.rows.length > 0 && (plan.summary.create > 0 || plan.summary.update > 0)
  const applied = !request.dryRun && writable
  // An import cut short after claiming a move left it pending; this one sees the enterprise moved
  // already and plans nothing for it, so it finishes that move first.
  if (!request.dryRun && plan.summary.invalid === 0) {
    const named = new Set(plan.rows.map((r) => r.creditCode))
    const yours = (e: EnterpriseRecord) => scope === 'all' || scope.includes(e.areaId)
    await finishPendingMoves(enterprises.filter((e) => named.has(e.creditCode) && yours(e)), now)
  }
  if (applied) await apply(plan, new Map(enterprises.map((e) => [e.id, e])), actor, now)
  return {
    dryRun: request.dryRun,
    applied,
    summary: plan.summary,
    rows: plan.rows,
    fileProblems: file.problems,
    newSpecialists: plan.specialists.filter((s) => !specialists.some((existing) => existing.id === s.id)).length,
    reassignments: plan.reassignments.length,
  }
}

async function apply(plan: RosterPlan, stored: Map<string, EnterpriseRecord>, actor: Actor, now: Date): Promise<void> {
  await putUsers(
    plan.specialists.map((s): UserRecord => ({ id: s.id, name: s.name, role: 'specialist', phone: s.phone, title: s.title, areaId: s.areaId, departmentId: s.departmentId })),
  )
  // A stored enterprise keeps its specialist here; moving it is the reassignment's job below,
  // so that its open appeals follow. A new enterprise starts with its specialist directly.
  const written = await upsertEnterprises(
    plan.enterprises.map((e) => ({ ...e, specialistId: stored.has(e.id) ? stored.get(e.id)!.specialistId : e.specialistId })),
  )
  const byId = new Map(written.map((e) => [e.id, e]))
  const moves = plan.reassignments.filter((r) => stored.has(r.enterpriseId))
  const receivers = await getUsers(moves.map((r) => r.toSpecialistId))
  for (const move of moves) {
    const enterprise = byId.get(move.enterpriseId)
    const to = receivers.get(move.toSpecialistId)
    if (enterprise && to) await moveEnterprise(enterprise, to, IMPORT_REASON, actor, now)
  }
  await ensureCards(written, now)
}
