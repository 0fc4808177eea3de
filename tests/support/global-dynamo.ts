import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startDynamoLocal } from '../../scripts/lib/dynamo-local'
import { stopAll } from '../../scripts/lib/processes'
import { startLocalS3 } from '../../scripts/lib/s3-local'
import { INTEGRATION_WORKERS, TEST_PORTS } from './ports'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..')

/**
 * Integration tests: one DynamoDB Local per worker, each test file making its own table in its
 * worker's (DynamoDB Local serialises its work on one core, so two files side by side need two),
 * and one S3 (s3rver) whose export bucket they share (export keys are job ids, unique across files).
 */
export default async function setup(project: TestProject) {
  const [s3, ...dynamos] = await Promise.all([
    startLocalS3({ port: TEST_PORTS.integration.s3, directory: join(ROOT, '.run', `s3-${TEST_PORTS.integration.s3}`), fresh: true }),
    ...Array.from({ length: INTEGRATION_WORKERS }, (_, worker) => startDynamoLocal({ port: TEST_PORTS.integration.dynamo + worker })),
  ])
  project.provide('dynamoEndpoints', dynamos.map((d) => d.endpoint))
  const claims = join(ROOT, '.run', `dynamo-claims-${TEST_PORTS.integration.dynamo}`)
  rmSync(claims, { recursive: true, force: true })
  mkdirSync(claims, { recursive: true })
  project.provide('dynamoClaims', claims)
  project.provide('s3Endpoint', s3.endpoint)
  project.provide('exportBucket', s3.bucket)
  return async () => {
    await s3.close()
    await stopAll()
  }
}
