/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters —
 * registration authority (1), institution category (1), administrative division (6),
 * organisation code (9), check character (1).
 *
 * The authority and category codes are not checked against their tables: the tables are
 * maintained by the registration authorities and grow, and a new code must not lock an
 * enterprise out. The checksum catches every single-character typo on its own.
 */

/** 31 symbols: the ten digits and the capitals without I, O, Z, S, V (easily misread). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

export const CREDIT_CODE_LENGTH = 18

/** The check character for the first 17 characters; throws if they are not 17 valid symbols. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) throw new RangeError(`expected 17 characters, got ${first17.length}`)
  let sum = 0
  for (let i = 0; i < first17.length; i++) {
    const value = CHARSET.indexOf(first17.charAt(i))
    if (value < 0) throw new RangeError(`invalid credit code character "${first17.charAt(i)}"`)
    sum += value * (WEIGHTS[i] ?? 0)
  }
  return CHARSET.charAt((31 - (sum % 31)) % 31)
}

/**
 * Why a code is not valid, in Chinese for the person who typed it; undefined when it is.
 * Checks the code exactly as given: pass it through normalizeCreditCode first.
 */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== CREDIT_CODE_LENGTH) return '统一社会信用代码应为 18 位'
  for (const char of code) {
    if (!CHARSET.includes(char)) return `统一社会信用代码含有无效字符「${char}」`
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）'
  const expected = creditCodeCheckChar(code.slice(0, CREDIT_CODE_LENGTH - 1))
  if (code.charAt(CREDIT_CODE_LENGTH - 1) !== expected) return `统一社会信用代码校验位错误（应为 ${expected}）`
  return undefined
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === undefined
}

/** Codes arrive typed by hand or pasted from licences: spaces (also full-width) and lower case are noise. */
export function normalizeCreditCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}
