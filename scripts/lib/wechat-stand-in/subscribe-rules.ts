/**
 * WeChat's own rules for subscribe-message values (参数值内容限制), written out here apart from the
 * product's fitting code in shared/domain/subscribe-fields.ts, so that the stand-in refuses what
 * WeChat would refuse (47003) even if that code is wrong. A value breaking them makes WeChat
 * refuse the whole message. Characters are counted as people see them.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' })
const length = (text: string) => Array.from(segmenter.segment(text)).length
const HAN_ONLY = /^\p{Script=Han}+$/u
const ASCII_PRINTABLE = /^[\x21-\x7e]+$/
const TIME = /^(\d{4}年\d{1,2}月\d{1,2}日 )?([01]\d|2[0-3]):[0-5]\d(~(\d{4}年\d{1,2}月\d{1,2}日 )?([01]\d|2[0-3]):[0-5]\d)?$/
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日( ([01]\d|2[0-3]):[0-5]\d)?$/

const RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => length(v) <= 20,
  number: (v) => /^\d+(\.\d+)?$/.test(v) && v.length <= 32,
  letter: (v) => /^[A-Za-z]+$/.test(v) && v.length <= 32,
  character_string: (v) => ASCII_PRINTABLE.test(v) && v.length <= 32,
  time: (v) => TIME.test(v),
  date: (v) => DATE.test(v),
  phrase: (v) => HAN_ONLY.test(v) && length(v) <= 5,
  // A name with any Chinese in it counts as a Chinese name: ten characters; a Latin one twenty.
  name: (v) => (/\p{Script=Han}/u.test(v) ? length(v) <= 10 : length(v) <= 20),
  phone_number: (v) => /^[\d+\-() ]+$/.test(v) && v.length <= 17,
}

/** The first value WeChat would refuse, as WeChat names it, or undefined when all are fine. */
export function invalidField(data: Record<string, { value?: unknown }>): string | undefined {
  for (const [key, entry] of Object.entries(data)) {
    const kind = /^([a-z_]+?)\d+$/.exec(key)?.[1]
    const rule = kind ? RULES[kind] : undefined
    const value = entry?.value
    if (!rule || typeof value !== 'string' || value.length === 0 || !rule(value)) return `data.${key}.value`
  }
  return undefined
}
