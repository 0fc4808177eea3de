import { cardPut, type CardRecord } from '../store/card.store'
import { cardAssignment, type EnterpriseRecord } from '../store/enterprise.store'
import { transactWrite, WriteConflict } from '../store/transact'
import { newCardId } from './new-card-id'

/**
 * Issues an enterprise's card: the card and the enterprise's pointer to it together, and only if
 * the enterprise has none yet. False when it already had one.
 */
async function issueCard(card: CardRecord): Promise<boolean> {
  try {
    await transactWrite([cardPut(card), cardAssignment(card.enterpriseId, card.id)])
    return true
  } catch (error) {
    if (error instanceof WriteConflict) return false
    throw error
  }
}

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
