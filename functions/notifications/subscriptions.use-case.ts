import type { Actor } from '@shared/domain/actor'
import { addedBy, templatesToAsk } from '@shared/domain/push-budget'
import { ValidationError } from '@shared/errors'
import type { ReportSubscriptionsRequest, Subscriptions, TemplateKey } from '@shared/schemas/notification.schema'
import { config } from '../lib/config'
import { addToBudget, getBudgets } from '../store/push.store'
import { TEMPLATES, configuredTemplates, templateIdOf } from '../services/subscribe-templates'

/** The caller's budget per template, and which templates the app should ask for at the next tap. */
export async function getSubscriptions(actor: Actor): Promise<Subscriptions> {
  const keys = configuredTemplates(actor.role, config)
  const records = new Map((await getBudgets(actor.id)).map((r) => [r.templateId, r]))
  const templates = keys.map((key) => {
    const templateId = templateIdOf(key, config)
    const record = records.get(templateId)
    return { key, templateId, name: TEMPLATES[key].name, budget: Math.max(0, record?.count ?? 0), ...(record?.lastResult ? { lastResult: record.lastResult } : {}) }
  })
  const budget = (key: TemplateKey) => templates.find((t) => t.key === key)?.budget ?? 0
  return { templates, askFor: templatesToAsk(keys, budget).map((key) => templateIdOf(key, config)) }
}

/**
 * The app reports what the user answered to requestSubscribeMessage: one more message per accept.
 * Only the templates of the caller's role count; any other id is refused with a field message,
 * so that an app built against another configuration finds out at once.
 */
export async function reportSubscriptions(actor: Actor, request: ReportSubscriptionsRequest, now: Date): Promise<Subscriptions> {
  const offered = new Set(configuredTemplates(actor.role, config).map((key) => templateIdOf(key, config)))
  const unknown = Object.keys(request.results).filter((id) => !offered.has(id))
  if (unknown.length > 0) {
    throw new ValidationError('订阅结果中有不属于您的消息模板', Object.fromEntries(unknown.map((id) => [`results.${id}`, '不是您可订阅的消息模板'])))
  }
  await Promise.all(Object.entries(request.results).map(([templateId, result]) => addToBudget(actor.id, templateId, addedBy(result), result, now.toISOString())))
  return getSubscriptions(actor)
}
