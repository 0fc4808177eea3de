import type { Actor } from '@shared/domain/actor'
import { shanghaiDate } from '@shared/domain/calendar'
import { deflectionRate } from '@shared/domain/policy-pack'
import { deflectionReach, mayRecordDeflection } from '@shared/domain/policy'
import { counterName } from '@shared/domain/report-ledger'
import { monthOf } from '@shared/domain/report-month'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { DeflectionInput, DeflectionReport } from '@shared/schemas/policy.schema'
import type { ReportScopeKey } from '@shared/schemas/report.schema'
import { getCatalogCached } from '../store/catalog.store'
import { getEnterprise } from '../store/enterprise.store'
import { getDeflections, recordDeflection } from '../store/kit-stats.store'
import { readScopeCells } from '../store/report.store'
import { kitLists } from '../services/kit-lists'

/** A person's mark for an entry expires after this many days (the counts stay). */
const MARK_DAYS = 40

/**
 * POST /api/kit/deflections: the enterprise read an answer while filing and said 已解决，不再提交.
 * Counted per month and category, for the city and the enterprise's area; once per person,
 * entry and day (a second tap the same day changes nothing).
 */
export async function recordKitDeflection(actor: Actor, input: DeflectionInput, now: Date): Promise<{ counted: boolean }> {
  if (!mayRecordDeflection(actor)) throw new ForbiddenError('只有企业联系人可以反馈')
  const mine = [...actor.enterpriseIds, ...actor.pendingEnterpriseIds]
  if (input.enterpriseId && !mine.includes(input.enterpriseId)) throw new NotFoundError('未找到该企业')
  const [data, catalog] = await Promise.all([kitLists(), getCatalogCached(now.getTime())])
  const published = input.itemId.startsWith('pd-')
    ? data.policies.some((p) => p.id === input.itemId && p.status === 'published')
    : data.faq.some((f) => f.id === input.itemId && f.status === 'published')
  if (!published) throw new NotFoundError('未找到该条目')
  if (input.categoryId && !catalog.categories.some((c) => c.id === input.categoryId)) throw new ValidationError('请求内容有误，请检查后重试', { categoryId: '请选择诉求类别' })
  const enterpriseId = input.enterpriseId ?? mine[0]
  const enterprise = enterpriseId ? await getEnterprise(enterpriseId) : undefined
  const scopes = ['city', ...(enterprise ? [`area:${enterprise.areaId}`] : [])]
  const counted = await recordDeflection({
    userId: actor.id,
    itemId: input.itemId,
    day: shanghaiDate(now),
    month: monthOf(now),
    ...(input.categoryId ? { categoryId: input.categoryId } : {}),
    scopes,
    at: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + MARK_DAYS * 86_400,
  })
  return { counted }
}

/**
 * GET /api/kit/deflections?month&areaId: per category, the appeals not filed because an answer
 * helped beside the appeals filed (received and withdrawn, every channel), and the rate
 * deflected ÷ (deflected + filed).
 */
export async function deflectionReport(actor: Actor, query: { month: string; areaId?: string }, now: Date): Promise<DeflectionReport> {
  const reach = deflectionReach(actor, query.areaId)
  if (reach.kind === 'refused') throw reach.why === 'other_area' ? new NotFoundError('未找到该属地') : new ForbiddenError('只有属地或市级管理员可以查看')
  const catalog = await getCatalogCached(now.getTime())
  if (reach.kind === 'area' && !catalog.areas.some((a) => a.id === reach.areaId)) throw new NotFoundError('未找到该属地')
  const scope: ReportScopeKey = reach.kind === 'city' ? 'city' : `area:${reach.areaId}`
  const names = catalog.categories.flatMap((c) => [counterName('category', c.id, 'received'), counterName('category', c.id, 'withdrawn')])
  const [deflections, cells] = await Promise.all([getDeflections(query.month, scope), readScopeCells(scope, [query.month], names)])
  const counters = cells.get(query.month)?.counters ?? {}
  const categories = catalog.categories.map((c) => {
    const deflected = deflections[c.id] ?? 0
    const filed = (counters[counterName('category', c.id, 'received')] ?? 0) + (counters[counterName('category', c.id, 'withdrawn')] ?? 0)
    return { categoryId: c.id, name: c.name, deflected, filed, rate: deflectionRate(deflected, filed) }
  })
  const deflected = Object.values(deflections).reduce((sum, n) => sum + n, 0)
  const filed = categories.reduce((sum, c) => sum + c.filed, 0)
  return { month: query.month, scope, total: { categoryId: 'all', name: '合计', deflected, filed, rate: deflectionRate(deflected, filed) }, categories }
}
