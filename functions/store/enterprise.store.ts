import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Enterprise } from '@shared/schemas/catalog.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { batchWriteAll } from './batch'
import { stripKeys } from './keys'

export interface EnterpriseRecord extends Enterprise {
  contact?: { name: string; phone: string }
}

const enterpriseKey = (id: string) => ({ pk: `ENTERPRISE#${id}`, sk: 'PROFILE' })
/** gsi1: enterprises of an area, by id. */
const areaIndexKey = (e: Enterprise) => ({ gsi1pk: `ENTERPRISES#${e.areaId}`, gsi1sk: e.id })

/** Access pattern: one enterprise by id (routing reads its specialist from here). */
export async function getEnterprise(id: string): Promise<EnterpriseRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: enterpriseKey(id) }))
  return result.Item ? stripKeys<EnterpriseRecord>(result.Item) : undefined
}

/** Access pattern: the first enterprises of an area, ordered by id. */
export async function listEnterprisesOfArea(areaId: string, limit: number): Promise<EnterpriseRecord[]> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `ENTERPRISES#${areaId}` },
      Limit: limit,
    }),
  )
  return (result.Items ?? []).map((item) => stripKeys<EnterpriseRecord>(item))
}

/** Access pattern: load or replace enterprises in bulk (seeding and roster import). */
export async function putEnterprises(enterprises: EnterpriseRecord[]): Promise<void> {
  await batchWriteAll(enterprises.map((e) => ({ ...enterpriseKey(e.id), ...areaIndexKey(e), entity: 'ENTERPRISE', ...e })))
}
