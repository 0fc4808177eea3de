/**
 * `npm run bench`: figures a closing note can quote.
 *  1. Minified size of each Lambda bundle (AWS SDK excluded: the runtime provides it), and zipped.
 *  2. The release weapp build: main package and subpackages; the main package is checked against
 *     its 1 MB budget (WeChat's limit is 2 MB).
 *  3. Latency percentiles of POST /api/appeals and GET /api/appeals/{id} at 50 concurrent
 *     connections against the local stack (DynamoDB Local + serverless offline); filing, reading and
 *     an action at 1 connection. `BENCH_ONLY=latency` runs this part alone.
 *  4. Roster dry run and import; the sweep, a supervision queue and the weekly digests with
 *     thousands of open appeals.
 *  5. Monthly reports at a city's scale: 100,000 generated appeals over a year, the report
 *     recount, city and area reports, the XLSX export. `BENCH_ONLY=reports` runs this part alone.
 *  6. A 10 MB photo end to end on a stack of its own (with the local S3): the upload form, the
 *     upload straight to S3, filing the appeal with it (the check of its bytes, the copy, the
 *     write). `BENCH_ONLY=attachments` runs this part alone.
 *  7. Field work, the kit and the upgrade pipeline at a city's scale: visits, round coverage for
 *     3,000 enterprises, a year of exchange days, the return-visit sample, the ledger export of
 *     10,000 problems, search quality and speed at 5,000 entries, the upgrade board for 3,000
 *     enterprises × 24 months. `BENCH_ONLY=field` runs this part alone.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { promisify } from 'node:util'
import autocannon from 'autocannon'
import { startApiServer } from './lib/api-server'
import { startLocalWeChat } from './lib/local-wechat'
import { largeRosterXlsx } from './lib/bench-roster'
import { benchSupervision } from './lib/bench-supervision'
import { benchReports } from './lib/bench-reports'
import { ensureTable, startDynamoLocal } from './lib/dynamo-local'
import { stopAll } from './lib/processes'
import { localS3Env, startLocalS3 } from './lib/s3-local'
import { buildWeapp, MAIN_PACKAGE_BUDGET, packageSizes, WECHAT_MAIN_PACKAGE_LIMIT } from './lib/weapp'

const run = promisify(execFile)
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
const PORTS = { dynamo: 8400, api: 3400, lambda: 3402 }
const CONNECTIONS = 50
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10)

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

/** The release build as it is uploaded; the main package (what a first scan downloads) against the 1 MB budget. */
async function weappSize(): Promise<void> {
  heading('WeChat mini-program (npm run build:weapp:release)')
  const dir = await buildWeapp({ outputRoot: 'dist-bench-weapp', apiBase: 'https://api.bench.example.cn', release: true })
  const sizes = packageSizes(dir)
  const main = sizes.main
  const verdict = main <= MAIN_PACKAGE_BUDGET ? 'within' : 'OVER'
  process.stdout.write(
    `main package     ${kb(main).padStart(10)}   ${verdict} its 1 MB budget (${((main / MAIN_PACKAGE_BUDGET) * 100).toFixed(1)}%; ${((main / WECHAT_MAIN_PACKAGE_LIMIT) * 100).toFixed(1)}% of WeChat's 2 MB limit)\n`,
  )
  for (const sub of sizes.subpackages) process.stdout.write(`${sub.root.padEnd(16)} ${kb(sub.bytes).padStart(10)}\n`)
  if (main > MAIN_PACKAGE_BUDGET) throw new Error(`the weapp main package is ${kb(main)}, over its 1 MB budget`)
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
  await fieldWorkAtScale()
}

/**
 * Field work, the specialist's kit and the upgrade pipeline at a city's scale, each against the
 * same DynamoDB Local with the demo city seeded (each part writes data of its own first).
 */
async function fieldWorkAtScale(): Promise<void> {
  const now = new Date()
  const parts: [string, () => Promise<string[]>][] = [
    ['Visits (走访): recording, an enterprise’s visits', async () => (await import('./lib/bench-visits')).benchVisits(now)],
    ['Visit rounds: coverage of a city round', async () => (await import('./lib/bench-visit-rounds')).benchVisitRounds(now)],
    ['Exchange days: a year of weekly meetings', async () => (await import('./lib/bench-exchange-events')).benchExchangeEvents(now)],
    ['Return visits: the monthly sample', async () => (await import('./lib/bench-return-visits')).benchReturnVisits()],
    ['Problem ledger: the XLSX export', async () => (await import('./lib/bench-ledger')).benchLedger()],
    ['Policy pack and FAQ search: quality and speed', async () => (await import('./lib/bench-kit')).benchKit(now)],
    ['Common problems: similar open appeals', async () => (await import('./lib/bench-common-problems')).benchCommonProblems()],
    ['Upgrade pipeline (升规入统): the city board', async () => (await import('./lib/bench-upgrade')).benchUpgrade(now)],
    ['Upgrade pipeline: importing a park’s monthly figures from XLSX', async () => (await import('./lib/bench-upgrade-import')).benchUpgradeImport(now)],
  ]
  for (const [title, run] of parts) {
    heading(title)
    for (const line of await run()) process.stdout.write(`${line}\n`)
  }
}

/** `BENCH_ONLY=field`: a DynamoDB Local of its own with the demo city, then the field-work, kit and upgrade parts alone. */
async function fieldWorkOnly(): Promise<void> {
  const dynamo = await startDynamoLocal({ port: PORTS.dynamo })
  Object.assign(process.env, { TABLE_NAME: 'qinshang-direct-local', DYNAMODB_ENDPOINT: dynamo.endpoint, TOKEN_SECRET: 'local-only-secret-qinshang-direct-0123456789' })
  await ensureTable(dynamo.endpoint, 'qinshang-direct-local')
  const { seedDemoCity } = await import('./lib/seed')
  await seedDemoCity(new Date())
  await fieldWorkAtScale()
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

/** A photo of `bytes` bytes that is a PNG by its first bytes (what the server checks), the rest filler. */
function photoOf(bytes: number): Buffer {
  const head = Buffer.from('89504e470d0a1a0a0000000d4948445200000780000004380806000000', 'hex')
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, 0x5a)])
}

/** `BENCH_ONLY=attachments`: a 10 MB photo from the form to the filed appeal, on a stack of its own. */
async function attachmentUpload(): Promise<void> {
  const ports = { dynamo: PORTS.dynamo + 20, api: PORTS.api + 20, lambda: PORTS.lambda + 20, s3: 4589 }
  heading('Attachments: a 10 MB photo end to end (local stack with s3rver)')
  const dynamo = await startDynamoLocal({ port: ports.dynamo })
  const s3 = await startLocalS3({ port: ports.s3, directory: join(ROOT, '.run', `s3-bench-${ports.s3}`), fresh: true })
  const stopS3 = () => s3.close()
  Object.assign(process.env, { TABLE_NAME: 'qinshang-direct-local', DYNAMODB_ENDPOINT: dynamo.endpoint, TOKEN_SECRET: 'local-only-secret-qinshang-direct-0123456789', ...localS3Env(s3) })
  try {
    await ensureTable(dynamo.endpoint, 'qinshang-direct-local')
    const { seedDemoCity } = await import('./lib/seed')
    await seedDemoCity(new Date())
    const wechat = await startLocalWeChat(0, `http://127.0.0.1:${ports.api}`)
    const previous = stopWeChat
    stopWeChat = async () => {
      await wechat.close()
      await previous()
    }
    const api = await startApiServer({ port: ports.api, lambdaPort: ports.lambda, dynamoEndpoint: dynamo.endpoint, buildFolder: '.esbuild-bench-attachments', wechatApiBase: wechat.url, h5BaseUrl: 'http://localhost:10086' })
    const login = await fetch(`${api.url}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: 'staff:en-0001' }) })
    const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}`, 'content-type': 'application/json' }
    const photo = photoOf(10 * 1024 * 1024)

    const once = async () => {
      const t0 = Date.now()
      const formReply = await fetch(`${api.url}/api/attachments/uploads`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ target: { kind: 'new-appeal', enterpriseId: 'en-0001' }, fileName: '厂区全景.png', size: photo.length, contentType: 'image/png' }),
      })
      const { upload } = (await formReply.json()) as { upload: { id: string; url: string; fields: Record<string, string> } }
      const t1 = Date.now()
      const form = new FormData()
      for (const [name, value] of Object.entries(upload.fields)) form.append(name, value)
      form.append('file', new Blob([photo]), '厂区全景.png')
      const sent = await fetch(upload.url, { method: 'POST', body: form })
      const t2 = Date.now()
      const filed = await fetch(`${api.url}/api/appeals`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ enterpriseId: 'en-0001', categoryId: 'power', title: '基准测试：带照片的诉求', description: '基准测试：附一张 10 MB 的现场照片', attachments: [upload.id] }),
      })
      const t3 = Date.now()
      if (formReply.status !== 201 || sent.status !== 204 || filed.status !== 201) throw new Error(`attachment bench: form ${formReply.status}, upload ${sent.status}, filing ${filed.status}`)
      return { form: t1 - t0, upload: t2 - t1, attach: t3 - t2, total: t3 - t0 }
    }
    await once() // warm the functions
    const runs = [await once(), await once(), await once()]
    for (const [index, r] of runs.entries()) {
      process.stdout.write(`10 MB photo, run ${index + 1}: form ${String(r.form).padStart(4)} ms   upload to S3 ${String(r.upload).padStart(5)} ms   file with it ${String(r.attach).padStart(5)} ms   total ${String(r.total).padStart(5)} ms\n`)
    }
  } finally {
    await stopS3()
  }
}

let stopWeChat = async () => {}

async function main(): Promise<void> {
  const started = Date.now()
  if (process.env.BENCH_ONLY === 'reports') {
    await reportsOnly()
  } else if (process.env.BENCH_ONLY === 'latency') {
    await latency()
  } else if (process.env.BENCH_ONLY === 'attachments') {
    await attachmentUpload()
  } else if (process.env.BENCH_ONLY === 'field') {
    await fieldWorkOnly()
  } else {
    await bundleSizes()
    await weappSize()
    await latency()
    await attachmentUpload()
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
