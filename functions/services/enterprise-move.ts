import { ulid } from 'ulid'
import { reassignOwner } from '@shared/domain/appeal-admin'
import { OPEN_STATUSES } from '@shared/domain/appeal-counts'
import type { Actor } from '@shared/domain/actor'
import { mayReceiveEnterprise } from '@shared/domain/policy'
import { ConflictError, ValidationError } from '@shared/errors'
import { applyWithRetry } from './retry-transition'
import { listEnterpriseAppeals } from '../store/appeal-lists.store'
import { movePendingBindings } from '../store/binding.store'
import { claimMove, clearMove, getEnterprise, type EnterpriseRecord, type PendingMove } from '../store/enterprise.store'
import { getUser, type UserRecord } from '../store/user.store'

/*
 * Moving an enterprise to another specialist, with its open appeals and join requests: one
 * service for the reassignment, the portfolio handover and the roster import.
 */

/** The receiving specialist must exist and, for an area admin, work in that admin's area. */
export async function receivingSpecialist(actor: Actor, specialistId: string): Promise<UserRecord> {
  const specialist = await getUser(specialistId)
  if (!specialist || !mayReceiveEnterprise(actor, specialist)) throw new ValidationError('接手的专员不存在或不在您的属地', { specialistId: '请选择本属地的企业服务专员' })
  return specialist
}

/** Moves one open appeal to the new specialist; only what the old one (or the duty queue) held follows. */
async function moveAppeal(appealId: string, to: PendingMove['to'], reason: string, actor: Actor, from: string | null, now: Date): Promise<boolean> {
  const moved = await applyWithRetry(appealId, (appeal) => (appeal.ownerId === from ? reassignOwner(appeal, to, reason, actor, now) : null))
  return moved !== null
}

async function moveOpenAppeals(enterpriseId: string, from: string | null, to: PendingMove['to'], reason: string, actor: Actor, now: Date): Promise<number> {
  const open = await listEnterpriseAppeals(enterpriseId, { statuses: OPEN_STATUSES })
  let moved = 0
  for (const appeal of open.filter((a) => a.ownerId === from)) {
    if (await moveAppeal(appeal.id, to, reason, actor, from, now)) moved++
  }
  return moved
}

/**
 * Finishes a claimed move: the open appeals still with `from` and the pending join requests go to
 * `to`, then the mark is cleared. Safe to run again, or by two requests at once: each appeal
 * moves once (version check), and only while it is still with `from`. The timelines name the
 * admin who asked for the move, whoever finishes it.
 */
export async function finishMove(enterpriseId: string, move: PendingMove, now: Date): Promise<number> {
  const requester: Actor = { ...move.by, enterpriseIds: [], pendingEnterpriseIds: [] }
  const moved = await moveOpenAppeals(enterpriseId, move.from, move.to, move.reason, requester, now)
  await movePendingBindings(enterpriseId, move.from, move.to.id)
  await clearMove(enterpriseId, move.id)
  return moved
}

/**
 * Finishes whatever move of these enterprises (as listed, possibly a moment old) is still
 * pending, read again from the table; for requests that move enterprises in bulk, whose
 * repetition after a crash no longer sees the enterprises already claimed. Returns how many
 * moves it finished and how many appeals followed.
 */
export async function finishPendingMoves(listed: readonly EnterpriseRecord[], now: Date): Promise<{ enterprises: number; movedAppeals: number }> {
  let enterprises = 0
  let movedAppeals = 0
  for (const { id } of listed.filter((e) => e.pendingMove)) {
    const move = (await getEnterprise(id))?.pendingMove
    if (!move) continue
    movedAppeals += await finishMove(id, move, now)
    enterprises++
  }
  return { enterprises, movedAppeals }
}

/** Claims the enterprise for `to` and moves what follows it; null when another move claimed it first. */
export async function claimAndMove(enterprise: EnterpriseRecord, to: UserRecord, reason: string, actor: Actor, now: Date): Promise<number | null> {
  const move: PendingMove = {
    id: ulid(now.getTime()),
    from: enterprise.specialistId,
    to: { id: to.id, name: to.name },
    reason,
    by: { id: actor.id, name: actor.name, role: actor.role },
    startedAt: now.toISOString(),
  }
  if (!(await claimMove(enterprise, move))) return null
  return finishMove(enterprise.id, move, now)
}

/**
 * Moves an enterprise to another specialist; its cards now show them, and its open appeals, its
 * timeline entries and its pending join requests follow.
 * Steps: finish a move of this enterprise left pending → claim the enterprise for `to` with one
 * conditional write that also marks the move (from, to) as pending → move the open appeals and
 * join requests still with `from` → clear the mark.
 * The claim decides between two admins moving one enterprise at once: the loser has written
 * nothing and gets 409. From the claim on, new appeals are routed to `to`, and a filing that read
 * `from` just before fails its write and is routed again (submitAppeal). A request cut short after
 * the claim leaves the mark: repeating it, or any later move of the enterprise, finishes the move.
 */
export async function moveEnterprise(enterprise: EnterpriseRecord, to: UserRecord, reason: string, actor: Actor, now: Date): Promise<number> {
  const finished = enterprise.pendingMove ? await finishMove(enterprise.id, enterprise.pendingMove, now) : 0
  if (enterprise.specialistId === to.id) return finished
  const moved = await claimAndMove(enterprise, to, reason, actor, now)
  if (moved === null) throw new ConflictError('VERSION_CONFLICT', '该企业的专员刚被他人调整，请刷新后再试')
  return finished + moved
}

