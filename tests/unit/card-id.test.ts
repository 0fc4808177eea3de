import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CARD_ID_ALPHABET, CARD_ID_LENGTH, cardIdFromRandomBytes, isCardId } from '@shared/domain/card-id'
import { newCardId } from '../../functions/services/new-card-id'
import { cardIdFromParams, cardProblem, dialable, INVALID_CARD } from '../../miniapp/src/pages/card/card-scene'

/** What WeChat accepts in a mini-program code's scene. */
const WECHAT_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

describe('card ids', () => {
  it('are 20 symbols of the unambiguous alphabet, within WeChat’s scene rules', () => {
    for (let i = 0; i < 1000; i++) {
      const id = newCardId()
      expect(id).toHaveLength(CARD_ID_LENGTH)
      expect(id).toMatch(WECHAT_SCENE)
      expect(isCardId(id)).toBe(true)
      expect([...id].every((c) => CARD_ID_ALPHABET.includes(c))).toBe(true)
    }
    expect(CARD_ID_ALPHABET).not.toMatch(/[ilou]/)
  })

  it('do not collide in a million', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 1_000_000; i++) seen.add(newCardId())
    expect(seen.size).toBe(1_000_000)
  }, 60_000)

  it('use every symbol about equally (no bias from the byte mapping)', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 20_000; i++) for (const c of newCardId()) counts.set(c, (counts.get(c) ?? 0) + 1)
    const expected = (20_000 * CARD_ID_LENGTH) / 32
    for (const c of CARD_ID_ALPHABET) expect(Math.abs((counts.get(c) ?? 0) - expected) / expected).toBeLessThan(0.05)
  })

  it('need enough random bytes', () => {
    expect(() => cardIdFromRandomBytes(randomBytes(10))).toThrow()
  })

  it('are recognised in what a code or a link opens the card page with', () => {
    const id = newCardId()
    expect(cardIdFromParams({ scene: encodeURIComponent(id) })).toBe(id)
    expect(cardIdFromParams({ id: id.toUpperCase() })).toBe(id)
    expect(cardIdFromParams({ scene: 'sp-007' })).toBeNull()
    expect(cardIdFromParams({ scene: '%E0%A4%A' })).toBeNull()
    expect(cardIdFromParams({})).toBeNull()
    expect(dialable('186 2981-9631')).toBe('18629819631')
  })
})

describe('a card page without a card', () => {
  const failure = (status: number, message = '请求失败') => ({ status, message })

  it('calls a malformed, unknown or refused card invalid: retrying cannot help', () => {
    expect(cardProblem(null, null)).toEqual({ kind: 'invalid' })
    expect(cardProblem(cardIdFromParams({ scene: 'doesnotexist123' }), null)).toEqual({ kind: 'invalid' })
    expect(cardProblem('zzzzzzzzzzzzzzzzzzzz', failure(404, '联系卡不存在或已失效'))).toEqual({ kind: 'invalid' })
    expect(cardProblem('zzzzzzzzzzzzzzzzzzzz', failure(400))).toEqual({ kind: 'invalid' })
    expect(cardProblem('zzzzzzzzzzzzzzzzzzzz', failure(410))).toEqual({ kind: 'invalid' })
  })

  it('offers a retry when the card could not be fetched', () => {
    expect(cardProblem('zzzzzzzzzzzzzzzzzzzz', failure(0, '网络异常，请检查网络后重试'))).toEqual({ kind: 'failed', message: '网络异常，请检查网络后重试' })
    expect(cardProblem('zzzzzzzzzzzzzzzzzzzz', failure(503, '服务暂时不可用，请稍后重试'))).toEqual({ kind: 'failed', message: '服务暂时不可用，请稍后重试' })
    expect(cardProblem('zzzzzzzzzzzzzzzzzzzz', failure(429))).toMatchObject({ kind: 'failed' })
    expect(cardProblem('zzzzzzzzzzzzzzzzzzzz', null)).toBeNull()
  })

  it('says so in words and points to people, not to data', () => {
    expect(INVALID_CARD.title).toContain('联系卡无效或已停用')
    expect(INVALID_CARD.hint).toMatch(/企业服务专员/)
    expect(INVALID_CARD.hint).toMatch(/园区/)
  })
})
