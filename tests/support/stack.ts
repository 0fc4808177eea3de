import { startApiServer } from '../../scripts/lib/api-server'
import { ensureTable, startDynamoLocal } from '../../scripts/lib/dynamo-local'
import { stopAll } from '../../scripts/lib/processes'
import { STACK_TABLE, TEST_TOKEN_SECRET } from './ports'

/**
 * A whole local back end for API and browser tests: DynamoDB Local in memory, the table, the
 * demo city, and the API through serverless offline — the same pieces `npm start` runs.
 */
export async function startStack(ports: { dynamo: number; api: number; lambda: number }, buildFolder: string) {
  const dynamo = await startDynamoLocal({ port: ports.dynamo })
  Object.assign(process.env, { TABLE_NAME: STACK_TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, TOKEN_SECRET: TEST_TOKEN_SECRET })
  await ensureTable(dynamo.endpoint, STACK_TABLE)
  const { seedDemoCity } = await import('../../scripts/lib/seed')
  await seedDemoCity()
  const api = await startApiServer({ port: ports.api, lambdaPort: ports.lambda, dynamoEndpoint: dynamo.endpoint, buildFolder })
  return { dynamoEndpoint: dynamo.endpoint, apiUrl: api.url, stop: stopAll }
}
