// First, as in the mini-program and the Lambda bundles: no schema may exist before this.
import '@shared/schemas/zod-setup'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import * as z from 'zod'

/*
 * WeChat's JavaScript engine forbids `new Function` and `eval`. zod 4 parses objects through code
 * it generates with `new Function` unless `jitless` was set when the schema was built. These tests
 * put a `Function` in place that records and refuses every use, as WeChat does, and parse the
 * shared schemas under it.
 */

const ROOT = resolve(__dirname, '..', '..')
const RealFunction = globalThis.Function

/** Runs `act` with a global `Function` that refuses (and counts) every call and construction. */
function underForbiddenFunction<T>(act: () => T): { result: T; uses: number } {
  let uses = 0
  const refuse = () => {
    uses += 1
    throw new EvalError('Function is not allowed here')
  }
  globalThis.Function = new Proxy(RealFunction, { construct: refuse, apply: refuse })
  try {
    return { result: act(), uses }
  } finally {
    globalThis.Function = RealFunction
  }
}

type AnySchema = z.core.$ZodType

/** A value shaped like what the schema reads (valid or not, it walks the same object paths). */
function sampleOf(schema: AnySchema, depth = 0): unknown {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>
  if (depth > 6) return {}
  switch (def.type) {
    case 'object': {
      const shape = (def as unknown as { shape: Record<string, AnySchema> }).shape
      return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, sampleOf(field, depth + 1)]))
    }
    case 'array':
      return [sampleOf(def.element as AnySchema, depth + 1)]
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return sampleOf(def.innerType as AnySchema, depth + 1)
    case 'pipe':
      return sampleOf(def.in as AnySchema, depth + 1)
    case 'union':
      return sampleOf((def.options as [AnySchema])[0], depth + 1)
    case 'intersection':
      return { ...(sampleOf(def.left as AnySchema, depth + 1) as object), ...(sampleOf(def.right as AnySchema, depth + 1) as object) }
    case 'record':
      return { key: sampleOf(def.valueType as AnySchema, depth + 1) }
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0]
    case 'literal':
      return (def.values as unknown[])[0]
    case 'number':
    case 'int':
      return 1
    case 'boolean':
      return true
    case 'lazy':
      return {}
    default:
      return 'x'
  }
}

const isSchema = (value: unknown): value is z.ZodType => value instanceof z.ZodType

async function sharedSchemas(): Promise<[string, z.ZodType][]> {
  const dir = join(ROOT, 'shared', 'schemas')
  const found: [string, z.ZodType][] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.ts')).sort()) {
    const module = (await import(join(dir, file))) as Record<string, unknown>
    for (const [name, value] of Object.entries(module)) if (isSchema(value)) found.push([`${file}:${name}`, value])
  }
  return found
}

describe('zod without generated code (WeChat forbids Function)', () => {
  it('builds and parses every shared schema without touching Function', async () => {
    const { result: schemas, uses: usesWhileBuilding } = await (async () => {
      // Imported while Function refuses: building a schema must not probe it either.
      let uses = 0
      const refuse = () => {
        uses += 1
        throw new EvalError('Function is not allowed here')
      }
      globalThis.Function = new Proxy(RealFunction, { construct: refuse, apply: refuse })
      try {
        return { result: await sharedSchemas(), uses }
      } finally {
        globalThis.Function = RealFunction
      }
    })()
    expect(usesWhileBuilding).toBe(0)
    expect(schemas.length).toBeGreaterThan(40)

    const { result: parsed, uses } = underForbiddenFunction(() =>
      schemas.map(([name, schema]) => {
        const sample = sampleOf(schema)
        // Twice: zod generates its fast path on an object's second and later parses too.
        schema.safeParse(sample)
        return [name, schema.safeParse(sample).success] as const
      }),
    )
    expect(uses).toBe(0)
    expect(parsed.filter(([, ok]) => ok).length).toBeGreaterThan(0)
  }, 30_000)

  it('parses a real appeal request to its value under the ban', async () => {
    const { submitAppealRequestSchema } = await import('@shared/schemas/appeal.schema')
    const { result, uses } = underForbiddenFunction(() =>
      submitAppealRequestSchema.safeParse({ enterpriseId: 'en-0001', categoryId: 'power', title: '新线路接电', description: '新厂房需要接入 10kV 线路' }),
    )
    expect(uses).toBe(0)
    expect(result.success).toBe(true)
  })

  it('the mini-program imports the setting before anything else', () => {
    const app = readFileSync(join(ROOT, 'miniapp', 'src', 'app.tsx'), 'utf8')
    const firstImport = app.split('\n').find((line) => line.startsWith('import '))
    expect(firstImport).toBe("import '@shared/schemas/zod-setup'")
  })

  // Last: it turns jitless off for a schema of its own, and zod caches its probe of Function.
  it('without it, a schema built where Function worked throws where it is refused (the check can fail)', () => {
    z.config({ jitless: false })
    try {
      const jitSchema = z.object({ a: z.string(), b: z.number() })
      // zod's probe ran (and passed) when the schema was built; the generated parser then fails.
      expect(() => underForbiddenFunction(() => jitSchema.safeParse({ a: 'x', b: 1 }))).toThrow(EvalError)
    } finally {
      z.config({ jitless: true })
    }
  })
})

describe('zod without generated code in the Lambda bundles', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'qinshang-jitless-'))
  afterAll(() => rmSync(outDir, { recursive: true, force: true }))

  const esbuildOptions = (): { inject: string[] } => {
    const yml = parseYaml(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), { logLevel: 'silent' }) as { custom: { esbuild: { inject?: string[] } } }
    return { inject: yml.custom.esbuild.inject ?? [] }
  }

  /** Bundles the WeChat login handler as serverless.yml does, then runs it with Function refused. */
  async function functionUsesOfHandler(inject: string[]): Promise<{ status: number; uses: number }> {
    const outfile = join(outDir, `wechat-login-${inject.length}.js`)
    await build({
      entryPoints: [join(ROOT, 'functions', 'auth', 'wechat-login.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile,
      external: ['@aws-sdk/*'],
      inject: inject.map((file) => join(ROOT, file)),
      tsconfig: join(ROOT, 'tsconfig.json'),
      logLevel: 'silent',
    })
    const probe = `
      let uses = 0
      const Real = Function
      globalThis.Function = new Proxy(Real, { construct() { uses++; throw new EvalError('refused') }, apply() { uses++; throw new EvalError('refused') } })
      const { handler } = require(${JSON.stringify(outfile)})
      const event = (body) => ({ version: '2.0', routeKey: 'POST /api/auth/wechat', rawPath: '/api/auth/wechat', headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body), isBase64Encoded: false, requestContext: { http: { method: 'POST', path: '/api/auth/wechat' }, requestId: 'r', timeEpoch: 0 } })
      ;(async () => {
        await handler(event({ code: 7, extra: true }))
        const result = await handler(event({ code: 7, extra: true }))
        process.stdout.write(JSON.stringify({ status: result.statusCode, uses }))
      })()
    `
    const child = spawnSync(process.execPath, ['-e', probe], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), TABLE_NAME: 'qinshang-direct-jitless', TOKEN_SECRET: 'local-only-secret-qinshang-direct-0123456789', AWS_REGION: 'cn-northwest-1' },
      encoding: 'utf8',
    })
    if (child.status !== 0) throw new Error(child.stderr)
    return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { status: number; uses: number }
  }

  it('serverless.yml injects the setting into every bundle', () => {
    expect(esbuildOptions().inject).toEqual(['shared/schemas/zod-setup.ts'])
  })

  it('a bundled handler answers bad input with a 400 and never touches Function', async () => {
    expect(await functionUsesOfHandler(esbuildOptions().inject)).toEqual({ status: 400, uses: 0 })
  }, 60_000)

  it('the same handler bundled without it would (the check can fail)', async () => {
    const { uses } = await functionUsesOfHandler([])
    expect(uses).toBeGreaterThan(0)
  }, 60_000)
})
