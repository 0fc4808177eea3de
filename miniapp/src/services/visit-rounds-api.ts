import * as z from 'zod'
import {
  pendingVisitsSchema,
  visitRoundCoverageSchema,
  visitRoundListSchema,
  visitRoundSchema,
  type OpenVisitRoundRequest,
  type PendingVisits,
  type VisitRound,
  type VisitRoundCoverage,
  type VisitRoundList,
} from '@shared/schemas/visit-round.schema'
import { parseResponse, request } from './request'

/* Visit rounds (走访轮次), one typed function each; only the rounds subpackage uses them. */

const openedSchema = z.object({ round: visitRoundSchema })

/** The rounds the caller may see: running first. */
export async function listVisitRounds(): Promise<VisitRoundList['items']> {
  return parseResponse(visitRoundListSchema, await request('/api/visit-rounds')).items
}

/** 新建走访轮次. */
export async function openVisitRound(body: OpenVisitRoundRequest): Promise<VisitRound> {
  return parseResponse(openedSchema, await request('/api/visit-rounds', { method: 'POST', body })).round
}

/** A round's coverage as the caller may see it; `specialistId` narrows to one specialist and lists their enterprises not yet visited. */
export async function fetchRoundCoverage(id: string, query: { areaId?: string; specialistId?: string } = {}): Promise<VisitRoundCoverage> {
  return parseResponse(visitRoundCoverageSchema, await request(`/api/visit-rounds/${encodeURIComponent(id)}/coverage`, { query }))
}

/** 本轮待走访: the calling specialist's enterprises not yet visited in the running rounds. */
export async function fetchPendingVisits(): Promise<PendingVisits> {
  return parseResponse(pendingVisitsSchema, await request('/api/visit-rounds/pending'))
}
