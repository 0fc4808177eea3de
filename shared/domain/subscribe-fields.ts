import { SHANGHAI_OFFSET_MINUTES } from './calendar'

/**
 * WeChat subscribe-message field kinds and their limits (subscribeMessage.send, 参数值内容限制).
 * A value that breaks a limit makes WeChat refuse the whole message (47003), so every value is
 * fitted before sending. Limits count characters as people see them, never bytes.
 */
export type FieldKind = 'thing' | 'phrase' | 'name' | 'character_string' | 'time' | 'date' | 'number'

export const FIELD_LIMITS = { thing: 20, phrase: 5, name: 10, nameLatin: 20, character_string: 32, number: 32 } as const

const ELLIPSIS = '…'
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' })

/** User-perceived characters: an emoji with modifiers or a flag is one, a CJK ideograph is one. */
export const characters = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment)

/** At most `max` characters; a longer text keeps `max - 1` and ends with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = characters(text.replace(/\s+/g, ' ').trim())
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + ELLIPSIS
}

const HAN = /\p{Script=Han}/u

/** `phrase`: up to five Chinese characters and nothing else (no ellipsis: it is not a Han character). */
export function fitPhrase(text: string): string {
  return characters(text)
    .filter((c) => HAN.test(c))
    .slice(0, FIELD_LIMITS.phrase)
    .join('')
}

/** `name`: ten characters if any is Chinese, twenty for a purely Latin name. */
export function fitName(text: string): string {
  const latin = /^[A-Za-z .·'-]+$/.test(text.trim())
  return truncate(text, latin ? FIELD_LIMITS.nameLatin : FIELD_LIMITS.name)
}

/** `character_string`: 32 letters, digits and ASCII symbols; anything else is dropped, never cut mid-id silently. */
export function fitCharacterString(text: string): string {
  const ascii = text.replace(/[^\x21-\x7e]/g, '')
  return ascii.length <= FIELD_LIMITS.character_string ? ascii : ascii.slice(0, FIELD_LIMITS.character_string)
}

function shanghaiParts(iso: string) {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MINUTES * 60_000)
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hhmm: `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`,
  }
}

/** `time`: "2026年11月23日 15:01" in Shanghai time (24-hour clock, with the date). */
export function fitTime(iso: string): string {
  const p = shanghaiParts(iso)
  return `${p.year}年${p.month}月${p.day}日 ${p.hhmm}`
}

/** `date`: "2026年11月23日" in Shanghai time. */
export function fitDate(iso: string): string {
  const p = shanghaiParts(iso)
  return `${p.year}年${p.month}月${p.day}日`
}

/** Fits one value to its field kind. */
export function fitField(kind: FieldKind, value: string): string {
  switch (kind) {
    case 'thing':
      return truncate(value, FIELD_LIMITS.thing)
    case 'phrase':
      return fitPhrase(value)
    case 'name':
      return fitName(value)
    case 'character_string':
      return fitCharacterString(value)
    case 'time':
      return fitTime(value)
    case 'date':
      return fitDate(value)
    case 'number':
      return value.replace(/[^\d.]/g, '').slice(0, FIELD_LIMITS.number)
  }
}
