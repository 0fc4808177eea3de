import { describe, expect, it } from 'vitest'
import { characters, fitCharacterString, fitDate, fitField, fitName, fitPhrase, fitTime, truncate } from '@shared/domain/subscribe-fields'

describe('subscribe-message fields are fitted by characters, not bytes', () => {
  it('keeps a thing of exactly 20 characters and cuts 21 to 19 plus an ellipsis', () => {
    const twenty = '新厂房需要接入十千伏线路已等三周急需处理'
    expect(characters(twenty)).toHaveLength(20)
    expect(truncate(twenty, 20)).toBe(twenty)
    const cut = truncate(`${twenty}吗`, 20)
    expect(cut).toBe('新厂房需要接入十千伏线路已等三周急需处…')
    expect(characters(cut)).toHaveLength(20)
  })

  it('counts an emoji sequence as one character and never splits it', () => {
    const family = '👨‍👩‍👧'
    expect(characters(`用电${family}`)).toHaveLength(3)
    const text = `${'电'.repeat(18)}${family}${family}`
    expect(characters(text)).toHaveLength(20)
    expect(truncate(text, 20)).toBe(text)
    const longer = `${'电'.repeat(18)}👍🏽${family}好`
    const cut = truncate(longer, 20)
    expect(cut).toBe(`${'电'.repeat(18)}👍🏽…`)
    // No lone surrogate halves left behind.
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  })

  it('folds whitespace and newlines that a message field cannot show', () => {
    expect(truncate('  新线路\n\n接电  ', 20)).toBe('新线路 接电')
  })

  it('keeps phrase to five Chinese characters and nothing else', () => {
    expect(fitPhrase('已受理')).toBe('已受理')
    expect(fitPhrase('超期未办结需督办')).toBe('超期未办结')
    expect(fitPhrase('OK已答复!')).toBe('已答复')
  })

  it('fits names: ten characters if Chinese, twenty if Latin', () => {
    expect(fitName('徐慧萍')).toBe('徐慧萍')
    expect(fitName('欧阳娜娜娜娜娜娜娜娜娜')).toBe('欧阳娜娜娜娜娜娜娜…')
    expect(fitName('Alexander Hamilton-Smith')).toHaveLength(20)
  })

  it('keeps character strings to 32 ASCII symbols', () => {
    expect(fitCharacterString('ap-2026-000123')).toBe('ap-2026-000123')
    expect(fitCharacterString('编号ap-1')).toBe('ap-1')
    expect(fitCharacterString('x'.repeat(40))).toHaveLength(32)
  })

  it('writes times and dates in Shanghai time, in the format WeChat accepts', () => {
    expect(fitTime('2026-11-23T07:01:00.000Z')).toBe('2026年11月23日 15:01')
    expect(fitTime('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日 00:30')
    expect(fitDate('2026-11-30T15:59:59.999Z')).toBe('2026年11月30日')
    expect(fitField('number', '共 12 件')).toBe('12')
  })
})
