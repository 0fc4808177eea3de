import { randomUUID } from 'node:crypto'
import { closeSync, openSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, inject } from 'vitest'
import { dropTable, ensureTable } from '../../scripts/lib/dynamo-local'
import { TEST_TOKEN_SECRET } from './ports'

// Runs before each integration test file is imported: the store modules read their
// configuration at import, so the table must be named here. Each file gets a fresh table.
const tableName = `it-${randomUUID().slice(0, 8)}`
const { endpoint, release } = claimDynamo(inject('dynamoEndpoints'), inject('dynamoClaims'))
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

// Each file removes its table and frees its server for the next file.
afterAll(async () => {
  try {
    await dropTable(endpoint, tableName)
  } finally {
    release()
  }
}, 60_000)

/**
 * The DynamoDB Local no other running file holds. Worker ids cannot pick it: the pool numbers its
 * workers across all projects, so two integration workers can both be odd and share one server
 * (which then serves two files on one core, ever slower). An exclusive marker file per server
 * can: at most as many files run at once as there are servers. Should a marker be left behind by
 * a crashed file, the rest of the run shares a server rather than stopping.
 */
function claimDynamo(endpoints: readonly string[], claims: string): { endpoint: string; release: () => void } {
  for (const [index, candidate] of endpoints.entries()) {
    const marker = join(claims, String(index))
    try {
      closeSync(openSync(marker, 'wx'))
      return { endpoint: candidate, release: () => rmSync(marker, { force: true }) }
    } catch {
      // held by a file running beside this one
    }
  }
  return { endpoint: endpoints[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % endpoints.length]!, release: () => undefined }
}
