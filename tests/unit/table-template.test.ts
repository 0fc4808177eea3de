import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

/*
 * infra/table.cjs describes the table once for two readers that spell a stream differently:
 * DynamoDB's CreateTable (scripts/lib/dynamo-local.ts, under npm start and the tests) wants
 * `StreamEnabled` beside the view type; CloudFormation's AWS::DynamoDB::Table knows only
 * `StreamViewType` and rejects the template with anything else (cfn-lint E3002).
 */
const require = createRequire(import.meta.url)
const table = require('../../infra/table.cjs') as {
  schema: { StreamSpecification?: Record<string, unknown> }
  resource: () => { Type: string; Properties: Record<string, unknown> }
}

describe('the table’s stream', () => {
  it('is declared in CloudFormation’s shape: the view type and nothing else', () => {
    const { Type, Properties } = table.resource()
    expect(Type).toBe('AWS::DynamoDB::Table')
    expect(Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' })
  })

  it('is still switched on in CreateTable’s shape for the local table, with the same view', () => {
    expect(table.schema.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' })
  })
})
