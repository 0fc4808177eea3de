import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rankKit, type KitIndex } from '../../shared/domain/kit-search'

export interface KitQuery {
  q: string
  expected: string[]
  note?: string
}

export const KIT_QUERIES_FILE = join(__dirname, '..', '..', 'tests', 'fixtures', 'kit-queries.json')

export function readKitQueries(file = KIT_QUERIES_FILE): KitQuery[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: KitQuery[] }).queries
}

export interface KitQuality {
  queries: number
  /** Mean over queries of the share of expected entries in the top 5. */
  recallAt5: number
  /** Mean over queries of 1 / rank of the first expected entry (0 when none is in the top 10). */
  mrr: number
  /** Queries whose first expected entry is not in the top 5, with what came first. */
  misses: { q: string; expected: string[]; top: string[] }[]
}

/** Runs the query set over an index and measures it. */
export function measureKitQuality(index: KitIndex, queries: readonly KitQuery[], now: Date): KitQuality {
  let recall = 0
  let reciprocal = 0
  const misses: KitQuality['misses'] = []
  for (const query of queries) {
    const top = rankKit(index, query.q, { limit: 10, now }).ranked.map((r) => r.document.id)
    const top5 = top.slice(0, 5)
    recall += query.expected.filter((id) => top5.includes(id)).length / query.expected.length
    const first = top.findIndex((id) => query.expected.includes(id))
    if (first >= 0) reciprocal += 1 / (first + 1)
    if (first < 0 || first >= 5) misses.push({ q: query.q, expected: query.expected, top: top5 })
  }
  return { queries: queries.length, recallAt5: recall / queries.length, mrr: reciprocal / queries.length, misses }
}
