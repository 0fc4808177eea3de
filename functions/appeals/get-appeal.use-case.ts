import type { Actor } from '@shared/domain/actor'
import { maySeeAppeal, maySeeInternalNotes } from '@shared/domain/policy'
import { allowedActions } from '@shared/domain/appeal-machine'
import { appealForViewer } from '@shared/domain/co-tasks'
import { NotFoundError } from '@shared/errors'
import type { AppealDetail } from '@shared/schemas/appeal.schema'
import { getAppealWithEvents } from '../store/appeal.store'

/** One appeal with its timeline as this caller may see it (internal notes only for officials). */
export async function getAppealDetail(actor: Actor, appealId: string): Promise<AppealDetail> {
  const found = await getAppealWithEvents(appealId)
  if (!found || !maySeeAppeal(actor, found.appeal)) throw new NotFoundError('未找到该诉求')
  const events = maySeeInternalNotes(actor) ? found.events : found.events.filter((e) => !e.internal)
  return { appeal: appealForViewer(found.appeal, actor), events, allowedActions: allowedActions(found.appeal, actor) }
}
