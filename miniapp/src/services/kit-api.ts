import * as z from 'zod'
import {
  faqListSchema,
  faqViewSchema,
  kitSearchResultSchema,
  policyDocDetailSchema,
  policyDocListSchema,
  policyDocViewSchema,
  type FaqAction,
  type FaqView,
  type KitSearchResult,
  type PolicyDocDetail,
  type PolicyDocInput,
  type PolicyDocView,
  type PolicyPack,
} from '@shared/schemas/policy.schema'
import { policyCoverageSchema, policyDeliveryResultSchema, type PolicyCoverage, type PolicyDeliveryResult } from '@shared/schemas/policy-delivery.schema'
import { policyImportResultSchema, type PolicyImportRequest, type PolicyImportResult } from '@shared/schemas/policy-import.schema'
import { API_BASE } from '../settings'
import { parseResponse, request } from './request'

/** The kit's endpoints (政策包、高频问题解答、搜索、已解决不再提交), one typed function each. */

export type PolicyList = z.output<typeof policyDocListSchema>
export type FaqList = z.output<typeof faqListSchema>

/** The policies for the caller: an enterprise's matched to it, an official's by scope. */
export async function listPolicies(query: { pack?: PolicyPack; categoryId?: string; status?: PolicyDocView['status'] } = {}): Promise<PolicyList> {
  return parseResponse(policyDocListSchema, await request('/api/policies', { query }))
}

export async function fetchPolicy(id: string): Promise<PolicyDocDetail> {
  return parseResponse(policyDocDetailSchema, await request(`/api/policies/${encodeURIComponent(id)}`))
}

/** The address of a policy's code image (public, like the printed sheet). */
export const policyCodeUrl = (id: string): string => `${API_BASE}/api/policies/${encodeURIComponent(id)}/code`

export async function listFaq(categoryId?: string): Promise<FaqList> {
  return parseResponse(faqListSchema, await request('/api/faq', { query: { categoryId } }))
}

export async function searchKit(query: { q: string; categoryId?: string; kind?: 'policy' | 'faq'; limit?: number }): Promise<KitSearchResult> {
  return parseResponse(kitSearchResultSchema, await request('/api/kit/search', { query }))
}

/** 已解决，不再提交: the entry answered the question and the appeal is not filed. */
export async function recordDeflection(body: { itemId: string; categoryId?: string; enterpriseId?: string }): Promise<boolean> {
  return parseResponse(z.object({ counted: z.boolean() }), await request('/api/kit/deflections', { method: 'POST', body })).counted
}

export async function fetchFaq(id: string): Promise<FaqView> {
  return parseResponse(z.object({ entry: faqViewSchema }), await request(`/api/faq/${encodeURIComponent(id)}`)).entry
}

/** 发布 / 标记失效 a policy the caller keeps, at the version they read. */
/** 新建政策: a draft (admins; an area admin's applies to their area). */
export async function createPolicy(input: PolicyDocInput): Promise<PolicyDocView> {
  return parseResponse(z.object({ policy: policyDocViewSchema }), await request('/api/policies', { method: 'POST', body: input })).policy
}

export async function actOnPolicy(
  id: string,
  body:
    | { type: 'publish' | 'expire'; expectedVersion: number }
    | { type: 'attach-original'; expectedVersion: number; uploadId: string }
    | { type: 'edit'; expectedVersion: number; policy: PolicyDocInput },
): Promise<PolicyDocView> {
  return parseResponse(z.object({ policy: policyDocViewSchema }), await request(`/api/policies/${encodeURIComponent(id)}/actions`, { method: 'POST', body })).policy
}

/** 发布 / 撤下 / 修改 an FAQ entry the caller keeps. */
export async function actOnFaq(id: string, body: FaqAction): Promise<FaqView> {
  return parseResponse(z.object({ entry: faqViewSchema }), await request(`/api/faq/${encodeURIComponent(id)}/actions`, { method: 'POST', body })).entry
}

/** 起草常见问答: a draft FAQ entry from a closed appeal's answer, for an admin to edit before publishing. */
export async function draftFaqFromAppeal(appealId: string): Promise<FaqView> {
  return parseResponse(z.object({ entry: faqViewSchema }), await request('/api/faq/from-appeal', { method: 'POST', body: { appealId } })).entry
}

/** 送政策: send a published policy to enterprises the caller serves. */
export async function sendPolicy(id: string, enterpriseIds: string[]): Promise<PolicyDeliveryResult> {
  return parseResponse(policyDeliveryResultSchema, await request(`/api/policies/${encodeURIComponent(id)}/deliveries`, { method: 'POST', body: { enterpriseIds } }))
}

/** 送达情况: the enterprises sent the policy and those that opened it, per area of the caller's reach. */
export async function fetchPolicyCoverage(id: string, areaId?: string): Promise<PolicyCoverage> {
  return parseResponse(policyCoverageSchema, await request(`/api/policies/${encodeURIComponent(id)}/coverage`, { query: { areaId } }))
}

/** 政策批量导入: check (dryRun) or import an XLSX of policies as drafts (admins). */
export async function importPolicies(body: PolicyImportRequest): Promise<PolicyImportResult> {
  return parseResponse(policyImportResultSchema, await request('/api/policies/import', { method: 'POST', body }))
}

/** The blank policies file (public). */
export const policyTemplateUrl = (): string => `${API_BASE}/api/kit/policy-template?format=xlsx`
