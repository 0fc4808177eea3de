import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { enterprisePageSchema } from '@shared/schemas/roster.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

/**
 * 我服务的企业: a specialist reads their own portfolio through the roster list, and nothing more.
 * The page offers exactly this (the list, its scale and open-appeal filters, each card), so the
 * server must answer it, and must refuse what the page does not offer: other portfolios, the
 * specialists' roster, reassigning.
 */
const api = apiClient(inject('apiUrl'))

// sp-025 (贾琳秀, 湘乡经开区) serves five enterprises in the demo city.
const PORTFOLIO = ['en-0145', 'en-0147', 'en-0152', 'en-0164', 'en-0187']

let specialist: string

beforeAll(async () => {
  specialist = await api.login('sp-025')
})

const ids = (body: unknown) => enterprisePageSchema.parse(body).items.map((e) => e.id).sort()

describe('GET /api/enterprises for a specialist', () => {
  it('lists their own portfolio, asked for by id or not, with scale, counts and card', async () => {
    const mine = await api.call('GET', '/api/enterprises?specialistId=sp-025&limit=50', { token: specialist })
    expect(mine.status).toBe(200)
    const page = enterprisePageSchema.parse(mine.body)
    expect(page.items.map((e) => e.id).sort()).toEqual(PORTFOLIO)
    for (const enterprise of page.items) {
      expect(enterprise).toMatchObject({ specialistId: 'sp-025', specialistName: '贾琳秀', areaId: 'xiangxiang' })
      expect(enterprise.cardId).toMatch(/^[0-9a-z]{20}$/)
    }
    // The page asks without an area: the server pins a specialist to their own portfolio anyway.
    expect(ids((await api.call('GET', '/api/enterprises?limit=50', { token: specialist })).body)).toEqual(PORTFOLIO)
  })

  it('answers the page’s filters within the portfolio', async () => {
    const filed = await api.call('POST', '/api/appeals', {
      token: await api.login('staff:en-0145'),
      headers: { 'Idempotency-Key': `portfolio-${randomUUID()}` },
      body: { enterpriseId: 'en-0145', categoryId: 'water', title: '厂区供水压力不足', description: '高峰时段供水压力不足，影响生产' },
    })
    expect(filed.status).toBe(201)
    const open = await api.call('GET', '/api/enterprises?specialistId=sp-025&hasOpenAppeals=true&limit=50', { token: specialist })
    expect(open.status).toBe(200)
    expect(enterprisePageSchema.parse(open.body).items).toEqual([expect.objectContaining({ id: 'en-0145', openAppeals: 1 })])
    expect(ids((await api.call('GET', '/api/enterprises?specialistId=sp-025&scale=above&limit=50', { token: specialist })).body)).toEqual([
      'en-0145',
      'en-0147',
      'en-0187',
    ])
  })

  it('refuses what the read-only page does not offer', async () => {
    // Another specialist's portfolio does not exist for them (404, not 403).
    expectError(await api.call('GET', '/api/enterprises?specialistId=sp-007', { token: specialist }), 404, 'NOT_FOUND')
    // An area filter only narrows their own portfolio; it never opens the area's roster.
    expect(enterprisePageSchema.parse((await api.call('GET', '/api/enterprises?areaId=xt-hitech', { token: specialist })).body).items).toEqual([])
    expect((await api.call('GET', '/api/specialists', { token: specialist })).status).toBe(403)
    expect((await api.call('POST', '/api/enterprises/en-0145/reassign', { token: specialist, body: { specialistId: 'sp-026', reason: '专员调岗' } })).status).toBe(404)
    expect((await api.call('POST', '/api/specialists/sp-025/handover', { token: specialist, body: { toSpecialistId: 'sp-026', reason: '专员离职' } })).status).toBe(404)
  })
})
