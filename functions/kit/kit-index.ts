import { buildKitIndex, kitDocuments, type KitIndex, type KitTermCache } from '@shared/domain/kit-search'
import { kitLists, type KitLists } from '../services/kit-lists'

export interface KitData extends KitLists {
  index: KitIndex
  builtInMs: number
}

/*
 * The search index of the kit, rebuilt in this container only when the lists' stamp moved
 * (functions/services/kit-lists.ts); a rebuild segments only the entries whose text changed.
 */
let cached: { stamp: string; value: KitData } | undefined
/** Each document's terms, so that a rebuild segments only what changed. */
const terms: KitTermCache = new Map()

export async function kitData(): Promise<KitData> {
  const lists = await kitLists()
  if (cached?.stamp !== lists.stamp) {
    const started = performance.now()
    const index = buildKitIndex(kitDocuments(lists.policies, lists.faq), terms)
    cached = { stamp: lists.stamp, value: { ...lists, index, builtInMs: performance.now() - started } }
  }
  return cached.value
}
