import { dirname, join, resolve } from 'node:path'
import { startApiServer } from '../../scripts/lib/api-server'
import { localWeChatEnv, startLocalWeChat } from '../../scripts/lib/local-wechat'
import { startLocalOutbox } from '../../scripts/lib/local-outbox'
import { startLocalExports } from '../../scripts/lib/local-exports'
import { localS3Env, startLocalS3 } from '../../scripts/lib/s3-local'
import { ensureTable, startDynamoLocal } from '../../scripts/lib/dynamo-local'
import { stopAll } from '../../scripts/lib/processes'
import { STACK_TABLE, TEST_TOKEN_SECRET } from './ports'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..')

/**
 * A whole local back end for API and browser tests: DynamoDB Local in memory, the table, the
 * demo city, S3 (s3rver) for report exports, the API through serverless offline and the stream
 * pollers that push notifications and make exports — the same pieces `npm start` runs.
 */
export async function startStack(ports: { dynamo: number; api: number; lambda: number; wechat: number; s3: number; h5: number }, buildFolder: string) {
  const [dynamo, wechat, s3] = await Promise.all([
    startDynamoLocal({ port: ports.dynamo }),
    startLocalWeChat(ports.wechat, `http://127.0.0.1:${ports.api}`),
    startLocalS3({ port: ports.s3, directory: join(ROOT, '.run', `s3-${ports.s3}`), fresh: true }),
  ])
  Object.assign(process.env, { TABLE_NAME: STACK_TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, TOKEN_SECRET: TEST_TOKEN_SECRET, ...localWeChatEnv(ports.wechat), ...localS3Env(s3) })
  await ensureTable(dynamo.endpoint, STACK_TABLE)
  const { seedDemoCity } = await import('../../scripts/lib/seed')
  await seedDemoCity(new Date())
  const api = await startApiServer({
    port: ports.api,
    lambdaPort: ports.lambda,
    dynamoEndpoint: dynamo.endpoint,
    buildFolder,
    wechatApiBase: wechat.url,
    h5BaseUrl: `http://localhost:${ports.h5}`,
  })
  const outbox = await startLocalOutbox({ endpoint: dynamo.endpoint, tableName: STACK_TABLE })
  const exportsWorker = await startLocalExports({ endpoint: dynamo.endpoint, tableName: STACK_TABLE })
  const stop = async () => {
    await outbox.stop()
    await exportsWorker.stop()
    await wechat.close()
    await s3.close()
    await stopAll()
  }
  return { dynamoEndpoint: dynamo.endpoint, apiUrl: api.url, wechatUrl: wechat.url, s3Endpoint: s3.endpoint, outbox, exportsWorker, stop }
}
