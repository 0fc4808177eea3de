import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { APPEAL_NUMBER_PATTERN } from '@shared/domain/appeal-number'
import { appealPageSchema, appealResponseSchema, type Appeal } from '@shared/schemas/appeal.schema'
import { enterprisePageSchema } from '@shared/schemas/roster.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

/** 按编号查找 an appeal, and the roster's search box, over HTTP. */
const api = apiClient(inject('apiUrl'))

let appeal: Appeal
const tokens: Record<string, string> = {}

beforeAll(async () => {
  for (const who of ['staff:en-0001', 'staff:en-0002', 'sp-007', 'sp-001', 'ad-xt-hitech', 'ad-yuhu', 'ad-city']) tokens[who] = await api.login(who)
  const filed = await api.call('POST', '/api/appeals', {
    token: tokens['staff:en-0001'],
    headers: { 'Idempotency-Key': `search-${randomUUID()}` },
    body: { enterpriseId: 'en-0001', categoryId: 'power', title: '新线路接电', description: '新厂房需要接入 10kV 线路' },
  })
  expect(filed.status).toBe(201)
  appeal = appealResponseSchema.parse(filed.body).appeal
})

const byNumber = async (who: string, number: string) => {
  const reply = await api.call('GET', `/api/appeals?number=${encodeURIComponent(number)}`, { token: tokens[who] })
  expect(reply.status).toBe(200)
  return appealPageSchema.parse(reply.body).items.map((a) => a.id)
}

describe('GET /api/appeals?number=', () => {
  it('gives a filed appeal its number at once', () => {
    expect(appeal.number).toMatch(APPEAL_NUMBER_PATTERN)
    expect(appeal.number.startsWith('XT-')).toBe(true)
  })

  it('finds the appeal for the officials who may read it, however the number is typed', async () => {
    expect(await byNumber('sp-007', appeal.number)).toEqual([appeal.id])
    expect(await byNumber('ad-xt-hitech', appeal.number.toLowerCase())).toEqual([appeal.id])
    expect(await byNumber('ad-city', ` ${appeal.number} `)).toEqual([appeal.id])
  })

  it('finds it for its own enterprise, and for nobody else', async () => {
    expect(await byNumber('staff:en-0001', appeal.number)).toEqual([appeal.id])
    expect(await byNumber('staff:en-0002', appeal.number)).toEqual([])
    expect(await byNumber('sp-001', appeal.number)).toEqual([])
    expect(await byNumber('ad-yuhu', appeal.number)).toEqual([])
  })

  it('refuses what is not a number with a field message, not a 500', async () => {
    const error = expectError(await api.call('GET', '/api/appeals?number=ap-123', { token: tokens['sp-007'] }), 400, 'VALIDATION_FAILED')
    expect(error.fields?.number).toBe('诉求编号格式应如 XT-20261205-0012')
    expectError(await api.call('GET', '/api/appeals?number=XT-20261205-0012', {}), 401, 'UNAUTHENTICATED')
  })
})

describe('GET /api/enterprises?q=', () => {
  const search = async (who: string, query: string) => {
    const reply = await api.call('GET', `/api/enterprises?${query}`, { token: tokens[who] })
    expect(reply.status).toBe(200)
    return enterprisePageSchema.parse(reply.body).items.map((e) => e.id).sort()
  }

  it('finds by name, credit code, contact name or phone within the caller’s area', async () => {
    // 湘潭高新区 has four 锦程 companies; sp-007 serves two of them (below).
    expect(await search('ad-xt-hitech', `q=${encodeURIComponent('锦程')}`)).toEqual(['en-0001', 'en-0014', 'en-0018', 'en-0021'])
    expect(await search('ad-xt-hitech', 'q=91430304379045501y')).toEqual(['en-0001'])
    expect(await search('ad-xt-hitech', `q=${encodeURIComponent('范波艳')}`)).toEqual(['en-0001'])
    expect(await search('ad-xt-hitech', `q=${encodeURIComponent('189 5506 6490')}`)).toEqual(['en-0001'])
    expect(await search('ad-yuhu', `q=${encodeURIComponent('锦程')}`)).toEqual([])
  })

  it('keeps a specialist to their own portfolio', async () => {
    expect(await search('sp-007', `q=${encodeURIComponent('锦程')}`)).toEqual(['en-0001', 'en-0021'])
    expect(await search('sp-001', `q=${encodeURIComponent('锦程')}`)).toEqual([])
  })

  it('refuses a search too long with a field message in Chinese', async () => {
    const error = expectError(await api.call('GET', `/api/enterprises?q=${encodeURIComponent('锦'.repeat(51))}`, { token: tokens['ad-xt-hitech'] }), 400, 'VALIDATION_FAILED')
    expect(error.fields?.q).toBe('搜索内容不能超过 50 个字')
  })
})
