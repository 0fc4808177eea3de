import { randomUUID } from 'node:crypto'
import { beforeAll, inject } from 'vitest'
import { ensureTable } from '../../scripts/lib/dynamo-local'
import { TEST_TOKEN_SECRET } from './ports'

// Runs before each integration test file is imported: the store modules read their
// configuration at import, so the table must be named here. Each file gets a fresh table.
const tableName = `it-${randomUUID().slice(0, 8)}`
Object.assign(process.env, {
  TABLE_NAME: tableName,
  DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
  S3_ENDPOINT: inject('s3Endpoint'),
  EXPORT_BUCKET: inject('exportBucket'),
  TOKEN_SECRET: TEST_TOKEN_SECRET,
  AWS_REGION: 'cn-northwest-1',
})

beforeAll(async () => {
  await ensureTable(inject('dynamoEndpoint'), tableName)
  const { seedDemoCity } = await import('../../scripts/lib/seed')
  await seedDemoCity()
}, 60_000)
