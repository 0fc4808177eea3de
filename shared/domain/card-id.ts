/**
 * Contact-card ids (DESIGN §8). The id is the whole secret of a printed code, so it is random,
 * not derived from a name or a counter: 20 symbols of a 32-letter alphabet carry 100 bits.
 * The alphabet is lower-case letters and digits without i, l, o and u, a subset of what WeChat
 * allows in a mini-program code's `scene` (at most 32 characters), and easy to read aloud.
 */
export const CARD_ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
export const CARD_ID_LENGTH = 20
export const CARD_ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{20}$/

/** Builds an id from CARD_ID_LENGTH random bytes; 256 is a multiple of 32, so no symbol is favoured. */
export function cardIdFromRandomBytes(bytes: Uint8Array): string {
  if (bytes.length < CARD_ID_LENGTH) throw new Error(`a card id needs ${CARD_ID_LENGTH} random bytes`)
  let id = ''
  for (let i = 0; i < CARD_ID_LENGTH; i++) id += CARD_ID_ALPHABET[bytes[i]! & 31]
  return id
}

export const isCardId = (value: string): boolean => CARD_ID_PATTERN.test(value)
