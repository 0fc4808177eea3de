import type { Actor } from '@shared/domain/actor'
import { policyPage, policySentNotices } from '@shared/domain/notifications'
import { isInForce } from '@shared/domain/policy-pack'
import { countsAsPolicyOpen, policyCoverageReach, maySeeKitEntry, maySendPolicies, maySendPolicyTo } from '@shared/domain/policy'
import { ConflictError, ForbiddenError, NotFoundError } from '@shared/errors'
import type { PolicyDoc } from '@shared/schemas/policy.schema'
import type { PolicyCoverage, PolicyDeliveryInput, PolicyDeliveryResult } from '@shared/schemas/policy-delivery.schema'
import { outboxFor } from '../services/outbox'
import { getCatalogCached } from '../store/catalog.store'
import { getEnterprise } from '../store/enterprise.store'
import { getPolicyDoc } from '../store/policy-doc.store'
import { listPolicyReach, recordPolicyOpen, recordPolicySent } from '../store/policy-delivery.store'

/**
 * POST /api/policies/{id}/deliveries (送政策): a specialist sends a published policy to enterprises
 * of their portfolio, an admin to enterprises of their area (the city admin to any). Each
 * enterprise's approved staff are notified (inbox and push) with the policy page; an enterprise
 * is sent a policy once — a second sending to it changes nothing. Every enterprise is checked
 * before anything is sent: one refused enterprise refuses the whole sending.
 */
export async function sendPolicy(actor: Actor, policyId: string, input: PolicyDeliveryInput, now: Date): Promise<PolicyDeliveryResult> {
  const policy = await getPolicyDoc(policyId)
  if (!policy || !maySeeKitEntry(actor, policy)) throw new NotFoundError('未找到该政策')
  if (!maySendPolicies(actor)) throw new ForbiddenError('只有专员和管理员可以发送政策')
  if (!isInForce(policy, now)) throw new ConflictError('INVALID_TRANSITION', '只有已发布且在有效期内的政策可以发送给企业')
  const enterprises = await Promise.all(input.enterpriseIds.map((id) => getEnterprise(id)))
  if (enterprises.some((e) => !e || !maySendPolicyTo(actor, e))) throw new ForbiddenError('只能发送给您服务的企业（专员的名下企业，管理员的本属地企业）')
  const at = now.toISOString()
  const result: PolicyDeliveryResult = { sent: [], alreadySent: [] }
  for (const enterprise of enterprises) {
    if (!enterprise) continue
    const notices = policySentNotices({ policyId, policyTitle: policy.title, enterpriseId: enterprise.id, enterpriseName: enterprise.name, senderName: actor.name, sentAt: at })
    const outbox = await outboxFor(notices, { page: policyPage(policyId), exclude: actor.id })
    const fresh = await recordPolicySent({ policyId, areaId: enterprise.areaId, enterpriseId: enterprise.id, at, byId: actor.id, byName: actor.name }, outbox)
    ;(fresh ? result.sent : result.alreadySent).push(enterprise.id)
  }
  return result
}

/**
 * An enterprise user read a published policy's page: their enterprises (approved only) have
 * opened it, once per enterprise and policy. Officials' readings count for nothing.
 */
export async function notePolicyOpened(actor: Actor, policy: PolicyDoc, now: Date): Promise<void> {
  if (!countsAsPolicyOpen(actor) || policy.status !== 'published' || actor.enterpriseIds.length === 0) return
  const enterprises = await Promise.all(actor.enterpriseIds.map((id) => getEnterprise(id)))
  await Promise.all(
    enterprises.flatMap((e) => (e ? [recordPolicyOpen({ policyId: policy.id, areaId: e.areaId, enterpriseId: e.id, at: now.toISOString() })] : [])),
  )
}

/**
 * GET /api/policies/{id}/coverage?areaId (送达情况): per area, the enterprises the policy was sent
 * to and how many of them opened it (and those that opened it unsent). The city admin reads
 * every area or one; an area admin or a specialist their own area.
 */
export async function policyCoverage(actor: Actor, policyId: string, query: { areaId?: string }, now: Date): Promise<PolicyCoverage> {
  const policy = await getPolicyDoc(policyId)
  if (!policy || !maySeeKitEntry(actor, policy)) throw new NotFoundError('未找到该政策')
  const reach = policyCoverageReach(actor, query.areaId)
  if (reach.kind === 'refused') throw reach.why === 'other_area' ? new NotFoundError('未找到该属地') : new ForbiddenError('只有专员和管理员可以查看送达情况')
  const catalog = await getCatalogCached(now.getTime())
  if (reach.kind === 'area' && !catalog.areas.some((a) => a.id === reach.areaId)) throw new NotFoundError('未找到该属地')
  const items = await listPolicyReach(policyId, reach.kind === 'area' ? reach.areaId : undefined)
  const areas = (reach.kind === 'area' ? catalog.areas.filter((a) => a.id === reach.areaId) : catalog.areas).map((area) => {
    const sent = new Set(items.filter((i) => i.kind === 'sent' && i.areaId === area.id).map((i) => i.enterpriseId))
    const opens = items.filter((i) => i.kind === 'open' && i.areaId === area.id).map((i) => i.enterpriseId)
    const opened = opens.filter((id) => sent.has(id)).length
    return { areaId: area.id, name: area.name, sent: sent.size, opened, openedUnsent: opens.length - opened }
  })
  const sum = (pick: (a: (typeof areas)[number]) => number) => areas.reduce((n, a) => n + pick(a), 0)
  const sentAts = items.filter((i) => i.kind === 'sent').map((i) => i.at).sort()
  return {
    policyId,
    areas,
    total: { sent: sum((a) => a.sent), opened: sum((a) => a.opened), openedUnsent: sum((a) => a.openedUnsent) },
    lastSentAt: sentAts.at(-1) ?? null,
  }
}
