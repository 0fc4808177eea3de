import type { TestProject } from 'vitest/node'
import { startDynamoLocal } from '../../scripts/lib/dynamo-local'
import { stopAll } from '../../scripts/lib/processes'
import { TEST_PORTS } from './ports'

/** Integration tests: one DynamoDB Local; each test file makes its own table in it. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({ port: TEST_PORTS.integration.dynamo })
  project.provide('dynamoEndpoint', dynamo.endpoint)
  return stopAll
}
