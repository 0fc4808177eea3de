/**
 * Contact-card ids (DESIGN §8). The id is the whole secret of a printed code, so it is random,
 * not derived from a name or a counter: 20 symbols of a 32-letter alphabet carry 100 bits.
 * The alphabet is lower-case letters and digits without i, l, o and u, a subset of what WeChat
 * allows in a mini-program code's `scene` (at most 32 characters), and easy to read aloud.
 */
export const CARD_ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
export const CARD_ID_LENGTH = 20
export const CARD_ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{20}$/

/** `length` symbols from as many random bytes; 256 is a multiple of 32, so no symbol is favoured. */
export function symbolsFromRandomBytes(bytes: Uint8Array, length: number): string {
  if (bytes.length < length) throw new Error(`${length} symbols need ${length} random bytes`)
  let symbols = ''
  for (let i = 0; i < length; i++) symbols += CARD_ID_ALPHABET[bytes[i]! & 31]
  return symbols
}

/** Builds a card id from CARD_ID_LENGTH random bytes. */
export const cardIdFromRandomBytes = (bytes: Uint8Array): string => symbolsFromRandomBytes(bytes, CARD_ID_LENGTH)

export const isCardId = (value: string): boolean => CARD_ID_PATTERN.test(value)

const SHORT_CODE_ALPHABET = CARD_ID_ALPHABET.toUpperCase()
export const CARD_SHORT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/

/** 32-bit FNV-1a of a string's UTF-16 units, from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/**
 * The code printed on a card for people to quote (卡号, e.g. 7K3M-Q9TX): eight symbols of the
 * card alphabet in capitals, taken from a hash of the card's id, so the same card always prints
 * the same code. It names the card when someone calls about it; it opens nothing, and it gives
 * away nothing of the id (which only the QR code carries). 40 bits: two cards of a city share
 * one only by a one-in-a-billion chance.
 */
export function cardShortCode(cardId: string): string {
  const high = fnv1a(cardId, 0x811c9dc5)
  const low = fnv1a(cardId, 0x050c5d1f)
  let symbols = ''
  // 40 bits: the high hash's top 20 and the low hash's top 20, four symbols of 5 bits each.
  for (const part of [high >>> 12, low >>> 12]) for (let shift = 15; shift >= 0; shift -= 5) symbols += SHORT_CODE_ALPHABET[(part >>> shift) & 31]
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`
}
