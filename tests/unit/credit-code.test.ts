import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode, normalizeCreditCode } from '@shared/domain/credit-code'
import { readDemoCity } from '../../scripts/lib/demo-data'

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts every demo enterprise code', () => {
    const { enterprises } = readDemoCity()
    expect(enterprises.length).toBeGreaterThan(200)
    for (const { creditCode } of enterprises) expect(creditCodeProblem(creditCode), creditCode).toBeUndefined()
  })

  it.each([
    ['the example printed in the standard', '91350100M000100Y43'],
    ['a real company (华为技术有限公司)', '914403001922038216'],
    ['a real company with a letter check character', '91440300708461136T'],
  ])('accepts %s', (_what, code) => {
    expect(isValidCreditCode(code)).toBe(true)
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code.slice(17))
  })

  it('maps a remainder of 0 to the check character 0, not 31', () => {
    // Vary the last organisation character until the weighted sum is a multiple of 31.
    const prefix = Array.from({ length: 31 }, (_, i) => `9143030419220382${CHARSET.charAt(i)}`).find((p) => creditCodeCheckChar(p) === '0')
    expect(prefix).toBeDefined()
    expect(isValidCreditCode(`${prefix}0`)).toBe(true)
  })

  it.each([
    ['too short', '91430304379045501', '统一社会信用代码应为 18 位'],
    ['too long', '91430304379045501YY', '统一社会信用代码应为 18 位'],
    ['empty', '', '统一社会信用代码应为 18 位'],
    ['a letter the standard leaves out (O)', '91430304379O45501Y', '统一社会信用代码含有无效字符「O」'],
    ['lower case', '91430304379045501y', '统一社会信用代码含有无效字符「y」'],
    ['letters in the division code', '91A30304379045501Y', '统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）'],
    ['a wrong check character', '91430304379045501X', '统一社会信用代码校验位错误（应为 Y）'],
  ])('explains %s', (_what, code, message) => {
    expect(creditCodeProblem(code)).toBe(message)
    expect(isValidCreditCode(code)).toBe(false)
  })

  it('catches every single changed character', () => {
    const code = '91430304379045501Y'
    let variants = 0
    for (let position = 0; position < code.length; position++) {
      for (const char of CHARSET) {
        if (char === code.charAt(position)) continue
        const changed = code.slice(0, position) + char + code.slice(position + 1)
        expect(isValidCreditCode(changed), changed).toBe(false)
        variants++
      }
    }
    expect(variants).toBe(18 * 30)
  })

  it('refuses to compute a check character for a malformed prefix', () => {
    expect(() => creditCodeCheckChar('9143030437904550')).toThrow(RangeError)
    expect(() => creditCodeCheckChar('9143030437904550I')).toThrow(RangeError)
  })

  it('normalises pasted codes: spaces, full-width spaces, lower case', () => {
    expect(normalizeCreditCode(' 9143 0304\u30003790 4550 1y\t')).toBe('91430304379045501Y')
    expect(isValidCreditCode(normalizeCreditCode('91430304379045501y'))).toBe(true)
  })
})
