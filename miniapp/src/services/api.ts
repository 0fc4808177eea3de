import type { z } from 'zod'
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
import {
  devIdentitiesSchema,
  loginResponseSchema,
  meResponseSchema,
  type DevIdentity,
  type LoginResponse,
  type User,
} from '@shared/schemas/user.schema'
import { ApiError, request } from './request'

/** One typed function per endpoint; responses are checked against the shared schemas. */

function parse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data)
  if (!result.success) throw new ApiError(200, 'BAD_RESPONSE', '服务返回的数据格式不正确，请稍后重试')
  return result.data
}

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
}

export async function listAppeals(params: ListAppealsParams = {}): Promise<AppealPage> {
  const data = await request('/api/appeals', {
    query: {
      limit: params.limit ?? 20,
      cursor: params.cursor ?? undefined,
      status: params.status?.length ? params.status.join(',') : undefined,
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
