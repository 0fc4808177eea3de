import type { Actor } from '@shared/domain/actor'
import { supervisionQueueReach } from '@shared/domain/policy'
import { buildQueue, type SupervisionLevel } from '@shared/domain/supervision'
import { ForbiddenError, NotFoundError } from '@shared/errors'
import type { Area } from '@shared/schemas/catalog.schema'
import type { QueueReason, SupervisionQueue, SupervisionQueueQuery } from '@shared/schemas/supervision.schema'
import { currentWorkingCalendar } from '../services/working-calendar'
import { listOpenAppeals } from '../store/appeal-lists.store'
import { getCatalogCached } from '../store/catalog.store'

export const CITY_SCOPE_NAME = '全市'

interface QueueScope {
  level: SupervisionLevel
  scope: SupervisionQueue['scope']
  areas: readonly Area[]
}

/**
 * Whose queue the caller sees: an area admin their area's (level 1); the city admin the whole
 * city's (level 2), or one area's as its admin sees it when `areaId` is given.
 */
function queueScope(actor: Actor, areaId: string | undefined, areas: readonly Area[]): QueueScope {
  const reach = supervisionQueueReach(actor, areaId)
  if (reach.kind === 'refused') throw new ForbiddenError(reach.why === 'other_area' ? '只能查看本属地的督办队列' : '只有属地或市级管理员可以查看督办队列')
  if (reach.kind === 'city') return { level: 2, scope: { kind: 'city', areaId: null, name: CITY_SCOPE_NAME }, areas }
  const area = areas.find((a) => a.id === reach.areaId)
  if (!area) throw new NotFoundError('未找到该属地')
  return { level: 1, scope: { kind: 'area', areaId: area.id, name: area.name }, areas: [area] }
}

/**
 * The supervision queue: the scope's open appeals that are escalated to its level, overdue or
 * due within two working days, overdue first. The counts are of the whole queue; `reason` only
 * narrows the items.
 */
export async function getSupervisionQueue(actor: Actor, query: SupervisionQueueQuery, now: Date): Promise<SupervisionQueue> {
  const { areas } = await getCatalogCached()
  const { level, scope, areas: read } = queueScope(actor, query.areaId, areas)
  const [calendar, open] = await Promise.all([currentWorkingCalendar(), Promise.all(read.map((a) => listOpenAppeals(a.id)))])
  const queue = buildQueue(open.flat(), now, calendar, level)
  const { reason } = query
  const count = (wanted: QueueReason) => queue.filter((item) => item.reasons.includes(wanted)).length
  return {
    level,
    scope,
    counts: { escalated: count('escalated'), overdue: count('overdue'), due_soon: count('due_soon') },
    items: reason ? queue.filter((item) => item.reasons.includes(reason)) : queue,
    at: now.toISOString(),
  }
}
