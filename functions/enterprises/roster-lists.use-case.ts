import * as z from 'zod'
import type { Actor } from '@shared/domain/actor'
import { canSeePortfolio } from '@shared/domain/admin-access'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { EnterprisePage, SpecialistSummary } from '@shared/schemas/roster.schema'
import { organisationOf } from '../cards/card-view'
import { getCatalogCached } from '../store/catalog.store'
import { listPortfolio, queryEnterprises, type EnterpriseQuery } from '../store/enterprise.store'
import { getUsers, listUsersByRole } from '../store/user.store'
import { getBudgetsOf } from '../store/push.store'
import { budgetEmpty } from '@shared/domain/push-budget'
import { config } from '../lib/config'
import { pageCursor } from '../lib/cursor'
import { configuredTemplates } from '../notifications/subscriptions.use-case'
import { templateIdOf } from '../notifications/templates'

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

const PORTFOLIO_READS_AT_ONCE = 8

/**
 * An area's specialists with the size of their portfolio, its open appeals, and whether new work
 * would still reach their phone (a push budget left for the new-work template).
 */
export async function listSpecialists(actor: Actor, areaId: string | undefined): Promise<SpecialistSummary[]> {
  if (actor.role === 'area_admin' && areaId && areaId !== actor.areaId) throw new NotFoundError('未找到该属地')
  if (actor.role !== 'area_admin' && actor.role !== 'city_admin') throw new ForbiddenError('只有管理员可以查看专员名册')
  const area = actor.role === 'area_admin' ? actor.areaId : areaId
  if (!area) throw new ValidationError('请选择属地', { areaId: '请选择属地' })
  const [catalog, specialists] = await Promise.all([getCatalogCached(), listUsersByRole('specialist', 2000, area)])
  if (!catalog.areas.some((a) => a.id === area)) throw new NotFoundError('未找到该属地')
  const templates = configuredTemplates('specialist')
  const budgets = templates[0] ? await getBudgetsOf(specialists.map((s) => s.id), templateIdOf(templates[0], config)) : new Map<string, number>()
  const summaries: SpecialistSummary[] = new Array(specialists.length)
  let next = 0
  const worker = async () => {
    while (next < specialists.length) {
      const i = next++
      const s = specialists[i]!
      const portfolio = await listPortfolio(s.id)
      summaries[i] = {
        id: s.id,
        name: s.name,
        title: s.title ?? '企业服务专员',
        phone: s.phone ?? '',
        areaId: s.areaId ?? null,
        organisation: organisationOf(s, catalog),
        portfolioSize: portfolio.length,
        openAppeals: portfolio.reduce((sum, e) => sum + Math.max(0, e.openAppeals ?? 0), 0),
        pushBudgetEmpty: budgetEmpty(templates, () => budgets.get(s.id) ?? 0),
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PORTFOLIO_READS_AT_ONCE, specialists.length) }, worker))
  return summaries
}

