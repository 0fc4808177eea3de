/**
 * `npm start`: the whole product on this machine, on embedded defaults.
 *   DynamoDB Local → table → demo city → S3 (s3rver) → API (serverless offline) → h5 build → static server.
 * Ctrl-C stops everything it started. `npm start -- --persist` keeps data (and exported files) under .data/.
 */
import { join, resolve, dirname } from 'node:path'
import { startApiServer } from './lib/api-server'
import { startDynamoLocal, ensureTable } from './lib/dynamo-local'
import { buildH5, serveStatic } from './lib/h5'
import { startLocalSchedule } from './lib/local-schedule'
import { localWeChatEnv, startLocalWeChat } from './lib/local-wechat'
import { startLocalOutbox } from './lib/local-outbox'
import { startLocalExports } from './lib/local-exports'
import { localS3Env, startLocalS3 } from './lib/s3-local'
import { stopAll } from './lib/processes'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
const PORTS = { dynamo: 8000, api: 3000, lambda: 3002, wechat: 3005, s3: 4569, h5: 10086 }
const TABLE_NAME = 'qinshang-direct-local'
const persist = process.argv.includes('--persist')

const step = (message: string) => process.stdout.write(`\x1b[36m▸\x1b[0m ${message}\n`)

async function main(): Promise<void> {
  const started = Date.now()
  step(`DynamoDB Local on :${PORTS.dynamo} (${persist ? 'data kept in .data/dynamodb' : 'in memory; --persist to keep data'})`)
  const dynamo = await startDynamoLocal({ port: PORTS.dynamo, dataDir: persist ? join(ROOT, '.data', 'dynamodb') : undefined })
  // Exported reports; emptied at start unless the table's data is kept too.
  const s3 = await startLocalS3({ port: PORTS.s3, directory: join(ROOT, '.data', 's3'), fresh: !persist })
  step(`S3 (s3rver) on :${PORTS.s3}, bucket ${s3.bucket}`)

  Object.assign(process.env, {
    TABLE_NAME,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'cn-northwest-1',
    TOKEN_SECRET: process.env.TOKEN_SECRET ?? 'local-only-secret-qinshang-direct-0123456789',
    ...localWeChatEnv(PORTS.wechat),
    ...localS3Env(s3),
  })
  const table = await ensureTable(dynamo.endpoint, TABLE_NAME)
  const { seedDemoCity } = await import('./lib/seed')
  const seeded = await seedDemoCity()
  step(`Table ${TABLE_NAME} ${table}; demo city seeded: ${seeded.areas} areas, ${seeded.categories} categories, ${seeded.officials} officials, ${seeded.enterprises} enterprises, ${seeded.cards} new cards`)

  const wechat = await startLocalWeChat(PORTS.wechat)
  step(`WeChat stand-in (login codes, card codes, subscribe messages) on :${PORTS.wechat}`)

  step(`API (serverless offline) on :${PORTS.api} and h5 build, in parallel…`)
  const apiBase = `http://localhost:${PORTS.api}`
  const h5Base = `http://localhost:${PORTS.h5}`
  const [api, h5Dir] = await Promise.all([
    startApiServer({ port: PORTS.api, lambdaPort: PORTS.lambda, dynamoEndpoint: dynamo.endpoint, wechatApiBase: wechat.url, h5BaseUrl: h5Base }).then((server) => {
      step(`API ready at ${apiBase}`)
      return server
    }),
    buildH5({ apiBase, wechatStandIn: `http://localhost:${PORTS.wechat}` }).then((dir) => {
      step('h5 mini-program built')
      return dir
    }),
  ])
  const h5 = await serveStatic(h5Dir, PORTS.h5)
  const schedule = startLocalSchedule()
  const outbox = await startLocalOutbox({ endpoint: dynamo.endpoint, tableName: TABLE_NAME })
  const exportsWorker = await startLocalExports({ endpoint: dynamo.endpoint, tableName: TABLE_NAME })
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

  let stopping = false
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', resolveStop)
    process.once('SIGTERM', resolveStop)
    api.child.once('exit', (code) => {
      // Only an exit nobody asked for is news; then its last output says why.
      if (!stopping) process.stderr.write(`The API exited (code ${code}).\n${api.output()}\n`)
      resolveStop()
    })
  })
  stopping = true
  process.stdout.write('\nStopping…\n')
  await schedule.stop()
  await outbox.stop()
  await exportsWorker.stop()
  await s3.close()
  h5.server.close()
  await wechat.close()
  await stopAll()
}

main().catch(async (error: unknown) => {
  process.stderr.write(`\x1b[31mnpm start failed:\x1b[0m ${error instanceof Error ? error.message : String(error)}\n`)
  await stopAll()
  process.exit(1)
})
