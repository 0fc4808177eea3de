import type { Actor } from '@shared/domain/actor'
import { searchKit } from '@shared/domain/kit-search'
import type { KitSearchQuery, KitSearchResult } from '@shared/schemas/policy.schema'
import { kitData } from './kit-index'

/**
 * GET /api/kit/search: the published policies and FAQ entries that best answer the query, with
 * the matches marked. The index holds published entries only, so nobody — an enterprise least of
 * all — meets a draft or a withdrawn policy here; expired policies are left out by date.
 */
export async function searchTheKit(_actor: Actor, query: KitSearchQuery, now: Date): Promise<KitSearchResult> {
  const { index } = await kitData()
  const started = performance.now()
  const { items, total } = searchKit(index, query.q, { ...query, now })
  return { items, total, tookMs: Math.round((performance.now() - started) * 100) / 100 }
}
