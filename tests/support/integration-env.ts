import { randomUUID } from 'node:crypto'
import { beforeAll, inject } from 'vitest'
import { ensureTable } from '../../scripts/lib/dynamo-local'
import { TEST_TOKEN_SECRET } from './ports'

// Runs before each integration test file is imported: the store modules read their
// configuration at import, so the table must be named here. Each file gets a fresh table.
const tableName = `it-${randomUUID().slice(0, 8)}`
const endpoints = inject('dynamoEndpoints')
const endpoint = endpoints[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % endpoints.length]!
Object.assign(process.env, {
  TABLE_NAME: tableName,
  DYNAMODB_ENDPOINT: endpoint,
  S3_ENDPOINT: inject('s3Endpoint'),
  EXPORT_BUCKET: inject('exportBucket'),
  TOKEN_SECRET: TEST_TOKEN_SECRET,
  AWS_REGION: 'cn-northwest-1',
})

beforeAll(async () => {
  await ensureTable(endpoint, tableName)
  const { seedDemoCity } = await import('../../scripts/lib/seed')
  // The demo city's cards were issued before any test acts: no test's clock reaches back there.
  await seedDemoCity(new Date('2026-01-05T01:00:00Z'))
}, 60_000)
