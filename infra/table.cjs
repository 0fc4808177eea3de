// The single DynamoDB table, declared once: serverless.yml renders it as CloudFormation and the
// local scripts create it in DynamoDB Local from the same description.
'use strict'

const indexes = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5']

const schema = {
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    ...indexes.flatMap((name) => [
      { AttributeName: `${name}pk`, AttributeType: 'S' },
      { AttributeName: `${name}sk`, AttributeType: 'S' },
    ]),
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: indexes.map((name) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: `${name}pk`, KeyType: 'HASH' },
      { AttributeName: `${name}sk`, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  })),
  BillingMode: 'PAY_PER_REQUEST',
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
}

/** CloudFormation resource for serverless.yml (`${file(./infra/table.cjs):resource}`). */
function resource() {
  const { StreamSpecification, ...rest } = schema
  return {
    Type: 'AWS::DynamoDB::Table',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      TableName: '${self:custom.tableName}',
      ...rest,
      // `schema` is CreateTable's shape (the local table needs `StreamEnabled`); CloudFormation's
      // StreamSpecification has only the view type, and a stream exists whenever it is given.
      StreamSpecification: { StreamViewType: StreamSpecification.StreamViewType },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    },
  }
}

module.exports = { schema, resource, ttlAttribute: 'expiresAt' }
