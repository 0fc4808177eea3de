import type { AppealSource } from '@shared/schemas/appeal.schema'
import { TABLE } from '../lib/dynamo'
import { queryAll } from './query-all'
import type { TransactItems } from './transact'

/*
 * Which appeals were raised at a visit or an exchange day, written in the filing's transaction:
 *   APSRC#<kind>#<sourceId> / AP#<appealId>
 * One Query gives a source's appeals (tens per event, a handful per visit); the appeals
 * themselves are read by id.
 */
const sourcePartition = (source: Pick<AppealSource, 'kind' | 'id'>) => `APSRC#${source.kind}#${source.id}`
const APPEAL_PREFIX = 'AP#'
const linkKey = (source: Pick<AppealSource, 'kind' | 'id'>, appealId: string) => ({ pk: sourcePartition(source), sk: `${APPEAL_PREFIX}${appealId}` })

/** Access pattern: link a new appeal to where it was raised (one transaction item). */
export function sourceLinkWrite(source: Pick<AppealSource, 'kind' | 'id'>, appealId: string, filedAt: string): TransactItems[number] {
  return {
    Put: {
      TableName: TABLE,
      Item: { ...linkKey(source, appealId), entity: 'APPEAL_SOURCE', appealId, filedAt },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
}

/** Access pattern: the ids of the appeals raised at one visit or event, in filing order. */
export async function listAppealIdsOfSource(source: Pick<AppealSource, 'kind' | 'id'>): Promise<string[]> {
  const items = await queryAll<{ appealId: string }>({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ap)',
    ExpressionAttributeValues: { ':pk': sourcePartition(source), ':ap': APPEAL_PREFIX },
    ProjectionExpression: 'appealId',
  })
  return items.map((item) => item.appealId)
}
