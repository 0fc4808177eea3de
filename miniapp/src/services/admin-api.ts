import { areaCardsSchema, type AreaCards } from '@shared/schemas/card.schema'
import { categorySchema, routingChangesSchema, type Category, type CategoryRouting, type Enterprise, type RoutingChange } from '@shared/schemas/catalog.schema'
import {
  enterprisePageSchema,
  reassignResultSchema,
  rosterImportResultSchema,
  specialistListSchema,
  type EnterprisePage,
  type HandoverRequest,
  type ReassignRequest,
  type ReassignResult,
  type RosterImportRequest,
  type RosterImportResult,
  type SpecialistSummary,
} from '@shared/schemas/roster.schema'
import { invitationSchema, type Invitation } from '@shared/schemas/user.schema'
import { calendarYearSchema, type CalendarYear, type YearSchedule } from '@shared/schemas/calendar.schema'
import * as z from 'zod'
import { API_BASE } from '../settings'
import { parseResponse, request } from './request'

/**
 * The admin subpackage's endpoints (属地 / 市级管理员): one typed function each, responses
 * checked against the shared schemas. Kept apart from api.ts so that the main package does
 * not carry them.
 */

const parse = parseResponse

const segment = (id: string): string => encodeURIComponent(id)

export type Scale = Enterprise['scale']

export interface ListEnterprisesParams {
  /** Required for the city admin; the server pins an area admin to their own area. */
  areaId?: string
  scale?: Scale
  specialistId?: string
  /** true: only enterprises with open appeals; false: only those without; undefined: all. */
  hasOpenAppeals?: boolean
  /** Part of the name, the credit code, or the contact's name or phone. */
  q?: string
  limit?: number
  cursor?: string | null
}

export async function listEnterprises(params: ListEnterprisesParams = {}): Promise<EnterprisePage> {
  const data = await request('/api/enterprises', {
    query: {
      areaId: params.areaId,
      scale: params.scale,
      specialistId: params.specialistId,
      hasOpenAppeals: params.hasOpenAppeals === undefined ? undefined : String(params.hasOpenAppeals),
      q: params.q,
      limit: params.limit,
      cursor: params.cursor ?? undefined,
    },
  })
  return parse(enterprisePageSchema, data)
}

/** Specialists of an area with their portfolio size and open appeals. */
export async function listSpecialists(areaId?: string): Promise<SpecialistSummary[]> {
  return parse(specialistListSchema, await request('/api/specialists', { query: { areaId } })).items
}

/** Moves one enterprise (its cards and open appeals) to another specialist. */
export async function reassignEnterprise(enterpriseId: string, body: ReassignRequest): Promise<ReassignResult> {
  const data = await request(`/api/enterprises/${segment(enterpriseId)}/reassign`, { method: 'POST', body })
  return parse(reassignResultSchema, data)
}

/** Moves a leaving specialist's whole portfolio to another specialist. */
export async function handOverPortfolio(specialistId: string, body: HandoverRequest): Promise<ReassignResult> {
  const data = await request(`/api/specialists/${segment(specialistId)}/handover`, { method: 'POST', body })
  return parse(reassignResultSchema, data)
}

/** Checks (dryRun) or applies a roster file; a file with invalid rows is never applied. */
export async function importRoster(body: RosterImportRequest): Promise<RosterImportResult> {
  // A city's roster is planned and written in one request that may take tens of seconds.
  return parse(rosterImportResultSchema, await request('/api/roster/import', { method: 'POST', body, timeout: 60_000 }))
}

/** The cards of one area, for the print sheet. */
export async function fetchAreaCards(areaId: string): Promise<AreaCards> {
  return parse(areaCardsSchema, await request(`/api/areas/${segment(areaId)}/cards`))
}

export type RosterTemplateFormat = 'xlsx' | 'csv'

/** Public, binary: opened by the browser or Taro.downloadFile rather than fetched as JSON. */
export function rosterTemplateUrl(format: RosterTemplateFormat): string {
  return `${API_BASE}/api/roster/template?format=${format}`
}

/** The PNG code of a card; public and served with CORS `*`, so a canvas may read it. */
export function cardCodeUrl(cardId: string): string {
  return `${API_BASE}/api/cards/${segment(cardId)}/code`
}

/** A one-time code with which an official links their WeChat account (7 days, single use). */
export async function inviteOfficial(userId: string): Promise<Invitation> {
  return parse(invitationSchema, await request(`/api/users/${segment(userId)}/invitation`, { method: 'POST' }))
}

/** Where each year's working days come from (loaded, data package, provisional). */
export async function listCalendarYears(): Promise<CalendarYear[]> {
  return parse(z.object({ items: z.array(calendarYearSchema) }), await request('/api/calendar/years')).items
}

const loadYearResultSchema = z.object({ year: calendarYearSchema, recounted: z.number(), moved: z.number() })

/** Loads a year's official schedule; provisional deadlines are counted again (may take a while). */
export async function loadCalendarYear(schedule: YearSchedule): Promise<z.infer<typeof loadYearResultSchema>> {
  return parse(loadYearResultSchema, await request('/api/calendar/years', { method: 'POST', body: schedule, timeout: 60_000 }))
}

/** One routing-table row changed by the city admin; audited on the server. */
export async function editCategoryRouting(categoryId: string, routing: CategoryRouting): Promise<Category> {
  return parse(z.object({ category: categorySchema }), await request(`/api/catalog/categories/${segment(categoryId)}/routing`, { method: 'POST', body: routing })).category
}

export async function listRoutingChanges(): Promise<RoutingChange[]> {
  return parse(routingChangesSchema, await request('/api/catalog/routing-changes')).items
}
