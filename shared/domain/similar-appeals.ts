import type { Appeal } from '../schemas/appeal.schema'
import type { SimilarAppeal } from '../schemas/common-problem.schema'
import { linkedAppealOf, linkProblem } from './common-problems'
import { termsOf } from './kit-search'

/*
 * 相似诉求: which open appeals look like one another, for linking them into a common problem.
 * Apart from the rest of common problems because it carries the kit's Chinese terms (and their
 * traditional-to-simplified dictionary), which the reports that count common problems need not.
 */

/** How much each kind of term counts in the likeness of two texts: words, bigrams, single characters. */
const TERM_KIND_WEIGHT: Record<string, number> = { w: 1.5, b: 1, u: 0.2 }
/** The title says what the problem is; the description adds the enterprise's particulars. */
const TITLE_WEIGHT = 2
/** The same area (often the same park) makes a shared cause likelier; text decides the rest. */
const SAME_AREA_LIFT = 0.1
/** Below this, two appeals share a few words, not a problem. */
export const MIN_SIMILARITY = 0.1
export const SIMILAR_LIMIT = 10

function weightedTerms(appeal: Pick<Appeal, 'title' | 'description'>): Map<string, number> {
  const terms = new Map<string, number>()
  const add = (text: string, factor: number) => {
    for (const [term, count] of termsOf(text)) terms.set(term, (terms.get(term) ?? 0) + count * factor * (TERM_KIND_WEIGHT[term[0]!] ?? 1))
  }
  add(appeal.title, TITLE_WEIGHT)
  add(appeal.description, 1)
  return terms
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0
  let normA = 0
  let normB = 0
  for (const [term, weight] of a) {
    normA += weight * weight
    const other = b.get(term)
    if (other !== undefined) dot += weight * other
  }
  for (const weight of b.values()) normB += weight * weight
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}

/**
 * The open appeals that look like `target`: same category, linkable, ranked by the likeness of
 * their texts (cosine over the kit's Chinese terms: words, bigrams, and weakly single characters;
 * the kit's stop words left out), lifted a little for the same area. No weighting by rarity among
 * the candidates: the pool is an area's open appeals of one category, often a handful, and when
 * most of them are the same problem their shared words are exactly what should count.
 */
export function rankSimilar(target: Appeal, candidates: readonly Appeal[], limit = SIMILAR_LIMIT): SimilarAppeal[] {
  const targetTerms = weightedTerms(target)
  return candidates
    .filter((c) => c.id !== target.id && c.categoryId === target.categoryId && linkProblem(c) === null)
    .map((appeal) => {
      const sameArea = appeal.areaId === target.areaId
      const text = cosine(targetTerms, weightedTerms(appeal))
      return { appeal: linkedAppealOf(appeal), text, score: Math.min(1, text + (sameArea ? SAME_AREA_LIFT : 0)), sameArea }
    })
    .filter((s) => s.text >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score || a.appeal.createdAt.localeCompare(b.appeal.createdAt))
    .slice(0, limit)
    .map(({ appeal, score, sameArea }) => ({ appeal, score: Math.round(score * 1000) / 1000, sameArea }))
}
