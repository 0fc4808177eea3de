import { listingScopes, maySeeAppeal } from '@shared/domain/policy'
import type { Actor } from '@shared/domain/actor'
import { appealForViewer } from '@shared/domain/co-tasks'
import * as z from 'zod'
import type { AppealPage, AppealStatus } from '@shared/schemas/appeal.schema'
import { pageCursor } from '../lib/cursor'
import { listAppeals } from '../store/appeal-lists.store'
import { getAppeal, getAppealIdByNumber } from '../store/appeal.store'

/** A status filter can leave a page empty while more remain; read on a little before answering. */
const MAX_ROUNDS = 4

/** Where the next page starts: below this list order (`<createdAt>#<appeal id>`). */
const appealsCursor = pageCursor('appeals', z.object({ below: z.string().regex(/^[0-9TZ:.+-]{10,35}#ap-[0-9a-z]{1,40}$/) }))

/**
 * The appeals this caller may see, newest first, one page; the cursor is the caller's and the
 * filter's only. With a number: that appeal alone, if the caller may see it (and it has one of
 * the statuses asked for) — otherwise none, exactly as if no appeal had the number.
 */
export async function listVisibleAppeals(actor: Actor, query: { limit: number; cursor?: string; status?: AppealStatus[]; number?: string }): Promise<AppealPage> {
  if (query.number !== undefined) return findByNumber(actor, query.number, query.status)
  const scopes = listingScopes(actor)
  const context = { caller: actor.id, filters: { status: query.status } }
  let below = appealsCursor.decode(context, query.cursor)?.below
  const items: AppealPage['items'] = []
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await listAppeals(scopes, { below, limit: query.limit - items.length, statuses: query.status })
    items.push(...page.items)
    below = page.next ?? undefined
    if (!below || items.length >= query.limit) break
  }
  return { items: items.map((appeal) => appealForViewer(appeal, actor)), cursor: below ? appealsCursor.encode(context, { below }) : null }
}

async function findByNumber(actor: Actor, number: string, statuses: AppealStatus[] | undefined): Promise<AppealPage> {
  const id = await getAppealIdByNumber(number)
  const appeal = id ? await getAppeal(id) : undefined
  const found = appeal && maySeeAppeal(actor, appeal) && (!statuses || statuses.includes(appeal.status))
  return { items: found ? [appealForViewer(appeal, actor)] : [], cursor: null }
}
