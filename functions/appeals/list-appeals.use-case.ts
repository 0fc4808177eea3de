import { listingScopes } from '@shared/domain/access'
import type { Actor } from '@shared/domain/actor'
import { appealForViewer } from '@shared/domain/co-tasks'
import type { AppealPage, AppealStatus } from '@shared/schemas/appeal.schema'
import { listAppeals } from '../store/appeal.store'

/** A status filter can leave a page empty while more remain; read on a little before answering. */
const MAX_ROUNDS = 4

/** The appeals this caller may see, newest first, one page. */
export async function listVisibleAppeals(actor: Actor, query: { limit: number; cursor?: string; status?: AppealStatus[] }): Promise<AppealPage> {
  const scopes = listingScopes(actor)
  let cursor = query.cursor
  const items: AppealPage['items'] = []
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await listAppeals(scopes, { cursor, limit: query.limit - items.length, statuses: query.status })
    items.push(...page.items)
    cursor = page.cursor ?? undefined
    if (!cursor || items.length >= query.limit) break
  }
  return { items: items.map((appeal) => appealForViewer(appeal, actor)), cursor: cursor ?? null }
}
