import {
  exchangeEventDetailSchema,
  exchangeEventListSchema,
  exchangeEventResponseSchema,
  seriesTotalsSchema,
  type CreateExchangeEventRequest,
  type ExchangeEvent,
  type ExchangeEventDetail,
  type SeriesTotal,
} from '@shared/schemas/exchange-event.schema'
import { parseResponse, request } from './request'

/**
 * Exchange-day endpoints (政企交流主题日), one typed function each; only the events subpackage
 * uses them. Problems raised at an event are filed with services/api.ts `submitAppeal`.
 */

/** The events the caller may see, newest first; the city admin may name one area. */
export async function listExchangeEvents(query: { areaId?: string | null; series?: string | null } = {}): Promise<ExchangeEvent[]> {
  return parseResponse(exchangeEventListSchema, await request('/api/events', { query })).items
}

/** Totals per series over the events the caller may see. */
export async function fetchSeriesTotals(areaId?: string | null): Promise<SeriesTotal[]> {
  return parseResponse(seriesTotalsSchema, await request('/api/events/series', { query: { areaId } })).items
}

/** An event with its live tallies and the problems raised at it. */
export async function fetchExchangeEvent(id: string): Promise<ExchangeEventDetail> {
  return parseResponse(exchangeEventDetailSchema, await request(`/api/events/${encodeURIComponent(id)}`))
}

/** 新建交流日. */
export async function scheduleExchangeEvent(body: CreateExchangeEventRequest): Promise<ExchangeEvent> {
  return parseResponse(exchangeEventResponseSchema, await request('/api/events', { method: 'POST', body })).event
}
