import { readdirSync, readFileSync } from 'node:fs'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it, vi } from 'vitest'
import { routeTable } from '../../functions/lib/route-table'

/*
 * Each Lambda serves a part of the product through its route table (functions/lambdas/*.ts).
 * API Gateway sends a function only the routes sls/*.yml gives it, so a table must hold exactly
 * its function's routes: a route missing from the table would answer 404 in production, and a
 * route only in the table would be dead code that looks alive.
 */

interface FunctionDeclaration {
  handler: string
  events?: { httpApi?: { method: string; path: string } }[]
}

// The tables import their handlers, and the handlers read the configuration as they load; nothing
// here touches the table.
vi.stubEnv('TABLE_NAME', 'lambda-routes-unit')
vi.stubEnv('TOKEN_SECRET', 'lambda-routes-unit-secret-0123456789abcdef')

const declarations = readdirSync('sls')
  .filter((f) => /^functions.*\.yml$/.test(f))
  .flatMap((f) => Object.entries((parseYaml(readFileSync(`sls/${f}`, 'utf8'), { logLevel: 'silent' }) ?? {}) as Record<string, FunctionDeclaration>))

const httpFunctions = declarations.filter(([, d]) => d.events?.some((e) => e.httpApi))

const event = (routeKey: string) => ({ routeKey, rawPath: '/x', headers: {}, requestContext: { requestId: 'r', http: { method: 'GET' } } }) as unknown as APIGatewayProxyEventV2

describe('the Lambdas’ route tables', () => {
  it('reads every function of sls/*.yml', () => {
    expect(httpFunctions.length).toBeGreaterThanOrEqual(15)
    expect(httpFunctions.map(([name]) => name)).toContain('appeals')
  })

  it.each(httpFunctions.map(([name, d]) => [name, d] as const))('%s serves exactly the routes sls/*.yml gives it', async (_name, declaration) => {
    const [module, exported] = declaration.handler.split(/\.(?=\w+$)/)
    expect(module).toMatch(/^functions\/lambdas\//)
    const loaded = (await import(`../../${module}`)) as Record<string, { routeKeys?: string[] }>
    const declared = declaration.events!.filter((e) => e.httpApi).map((e) => `${e.httpApi!.method.toUpperCase()} ${e.httpApi!.path}`)
    expect([...(loaded[exported ?? 'handler']?.routeKeys ?? [])].sort()).toEqual(declared.sort())
  })

  it('every route table is deployed', () => {
    const used = new Set(httpFunctions.map(([, d]) => d.handler.replace(/\.\w+$/, '')))
    const tables = readdirSync('functions/lambdas').map((f) => `functions/lambdas/${f.replace(/\.ts$/, '')}`)
    expect(tables.filter((t) => !used.has(t))).toEqual([])
  })

  it('hands each event to the handler of its route key', async () => {
    const seen: string[] = []
    const handler = routeTable({
      'GET /api/a/{id}': async () => (seen.push('a'), { statusCode: 200, body: 'a' }),
      'POST /api/a/{id}': async () => (seen.push('post a'), { statusCode: 201, body: 'post a' }),
    })
    expect(await handler(event('POST /api/a/{id}'))).toEqual({ statusCode: 201, body: 'post a' })
    expect(seen).toEqual(['post a'])
    expect(handler.routeKeys).toEqual(['GET /api/a/{id}', 'POST /api/a/{id}'])
  })

  it('answers a route it does not serve with a 404 in the API’s error shape', async () => {
    const handler = routeTable({ 'GET /api/a': async () => ({ statusCode: 200 }) })
    const result = (await handler(event('GET /api/b'))) as { statusCode: number; body: string }
    expect(result.statusCode).toBe(404)
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'NOT_FOUND', message: '接口不存在' } })
  })
})
