import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '../../functions/meta/openapi-document'

/*
 * Every HTTP route the deployment declares (sls/functions*.yml, every stage's and every
 * feature's file) is described in the OpenAPI document, with its method — and the document
 * describes no route that does not exist. The local stage's pages for people (/dev/…) are not API.
 */

function routesOf(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n')
  const routes: string[] = []
  lines.forEach((line, i) => {
    const method = /^\s+method:\s*(\w+)\s*$/.exec(line)?.[1]
    const path = /^\s+path:\s*(\S+)\s*$/.exec(lines[i + 1] ?? '')?.[1]
    if (method && path) routes.push(`${method.toUpperCase()} ${path}`)
  })
  return routes
}

const declared = readdirSync('sls')
  .filter((f) => /^functions.*\.yml$/.test(f) && f !== 'functions-none.yml')
  .flatMap((f) => routesOf(`sls/${f}`))
  .filter((route) => !route.includes(' /dev/'))

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument({ devLogin: true }) as unknown as { paths: Record<string, Record<string, unknown>> }
  const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))

  it('reads the routes of every sls/functions*.yml', () => {
    expect(declared.length).toBeGreaterThan(40)
    expect(declared).toContain('POST /api/appeals')
  })

  it('describes every declared route', () => {
    expect(declared.filter((route) => !documented.includes(route))).toEqual([])
  })

  it('describes no route that is not declared', () => {
    expect(documented.filter((route) => !declared.includes(route))).toEqual([])
  })
})
