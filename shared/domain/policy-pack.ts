import { shanghaiDate } from './calendar'
import type { Industry, Scale } from '../schemas/catalog.schema'
import type { ActorRef } from '../schemas/appeal.schema'
import type { Applicability, FaqEntry, PolicyDoc, PolicyDocAction, PolicyDocChange, PolicyDocInput, PolicyPack } from '../schemas/policy.schema'

/*
 * The policy pack (政策包 / 升规指南): who a policy applies to, which pack it belongs in, its
 * state (draft → published → withdrawn; expired by date, marked, never deleted) and the change
 * record each write keeps. Pure: the clock and the stored document are given.
 */

export interface EnterpriseProfileForPolicy {
  scale: Scale
  industry: Industry
  areaId: string
}

/** Whether a policy applies to an enterprise: each list left empty applies to all. */
export function appliesTo(applicability: Applicability, enterprise: EnterpriseProfileForPolicy): boolean {
  const { scales, industries, areaIds } = applicability
  return (
    (scales.length === 0 || scales.includes(enterprise.scale)) &&
    (industries.length === 0 || industries.includes(enterprise.industry)) &&
    (areaIds.length === 0 || areaIds.includes(enterprise.areaId))
  )
}

/**
 * The pack a policy is shown in: 升规指南 when it is for near-scale firms and not above-scale
 * ones, 规上政策包 when it is for above-scale firms and not near-scale ones, general otherwise.
 */
export function packOf(applicability: Pick<Applicability, 'scales'>): PolicyPack {
  const { scales } = applicability
  if (scales.includes('near') && !scales.includes('above')) return 'near'
  if (scales.includes('above') && !scales.includes('near')) return 'above'
  return 'general'
}

export const PACK_LABELS: Record<PolicyPack, string> = { above: '规上政策包', near: '升规指南', general: '惠企通用政策' }

/** The pack an enterprise of this scale is handed first. */
export const packForScale = (scale: Scale): PolicyPack => (scale === 'above' ? 'above' : scale === 'near' ? 'near' : 'general')

/** Past its expiry date (the policy ran to the end of `expiresOn`). */
export const isExpired = (policy: Pick<PolicyDoc, 'expiresOn'>, now: Date): boolean => policy.expiresOn !== null && policy.expiresOn < shanghaiDate(now)

/** In force for enterprises: published and not expired. */
export const isInForce = (policy: Pick<PolicyDoc, 'status' | 'expiresOn'>, now: Date): boolean => policy.status === 'published' && !isExpired(policy, now)

/** The policies an enterprise is shown: in force and applying to it, its own pack first, newest first. */
export function policiesFor<P extends PolicyDoc>(policies: readonly P[], enterprise: EnterpriseProfileForPolicy, now: Date): P[] {
  const own = packForScale(enterprise.scale)
  const rank = (p: P) => (packOf(p.appliesTo) === own ? 0 : 1)
  return policies
    .filter((p) => isInForce(p, now) && appliesTo(p.appliesTo, enterprise))
    .sort((a, b) => rank(a) - rank(b) || b.issuedOn.localeCompare(a.issuedOn) || a.id.localeCompare(b.id))
}

export type PolicyDocTransition = PolicyDocAction['type']

/** Which actions the document's state allows (the permission is the policy module's question). */
export function policyActionsFrom(policy: Pick<PolicyDoc, 'status' | 'expiresOn'>, now: Date): PolicyDocTransition[] {
  const expired = isExpired(policy, now)
  switch (policy.status) {
    case 'draft':
      return expired ? ['edit', 'attach-original'] : ['edit', 'publish', 'attach-original']
    case 'published':
      return expired ? ['edit', 'withdraw', 'attach-original'] : ['edit', 'withdraw', 'expire', 'attach-original']
    case 'withdrawn':
      return expired ? ['edit', 'attach-original'] : ['edit', 'publish', 'attach-original']
  }
}

/** A policy's original (原文) is kept as a PDF, as the issuing office publishes it. */
export const ORIGINAL_CONTENT_TYPE = 'application/pdf'
export const ORIGINAL_TYPE_MESSAGE = '政策原文请上传 PDF 文件'

export class PolicyTransitionRefused extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

const TRANSITION_REFUSALS: Record<PolicyDocTransition, string> = {
  edit: '该政策当前不能修改',
  publish: '只有草稿或已撤回且未失效的政策可以发布',
  withdraw: '只有已发布的政策可以撤回',
  expire: '只有已发布且未失效的政策可以标记失效',
  'attach-original': '该政策当前不能上传原文',
}

const EDITABLE_FIELDS = [
  'title',
  'issuer',
  'docNumber',
  'categoryId',
  'issuedOn',
  'effectiveOn',
  'expiresOn',
  'appliesTo',
  'keyPoints',
  'howToApply',
  'phone',
  'phoneUnit',
  'originalUrl',
] as const satisfies readonly (keyof PolicyDocInput)[]

/** Equal as data, whatever order a stored map's keys come back in. */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, canonical(v)]))
        : value
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** A new draft, with its first change record. */
export function draftPolicy(id: string, input: PolicyDocInput, ownerAreaId: string | null, by: ActorRef, now: Date): { policy: PolicyDoc; change: PolicyDocChange } {
  const at = now.toISOString()
  const appliesTo = ownerAreaId === null ? input.appliesTo : { ...input.appliesTo, areaIds: [ownerAreaId] }
  return {
    policy: { id, ...input, appliesTo, status: 'draft', ownerAreaId, version: 1, createdAt: at, updatedAt: at, publishedAt: null },
    change: { at, by, action: 'create' },
  }
}

/**
 * The document after an action, with the change record that keeps what it was: an edit keeps the
 * values of the fields it changed; publish, withdraw and expire keep the status (and date) they
 * replaced. Refuses what the state does not allow, and an edit that changes nothing.
 */
/**
 * `original`: for attach-original, the uploaded PDF as checked and stored (the use case prepares
 * it from the upload the action names).
 */
export function applyPolicyAction(
  policy: PolicyDoc,
  action: PolicyDocAction,
  by: ActorRef,
  now: Date,
  original?: NonNullable<PolicyDoc['originalFile']>,
): { policy: PolicyDoc; change: PolicyDocChange } {
  if (!policyActionsFrom(policy, now).includes(action.type)) throw new PolicyTransitionRefused(TRANSITION_REFUSALS[action.type])
  const at = now.toISOString()
  const next = { ...policy, version: policy.version + 1, updatedAt: at }
  switch (action.type) {
    case 'edit': {
      const input =
        policy.ownerAreaId === null ? action.policy : { ...action.policy, appliesTo: { ...action.policy.appliesTo, areaIds: [policy.ownerAreaId] } }
      const before: Record<string, unknown> = {}
      for (const field of EDITABLE_FIELDS) {
        if (!sameValue(policy[field], input[field])) before[field] = policy[field]
      }
      if (Object.keys(before).length === 0) throw new PolicyTransitionRefused('内容没有变化')
      return { policy: { ...next, ...input }, change: { at, by, action: 'edit', before } }
    }
    case 'publish':
      return { policy: { ...next, status: 'published', publishedAt: at }, change: { at, by, action: 'publish', before: { status: policy.status } } }
    case 'withdraw':
      return { policy: { ...next, status: 'withdrawn' }, change: { at, by, action: 'withdraw', before: { status: policy.status, reason: action.reason } } }
    case 'expire': {
      // Expired as of yesterday: the policy stops applying today.
      const yesterday = shanghaiDate(new Date(now.getTime() - 86_400_000))
      const expiresOn = policy.effectiveOn > yesterday ? policy.effectiveOn : yesterday
      return { policy: { ...next, expiresOn }, change: { at, by, action: 'expire', before: { expiresOn: policy.expiresOn } } }
    }
    case 'attach-original': {
      if (!original) throw new PolicyTransitionRefused('请先上传原文 PDF')
      return { policy: { ...next, originalFile: original }, change: { at, by, action: 'attach-original', before: { originalFile: policy.originalFile ?? null } } }
    }
  }
}

/**
 * An FAQ draft from a closed appeal's answer: the appeal's title as the question and the answer
 * as the answer, unpublished until an admin has taken out personal and enterprise details and
 * publishes it (never automatically).
 */
export function faqDraftFromAppeal(
  id: string,
  appeal: { id: string; number: string; title: string; categoryId: string; status: string; response?: { message: string } },
  ownerAreaId: string | null,
  by: ActorRef,
  now: Date,
): FaqEntry | undefined {
  if (appeal.status !== 'closed' || !appeal.response) return undefined
  const at = now.toISOString()
  const question = appeal.title.trim().endsWith('？') || appeal.title.trim().endsWith('?') ? appeal.title.trim() : `${appeal.title.trim()}怎么办？`
  return {
    id,
    question: question.slice(0, 100),
    answer: appeal.response.message.slice(0, 2000),
    categoryId: appeal.categoryId,
    policyIds: [],
    status: 'draft',
    ownerAreaId,
    fromAppeal: { id: appeal.id, number: appeal.number },
    version: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: by,
    publishedAt: null,
  }
}

/** The rate of appeals not filed because an answer helped: deflected ÷ (deflected + filed), in percent with one decimal. */
export function deflectionRate(deflected: number, filed: number): number | null {
  const total = deflected + filed
  if (total === 0) return null
  return Math.round((deflected / total) * 1000) / 10
}

/** How many of the upgrade guide's policies the 升规培育清单 names beside each enterprise. */
export const UPGRADE_GUIDE_SHOWN = 3

/**
 * The upgrade guide (升规指南) for one near-scale enterprise: the policies in force for near-scale
 * firms that apply to it, newest first, the few the specialist's list shows beside it.
 */
export function upgradeGuideFor(policies: readonly PolicyDoc[], enterprise: EnterpriseProfileForPolicy, now: Date): { id: string; title: string }[] {
  return policiesFor(policies, enterprise, now)
    .filter((p) => packOf(p.appliesTo) === 'near')
    .slice(0, UPGRADE_GUIDE_SHOWN)
    .map((p) => ({ id: p.id, title: p.title }))
}
