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
