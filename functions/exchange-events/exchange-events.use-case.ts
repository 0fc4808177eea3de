import { ulid } from 'ulid'
import { actorRef, type Actor } from '@shared/domain/actor'
import { eventTallies, problemsInOrder, seriesTotals } from '@shared/domain/exchange-events'
import { exchangeEventReach, mayScheduleExchangeEvent, maySeeExchangeEvent, mayUseExchangeEvents } from '@shared/domain/policy'
import { ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type {
  CreateExchangeEventRequest,
  EventTallies,
  ExchangeEvent,
  ExchangeEventDetail,
  ExchangeEventList,
  InvitedEnterprise,
  ListExchangeEventsQuery,
  SeriesTotals,
  SeriesTotalsQuery,
} from '@shared/schemas/exchange-event.schema'
import { listAppealsOfSource } from '../services/appeal-sources'
import { getCatalogCached } from '../store/catalog.store'
import { getEnterprise, type EnterpriseRecord } from '../store/enterprise.store'
import { getExchangeEvent, listCityExchangeEvents, listScopeExchangeEvents, putExchangeEvent } from '../store/exchange-event.store'

/** Reads run this many at a time (enterprises of an invitation, the appeals of a series' events). */
const READ_CONCURRENCY = 8

async function inBatches<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let start = 0; start < items.length; start += READ_CONCURRENCY) {
    out.push(...(await Promise.all(items.slice(start, start + READ_CONCURRENCY).map(read))))
  }
  return out
}

const mustUse = (actor: Actor) => {
  if (!mayUseExchangeEvents(actor)) throw new ForbiddenError('只有企业服务专员和管理员可以使用政企交流活动')
}

/**
 * 新建交流日. Input: the admin, the form, now. Checks that the caller may schedule for that scope,
 * that the area, the departments and each invited enterprise exist (a listed enterprise of an
 * area's event must be of that area), then stores the event with a new `ev-` id.
 */
export async function scheduleExchangeEvent(actor: Actor, request: CreateExchangeEventRequest, now: Date): Promise<ExchangeEvent> {
  mustUse(actor)
  if (!mayScheduleExchangeEvent(actor, request.areaId)) {
    throw new ForbiddenError(request.areaId === null ? '只有市级管理员可以安排市级交流活动' : '只能为本属地安排交流活动')
  }
  const catalog = await getCatalogCached()
  const fields: FieldErrors = {}
  if (request.areaId !== null && !catalog.areas.some((a) => a.id === request.areaId)) fields.areaId = '属地不存在'
  const unknownDepartment = request.departmentIds.findIndex((id) => !catalog.departments.some((d) => d.id === id))
  if (unknownDepartment >= 0) fields[`departmentIds.${unknownDepartment}`] = '参会部门不存在'
  const invited = request.invited
  if (invited.kind === 'filter' && invited.areaId !== undefined) {
    if (request.areaId !== null && invited.areaId !== request.areaId) fields['invited.areaId'] = '只能邀请本属地的企业'
    else if (!catalog.areas.some((a) => a.id === invited.areaId)) fields['invited.areaId'] = '属地不存在'
  }
  if (invited.kind === 'list') {
    const found = await inBatches(invited.enterpriseIds, getEnterprise)
    found.forEach((enterprise, i) => {
      if (!enterprise) fields[`invited.enterpriseIds.${i}`] = '企业不存在'
      else if (request.areaId !== null && enterprise.areaId !== request.areaId) fields[`invited.enterpriseIds.${i}`] = '只能邀请本属地的企业'
    })
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('交流活动信息有误，请检查后重试', fields)
  const event: ExchangeEvent = {
    id: `ev-${ulid(now.getTime()).toLowerCase()}`,
    ...request,
    createdBy: actorRef(actor),
    createdAt: now.toISOString(),
  }
  await putExchangeEvent(event)
  return event
}

/** The events the caller's reach covers: an area's together with the city-level ones, or the whole city's. */
async function eventsInReach(actor: Actor, areaId: string | undefined, series?: string): Promise<ExchangeEvent[]> {
  const reach = exchangeEventReach(actor, areaId)
  if (reach.kind === 'refused') {
    throw new ForbiddenError(reach.why === 'other_area' ? '只能查看本属地的交流活动' : '只有企业服务专员和管理员可以查看交流活动')
  }
  if (reach.kind === 'city') return listCityExchangeEvents(series)
  if (reach.kind === 'cityLevelOnly') return listScopeExchangeEvents(null, series)
  const { areas } = await getCatalogCached()
  if (!areas.some((a) => a.id === reach.areaId)) throw new NotFoundError('未找到该属地')
  const [own, city] = await Promise.all([listScopeExchangeEvents(reach.areaId, series), listScopeExchangeEvents(null, series)])
  return [...own, ...city].sort((a, b) => `${b.date}#${b.time}`.localeCompare(`${a.date}#${a.time}`))
}

/** The events list (newest date first), optionally one area's (city admin) and one series. */
export async function listExchangeEvents(actor: Actor, query: ListExchangeEventsQuery): Promise<ExchangeEventList> {
  return { items: await eventsInReach(actor, query.areaId, query.series) }
}

const appealsOfEvent = (eventId: string): Promise<Appeal[]> => listAppealsOfSource({ kind: 'event', id: eventId })

/** An invitation by list as the quick-entry picker shows it (enterprises removed since are left out). */
async function invitedEnterprises(event: ExchangeEvent): Promise<InvitedEnterprise[]> {
  if (event.invited.kind !== 'list') return []
  const found = await inBatches(event.invited.enterpriseIds, getEnterprise)
  return found
    .filter((e): e is EnterpriseRecord => e !== undefined)
    .map((e) => ({ id: e.id, name: e.name, scale: e.scale, areaId: e.areaId, specialistId: e.specialistId }))
}

/**
 * The event page. Input: the caller, the event's id. Output: the event, its live tallies
 * (raised / with a measure / solved) and the problems raised at it with where each stands.
 * An event the caller may not see is not found.
 */
export async function getExchangeEventDetail(actor: Actor, id: string): Promise<ExchangeEventDetail> {
  const event = await getExchangeEvent(id)
  if (!event || !maySeeExchangeEvent(actor, event)) throw new NotFoundError('未找到该交流活动')
  const [appeals, invited] = await Promise.all([appealsOfEvent(event.id), invitedEnterprises(event)])
  return { event, tallies: eventTallies(appeals), problems: problemsInOrder(appeals), invitedEnterprises: invited }
}

/** Totals per series (e.g. 高新区政企交流主题日: meetings, raised, with a measure, solved) over the caller's reach. */
export async function getSeriesTotals(actor: Actor, query: SeriesTotalsQuery, now: Date): Promise<SeriesTotals> {
  const events = await eventsInReach(actor, query.areaId)
  const tallies = await inBatches(events, async (event) => [event.id, eventTallies(await appealsOfEvent(event.id))] as const)
  const byEvent = new Map<string, EventTallies>(tallies)
  return { items: seriesTotals(events, (eventId) => byEvent.get(eventId)!, now) }
}
