import {
  digestListSchema,
  supervisionQueueSchema,
  transferCandidatesSchema,
  weeklyDigestSchema,
  type DigestSummary,
  type SupervisionQueue,
  type TransferCandidate,
  type WeeklyDigest,
} from '@shared/schemas/supervision.schema'
import { parseResponse, request } from './request'

/**
 * Supervision endpoints (督办), one typed function each. Kept out of api.ts: only subpackages
 * use them, so their schemas stay out of the weapp main package.
 */

/** The specialists this appeal may be transferred to (the caller must be allowed to transfer it). */
export async function fetchTransferCandidates(appealId: string): Promise<TransferCandidate[]> {
  return parseResponse(transferCandidatesSchema, await request(`/api/appeals/${encodeURIComponent(appealId)}/transfer-candidates`)).items
}

/** An area admin's queue, or the city admin's: the whole city, or one area when `areaId` is given. */
export async function fetchSupervisionQueue(areaId?: string | null): Promise<SupervisionQueue> {
  return parseResponse(supervisionQueueSchema, await request('/api/supervision/queue', { query: { areaId } }))
}

/** The weekly digests the caller may read, newest week first. */
export async function listDigests(): Promise<DigestSummary[]> {
  return parseResponse(digestListSchema, await request('/api/supervision/digests')).items
}

/** One week's digest: the caller's area, or for the city admin the city (no area) or one area. */
export async function fetchDigest(week: string, areaId?: string | null): Promise<WeeklyDigest> {
  return parseResponse(weeklyDigestSchema, await request(`/api/supervision/digests/${encodeURIComponent(week)}`, { query: { areaId } }))
}
