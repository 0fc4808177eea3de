import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { VisitRound } from '@shared/schemas/visit-round.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { queryAll } from './query-all'

/*
 * Visit rounds (走访轮次), never rewritten once opened:
 *   VROUND#<id> / ROUND          the round (a list round carries its enterprise ids)
 *     gsi1  VROUNDS / <to>#<id>  every round of the city by its last day: the lists read the
 *                                rounds still running or ended lately, a few dozen a year
 */
const roundKey = (id: string) => ({ pk: `VROUND#${id}`, sk: 'ROUND' })
/** gsi1: the city's rounds by their last day. */
const ROUNDS = 'VROUNDS'

/** Access pattern: store a new round (its id is fresh: a second put of the same id is refused). */
export async function putVisitRound(round: VisitRound): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: TABLE,
      Item: { ...roundKey(round.id), entity: 'VISIT_ROUND', gsi1pk: ROUNDS, gsi1sk: `${round.to}#${round.id}`, ...round },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
}

/** Access pattern: one round by id. */
export async function getVisitRound(id: string): Promise<VisitRound | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: roundKey(id) }))
  return result.Item ? stripKeys<VisitRound>(result.Item) : undefined
}

/** Access pattern: the rounds whose last day is `endsFrom` (YYYY-MM-DD) or later, every area's and the city's. */
export function listVisitRoundsEndingFrom(endsFrom: string): Promise<VisitRound[]> {
  return queryAll<VisitRound>({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
    ExpressionAttributeValues: { ':pk': ROUNDS, ':from': endsFrom },
  })
}
