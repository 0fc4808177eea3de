import type { Actor } from '@shared/domain/actor'
import { mayDeleteOwnAccount, mayReadPersonalData } from '@shared/domain/policy'
import { DELETED_USER_NAME, PRIVACY_VERSION, anonymisedEvents } from '@shared/domain/privacy'
import { ForbiddenError, UnauthenticatedError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { PersonalData, User } from '@shared/schemas/user.schema'
import { listEnterpriseAppeals } from '../store/appeal-lists.store'
import { getAppealWithEvents, renameFiler, rewriteEvents } from '../store/appeal.store'
import { deleteBindingsOf, listBindings } from '../store/binding.store'
import { deleteBudgetsOf } from '../store/push.store'
import { deleteUserProfile, getUser, listOpenidsOfUser, recordPrivacyConsent, unlinkOpenids, type UserRecord } from '../store/user.store'
import { toUser } from './user-view'

async function ownRecord(actor: Actor): Promise<UserRecord> {
  const record = await getUser(actor.id)
  if (!record || !mayReadPersonalData(actor, record.id)) throw new UnauthenticatedError('账号不存在，请重新登录')
  return record
}

/** The caller agreed to the privacy guide in force (the request schema admits no other version). */
export async function recordConsent(actor: Actor, version: string, now: Date): Promise<User> {
  const record = await ownRecord(actor)
  const consent = { version, at: now.toISOString() }
  if (!(await recordPrivacyConsent(record.id, consent))) throw new UnauthenticatedError('账号不存在，请重新登录')
  return toUser({ ...record, privacyConsent: consent })
}

/** The appeals a person filed, over the enterprises they are or were bound to. */
async function appealsFiledBy(userId: string, enterpriseIds: readonly string[]): Promise<Appeal[]> {
  const lists = await Promise.all([...new Set(enterpriseIds)].map((id) => listEnterpriseAppeals(id, { filedBy: userId })))
  return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/**
 * 我的个人信息: the caller's profile, bindings (every status), consents and the titles and numbers of
 * the appeals they filed. Nothing of anyone else: no colleague, no appeal text, no openid itself.
 */
export async function personalData(actor: Actor): Promise<PersonalData> {
  const record = await ownRecord(actor)
  const [bindings, openids] = await Promise.all([listBindings(record.id), listOpenidsOfUser(record.id)])
  const appeals = await appealsFiledBy(
    record.id,
    bindings.map((b) => b.enterpriseId),
  )
  return {
    profile: { id: record.id, name: record.name, role: record.role, phone: record.phone ?? '', wechatLinked: openids.length > 0 },
    bindings: bindings.map((b) => ({ enterpriseId: b.enterpriseId, enterpriseName: b.enterpriseName, status: b.status, requestedAt: b.requestedAt, ...(b.phone ? { phone: b.phone } : {}) })),
    consents: record.privacyConsent ? [record.privacyConsent] : [],
    appeals: appeals.map((a) => ({ id: a.id, ...(a.number ? { number: a.number } : {}), title: a.title, enterpriseName: a.enterpriseName, createdAt: a.createdAt })),
    privacyVersion: PRIVACY_VERSION,
  }
}

const RENAME_ATTEMPTS = 4

/** Takes the person out of one appeal: as its filer (name), and from its timeline. */
async function anonymiseAppeal(appealId: string, userId: string, name: string): Promise<void> {
  for (let attempt = 1; attempt <= RENAME_ATTEMPTS; attempt++) {
    const found = await getAppealWithEvents(appealId)
    if (!found) return
    const isFiler = found.appeal.filedBy.id === userId
    // Renamed first, on its version: an action landing meanwhile makes us read again.
    if (isFiler && found.appeal.filedBy.name !== DELETED_USER_NAME && !(await renameFiler(appealId, userId, found.appeal.version, DELETED_USER_NAME))) continue
    await rewriteEvents(anonymisedEvents(found.events, userId, name))
    return
  }
  throw new Error(`appeal ${appealId} kept changing while its filer was being removed`)
}

export interface AccountDeleted {
  deleted: true
  /** Appeals that stay with their enterprises, now filed by 已注销用户. */
  appealsKept: number
}

/**
 * 注销账号 (enterprise staff only; an official's account is the roster's): the person is taken out
 * of the appeals of every enterprise they were bound to — filer's name 已注销用户, timeline names
 * likewise, the phone gone with the profile — and then their bindings, WeChat identities,
 * subscription counts and profile are deleted. The profile goes last: until then the account still
 * signs in, so an interrupted deletion is finished by asking again; once it is gone no session,
 * bearer or refresh token, authenticates.
 */
export async function deleteAccount(actor: Actor): Promise<AccountDeleted> {
  if (!mayDeleteOwnAccount(actor)) throw new ForbiddenError('工作人员账号由管理员在名册中维护，不能自行注销')
  const record = await ownRecord(actor)
  const bindings = await listBindings(record.id)
  let appealsKept = 0
  for (const enterpriseId of new Set(bindings.map((b) => b.enterpriseId))) {
    for (const appeal of await listEnterpriseAppeals(enterpriseId)) {
      if (appeal.filedBy.id === record.id) appealsKept++
      await anonymiseAppeal(appeal.id, record.id, record.name)
    }
  }
  await deleteBindingsOf(record.id)
  await unlinkOpenids(record.id, await listOpenidsOfUser(record.id))
  await deleteBudgetsOf(record.id)
  await deleteUserProfile(record.id)
  return { deleted: true, appealsKept }
}
