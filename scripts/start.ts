/**
 * `npm start`: the whole product on this machine, on embedded defaults.
 *   DynamoDB Local → table → demo city → S3 (s3rver) → API (serverless offline) → h5 build → static server.
 * Ctrl-C stops everything it started, at any stage. `npm start -- --persist` keeps data (and
 * exported files) under .data/; `--no-build` serves the h5 build the last start made instead of
 * building again; `--clean` first stops what an earlier start that did not stop left running.
 */
import { existsSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { startApiServer } from './lib/api-server'
import { startDynamoLocal, ensureTable } from './lib/dynamo-local'
import { buildH5, serveStatic } from './lib/h5'
import { startLocalSchedule } from './lib/local-schedule'
import { localWeChatEnv, startLocalWeChat } from './lib/local-wechat'
import { startLocalOutbox } from './lib/local-outbox'
import { startLocalExports } from './lib/local-exports'
import { localS3Env, startLocalS3 } from './lib/s3-local'
import { assertNotStopping, isStopping, onStop, stopEverything, stopOnSignals, watchChildren, type StartedChild } from './lib/processes'
import { clearLeftovers, leftoversOf, readRunState, removeRunState, writeRunState } from './lib/run-state'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
/**
 * START_PORT_OFFSET moves every port, and the folders this start writes (data, h5 build, API
 * build), so that a second stack can run beside the usual one — the start-up tests use it.
 */
const OFFSET = Number(process.env.START_PORT_OFFSET ?? 0)
const PORTS = { dynamo: 8000 + OFFSET, api: 3000 + OFFSET, lambda: 3002 + OFFSET, wechat: 3005 + OFFSET, s3: 4569 + OFFSET, h5: 10086 + OFFSET }
const DATA_DIR = OFFSET ? join(ROOT, '.data', `port-offset-${OFFSET}`) : join(ROOT, '.data')
const H5_OUTPUT = OFFSET ? `dist-port-offset-${OFFSET}` : 'dist'
const API_BUILD = OFFSET ? `.esbuild-local-port-offset-${OFFSET}` : undefined
const TABLE_NAME = 'qinshang-direct-local'
const persist = process.argv.includes('--persist')
const noBuild = process.argv.includes('--no-build')
const clean = process.argv.includes('--clean')
/** What this start runs, for the next start to find should this one die without stopping it. */
const RUN_STATE = join(ROOT, '.run', `npm-start-${PORTS.dynamo}.json`)
/** How to run npm start on these ports, in what it prints. */
const NPM_START = `${OFFSET ? `START_PORT_OFFSET=${OFFSET} ` : ''}npm start`

const step = (message: string) => process.stdout.write(`\x1b[36m▸\x1b[0m ${message}\n`)

let ownsRunState = false
// From here on Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) stop whatever has been
// started so far — at any stage of the start-up, not only once everything runs.
stopOnSignals({
  log: (message) => process.stdout.write(`\n${message}\n`),
  finally: () => {
    if (ownsRunState) removeRunState(RUN_STATE)
  },
})

const CHILD_LABEL: Record<string, string> = { dynamodb: 'DynamoDB Local', api: 'API (serverless offline)', 'h5 build': 'h5 build (taro)' }
/** "  DynamoDB Local   pid 5678   port 8000" */
function describeChild(child: StartedChild, ports: Record<string, number>): string {
  const held = child.name === 'dynamodb' ? [ports.dynamo] : child.name === 'api' ? [ports.api, ports.lambda] : []
  return `  ${(CHILD_LABEL[child.name] ?? child.name).padEnd(26)} pid ${String(child.pid).padEnd(8)}${held.length ? ` port ${held.join(', ')}` : ''}`
}

/**
 * A start that died without stopping its children (kill -9, a crash) left them running, holding
 * the ports; its run-state file says which they were. Says so, with the command that clears
 * them — or, with --clean, clears them.
 */
async function checkEarlierStart(): Promise<void> {
  const earlier = readRunState(RUN_STATE)
  if (!earlier) return
  const { running, children } = leftoversOf(earlier)
  const since = new Date(earlier.startedAt).toLocaleString('zh-CN', { hour12: false })
  if (running) {
    throw new Error(`npm start is already running on these ports (pid ${running.pid}, since ${since}). Stop it first: Ctrl-C in its terminal, or  kill -INT ${running.pid}`)
  }
  if (children.length > 0 && !clean) {
    throw new Error(
      [
        `an earlier npm start (pid ${earlier.pid}, started ${since}) ended without stopping what it started; still running:`,
        ...children.map((child) => describeChild(child, earlier.ports)),
        'Stop them and start again with:',
        `  ${NPM_START} -- --clean`,
        'or stop them yourself:',
        `  kill -TERM -- ${children.map((c) => `-${c.pid}`).join(' ')}`,
      ].join('\n'),
    )
  }
  if (children.length > 0) {
    step(`Stopping what an earlier npm start (pid ${earlier.pid}) left running (--clean):\n${children.map((child) => describeChild(child, earlier.ports)).join('\n')}`)
    await clearLeftovers(children)
  }
  removeRunState(RUN_STATE)
}

/** The h5 build of an earlier start, for --no-build. */
function previousH5Build(): string {
  const dir = join(ROOT, 'miniapp', H5_OUTPUT)
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`--no-build: there is no h5 build in miniapp/${H5_OUTPUT} yet; run ${NPM_START} once without it`)
  step(`h5 mini-program: serving the earlier build in miniapp/${H5_OUTPUT} (--no-build)`)
  return dir
}

async function main(): Promise<void> {
  const started = Date.now()
  await checkEarlierStart()
  const runState = { pid: process.pid, startedAt: new Date(started).toISOString(), ports: PORTS }
  writeRunState(RUN_STATE, { ...runState, children: [] })
  ownsRunState = true
  watchChildren((children) => {
    if (ownsRunState) writeRunState(RUN_STATE, { ...runState, children })
  })

  assertNotStopping()
  step(`DynamoDB Local on :${PORTS.dynamo} (${persist ? `data kept in ${relative(ROOT, DATA_DIR)}/dynamodb` : 'in memory; --persist to keep data'})`)
  const dynamo = await startDynamoLocal({ port: PORTS.dynamo, dataDir: persist ? join(DATA_DIR, 'dynamodb') : undefined })
  step(`DynamoDB Local ready at ${dynamo.endpoint}`)
  assertNotStopping()
  // Exported reports; emptied at start unless the table's data is kept too.
  const s3 = await startLocalS3({ port: PORTS.s3, directory: join(DATA_DIR, 's3'), fresh: !persist })
  onStop('S3', () => s3.close())
  step(`S3 (s3rver) on :${PORTS.s3}, bucket ${s3.bucket}`)

  Object.assign(process.env, {
    TABLE_NAME,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'cn-northwest-1',
    TOKEN_SECRET: process.env.TOKEN_SECRET ?? 'local-only-secret-qinshang-direct-0123456789',
    ...localWeChatEnv(PORTS.wechat),
    ...localS3Env(s3),
  })
  assertNotStopping()
  const table = await ensureTable(dynamo.endpoint, TABLE_NAME)
  const { seedDemoCity, seedDemoExtras } = await import('./lib/seed')
  const seeded = await seedDemoCity(new Date())
  step(`Table ${TABLE_NAME} ${table}; demo city seeded: ${seeded.areas} areas, ${seeded.categories} categories, ${seeded.officials} officials, ${seeded.enterprises} enterprises, ${seeded.cards} new cards`)
  const extras = await seedDemoExtras(new Date())
  step(
    `Field work and kit seeded: ${extras.visits} visits, ${extras.rounds} visit round, ${extras.events} exchange days, ${extras.policies} policies, ${extras.faq} FAQ entries, ${extras.upgradeFiles} upgrade files`,
  )

  assertNotStopping()
  const wechat = await startLocalWeChat(PORTS.wechat, `http://127.0.0.1:${PORTS.api}`)
  onStop('WeChat stand-in', () => wechat.close())
  step(`WeChat stand-in (login codes, card codes, subscribe messages) on :${PORTS.wechat}`)

  assertNotStopping()
  step(`API (serverless offline) on :${PORTS.api}${noBuild ? '' : ' and h5 build, in parallel…'}`)
  const apiBase = `http://localhost:${PORTS.api}`
  const h5Base = `http://localhost:${PORTS.h5}`
  const [api, h5Dir] = await Promise.all([
    startApiServer({ port: PORTS.api, lambdaPort: PORTS.lambda, dynamoEndpoint: dynamo.endpoint, wechatApiBase: wechat.url, h5BaseUrl: h5Base, buildFolder: API_BUILD }).then((server) => {
      step(`API ready at ${apiBase}`)
      return server
    }),
    noBuild ? previousH5Build() : startH5Build(apiBase),
  ])
  assertNotStopping()
  const h5 = await serveStatic(h5Dir, PORTS.h5)
  onStop('h5 server', () => {
    h5.server.closeAllConnections()
    h5.server.close()
  })
  const schedule = startLocalSchedule()
  onStop('schedule', () => schedule.stop())
  const outbox = await startLocalOutbox({ endpoint: dynamo.endpoint, tableName: TABLE_NAME })
  onStop('outbox', () => outbox.stop())
  const exportsWorker = await startLocalExports({ endpoint: dynamo.endpoint, tableName: TABLE_NAME })
  onStop('exports', () => exportsWorker.stop())
  const { getEnterprise } = await import('../functions/store/enterprise.store')
  const demoCard = (await getEnterprise('en-0001'))?.cardId

  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  process.stdout.write(`
\x1b[32m亲商直通 is running\x1b[0m (ready in ${seconds} s)

  Mini-program (h5)  ${h5.url}
  API                ${apiBase}/api   (OpenAPI: ${apiBase}/api/openapi.json)
  DynamoDB Local     ${dynamo.endpoint}   table ${TABLE_NAME}
  S3 (s3rver)        ${s3.endpoint}   bucket ${s3.bucket} (report exports)

Log in: open the mini-program and pick a demo identity on 选择演示身份, e.g.
  企业联系人  staff:en-0001  湖南锦程汽车零部件有限公司 (its specialist is sp-007)
  企业服务专员  sp-007
  部门经办人  dh-001  国网湘潭供电公司
  属地管理员  ad-xt-hitech  湘潭高新区
  市级管理员  ad-city
or by API:  curl -X POST ${apiBase}/api/auth/dev-login -H 'content-type: application/json' -d '{"as":"staff:en-0001"}'

Scan a contact card as a brand-new WeChat user (the local WeChat stand-in signs this browser in):
  ${demoCard ? `${h5Base}/#/pages/card/index?scene=${demoCard}` : '(no card issued)'}
Print an area's cards: log in as ad-xt-hitech → 我的 → 打印联系卡.
WeChat subscribe messages as the phones would show them:  ${apiBase}/dev/wechat

Press Ctrl-C to stop everything.
`)

  // Runs until a signal stops everything (stopOnSignals); an API exit nobody asked for stops it too.
  api.child.once('exit', (code) => {
    if (isStopping()) return
    process.stderr.write(`The API exited (code ${code}).\n${api.output()}\n`)
    void stopEverything('the API exited', 1)
  })
}

/** Starts the h5 build (a child of its own, stopped with the rest on Ctrl-C) and says so. */
function startH5Build(apiBase: string): Promise<string> {
  const building = buildH5({ apiBase, wechatStandIn: `http://localhost:${PORTS.wechat}`, outputRoot: H5_OUTPUT })
  step('h5 build started')
  return building.then((dir) => {
    step('h5 mini-program built')
    return dir
  })
}

main().catch((error: unknown) => {
  // A stage cut short by Ctrl-C fails on purpose: the stop under way ends the process.
  if (isStopping()) return
  process.stderr.write(`\x1b[31mnpm start failed:\x1b[0m ${error instanceof Error ? error.message : String(error)}\n`)
  void stopEverything('start-up failed', 1)
})
