import { issueCard } from '../store/card.store'
import type { EnterpriseRecord } from '../store/enterprise.store'
import { newCardId } from './new-card-id'

/**
 * Gives every enterprise that has no card one (after a seed or a roster import). Safe to repeat
 * and to race: a card is attached only to an enterprise that still has none.
 */
export async function ensureCards(enterprises: readonly EnterpriseRecord[], now: Date, concurrency = 8): Promise<number> {
  const without = enterprises.filter((e) => !e.cardId)
  let issued = 0
  let next = 0
  const worker = async () => {
    while (next < without.length) {
      const enterprise = without[next++]!
      if (await issueCard({ id: newCardId(), enterpriseId: enterprise.id, issuedAt: now.toISOString() })) issued++
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, without.length) }, worker))
  return issued
}
