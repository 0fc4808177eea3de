import { describe, expect, it } from 'vitest'
import { CARD_SHORT_CODE_PATTERN, cardShortCode } from '@shared/domain/card-id'
import type { CardView } from '@shared/schemas/card.schema'
import { newCardId } from '../../functions/services/new-card-id'
import { cardIdLine } from '../../miniapp/src/packages/admin/cards/card-sheet'

describe('the short code printed on a card (卡号)', () => {
  it('is eight readable capitals and digits, the same for the same card', () => {
    const id = 'k7m2q9txa3bc4def5gh6'
    expect(cardShortCode(id)).toMatch(CARD_SHORT_CODE_PATTERN)
    expect(cardShortCode(id)).toBe(cardShortCode(id))
    expect(cardShortCode(id)).not.toMatch(/[ILOU]/)
  })

  it('differs between cards: no two of 20,000 random cards share one', () => {
    const codes = new Set<string>()
    for (let i = 0; i < 20_000; i++) codes.add(cardShortCode(newCardId()))
    expect(codes.size).toBe(20_000)
  })

  it('does not spell out the card id, which only the QR code carries', () => {
    const id = newCardId()
    const card = { id } as CardView
    const line = cardIdLine(card)
    expect(line).toBe(`卡号 ${cardShortCode(id)}`)
    expect(line.toLowerCase()).not.toContain(id.slice(0, 4))
  })
})
