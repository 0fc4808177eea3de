import {
  drawSampleResponseSchema,
  returnVisitListSchema,
  returnVisitResponseSchema,
  returnVisitSummarySchema,
  type DrawSampleRequest,
  type DrawSampleResponse,
  type ListReturnVisitsQuery,
  type RecordAttemptRequest,
  type ReturnVisitList,
  type ReturnVisitSummary,
  type ReturnVisitView,
} from '@shared/schemas/return-visit.schema'
import { parseResponse, request } from './request'

/** Sampled return visits (抽查回访), one typed function per endpoint; only the return-visit subpackage uses them. */

/** Draws the month's sample of the caller's area, or (city admin) of every area or the one named. */
export async function drawReturnVisitSample(body: DrawSampleRequest): Promise<DrawSampleResponse> {
  return parseResponse(drawSampleResponseSchema, await request('/api/return-visits/samples', { method: 'POST', body }))
}

export async function listReturnVisits(query: ListReturnVisitsQuery): Promise<ReturnVisitList> {
  return parseResponse(returnVisitListSchema, await request('/api/return-visits', { query: { month: query.month, areaId: query.areaId, status: query.status } }))
}

export async function fetchReturnVisit(id: string): Promise<ReturnVisitView> {
  return parseResponse(returnVisitResponseSchema, await request(`/api/return-visits/${encodeURIComponent(id)}`)).visit
}

export async function recordReturnVisitAttempt(id: string, body: RecordAttemptRequest): Promise<ReturnVisitView> {
  return parseResponse(returnVisitResponseSchema, await request(`/api/return-visits/${encodeURIComponent(id)}/attempts`, { method: 'POST', body })).visit
}

export async function fetchReturnVisitSummary(month: string, areaId?: string | null): Promise<ReturnVisitSummary> {
  return parseResponse(returnVisitSummarySchema, await request('/api/return-visits/summary', { query: { month, areaId } }))
}
