import type { Actor } from '@shared/domain/actor'
import { specialistRoster } from '@shared/domain/policy'
import { budgetEmpty } from '@shared/domain/push-budget'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { SpecialistSummary } from '@shared/schemas/roster.schema'
import { config } from '../lib/config'
import { organisationOf } from '../services/card-view'
import { configuredTemplates, templateIdOf } from '../services/subscribe-templates'
import { getCatalogCached } from '../store/catalog.store'
import { listPortfolio } from '../store/enterprise.store'
import { getBudgetsOf } from '../store/push.store'
import { listUsersByRole } from '../store/user.store'

const PORTFOLIO_READS_AT_ONCE = 8

/**
 * An area's specialists with the size of their portfolio, its open appeals, and whether new work
 * would still reach their phone (a push budget left for the new-work template).
 */
export async function listSpecialists(actor: Actor, areaId: string | undefined): Promise<SpecialistSummary[]> {
  const roster = specialistRoster(actor, areaId)
  if (roster.kind === 'hidden') throw new NotFoundError('未找到该属地')
  if (roster.kind === 'forbidden') throw new ForbiddenError('只有管理员可以查看专员名册')
  const area = roster.areaId
  if (!area) throw new ValidationError('请选择属地', { areaId: '请选择属地' })
  const [catalog, specialists] = await Promise.all([getCatalogCached(), listUsersByRole('specialist', 2000, area)])
  if (!catalog.areas.some((a) => a.id === area)) throw new NotFoundError('未找到该属地')
  const templates = configuredTemplates('specialist', config)
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

