import type { Actor } from '@shared/domain/actor'
import { filedByEnterprise, maySeeAppeal, maySeeFilerPhone, maySeeInternalNotes } from '@shared/domain/policy'
import { maskPhone } from '@shared/domain/mask'
import { DELETED_USER_NAME } from '@shared/domain/privacy'
import { allowedActions } from '@shared/domain/appeal-machine'
import { appealForViewer } from '@shared/domain/co-tasks'
import { NotFoundError } from '@shared/errors'
import type { Appeal, AppealDetail, FilerContact } from '@shared/schemas/appeal.schema'
import { getAppealWithEvents } from '../store/appeal.store'
import { getUser } from '../store/user.store'
import { visibleAppealAttachments } from '../services/attachments'

/** One appeal with its timeline as this caller may see it (internal notes only for officials). */
export async function getAppealDetail(actor: Actor, appealId: string): Promise<AppealDetail> {
  const found = await getAppealWithEvents(appealId)
  if (!found || !maySeeAppeal(actor, found.appeal)) throw new NotFoundError('未找到该诉求')
  const events = maySeeInternalNotes(actor) ? found.events : found.events.filter((e) => !e.internal)
  const [filer, attachments] = await Promise.all([filerContact(actor, found.appeal), visibleAppealAttachments(actor, found.appeal)])
  return { appeal: appealForViewer(found.appeal, actor), events, allowedActions: allowedActions(found.appeal, actor), attachments, ...(filer ? { filer } : {}) }
}

/**
 * The enterprise member who filed it, as this caller may see them: the phone in full only for
 * those the policy lets call them (maySeeFilerPhone), masked for everyone else; none once the
 * account is deleted. Officials filing on an enterprise's behalf are named on the timeline instead.
 */
async function filerContact(actor: Actor, appeal: Appeal): Promise<FilerContact | undefined> {
  if (!filedByEnterprise(appeal)) return undefined
  const user = await getUser(appeal.filedBy.id)
  if (!user) return { name: DELETED_USER_NAME, phone: '', phoneMasked: true, deleted: true }
  const full = maySeeFilerPhone(actor, appeal)
  return { name: appeal.filedBy.name, phone: full ? (user.phone ?? '') : maskPhone(user.phone), phoneMasked: !full }
}
