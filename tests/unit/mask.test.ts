import { describe, expect, it } from 'vitest'
import { maskPhone } from '@shared/domain/mask'

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })

  it('reads the digits whatever the formatting, dropping +86', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678')
    expect(maskPhone('8613812345678')).toBe('138****5678')
  })

  it('keeps a landline’s area code and last four digits', () => {
    expect(maskPhone('0731-58581234')).toBe('0731****1234')
    expect(maskPhone('010-62345678')).toBe('010****5678')
    expect(maskPhone('58581234')).toBe('****1234')
  })

  it('hides short numbers entirely and gives nothing for nothing', () => {
    expect(maskPhone('12345')).toBe('*****')
    expect(maskPhone('')).toBe('')
    expect(maskPhone(undefined)).toBe('')
    expect(maskPhone('无')).toBe('')
  })

  it('hides at least four digits of any number', () => {
    for (const phone of ['13812345678', '073158581234', '01062345678', '58581234', '1234567']) {
      expect(maskPhone(phone).replace(/\D/g, '').length, phone).toBeLessThanOrEqual(phone.length - 4)
      expect(maskPhone(phone), phone).toContain('****')
    }
  })
})
