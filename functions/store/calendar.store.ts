import { PutCommand } from '@aws-sdk/lib-dynamodb'
import type { PublishedYear } from '@shared/domain/calendar'
import { TABLE, dynamo } from '../lib/dynamo'
import { queryAll } from './query-all'
import { containerCache } from '../lib/container-cache'

/*
 * CALENDAR / YEAR#<yyyy>              a year's schedule as the city office loaded it
 * CALENDAR / AUDIT#<at>#<yyyy>        who loaded what when (every load, also a correction)
 */
export interface PublishedYearRecord extends PublishedYear {
  loadedBy: string
  loadedAt: string
}

const CALENDAR_PK = 'CALENDAR'
const YEAR = 'YEAR#'
const yearKey = (year: number) => ({ pk: CALENDAR_PK, sk: `${YEAR}${year}` })
const auditKey = (record: PublishedYearRecord) => ({ pk: CALENDAR_PK, sk: `AUDIT#${record.loadedAt}#${record.year}` })

/** Access pattern: every year the city office has loaded (a handful of items). */
export async function listPublishedYears(): Promise<PublishedYearRecord[]> {
  const items = await queryAll<PublishedYearRecord & { entity: string }>({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :year)',
    ExpressionAttributeValues: { ':pk': CALENDAR_PK, ':year': YEAR },
    ConsistentRead: true,
  })
  return items.map(({ entity: _entity, ...year }) => year)
}

/** Access pattern: load (or correct) one year's schedule, with an audit entry. */
export async function putPublishedYear(record: PublishedYearRecord): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: { ...yearKey(record.year), entity: 'CALENDAR_YEAR', ...record } }))
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: { ...auditKey(record), entity: 'CALENDAR_AUDIT', ...record } }))
  // This container sees the new year at once; the others within the cache's minute.
  yearsCache.forget()
}

const yearsCache = containerCache(listPublishedYears, 60_000)

/** The loaded years as of at most a minute ago, per container (like the routing catalog). */
export const listPublishedYearsCached = (now = Date.now()): Promise<PublishedYearRecord[]> => yearsCache.get(now)
