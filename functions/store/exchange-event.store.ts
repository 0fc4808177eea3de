import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { ExchangeEvent } from '@shared/schemas/exchange-event.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { queryAll } from './query-all'

/*
 * Exchange days (政企交流主题日 / 企业家接待日), written once when scheduled:
 *   EVENT#<id> / EVENT     the event
 *   gsi1 EVENTS#<scope> / <date>#<time>#<id>   one scope's events by date (<scope>: AREA#<areaId>, or CITY
 *                                              for city-level events)
 *   gsi2 EVENTS / <date>#<time>#<id>           every event of the city by date (the city admin's list)
 * The problems raised at an event are appeals linked to it (functions/services/appeal-sources.ts).
 */
const eventKey = (id: string) => ({ pk: `EVENT#${id}`, sk: 'EVENT' })
const scopeKey = (areaId: string | null) => (areaId ? `AREA#${areaId}` : 'CITY')
/** gsi1: one scope's events. */
const scopeEvents = (areaId: string | null) => `EVENTS#${scopeKey(areaId)}`
/** gsi2: the city's events. */
const CITY_EVENTS = 'EVENTS'
const dateKey = (event: ExchangeEvent) => `${event.date}#${event.time}#${event.id}`

/** Access pattern: one event by id (the event page; checking an on-behalf filing's event). */
export async function getExchangeEvent(id: string): Promise<ExchangeEvent | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: eventKey(id) }))
  return result.Item ? stripKeys<ExchangeEvent>(result.Item) : undefined
}

/** Access pattern: schedule an event (its id is new, so an existing item is never replaced). */
export async function putExchangeEvent(event: ExchangeEvent): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: TABLE,
      Item: {
        ...eventKey(event.id),
        entity: 'EXCHANGE_EVENT',
        gsi1pk: scopeEvents(event.areaId),
        gsi1sk: dateKey(event),
        gsi2pk: CITY_EVENTS,
        gsi2sk: dateKey(event),
        ...event,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
}

/** Access pattern: store an event unless one with its id is there (seeding again); false when it was. */
export async function putExchangeEventOnce(event: ExchangeEvent): Promise<boolean> {
  try {
    await putExchangeEvent(event)
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** Access pattern: the events of one area (areaId null: the city-level ones), newest date first; optionally one series. */
export function listScopeExchangeEvents(areaId: string | null, series?: string): Promise<ExchangeEvent[]> {
  return queryAll<ExchangeEvent>({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ...(series ? { FilterExpression: 'series = :series' } : {}),
    ExpressionAttributeValues: { ':pk': scopeEvents(areaId), ...(series ? { ':series': series } : {}) },
    ScanIndexForward: false,
  })
}

/** Access pattern: every event of the city, newest date first; optionally one series. */
export function listCityExchangeEvents(series?: string): Promise<ExchangeEvent[]> {
  return queryAll<ExchangeEvent>({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ...(series ? { FilterExpression: 'series = :series' } : {}),
    ExpressionAttributeValues: { ':pk': CITY_EVENTS, ...(series ? { ':series': series } : {}) },
    ScanIndexForward: false,
  })
}
