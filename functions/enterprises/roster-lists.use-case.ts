import * as z from 'zod'
import type { Actor } from '@shared/domain/actor'
import { enterpriseListing } from '@shared/domain/policy'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { EnterprisePage } from '@shared/schemas/roster.schema'
import { enterpriseSearchTerms } from '@shared/domain/enterprise-search'
import { queryEnterprises, type EnterpriseQuery, type EnterpriseRecord } from '../store/enterprise.store'
import { getUsers } from '../store/user.store'
import { pageCursor } from '../lib/cursor'

export type EnterpriseListQuery = Omit<EnterpriseQuery, 'after' | 'search'> & { cursor?: string; q?: string }

/** A search keeps few of the enterprises it reads: read on, page after page of the partition, before answering short. */
const SEARCH_ROUNDS = 8

/** Where the next page starts: after this index position (an area's `<id>`, a portfolio's `<area>#<id>`). */
const enterprisesCursor = pageCursor('enterprises', z.object({ after: z.string().regex(/^([a-z][a-z0-9-]{0,39}#)?en-[0-9a-z-]{1,40}$/) }))

/**
 * Which enterprises the caller may list: a specialist their own portfolio; an area admin their
 * area (optionally one specialist's part of it); the city admin any area or any portfolio.
 */
function scopeOf(actor: Actor, query: EnterpriseListQuery): EnterpriseListQuery {
  const listing = enterpriseListing(actor, query)
  switch (listing.kind) {
    case 'portfolio':
      return { ...query, specialistId: listing.specialistId }
    case 'area':
      return { ...query, areaId: listing.areaId }
    case 'asked':
      return query
    case 'needsArea':
      throw new ValidationError('请选择属地', { areaId: '请选择属地' })
    case 'hidden':
      throw new NotFoundError(listing.what === 'specialist' ? '未找到该专员' : '未找到该属地')
    case 'forbidden':
      throw new ForbiddenError('只有专员和管理员可以查看企业名册')
  }
}

export async function listEnterprises(actor: Actor, query: EnterpriseListQuery): Promise<EnterprisePage> {
  // The cursor belongs to the list as scoped: the caller, the area or portfolio, the filters.
  const { cursor, limit, ...filters } = scopeOf(actor, query)
  const context = { caller: actor.id, filters }
  const { q, ...where } = filters
  const search = q === undefined ? undefined : enterpriseSearchTerms(q)
  let after = enterprisesCursor.decode(context, cursor)?.after
  const items: EnterpriseRecord[] = []
  for (let round = 0; round < (search ? SEARCH_ROUNDS : 1); round++) {
    const page = await queryEnterprises({ ...where, search, limit: limit - items.length, after })
    items.push(...page.items)
    after = page.next ?? undefined
    if (!after || items.length >= limit) break
  }
  const specialists = await getUsers(items.flatMap((e) => (e.specialistId ? [e.specialistId] : [])))
  return {
    items: items.map((e) => ({
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
      ...(e.lastVisitAt ? { lastVisitAt: e.lastVisitAt } : {}),
    })),
    cursor: after ? enterprisesCursor.encode(context, { after }) : null,
  }
}
