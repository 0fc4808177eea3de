/**
 * `npm run bench`: figures a closing note can quote.
 *  1. Minified size of each Lambda bundle (AWS SDK excluded: the runtime provides it), and zipped.
 *  2. The weapp build: main package and subpackages, against WeChat's 2 MB main-package limit.
 *  3. Latency percentiles of POST /api/appeals and GET /api/appeals/{id} at 50 concurrent
 *     connections against the local stack (DynamoDB Local + serverless offline); filing, reading and
 *     an action at 1 connection. `BENCH_ONLY=latency` runs this part alone.
 *  4. Roster dry run and import; the sweep, a supervision queue and the weekly digests with
 *     thousands of open appeals.
 *  5. Monthly reports at a city's scale: 100,000 generated appeals over a year, the report
 *     recount, city and area reports, the XLSX export. `BENCH_ONLY=reports` runs this part alone.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve, dirname } from 'node:path'
import { promisify } from 'node:util'
import autocannon from 'autocannon'
import { startApiServer } from './lib/api-server'
import { startLocalWeChat } from './lib/local-wechat'
import { largeRosterXlsx } from './lib/bench-roster'
import { benchSupervision } from './lib/bench-supervision'
import { benchReports } from './lib/bench-reports'
import { ensureTable, startDynamoLocal } from './lib/dynamo-local'
import { stopAll } from './lib/processes'

const run = promisify(execFile)
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
const PORTS = { dynamo: 8400, api: 3400, lambda: 3402 }
const CONNECTIONS = 50
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WECHAT_MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const heading = (text: string) => process.stdout.write(`\n== ${text} ==\n`)

async function bundleSizes(): Promise<void> {
  heading('Lambda bundles (osls package --stage prod; esbuild, minified, @aws-sdk/* external)')
  const outDir = mkdtempSync(join(tmpdir(), 'qinshang-bench-package-'))
  rmSync(join(ROOT, '.esbuild-bench-package'), { recursive: true, force: true })
  await run(join(ROOT, 'node_modules', '.bin', 'osls'), ['package', '--stage', 'prod', '--package', outDir], {
    cwd: ROOT,
    env: { ...process.env, TOKEN_SECRET: process.env.TOKEN_SECRET ?? 'bench-packaging-only-secret-0123456789', ESBUILD_WORK_FOLDER: '.esbuild-bench-package' },
  })
  const rows: string[] = []
  for (const zip of readdirSync(outDir).filter((f) => f.endsWith('.zip')).sort()) {
    const { stdout } = await run('unzip', ['-l', join(outDir, zip)])
    const jsBytes = stdout
      .split('\n')
      .filter((line) => /\.js$/.test(line.trim()))
      .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]), 0)
    rows.push(`${zip.replace('.zip', '').padEnd(16)} ${kb(jsBytes).padStart(10)} minified   ${kb(statSync(join(outDir, zip)).size).padStart(10)} zipped (with source map)`)
  }
  process.stdout.write(`${rows.join('\n')}\n`)
  rmSync(outDir, { recursive: true, force: true })
}

function folderSize(dir: string, skip: (path: string) => boolean = () => false): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (skip(path)) continue
    total += entry.isDirectory() ? folderSize(path, skip) : statSync(path).size
  }
  return total
}

async function weappSize(): Promise<void> {
  heading('WeChat mini-program (taro build --type weapp)')
  const outputRoot = 'dist-bench-weapp'
  await run(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp', '--no-check'], {
    cwd: join(ROOT, 'miniapp'),
    env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: outputRoot, TARO_APP_DEV_LOGIN: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  })
  const dir = join(ROOT, 'miniapp', outputRoot)
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => join(dir, s.root.replace(/\/$/, '')))
  const main = folderSize(dir, (path) => roots.includes(path))
  process.stdout.write(`main package     ${kb(main).padStart(10)}   (${((main / WECHAT_MAIN_PACKAGE_LIMIT) * 100).toFixed(1)}% of WeChat's 2 MB limit)\n`)
  for (const root of roots) process.stdout.write(`${relative(dir, root).padEnd(16)} ${kb(folderSize(root)).padStart(10)}\n`)
}

interface Result {
  latency: { p50: number; p90: number; p99: number; max: number }
  requests: { average: number; total: number }
  non2xx: number
  errors: number
}

function report(label: string, result: Result): void {
  const l = result.latency
  process.stdout.write(
    `${label.padEnd(28)} p50 ${String(l.p50).padStart(4)} ms   p90 ${String(l.p90).padStart(4)} ms   p99 ${String(l.p99).padStart(4)} ms   max ${String(l.max).padStart(5)} ms   ${Math.round(result.requests.average)} req/s   ${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors\n`,
  )
}

async function latency(): Promise<void> {
  heading(`API latency on the local stack (DynamoDB Local + serverless offline): ${CONNECTIONS} connections for ${DURATION_SECONDS} s, then 1 connection`)
  const dynamo = await startDynamoLocal({ port: PORTS.dynamo })
  Object.assign(process.env, { TABLE_NAME: 'qinshang-direct-local', DYNAMODB_ENDPOINT: dynamo.endpoint, TOKEN_SECRET: 'local-only-secret-qinshang-direct-0123456789' })
  await ensureTable(dynamo.endpoint, 'qinshang-direct-local')
  const { seedDemoCity } = await import('./lib/seed')
  await seedDemoCity(new Date())
  const wechat = await startLocalWeChat(0)
  stopWeChat = () => wechat.close()
  const api = await startApiServer({
    port: PORTS.api,
    lambdaPort: PORTS.lambda,
    dynamoEndpoint: dynamo.endpoint,
    buildFolder: '.esbuild-bench',
    wechatApiBase: wechat.url,
    h5BaseUrl: 'http://localhost:10086',
  })

  const login = await fetch(`${api.url}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: 'staff:en-0001' }) })
  const { token } = (await login.json()) as { token: string }
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const body = JSON.stringify({ enterpriseId: 'en-0001', categoryId: 'power', title: '压测诉求', description: '基准测试：新厂房需要接入 10kV 线路' })

  // Warm every worker of the offline server before measuring.
  const warm = await fetch(`${api.url}/api/appeals`, { method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body })
  const { appeal } = (await warm.json()) as { appeal: { id: string } }
  await autocannon({ url: `${api.url}/api/appeals/${appeal.id}`, connections: CONNECTIONS, duration: 2, headers })

  const submitWith = async (connections: number, duration: number) =>
    (await autocannon({
      url: `${api.url}/api/appeals`,
      method: 'POST',
      connections,
      duration,
      headers,
      body,
      // A fresh key per request: every request files a new appeal.
      setupClient: (client: { setHeaders: (h: Record<string, string>) => void; on: (e: string, f: () => void) => void }) => {
        const next = () => client.setHeaders({ ...headers, 'idempotency-key': randomUUID() })
        next()
        client.on('response', next)
      },
    } as autocannon.Options)) as unknown as Result
  const readWith = async (connections: number, duration: number) =>
    (await autocannon({ url: `${api.url}/api/appeals/${appeal.id}`, connections, duration, headers })) as unknown as Result

  report(`POST /api/appeals  c=${CONNECTIONS}`, await submitWith(CONNECTIONS, DURATION_SECONDS))
  report(`GET /api/appeals/{id} c=${CONNECTIONS}`, await readWith(CONNECTIONS, DURATION_SECONDS))
  // One connection: the path's own latency, without queueing in the single-process emulators.
  report('POST /api/appeals  c=1', await submitWith(1, Math.ceil(DURATION_SECONDS / 2)))
  report('GET /api/appeals/{id} c=1', await readWith(1, Math.ceil(DURATION_SECONDS / 2)))
  // An action: the owner notes progress, one after another (each a new version and event).
  const ownerLogin = await fetch(`${api.url}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: 'sp-007' }) })
  const ownerHeaders = { authorization: `Bearer ${((await ownerLogin.json()) as { token: string }).token}`, 'content-type': 'application/json' }
  const note = JSON.stringify({ type: 'note', message: '基准测试：已联系供电公司现场勘察' })
  report(
    'POST /api/appeals/{id}/actions c=1',
    (await autocannon({ url: `${api.url}/api/appeals/${appeal.id}/actions`, method: 'POST', connections: 1, duration: Math.ceil(DURATION_SECONDS / 2), headers: ownerHeaders, body: note })) as unknown as Result,
  )

  // Opening a scanned card: public, one Get of the card, the enterprise and the specialist.
  const { getEnterprise } = await import('../functions/store/enterprise.store')
  const cardId = (await getEnterprise('en-0001'))?.cardId
  report(`GET /api/cards/{id} c=${CONNECTIONS}`, (await autocannon({ url: `${api.url}/api/cards/${cardId}`, connections: CONNECTIONS, duration: DURATION_SECONDS })) as unknown as Result)
  if (process.env.BENCH_ONLY === 'latency') return

  await rosterImport(api.url)

  heading('Supervision at scale (in process, same DynamoDB Local)')
  await benchSupervision((line) => process.stdout.write(line))

  await reportsAtScale()
}

function reportsAtScale(): Promise<void> {
  heading('Monthly reports at scale (in process, same DynamoDB Local)')
  return benchReports((line) => process.stdout.write(line))
}

/** `BENCH_ONLY=reports`: a DynamoDB Local of its own with the demo city, then the reports part alone. */
async function reportsOnly(): Promise<void> {
  const dynamo = await startDynamoLocal({ port: PORTS.dynamo })
  Object.assign(process.env, { TABLE_NAME: 'qinshang-direct-local', DYNAMODB_ENDPOINT: dynamo.endpoint, TOKEN_SECRET: 'local-only-secret-qinshang-direct-0123456789' })
  await ensureTable(dynamo.endpoint, 'qinshang-direct-local')
  const { seedDemoCity } = await import('./lib/seed')
  await seedDemoCity(new Date())
  await reportsAtScale()
}

/** Time to dry-run a city-sized roster, and to import one, through the API. */
async function rosterImport(apiUrl: string): Promise<void> {
  const login = await fetch(`${apiUrl}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: 'ad-city' }) })
  const { token } = (await login.json()) as { token: string }
  const send = async (rows: number, dryRun: boolean) => {
    const content = await largeRosterXlsx(rows)
    const started = Date.now()
    const response = await fetch(`${apiUrl}/api/roster/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'bench.xlsx', contentBase64: content.toString('base64'), dryRun }),
    })
    const result = (await response.json()) as { summary?: Record<string, number>; applied?: boolean }
    const ms = Date.now() - started
    process.stdout.write(
      `roster ${dryRun ? 'dry run' : 'import '} ${String(rows).padStart(5)} rows (${kb(content.length)} XLSX)   ${String(ms).padStart(6)} ms   status ${response.status}, ${JSON.stringify(result.summary ?? result)}\n`,
    )
  }
  await send(3000, true)
  await send(1000, false)
}

let stopWeChat = async () => {}

async function main(): Promise<void> {
  const started = Date.now()
  if (process.env.BENCH_ONLY === 'reports') {
    await reportsOnly()
  } else if (process.env.BENCH_ONLY === 'latency') {
    await latency()
  } else {
    await bundleSizes()
    await weappSize()
    await latency()
  }
  process.stdout.write(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exitCode = 1
  })
  .finally(async () => {
    await stopWeChat()
    await stopAll()
  })
