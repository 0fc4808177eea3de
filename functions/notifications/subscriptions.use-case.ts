import type { Actor } from '@shared/domain/actor'
import { addedBy, askingBudget, mayPush, templatesToAsk } from '@shared/domain/push-budget'
import { ValidationError } from '@shared/errors'
import type { ReportSubscriptionsRequest, Subscriptions, TemplateKey } from '@shared/schemas/notification.schema'
import { config as deployed, type Config } from '../lib/config'
import { addToBudget, getBudgets } from '../store/push.store'
import { TEMPLATES, configuredTemplates, isLongTerm, templateIdOf } from '../services/subscribe-templates'

/** The caller's budget per template, and which templates the app should ask for at the next tap. */
export async function getSubscriptions(actor: Actor, config: Config = deployed): Promise<Subscriptions> {
  const keys = configuredTemplates(actor.role, config)
  const records = new Map((await getBudgets(actor.id)).map((r) => [r.templateId, r]))
  const standings = new Map(
    keys.map((key) => {
      const record = records.get(templateIdOf(key, config))
      return [key, { count: Math.max(0, record?.count ?? 0), ...(record?.lastResult ? { lastResult: record.lastResult } : {}) }] as const
    }),
  )
  const templates = keys.map((key) => {
    const standing = standings.get(key)!
    const longTerm = isLongTerm(key, config)
    return { key, templateId: templateIdOf(key, config), name: TEMPLATES[key].name, budget: standing.count, ...(standing.lastResult ? { lastResult: standing.lastResult } : {}), longTerm, ready: mayPush(standing, longTerm) }
  })
  // A long-term template is asked for only until the user accepts it once.
  const budget = (key: TemplateKey) => askingBudget(standings.get(key) ?? { count: 0 }, isLongTerm(key, config))
  return { templates, askFor: templatesToAsk(keys, budget).map((key) => templateIdOf(key, config)) }
}

/**
 * The app reports what the user answered to requestSubscribeMessage: one more message per accept.
 * Only the templates of the caller's role count; any other id is refused with a field message,
 * so that an app built against another configuration finds out at once.
 */
export async function reportSubscriptions(actor: Actor, request: ReportSubscriptionsRequest, now: Date, config: Config = deployed): Promise<Subscriptions> {
  const offered = new Set(configuredTemplates(actor.role, config).map((key) => templateIdOf(key, config)))
  const unknown = Object.keys(request.results).filter((id) => !offered.has(id))
  if (unknown.length > 0) {
    throw new ValidationError('订阅结果中有不属于您的消息模板', Object.fromEntries(unknown.map((id) => [`results.${id}`, '不是您可订阅的消息模板'])))
  }
  await Promise.all(Object.entries(request.results).map(([templateId, result]) => addToBudget(actor.id, templateId, addedBy(result), result, now.toISOString())))
  return getSubscriptions(actor, config)
}
