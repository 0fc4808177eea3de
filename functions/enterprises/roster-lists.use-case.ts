import * as z from 'zod'
import type { Actor } from '@shared/domain/actor'
import { canSeePortfolio } from '@shared/domain/admin-access'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { EnterprisePage, SpecialistSummary } from '@shared/schemas/roster.schema'
import { getCatalogCached } from '../store/catalog.store'
import { listPortfolio, queryEnterprises, type EnterpriseQuery } from '../store/enterprise.store'
import { getUsers, listUsersByRole } from '../store/user.store'
import { config } from '../lib/config'
import { pageCursor } from '../lib/cursor'

export type EnterpriseListQuery = Omit<EnterpriseQuery, 'after'> & { cursor?: string }

/** Where the next page starts: after this index position (an area's `<id>`, a portfolio's `<area>#<id>`). */
const enterprisesCursor = pageCursor('enterprises', z.object({ after: z.string().regex(/^([a-z][a-z0-9-]{0,39}#)?en-[0-9a-z-]{1,40}$/) }))

/**
 * Which enterprises the caller may list: a specialist their own portfolio; an area admin their
 * area (optionally one specialist's part of it); the city admin any area or any portfolio.
 */
function scopeOf(actor: Actor, query: EnterpriseListQuery): EnterpriseListQuery {
  switch (actor.role) {
    case 'specialist':
      // 我服务的企业: their own portfolio, read-only; anyone else's is not there for them.
      if (query.specialistId && !canSeePortfolio(actor, query.specialistId)) throw new NotFoundError('未找到该专员')
      return { ...query, specialistId: actor.id }
    case 'area_admin':
      if (query.areaId && query.areaId !== actor.areaId) throw new NotFoundError('未找到该属地')
      return { ...query, areaId: actor.areaId }
    case 'city_admin':
      if (!query.areaId && !query.specialistId) throw new ValidationError('请选择属地', { areaId: '请选择属地' })
      return query
    default:
      throw new ForbiddenError('只有专员和管理员可以查看企业名册')
  }
}

export async function listEnterprises(actor: Actor, query: EnterpriseListQuery): Promise<EnterprisePage> {
  // The cursor belongs to the list as scoped: the caller, the area or portfolio, the filters.
  const { cursor, limit, ...filters } = scopeOf(actor, query)
  const context = { caller: actor.id, filters }
  const after = enterprisesCursor.decode(context, cursor)?.after
  const page = await queryEnterprises({ ...filters, limit, after })
  const specialists = await getUsers(page.items.flatMap((e) => (e.specialistId ? [e.specialistId] : [])))
  return {
    items: page.items.map((e) => ({
      id: e.id,
      creditCode: e.creditCode,
      name: e.name,
      industry: e.industry,
      scale: e.scale,
      areaId: e.areaId,
      specialistId: e.specialistId,
      specialistName: e.specialistId ? (specialists.get(e.specialistId)?.name ?? null) : null,
      cardId: e.cardId ?? null,
      openAppeals: Math.max(0, e.openAppeals ?? 0),
      closedAppeals: Math.max(0, e.closedAppeals ?? 0),
    })),
    cursor: page.next ? enterprisesCursor.encode(context, { after: page.next }) : null,
  }
}
