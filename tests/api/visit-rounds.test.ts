import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { addMonths, monthEnd } from '@shared/domain/report-month'
import { shanghaiDate } from '@shared/domain/calendar'
import { reportScopesSchema } from '@shared/schemas/report.schema'
import { pendingVisitsSchema, visitRoundCoverageSchema, visitRoundListSchema, visitRoundSchema, type VisitRound } from '@shared/schemas/visit-round.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

/*
 * Visit rounds over HTTP: opening one, the list, coverage as each person of the permission table
 * (tests/support/permission-table.ts, rows visit-round.*) and of the round's own area, bad input.
 * The round runs from the first day of last month to the last of next month on the server's
 * clock, so that it is open whatever day the suite runs. The round names enterprises of 韶山高新区
 * that no other test visits: en-0209 and en-0238 (sp-039), en-0214 (sp-036).
 */
const api = apiClient(inject('apiUrl'))

const tokens: Record<string, string> = {}
const PEOPLE = ['ad-city', 'ad-shaoshan', 'ad-xt-hitech', 'ad-yuhu', 'sp-039', 'sp-036', 'sp-007', 'dh-001', 'th-001', 'staff:en-0209', 'staff:en-0001']
const LISTED = ['en-0209', 'en-0238', 'en-0214']

let round: VisitRound
let from: string
let to: string

const coverageOf = (as: string, query = '') => api.call('GET', `/api/visit-rounds/${round.id}/coverage${query}`, { token: tokens[as] })

beforeAll(async () => {
  for (const as of PEOPLE) tokens[as] = await api.login(as)
  const { currentMonth } = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: tokens['ad-city'] })).body)
  from = `${addMonths(currentMonth, -1)}-01`
  to = shanghaiDate(new Date(monthEnd(addMonths(currentMonth, 1)).getTime() - 1))

  const opened = await api.call('POST', '/api/visit-rounds', {
    token: tokens['ad-shaoshan'],
    body: { name: '韶山重点企业走访', areaId: 'shaoshan', from, to, selection: { kind: 'list', enterpriseIds: LISTED }, target: 1 },
  })
  expect(opened.status, JSON.stringify(opened.body)).toBe(201)
  round = visitRoundSchema.parse(opened.body.round)

  // sp-039 visits en-0209 (an hour before the server's now) and files one problem from the visit.
  const at = (await coverageOf('ad-shaoshan')).body.at as string
  const visited = await api.call('POST', '/api/visits', {
    token: tokens['sp-039'],
    headers: { 'Idempotency-Key': `round-${randomUUID()}` },
    body: { enterpriseId: 'en-0209', visitedAt: new Date(Date.parse(at) - 3_600_000).toISOString(), kind: 'onsite', met: '王厂长', topics: ['production', 'hiring'], record: '了解用工与生产情况，企业反映夜班通勤难' },
  })
  expect(visited.status, JSON.stringify(visited.body)).toBe(201)
  const visitId = String(visited.body.visit.id)
  const filed = await api.call('POST', '/api/appeals', {
    token: tokens['sp-039'],
    headers: { 'Idempotency-Key': `round-${randomUUID()}` },
    body: { enterpriseId: 'en-0209', categoryId: 'logistics', title: '夜班职工通勤难', description: '走访中企业反映夜班职工缺少公交线路', onBehalf: { channel: 'visit', visitId } },
  })
  expect(filed.status, JSON.stringify(filed.body)).toBe(201)
})

describe('POST /api/visit-rounds', () => {
  it('opens a round for the admin’s area and answers it whole', () => {
    expect(round).toMatchObject({ id: expect.stringMatching(/^vr-/), name: '韶山重点企业走访', areaId: 'shaoshan', areaName: '韶山高新区', from, to, target: 1, createdBy: { id: 'ad-shaoshan' } })
  })

  it.each([
    ['a missing name', { name: '' }, 'name'],
    ['an end before the start', { from: '2026-03-01', to: '2026-02-01' }, 'to'],
    ['a date that does not exist', { from: '2026-02-30' }, 'from'],
    ['a target of none', { target: 0 }, 'target'],
    ['an unknown selection', { selection: { kind: 'some' } }, 'selection.kind'],
    ['an empty list', { selection: { kind: 'list', enterpriseIds: [] } }, 'selection.enterpriseIds'],
    ['a malformed enterprise id', { selection: { kind: 'list', enterpriseIds: ['EN 1'] } }, 'selection.enterpriseIds.0'],
    ['an enterprise of another area', { selection: { kind: 'list', enterpriseIds: ['en-0001'] } }, 'selection.enterpriseIds'],
    ['an unknown field', { status: 'closed' }, 'status'],
  ])('refuses %s with a field message', async (_name, change, field) => {
    const reply = await api.call('POST', '/api/visit-rounds', {
      token: tokens['ad-shaoshan'],
      body: { name: '测试轮次', areaId: 'shaoshan', from: '2026-01-05', to: '2026-03-31', selection: { kind: 'all' }, target: 1, ...change },
    })
    const error = expectError(reply, 400, 'VALIDATION_FAILED')
    expect(error.fields?.[field], JSON.stringify(error)).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('refuses a body that is not JSON', async () => {
    const reply = await api.call('POST', '/api/visit-rounds', { token: tokens['ad-shaoshan'], raw: '{"name":' })
    expectError(reply, 400, 'INVALID_JSON')
  })

  it('refuses an unknown area, the city to an area admin, and anyone but admins', async () => {
    const body = (areaId: string | null) => ({ name: '测试轮次', areaId, from: '2026-01-05', to: '2026-03-31', selection: { kind: 'all' }, target: 1 })
    expect(expectError(await api.call('POST', '/api/visit-rounds', { token: tokens['ad-city'], body: body('atlantis') }), 400, 'VALIDATION_FAILED').fields).toEqual({ areaId: '属地不存在' })
    expectError(await api.call('POST', '/api/visit-rounds', { token: tokens['ad-shaoshan'], body: body(null) }), 403, 'FORBIDDEN')
    expectError(await api.call('POST', '/api/visit-rounds', { token: tokens['ad-yuhu'], body: body('shaoshan') }), 403, 'FORBIDDEN')
    for (const as of ['sp-039', 'dh-001', 'staff:en-0209']) expectError(await api.call('POST', '/api/visit-rounds', { token: tokens[as], body: body('shaoshan') }), 403, 'FORBIDDEN')
    expectError(await api.call('POST', '/api/visit-rounds', { body: body('shaoshan') }), 401, 'UNAUTHENTICATED')
  })
})

describe('GET /api/visit-rounds', () => {
  it('lists the round, open, for its area’s admin and specialists and the city, not for other areas', async () => {
    for (const as of ['ad-city', 'ad-shaoshan', 'sp-039']) {
      const reply = await api.call('GET', '/api/visit-rounds', { token: tokens[as] })
      expect(reply.status).toBe(200)
      expect(visitRoundListSchema.parse(reply.body).items.find((r) => r.id === round.id)?.phase, as).toBe('open')
    }
    const other = visitRoundListSchema.parse((await api.call('GET', '/api/visit-rounds', { token: tokens['ad-yuhu'] })).body)
    expect(other.items.some((r) => r.id === round.id)).toBe(false)
    for (const as of ['staff:en-0209', 'dh-001']) expectError(await api.call('GET', '/api/visit-rounds', { token: tokens[as] }), 403, 'FORBIDDEN')
  })
})

describe('GET /api/visit-rounds/{id}/coverage', () => {
  it('gives the area admin and the city every row: 3 due, 1 visited, 1 problem found', async () => {
    for (const as of ['ad-shaoshan', 'ad-city']) {
      const reply = await coverageOf(as)
      expect(reply.status, as).toBe(200)
      const coverage = visitRoundCoverageSchema.parse(reply.body)
      expect(coverage.totals).toEqual({ due: 3, visited: 1, notVisited: 2, visits: 1, problemsFound: 1, problemsClosed: 0 })
      expect(coverage.byArea).toEqual([expect.objectContaining({ id: 'shaoshan', due: 3, visited: 1 })])
      // Lowest share first: sp-036 (0 of 1) before sp-039 (1 of 2).
      expect(coverage.bySpecialist.map((r) => [r.id, r.visited, r.due])).toEqual([
        ['sp-036', 0, 1],
        ['sp-039', 1, 2],
      ])
    }
  })

  it('narrows to one specialist with the enterprises they have not visited yet', async () => {
    const coverage = visitRoundCoverageSchema.parse((await coverageOf('ad-city', '?specialistId=sp-039')).body)
    expect(coverage.bySpecialist.map((r) => r.id)).toEqual(['sp-039'])
    expect(coverage.pending.map((p) => p.enterpriseId)).toEqual(['en-0238'])
  })

  it('gives each specialist their own row alone', async () => {
    const own = visitRoundCoverageSchema.parse((await coverageOf('sp-036')).body)
    expect(own.byArea).toEqual([])
    expect(own.bySpecialist.map((r) => r.id)).toEqual(['sp-036'])
    expect(own.pending.map((p) => p.enterpriseId)).toEqual(['en-0214'])
    expectError(await coverageOf('sp-036', '?specialistId=sp-039'), 403, 'FORBIDDEN')
  })

  it('is not there for other areas’ admins and specialists, handlers or enterprise staff', async () => {
    for (const as of ['ad-yuhu', 'ad-xt-hitech', 'sp-007', 'dh-001', 'th-001', 'staff:en-0209', 'staff:en-0001']) expectError(await coverageOf(as), 404, 'NOT_FOUND')
  })

  it('refuses a malformed id or query, and answers 404 for an unknown round', async () => {
    expect(expectError(await api.call('GET', '/api/visit-rounds/round-1/coverage', { token: tokens['ad-city'] }), 400, 'VALIDATION_FAILED').fields).toHaveProperty('id')
    expect(expectError(await coverageOf('ad-city', '?areaId=../x'), 400, 'VALIDATION_FAILED').fields).toHaveProperty('areaId')
    expect(expectError(await coverageOf('ad-city', '?sort=asc'), 400, 'VALIDATION_FAILED').fields).toHaveProperty('sort')
    expectError(await api.call('GET', '/api/visit-rounds/vr-01jf0000000000000000000000/coverage', { token: tokens['ad-city'] }), 404, 'NOT_FOUND')
  })
})

describe('GET /api/visit-rounds/pending', () => {
  it('gives a specialist their enterprises not yet visited in the running rounds, nearest end first', async () => {
    const reply = await api.call('GET', '/api/visit-rounds/pending', { token: tokens['sp-039'] })
    expect(reply.status).toBe(200)
    const { items } = pendingVisitsSchema.parse(reply.body)
    expect(items.filter((p) => p.roundId === round.id).map((p) => p.enterpriseId)).toEqual(['en-0238'])
    expect(items.map((p) => p.roundEnds)).toEqual(items.map((p) => p.roundEnds).sort())
    expect(items.every((p) => p.specialistId === 'sp-039')).toBe(true)
  })

  it('is a specialist’s list alone', async () => {
    for (const as of ['ad-shaoshan', 'ad-city', 'dh-001', 'staff:en-0209']) expectError(await api.call('GET', '/api/visit-rounds/pending', { token: tokens[as] }), 403, 'FORBIDDEN')
  })
})
