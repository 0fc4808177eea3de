import * as z from 'zod'
import {
  commonProblemActionResultSchema,
  commonProblemDetailSchema,
  commonProblemSchema,
  similarAppealSchema,
  type CommonProblem,
  type CommonProblemAction,
  type CommonProblemActionResult,
  type CommonProblemDetail,
  type CommonProblemStatus,
  type CreateCommonProblemRequest,
  type SimilarAppeal,
} from '@shared/schemas/common-problem.schema'
import { parseResponse, request } from './request'

/*
 * Common problems (共性问题), one typed function each; only the common subpackage and the
 * officials' part of the appeal detail use them.
 */

const similarListSchema = z.object({ items: z.array(similarAppealSchema) })
const problemPageSchema = z.object({ items: z.array(commonProblemSchema), nextCursor: z.string().nullish() })

/** Open appeals that look like this one (same category, similar text), best first. */
export async function fetchSimilarAppeals(appealId: string): Promise<SimilarAppeal[]> {
  return parseResponse(similarListSchema, await request(`/api/appeals/${encodeURIComponent(appealId)}/similar`)).items
}

/** 合并为共性问题: links 2–20 open appeals of one category into one problem. */
export async function createCommonProblem(body: CreateCommonProblemRequest): Promise<CommonProblemDetail> {
  return parseResponse(commonProblemDetailSchema, await request('/api/common-problems', { method: 'POST', body }))
}

/** The common problems in the caller's scope, one page at a time. */
export async function listCommonProblems(params: { status?: CommonProblemStatus; cursor?: string | null } = {}): Promise<{ items: CommonProblem[]; nextCursor?: string | null }> {
  return parseResponse(problemPageSchema, await request('/api/common-problems', { query: { status: params.status, cursor: params.cursor ?? undefined } }))
}

export async function fetchCommonProblem(id: string): Promise<CommonProblemDetail> {
  return parseResponse(commonProblemDetailSchema, await request(`/api/common-problems/${encodeURIComponent(id)}`))
}

/** One action, written to every linked appeal it applies to; the answer says which were skipped. */
export async function actOnCommonProblem(id: string, action: CommonProblemAction): Promise<CommonProblemActionResult> {
  return parseResponse(commonProblemActionResultSchema, await request(`/api/common-problems/${encodeURIComponent(id)}/actions`, { method: 'POST', body: action }))
}
