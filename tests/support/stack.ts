import { startApiServer } from '../../scripts/lib/api-server'
import { localWeChatEnv, startLocalWeChat } from '../../scripts/lib/local-wechat'
import { startLocalOutbox } from '../../scripts/lib/local-outbox'
import { ensureTable, startDynamoLocal } from '../../scripts/lib/dynamo-local'
import { stopAll } from '../../scripts/lib/processes'
import { STACK_TABLE, TEST_TOKEN_SECRET } from './ports'

/**
 * A whole local back end for API and browser tests: DynamoDB Local in memory, the table, the
 * demo city, the API through serverless offline and the stream poller that pushes
 * notifications — the same pieces `npm start` runs.
 */
export async function startStack(ports: { dynamo: number; api: number; lambda: number; wechat: number; h5: number }, buildFolder: string) {
  const [dynamo, wechat] = await Promise.all([startDynamoLocal({ port: ports.dynamo }), startLocalWeChat(ports.wechat)])
  Object.assign(process.env, { TABLE_NAME: STACK_TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, TOKEN_SECRET: TEST_TOKEN_SECRET, ...localWeChatEnv(ports.wechat) })
  await ensureTable(dynamo.endpoint, STACK_TABLE)
  const { seedDemoCity } = await import('../../scripts/lib/seed')
  await seedDemoCity()
  const api = await startApiServer({
    port: ports.api,
    lambdaPort: ports.lambda,
    dynamoEndpoint: dynamo.endpoint,
    buildFolder,
    wechatApiBase: wechat.url,
    h5BaseUrl: `http://localhost:${ports.h5}`,
  })
  const outbox = await startLocalOutbox({ endpoint: dynamo.endpoint, tableName: STACK_TABLE })
  const stop = async () => {
    await outbox.stop()
    await wechat.close()
    await stopAll()
  }
  return { dynamoEndpoint: dynamo.endpoint, apiUrl: api.url, wechatUrl: wechat.url, outbox, stop }
}
