import * as z from 'zod'
import {
  checkInSchema,
  visitDetailSchema,
  visitPageSchema,
  visitSchema,
  visitSeenSchema,
  type CheckIn,
  type RecordVisitRequest,
  type Visit,
  type VisitDetail,
} from '@shared/schemas/visit.schema'
import { parseResponse, request } from './request'

/* Visits (走访), one typed function each. */

const recordedSchema = z.object({ visit: visitSchema })

/** The Idempotency-Key belongs to the draft: a retry after a lost answer stores the visit once. */
export async function recordVisit(body: RecordVisitRequest, idempotencyKey: string): Promise<Visit> {
  return parseResponse(recordedSchema, await request('/api/visits', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } })).visit
}

/** 我的走访 (no enterprise), or one enterprise's visit records. */
export async function listVisits(params: { enterpriseId?: string; cursor?: string | null; limit?: number } = {}) {
  return parseResponse(visitPageSchema, await request('/api/visits', { query: { enterpriseId: params.enterpriseId, cursor: params.cursor ?? undefined, limit: params.limit ?? 20 } }))
}

export async function fetchVisit(id: string): Promise<VisitDetail> {
  return parseResponse(visitDetailSchema, await request(`/api/visits/${encodeURIComponent(id)}`))
}

/** 扫码签到: refused (403) to anyone who does not work on site for the card's enterprise. */
export async function checkInByCard(cardId: string): Promise<CheckIn> {
  return parseResponse(z.object({ checkIn: checkInSchema }), await request(`/api/cards/${encodeURIComponent(cardId)}/check-in`, { method: 'POST' })).checkIn
}

/** What an enterprise's staff see of its visits: "专员于 X 月 X 日走访". */
export async function fetchVisitsSeen(enterpriseId: string) {
  return parseResponse(z.object({ items: z.array(visitSeenSchema) }), await request(`/api/enterprises/${encodeURIComponent(enterpriseId)}/visits-seen`)).items
}
