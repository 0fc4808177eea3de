import { describe, expect, it, vi } from 'vitest'
import { keepsVisits, mayWorkOnSiteFor, maySeeVisit, maySeeVisitDates } from '@shared/domain/policy'
import { checkInProblem, isLaterVisit, newVisit, visitDateWords, visitedAtProblem, visitSeen } from '@shared/domain/visits'
import { recordVisitRequestSchema, visitIdSchema, VISIT_TOPICS, VISIT_TOPIC_LABELS } from '@shared/schemas/visit.schema'
import { parseWith } from '../../functions/lib/validate'
import { ValidationError } from '@shared/errors'
import { areaAdmin, cityAdmin, otherAreaAdmin, otherSpecialist, owner, powerHandler, staff } from '../support/fixtures'
import { shanghai } from '../support/clock'

// The token's key comes from the configuration, which is read when the module loads.
vi.hoisted(() => {
  process.env.TABLE_NAME ??= 'unit-tests'
  process.env.TOKEN_SECRET ??= 'unit-test-secret-qinshang-direct-0123456789'
})

const { checkInKey, readCheckIn, signCheckIn } = await import('../../functions/lib/check-in-token')

/*
 * Visits (走访): the request schema's field messages, the pure rules of a visit (its time, the
 * check-in, the staff's one line), the policy's answers beyond the permission table, and the
 * check-in token's signature.
 */

const NOW = shanghai('2026-11-23T10:00:00')
const valid = { enterpriseId: 'en-0001', visitedAt: '2026-11-23T09:30:00+08:00', kind: 'onsite', met: '总经理张总', topics: ['production', 'hiring'], record: '生产正常，新产线下月投产，缺熟练焊工 20 名。' }

function fieldsOf(input: unknown): Record<string, string> {
  try {
    parseWith(recordVisitRequestSchema, input)
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return (error as ValidationError).fields
  }
  throw new Error('accepted')
}

describe('the visit request', () => {
  it('accepts a full record and cleans its text', () => {
    const parsed = parseWith(recordVisitRequestSchema, { ...valid, met: '  总经理张总\u200b ' })
    expect(parsed.met).toBe('总经理张总')
    expect(parsed.topics).toEqual(['production', 'hiring'])
  })

  it('names each missing or wrong field in Chinese', () => {
    const fields = fieldsOf({ enterpriseId: 'x', visitedAt: 'yesterday', kind: 'walk', met: '', topics: [], record: '好' })
    expect(fields).toEqual({
      enterpriseId: '企业编号格式不正确',
      visitedAt: '请选择走访时间',
      kind: '请选择走访方式',
      met: '请填写见到了谁（姓名、职务）',
      topics: '请至少选择一个走访话题',
      record: '走访记录至少 5 个字',
    })
  })

  it('refuses unknown and repeated topics, and fields it does not know', () => {
    expect(fieldsOf({ ...valid, topics: ['weather'] })['topics.0']).toBe('走访话题不正确')
    expect(fieldsOf({ ...valid, topics: ['land', 'land'] }).topics).toBe('走访话题有重复')
    expect(fieldsOf({ ...valid, status: 'closed' }).status).toBe('不允许的字段')
  })

  it('has a Chinese label for every topic and mints ids like the other records', () => {
    for (const topic of VISIT_TOPICS) expect(VISIT_TOPIC_LABELS[topic]).toMatch(/[\u4e00-\u9fa5]/)
    expect(visitIdSchema.safeParse('vi-01jd2x3y4z5a6b7c8d9e0f1g2h').success).toBe(true)
    expect(visitIdSchema.safeParse('ap-01jd2x3y4z5a6b7c8d9e0f1g2h').success).toBe(false)
  })
})

describe('the rules of a visit', () => {
  it('takes a time up to ten minutes ahead and up to 60 days back', () => {
    expect(visitedAtProblem(new Date(NOW.getTime() + 5 * 60_000), NOW)).toBeUndefined()
    expect(visitedAtProblem(new Date(NOW.getTime() + 11 * 60_000), NOW)).toBe('走访时间不能晚于现在')
    expect(visitedAtProblem(shanghai('2026-09-25T10:00:00'), NOW)).toBeUndefined()
    expect(visitedAtProblem(shanghai('2026-09-23T10:00:00'), NOW)).toBe('只能补记 60 天内的走访')
  })

  it('stamps a check-in only for the enterprise and person it was issued to, within 12 hours', () => {
    const claims = { cardId: 'c1', enterpriseId: 'en-0001', userId: 'sp-007', scannedAt: shanghai('2026-11-23T08:00:00').toISOString() }
    const me = { enterpriseId: 'en-0001', userId: 'sp-007' }
    expect(checkInProblem(claims, me, NOW)).toBeUndefined()
    expect(checkInProblem(undefined, me, NOW)).toBe('签到凭证无效，请重新扫码签到')
    expect(checkInProblem(claims, { ...me, enterpriseId: 'en-0002' }, NOW)).toBe('签到凭证不属于该企业，请扫该企业的联系卡')
    expect(checkInProblem(claims, { ...me, userId: 'ad-city' }, NOW)).toBe('签到凭证不属于该企业，请扫该企业的联系卡')
    expect(checkInProblem(claims, me, shanghai('2026-11-23T20:00:00'))).toBeUndefined()
    expect(checkInProblem(claims, me, shanghai('2026-11-23T20:00:01'))).toBe('签到已超过 12 小时，请重新扫码签到')
  })

  it('builds the stored visit from the request, the enterprise and the caller', () => {
    const request = parseWith(recordVisitRequestSchema, valid)
    const visit = newVisit(request, {
      id: 'vi-x',
      now: NOW,
      actor: owner,
      enterprise: { id: 'en-0001', name: '湖南锦程汽车零部件有限公司', areaId: 'xt-hitech', specialistId: 'sp-007' },
      checkedInAt: '2026-11-23T01:00:00.000Z',
      attachmentCount: 2,
    })
    expect(visit).toMatchObject({
      visitedAt: '2026-11-23T01:30:00.000Z',
      by: { id: 'sp-007', name: '徐慧萍', role: 'specialist' },
      specialistId: 'sp-007',
      checkedInAt: '2026-11-23T01:00:00.000Z',
      attachmentCount: 2,
      appealCount: 0,
      createdAt: NOW.toISOString(),
    })
  })

  it('moves 最近走访 only forward', () => {
    expect(isLaterVisit('2026-11-23T01:00:00.000Z', undefined)).toBe(true)
    expect(isLaterVisit('2026-11-23T01:00:00.000Z', '2026-11-22T01:00:00.000Z')).toBe(true)
    expect(isLaterVisit('2026-11-21T01:00:00.000Z', '2026-11-22T01:00:00.000Z')).toBe(false)
  })

  it('tells staff only the Shanghai date, with the year when it is not this one', () => {
    // 23:30 UTC on 30 November is 1 December in Shanghai.
    expect(visitSeen({ visitedAt: '2026-11-30T23:30:00.000Z', kind: 'onsite' }, NOW)).toEqual({ visitedAt: '2026-11-30T23:30:00.000Z', kind: 'onsite', line: '专员于 12 月 1 日走访' })
    expect(visitSeen({ visitedAt: '2026-11-02T02:00:00.000Z', kind: 'phone' }, NOW).line).toBe('专员于 11 月 2 日电话联系')
    expect(visitDateWords('2025-12-31T02:00:00.000Z', NOW)).toBe('2025 年 12 月 31 日')
  })
})

describe('who works on site and reads visits', () => {
  const en1 = { id: 'en-0001', areaId: 'xt-hitech', specialistId: 'sp-007' }
  it('is the specialist, the area admin and the city admin', () => {
    expect([owner, areaAdmin, cityAdmin].map((s) => mayWorkOnSiteFor(s, en1))).toEqual([true, true, true])
    expect([staff, otherSpecialist, powerHandler, otherAreaAdmin].map((s) => mayWorkOnSiteFor(s, en1))).toEqual([false, false, false, false])
  })

  it('lets whoever recorded a visit, and the specialist it was recorded under, read it after the enterprise moved on', () => {
    const moved = { ...en1, specialistId: 'sp-001' }
    expect(maySeeVisit(owner, { specialistId: 'sp-007', by: { id: 'ad-xt-hitech' } }, moved)).toBe(true)
    expect(maySeeVisit(otherAreaAdmin, { specialistId: 'sp-007', by: { id: 'ad-yuhu' } }, moved)).toBe(true)
    expect(maySeeVisit(staff, { specialistId: 'sp-007', by: { id: staff.id } }, moved)).toBe(false)
  })

  it('shows the visit dates to approved staff only, and keeps 我的走访 for specialists and admins', () => {
    expect(maySeeVisitDates(staff, en1)).toBe(true)
    expect(maySeeVisitDates({ ...staff, enterpriseIds: [], pendingEnterpriseIds: ['en-0001'] }, en1)).toBe(false)
    expect([owner, areaAdmin, cityAdmin, staff, powerHandler].map(keepsVisits)).toEqual([true, true, true, false, false])
  })
})

describe('the check-in token', () => {
  const key = checkInKey('unit-test-secret')
  const claims = { cardId: 'k7m3q9tx', enterpriseId: 'en-0001', userId: 'sp-007', scannedAt: '2026-11-23T02:00:00.000Z' }

  it('reads back what it signed', () => {
    expect(readCheckIn(signCheckIn(claims, key), key)).toEqual(claims)
  })

  it('refuses a changed, forged or malformed token, and one signed under another secret', () => {
    const token = signCheckIn(claims, key)
    const [payload, mac] = token.split('.')
    const changed = Buffer.from(JSON.stringify({ ...claims, enterpriseId: 'en-0002' })).toString('base64url')
    expect(readCheckIn(`${changed}.${mac}`, key)).toBeUndefined()
    expect(readCheckIn(`${payload}.${'A'.repeat(43)}`, key)).toBeUndefined()
    expect(readCheckIn(`${payload}`, key)).toBeUndefined()
    expect(readCheckIn(`${token}.x`, key)).toBeUndefined()
    expect(readCheckIn(token, checkInKey('another-secret'))).toBeUndefined()
  })
})
