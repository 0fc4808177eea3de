import { canAdministerArea } from '@shared/domain/admin-access'
import { reassignOwner } from '@shared/domain/appeal-admin'
import { OPEN_STATUSES } from '@shared/domain/appeal-counts'
import type { Actor } from '@shared/domain/actor'
import { ConflictError, NotFoundError, ValidationError } from '@shared/errors'
import type { ReassignResult } from '@shared/schemas/roster.schema'
import { applyWithRetry } from '../appeals/retry-transition'
import { listEnterpriseAppeals } from '../store/appeal.store'
import { movePendingBindings } from '../store/binding.store'
import { getEnterprise, listPortfolio, setSpecialist, type EnterpriseRecord } from '../store/enterprise.store'
import { getUser, type UserRecord } from '../store/user.store'

/** The receiving specialist must exist and, for an area admin, work in that admin's area. */
async function receivingSpecialist(actor: Actor, specialistId: string): Promise<UserRecord> {
  const specialist = await getUser(specialistId)
  const usable = specialist?.role === 'specialist' && (actor.role === 'city_admin' || specialist.areaId === actor.areaId)
  if (!specialist || !usable) throw new ValidationError('接手的专员不存在或不在您的属地', { specialistId: '请选择本属地的企业服务专员' })
  return specialist
}

/** Moves one open appeal to the new specialist; only what the old one (or the duty queue) held follows. */
async function moveAppeal(appealId: string, to: UserRecord, reason: string, actor: Actor, from: string | null, now: Date): Promise<boolean> {
  const moved = await applyWithRetry(appealId, (appeal) => (appeal.ownerId === from ? reassignOwner(appeal, { id: to.id, name: to.name }, reason, actor, now) : null))
  return moved !== null
}

async function moveOpenAppeals(enterpriseId: string, from: string | null, to: UserRecord, reason: string, actor: Actor, now: Date): Promise<number> {
  const open = await listEnterpriseAppeals(enterpriseId, { statuses: OPEN_STATUSES })
  let moved = 0
  for (const appeal of open.filter((a) => a.ownerId === from)) {
    if (await moveAppeal(appeal.id, to, reason, actor, from, now)) moved++
  }
  return moved
}

/**
 * Moves an enterprise to another specialist; its cards now show them, and its open appeals, its
 * timeline entries and its pending join requests follow. Appeals move first and the enterprise
 * last, so a failure half-way is finished by simply repeating the request; a second sweep
 * catches an appeal filed while the first one ran.
 */
export async function moveEnterprise(enterprise: EnterpriseRecord, to: UserRecord, reason: string, actor: Actor, now = new Date()): Promise<number> {
  const from = enterprise.specialistId
  if (from === to.id) return 0
  let moved = await moveOpenAppeals(enterprise.id, from, to, reason, actor, now)
  if (!(await setSpecialist(enterprise, from, to.id))) throw new ConflictError('VERSION_CONFLICT', '该企业的专员刚被他人调整，请刷新后再试')
  moved += await moveOpenAppeals(enterprise.id, from, to, reason, actor, now)
  await movePendingBindings(enterprise.id, to.id)
  return moved
}

export async function reassignEnterprise(actor: Actor, enterpriseId: string, specialistId: string, reason: string): Promise<ReassignResult> {
  const enterprise = await getEnterprise(enterpriseId)
  if (!enterprise || !canAdministerArea(actor, enterprise.areaId)) throw new NotFoundError('未找到该企业')
  const to = await receivingSpecialist(actor, specialistId)
  if (enterprise.specialistId === to.id) throw new ValidationError('该企业已由这位专员负责', { specialistId: '请选择另一位专员' })
  return { enterprises: 1, movedAppeals: await moveEnterprise(enterprise, to, reason, actor) }
}

/** A specialist leaves: every enterprise of theirs that the admin administers moves to `to`. */
export async function handoverPortfolio(actor: Actor, fromSpecialistId: string, toSpecialistId: string, reason: string): Promise<ReassignResult> {
  const from = await getUser(fromSpecialistId)
  if (!from || from.role !== 'specialist' || !(actor.role === 'city_admin' || (actor.role === 'area_admin' && from.areaId === actor.areaId))) {
    throw new NotFoundError('未找到该专员')
  }
  if (fromSpecialistId === toSpecialistId) throw new ValidationError('不能移交给本人', { toSpecialistId: '请选择另一位专员' })
  const to = await receivingSpecialist(actor, toSpecialistId)
  const portfolio = (await listPortfolio(fromSpecialistId)).filter((e) => canAdministerArea(actor, e.areaId))
  let movedAppeals = 0
  for (const enterprise of portfolio) movedAppeals += await moveEnterprise(enterprise, to, reason, actor)
  return { enterprises: portfolio.length, movedAppeals }
}
