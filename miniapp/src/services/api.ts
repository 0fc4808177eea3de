import * as z from 'zod'
import {
  appealDetailSchema,
  appealPageSchema,
  appealResponseSchema,
  type Appeal,
  type AppealAction,
  type AppealDetail,
  type AppealPage,
  type AppealStatus,
  type SubmitAppealRequest,
} from '@shared/schemas/appeal.schema'
import { catalogSchema, type Catalog } from '@shared/schemas/catalog.schema'
import { bindCardResponseSchema, cardViewSchema, type BindCardRequest, type CardView } from '@shared/schemas/card.schema'
import {
  devIdentitiesSchema,
  loginResponseSchema,
  meResponseSchema,
  staffListSchema,
  staffMemberSchema,
  type Binding,
  type BindingDecision,
  type DevIdentity,
  type LoginResponse,
  type StaffMember,
  type User,
} from '@shared/schemas/user.schema'
import { parseResponse, request } from './request'

/** One typed function per endpoint; responses are checked against the shared schemas. */

const parse = parseResponse

export async function fetchDevIdentities(): Promise<DevIdentity[]> {
  return parse(devIdentitiesSchema, await request('/api/auth/dev-identities')).identities
}

export async function devLogin(as: string): Promise<LoginResponse> {
  return parse(loginResponseSchema, await request('/api/auth/dev-login', { method: 'POST', body: { as } }))
}

export async function fetchMe(): Promise<User> {
  return parse(meResponseSchema, await request('/api/me')).user
}

export async function fetchCatalog(): Promise<Catalog> {
  return parse(catalogSchema, await request('/api/catalog'))
}

export interface ListAppealsParams {
  cursor?: string | null
  limit?: number
  status?: readonly AppealStatus[]
  /** Only the appeal with this number (诉求编号), if the caller may see it. */
  number?: string
}

export async function listAppeals(params: ListAppealsParams = {}): Promise<AppealPage> {
  const data = await request('/api/appeals', {
    query: {
      limit: params.limit ?? 20,
      cursor: params.cursor ?? undefined,
      status: params.status?.length ? params.status.join(',') : undefined,
      number: params.number,
    },
  })
  return parse(appealPageSchema, data)
}

/** The Idempotency-Key is made once per submission attempt by the caller and reused on retry. */
export async function submitAppeal(body: SubmitAppealRequest, idempotencyKey: string): Promise<Appeal> {
  const data = await request('/api/appeals', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  })
  return parse(appealResponseSchema, data).appeal
}

export async function fetchAppealDetail(id: string): Promise<AppealDetail> {
  return parse(appealDetailSchema, await request(`/api/appeals/${encodeURIComponent(id)}`))
}

export async function actOnAppeal(id: string, action: AppealAction): Promise<Appeal> {
  const data = await request(`/api/appeals/${encodeURIComponent(id)}/actions`, { method: 'POST', body: action })
  return parse(appealResponseSchema, data).appeal
}

export async function wechatLogin(code: string): Promise<LoginResponse> {
  return parse(loginResponseSchema, await request('/api/auth/wechat', { method: 'POST', body: { code } }))
}

export async function claimInvitation(code: string, invitation: string): Promise<LoginResponse> {
  return parse(loginResponseSchema, await request('/api/auth/claim-invitation', { method: 'POST', body: { code, invitation } }))
}

/** Public: what a scanned card shows. */
export async function fetchCard(cardId: string): Promise<CardView> {
  return parse(cardViewSchema, await request(`/api/cards/${encodeURIComponent(cardId)}`))
}

/** Asks to join the card's enterprise (pending until approved); returns the binding as it stands. */
export async function bindCard(cardId: string, who: BindCardRequest): Promise<Binding> {
  return parse(bindCardResponseSchema, await request(`/api/cards/${encodeURIComponent(cardId)}/bind`, { method: 'POST', body: who })).binding
}

export async function listEnterpriseStaff(enterpriseId: string): Promise<StaffMember[]> {
  return parse(staffListSchema, await request(`/api/enterprises/${encodeURIComponent(enterpriseId)}/staff`)).items
}

/** Join requests waiting for the signed-in specialist or area admin. */
export async function listStaffRequests(): Promise<StaffMember[]> {
  return parse(staffListSchema, await request('/api/staff-requests')).items
}

export async function decideStaff(enterpriseId: string, userId: string, decision: BindingDecision): Promise<StaffMember> {
  const data = await request(`/api/enterprises/${encodeURIComponent(enterpriseId)}/staff/${encodeURIComponent(userId)}`, {
    method: 'POST',
    body: { decision },
  })
  return parse(z.object({ item: staffMemberSchema }), data).item
}
