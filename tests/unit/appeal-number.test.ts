import { describe, expect, it, vi } from 'vitest'
import {
  APPEAL_NUMBER_SHARDS,
  appealNumberDay,
  appealNumberDigits,
  appealNumberShard,
  formatAppealNumber,
  normaliseAppealNumber,
  parseAppealNumber,
} from '@shared/domain/appeal-number'
import { appealNumberQuerySchema, listAppealsQuerySchema } from '@shared/schemas/appeal.schema'
import { readDemoCity } from '../../scripts/lib/demo-data'
import { shanghai } from '../support/clock'

// The configuration module reads the environment when it loads.
vi.hoisted(() => {
  process.env.TABLE_NAME ??= 'unit-tests'
  process.env.TOKEN_SECRET ??= 'unit-test-secret-qinshang-direct-0123456789'
})
const { loadConfig } = await import('../../functions/lib/config')

describe('appeal numbers', () => {
  it('read prefix, Shanghai date and four digits', () => {
    expect(formatAppealNumber({ prefix: 'XT', day: '20261205', sequence: 1, shard: 2 })).toBe('XT-20261205-0012')
    expect(formatAppealNumber({ prefix: 'XT', day: '20261205', sequence: 57, shard: 9 })).toBe('XT-20261205-0579')
    // Past 9,999 in a day the number simply grows a digit.
    expect(formatAppealNumber({ prefix: 'SY', day: '20270105', sequence: 1000, shard: 0 })).toBe('SY-20270105-10000')
  })

  it('encode shard and sequence so that no two (sequence, shard) pairs meet', () => {
    const seen = new Set<string>()
    for (let sequence = 1; sequence <= 120; sequence++) for (let shard = 0; shard < APPEAL_NUMBER_SHARDS; shard++) seen.add(appealNumberDigits(sequence, shard))
    expect(seen.size).toBe(120 * APPEAL_NUMBER_SHARDS)
    expect(parseAppealNumber('XT-20261205-0579')).toEqual({ prefix: 'XT', day: '20261205', sequence: 57, shard: 9 })
    expect(parseAppealNumber(formatAppealNumber({ prefix: 'XT', day: '20261205', sequence: 3, shard: 0 }))).toEqual({ prefix: 'XT', day: '20261205', sequence: 3, shard: 0 })
  })

  it('refuse what cannot be a number', () => {
    expect(() => appealNumberDigits(0, 1)).toThrow()
    expect(() => appealNumberDigits(1, APPEAL_NUMBER_SHARDS)).toThrow()
    expect(() => formatAppealNumber({ prefix: 'xt', day: '20261205', sequence: 1, shard: 1 })).toThrow()
    expect(parseAppealNumber('XT-20261205-0005')).toBeNull() // sequence 0 is never handed out
    expect(parseAppealNumber('ap-01jd0000000000000000000000')).toBeNull()
    expect(parseAppealNumber('XT-2026125-0012')).toBeNull()
  })

  it('count the day in Shanghai, across UTC midnight and Shanghai midnight', () => {
    expect(appealNumberDay(shanghai('2026-12-05T00:00:00'))).toBe('20261205') // 16:00 UTC the day before
    expect(appealNumberDay(shanghai('2026-12-04T23:59:59.999'))).toBe('20261204')
    expect(appealNumberDay(new Date('2026-12-04T15:59:59.999Z'))).toBe('20261204')
    expect(appealNumberDay(new Date('2026-12-04T16:00:00.000Z'))).toBe('20261205')
    expect(appealNumberDay(shanghai('2026-12-31T23:59:59'))).toBe('20261231')
    expect(appealNumberDay(shanghai('2027-01-01T00:00:00'))).toBe('20270101')
  })

  it('pick the shard from the id, the same every time, spread over all shards', () => {
    expect(appealNumberShard('ap-01kbt4q1zd6w3v0v8m2x9r7c5a')).toBe(appealNumberShard('ap-01kbt4q1zd6w3v0v8m2x9r7c5a'))
    const symbols = '0123456789abcdefghjkmnpqrstvwxyz'
    const counts = new Array<number>(APPEAL_NUMBER_SHARDS).fill(0)
    for (const a of symbols) for (const b of symbols) counts[appealNumberShard(`ap-01kbt4q1zd6w3v0v8m2x9r7c${a}${b}`)]!++
    // 1,024 endings over ten shards: 102 or 103 each.
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(102)
    expect(Math.max(...counts)).toBeLessThanOrEqual(103)
  })

  it('are found however they are typed', () => {
    expect(normaliseAppealNumber(' xt-20261205-0012 ')).toBe('XT-20261205-0012')
    expect(normaliseAppealNumber('ＸＴ－２０２６１２０５－００１２')).toBe('XT-20261205-0012')
    expect(normaliseAppealNumber('XT—20261205—0012')).toBe('XT-20261205-0012')
    expect(appealNumberQuerySchema.parse('xt-20261205-0012')).toBe('XT-20261205-0012')
    expect(listAppealsQuerySchema.parse({ number: 'xt-20261205-0012' }).number).toBe('XT-20261205-0012')
    const bad = listAppealsQuerySchema.safeParse({ number: '20261205' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]).toMatchObject({ path: ['number'], message: '诉求编号格式应如 XT-20261205-0012' })
    expect(listAppealsQuerySchema.safeParse({ number: 'X'.repeat(41) }).success).toBe(false)
  })

  it('carry the demo city’s prefix, which is the server’s by default', () => {
    expect(readDemoCity().city.code).toBe('XT')
    expect(loadConfig({ TABLE_NAME: 't', TOKEN_SECRET: 'x'.repeat(32) }).CITY_PREFIX).toBe(readDemoCity().city.code)
    expect(() => loadConfig({ TABLE_NAME: 't', TOKEN_SECRET: 'x'.repeat(32), CITY_PREFIX: 'xiangtan' })).toThrow(/CITY_PREFIX/)
  })
})
