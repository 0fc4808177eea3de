import { readdirSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { reportScopesSchema } from '@shared/schemas/report.schema'
import { apiClient, type ApiReply } from '../support/api-client'
import { expectError } from '../support/expect-error'

/*
 * Hostile input in the URL: every route with a path parameter, read from sls/functions.yml so that
 * a new route is covered without touching this file, and every query parameter of the documented
 * GET routes. An oversize, odd-alphabet or control-character value is a 400 or 404 with the error
 * body — never a 500 from DynamoDB refusing a key.
 */

const api = apiClient(inject('apiUrl'))

interface Route {
  method: string
  path: string
}

/** The HTTP routes of a functions file: each `method:` line followed by its `path:` line. */
function routesOf(file: string): Route[] {
  const lines = readFileSync(file, 'utf8').split('\n')
  const routes: Route[] = []
  lines.forEach((line, i) => {
    const method = /^\s+method:\s*(\w+)\s*$/.exec(line)?.[1]
    const path = /^\s+path:\s*(\S+)\s*$/.exec(lines[i + 1] ?? '')?.[1]
    if (method && path) routes.push({ method: method.toUpperCase(), path })
  })
  // Every httpApi event must have been read; a layout this reader misses fails here, not silently.
  expect(routes).toHaveLength(lines.filter((l) => /^\s+- httpApi:\s*$/.test(l)).length)
  return routes
}

// Every stage's file and each feature's own (sls/functions-<feature>.yml); not the empty `none` stage.
const routeFiles = readdirSync('sls')
  .filter((f) => /^functions.*\.yml$/.test(f) && f !== 'functions-none.yml')
  .map((f) => `sls/${f}`)
const routes = routeFiles.flatMap(routesOf)
const withParams = routes.filter((r) => r.path.includes('{'))

/**
 * A body each POST route with a path parameter would accept, so that only the path is wrong: a
 * handler must not be let off by a body it refuses first. A new such route needs an entry here.
 */
const VALID_BODIES: Record<string, unknown> = {
  'POST /api/appeals/{id}/actions': { type: 'accept' },
  'POST /api/cards/{id}/bind': { name: '张三', phone: '13800000000' },
  'POST /api/enterprises/{id}/reassign': { specialistId: 'sp-001', reason: '工作调整' },
  'POST /api/enterprises/{id}/staff/{userId}': { decision: 'approve' },
  'POST /api/specialists/{id}/handover': { toSpecialistId: 'sp-001', reason: '工作调整' },
  'POST /api/users/{id}/invitation': undefined,
  'POST /api/cards/{id}/check-in': undefined,
  'POST /api/policies/{id}/actions': { type: 'publish', expectedVersion: 1 },
  'POST /api/policies/{id}/deliveries': { enterpriseIds: ['en-0001'] },
  'POST /api/faq/{id}/actions': { type: 'publish', expectedVersion: 1 },
  'POST /api/catalog/categories/{id}/routing': { departments: ['power'], taskForce: false, firstResponseDays: 1, resolveDays: 5 },
  'POST /api/upgrade/enterprises/{id}/figures': { month: '2026-01', revenueYtd: 100, employees: 10 },
  'POST /api/upgrade/enterprises/{id}/actions': { type: 'set-sector', sector: 'wholesale' },
  'POST /api/return-visits/{id}/attempts': { reached: false },
  'POST /api/common-problems/{id}/actions': { type: 'note', message: '已派人现场查看' },
}

const HOSTILE: Record<string, string> = {
  '2042 × A': 'A'.repeat(2042),
  '600 emoji': '😀'.repeat(600),
  'a NUL': '\u0000',
  'control characters': 'ap-\u0001\u001f\u007f',
  '../': '../',
  '../../etc/passwd': '../../etc/passwd',
  'a space and quotes': ` '"<>`,
}

const fill = (path: string, value: string) => path.replace(/\{\w+\}/g, encodeURIComponent(value))

/** A refusal, as the API words every refusal; never a 5xx. */
function expectRefusal(reply: ApiReply, what: string) {
  expect([400, 404], `${what} → ${reply.status} ${JSON.stringify(reply.body)}`).toContain(reply.status)
  const body = errorBodySchema.parse(reply.body)
  expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/)
}

let admin: string
let month: string

beforeAll(async () => {
  admin = await api.login('ad-city')
  month = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: admin })).body).currentMonth
})

describe('path parameters', () => {
  it('finds the routes with path parameters in sls/functions.yml', () => {
    expect(withParams.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /api/appeals/{id}', 'POST /api/appeals/{id}/actions', 'GET /api/appeals/{id}/transfer-candidates', 'GET /api/reports/exports/{id}']),
    )
    for (const route of withParams.filter((r) => r.method !== 'GET')) expect(VALID_BODIES, `a valid body for ${route.method} ${route.path}`).toHaveProperty([`${route.method} ${route.path}`])
  })

  for (const [name, value] of Object.entries(HOSTILE)) {
    it(`answers ${name} in every path parameter with 400 or 404`, async () => {
      for (const route of withParams) {
        const body = VALID_BODIES[`${route.method} ${route.path}`]
        const reply = await api.call(route.method, fill(route.path, value), { token: admin, ...(body === undefined ? {} : { body }) })
        expectRefusal(reply, `${route.method} ${route.path} with ${name}`)
      }
    })
  }

  it('still answers 404 for an unknown appeal or export whose id is well formed', async () => {
    const appeal = 'ap-01kzzzzzzzzzzzzzzzzzzzzzzz'
    expectError(await api.call('GET', `/api/appeals/${appeal}`, { token: admin }), 404, 'NOT_FOUND')
    expectError(await api.call('POST', `/api/appeals/${appeal}/actions`, { token: admin, body: { type: 'accept' } }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', `/api/appeals/${appeal}/transfer-candidates`, { token: admin }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', '/api/reports/exports/ex-01kzzzzzzzzzzzzzzzzzzzzzzz', { token: admin }), 404, 'NOT_FOUND')
  })

  it('names the path parameter of a malformed appeal or export id', async () => {
    const long = 'A'.repeat(2042)
    for (const path of [`/api/appeals/${long}`, `/api/appeals/${long}/transfer-candidates`, `/api/reports/exports/${long}`, '/api/appeals/ap-nope']) {
      const error = expectError(await api.call('GET', path, { token: admin }), 400, 'VALIDATION_FAILED')
      expect(Object.keys(error.fields ?? {})).toEqual(['id'])
    }
    const error = expectError(await api.call('POST', `/api/appeals/${long}/actions`, { token: admin, body: { type: 'accept' } }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(error.fields ?? {})).toEqual(['id'])
  })
})

describe('query parameters of the GET routes', () => {
  /** Values for a route's required parameters, so that only the one under test is wrong. */
  const sample = (name: string): string | undefined =>
    // WeChat's push check (GET /api/wechat/events) names four; a wrong signature is a 401, never a 500.
    ({ scope: 'city', month, figure: 'received', signature: 'f'.repeat(40), timestamp: '1764900000', nonce: 'nonce', echostr: 'echo' })[name]

  it('answers absurd values of every documented query parameter with a 4xx, never a 500', async () => {
    const document = (await api.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>>
    }
    let checked = 0
    for (const [path, operations] of Object.entries(document.paths)) {
      const get = operations.get
      const query = (get?.parameters ?? []).filter((p) => p.in === 'query')
      if (path.includes('{') || query.length === 0) continue
      for (const parameter of query) {
        const others = query.filter((p) => p.required && p.name !== parameter.name)
        for (const other of others) expect(sample(other.name), `a sample value for ${other.name}`).toBeDefined()
        for (const [name, value] of Object.entries(HOSTILE)) {
          const params = new URLSearchParams([...others.map((o) => [o.name, sample(o.name)!] as [string, string]), [parameter.name, value]])
          const reply = await api.call('GET', `${path}?${params}`, { token: admin })
          expect(reply.status, `GET ${path}?${parameter.name}=${name} → ${reply.status} ${JSON.stringify(reply.body)}`).toBeLessThan(500)
          // WeChat's push check answers a signature that no longer holds with 401, as it should.
          if (reply.status === 401 && path === '/api/wechat/events') expect(errorBodySchema.parse(reply.body).error.code).toBe('UNAUTHENTICATED')
          else if (reply.status >= 400) expectRefusal(reply, `GET ${path}?${parameter.name}=${name}`)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('refuses a status filter repeated past any sense', async () => {
    const status = Array(500).fill('assigned,in_progress').join(',')
    expectError(await api.call('GET', `/api/appeals?status=${status}`, { token: admin }), 400, 'VALIDATION_FAILED')
  })
})
