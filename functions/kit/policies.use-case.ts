import { ulid } from 'ulid'
import { actorRef, type Actor } from '@shared/domain/actor'
import {
  applyPolicyAction,
  draftPolicy,
  isExpired,
  ORIGINAL_CONTENT_TYPE,
  ORIGINAL_TYPE_MESSAGE,
  packOf,
  policiesFor,
  policyActionsFrom,
  PolicyTransitionRefused,
} from '@shared/domain/policy-pack'
import { kitOwnerAreaOf, mayEditKitEntry, maySeeKitEntry, mayWriteKitEntry, readsPoliciesAsEnterprise } from '@shared/domain/policy'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { Catalog } from '@shared/schemas/catalog.schema'
import type {
  PolicyDoc,
  PolicyDocAction,
  PolicyDocDetail,
  PolicyDocInput,
  PolicyDocListQuery,
  PolicyDocView,
} from '@shared/schemas/policy.schema'
import { getCatalogCached } from '../store/catalog.store'
import { getEnterprise } from '../store/enterprise.store'
import { getPolicyDoc, listPolicyDocChanges, PolicyDocChanged, savePolicyDoc } from '../store/policy-doc.store'
import { kitLists } from '../services/kit-lists'
import { attachmentView, prepareAttachments } from '../services/attachments'
import { getAttachment } from '../store/attachment.store'
import { notePolicyOpened } from './delivery.use-case'

/** Where a policy's own code image is served (public, like the printed sheet it is on). */
export const policyCodePath = (id: string) => `/api/policies/${id}/code`

export function policyView(actor: Actor, policy: PolicyDoc, now: Date): PolicyDocView {
  return {
    ...policy,
    pack: packOf(policy.appliesTo),
    expired: isExpired(policy, now),
    codeUrl: policyCodePath(policy.id),
    actions: mayEditKitEntry(actor, policy) ? policyActionsFrom(policy, now) : [],
  }
}

/** The category and areas a policy names must be the catalog's. */
function checkAgainstCatalog(input: PolicyDocInput, catalog: Catalog, prefix = ''): void {
  const fields: Record<string, string> = {}
  if (!catalog.categories.some((c) => c.id === input.categoryId)) fields[`${prefix}categoryId`] = '请选择诉求类别'
  const unknown = input.appliesTo.areaIds.filter((id) => !catalog.areas.some((a) => a.id === id))
  if (unknown.length > 0) fields[`${prefix}appliesTo.areaIds`] = `没有这些属地：${unknown.join('、')}`
  if (Object.keys(fields).length > 0) throw new ValidationError('政策内容有误，请检查后重试', fields)
}

/** The document, if the caller may see it; 404 otherwise (DESIGN §3). */
async function policyFor(actor: Actor, id: string): Promise<PolicyDoc> {
  const policy = await getPolicyDoc(id)
  if (!policy || !maySeeKitEntry(actor, policy)) throw new NotFoundError('未找到该政策')
  return policy
}

/** POST /api/policies: a new draft (admins; an area admin's applies to their area). */
export async function createPolicy(actor: Actor, input: PolicyDocInput, now: Date): Promise<PolicyDocView> {
  const owner = kitOwnerAreaOf(actor)
  if (!mayWriteKitEntry(actor) || owner === undefined) throw new ForbiddenError('只有属地或市级管理员可以编写政策')
  checkAgainstCatalog(input, await getCatalogCached(now.getTime()))
  const { policy, change } = draftPolicy(`pd-${ulid(now.getTime()).toLowerCase()}`, input, owner, actorRef(actor), now)
  await savePolicyDoc(policy, change, null)
  return policyView(actor, policy, now)
}

/**
 * POST /api/policies/{id}/actions: edit, publish, withdraw, expire, or attach the original PDF,
 * each kept as a change. The PDF is checked (the caller's upload for this policy, its bytes a
 * PDF) and copied before anything is written, and recorded in the policy's own transaction.
 */
export async function actOnPolicy(actor: Actor, id: string, action: PolicyDocAction, now: Date): Promise<PolicyDocView> {
  const policy = await policyFor(actor, id)
  if (!mayEditKitEntry(actor, policy)) throw new ForbiddenError('您不能修改这条政策')
  if (action.expectedVersion !== policy.version) throw new ConflictError('VERSION_CONFLICT', '这条政策刚被他人修改，请刷新后重试')
  if (action.type === 'edit') checkAgainstCatalog(action.policy, await getCatalogCached(now.getTime()), 'policy.')
  const files = action.type === 'attach-original' ? await originalOf(actor, policy, action.uploadId, now) : undefined
  let next: ReturnType<typeof applyPolicyAction>
  try {
    next = applyPolicyAction(policy, action, actorRef(actor), now, files?.original)
  } catch (error) {
    await files?.prepared.discard()
    if (error instanceof PolicyTransitionRefused) throw new ConflictError('INVALID_TRANSITION', error.reason)
    throw error
  }
  try {
    await savePolicyDoc(next.policy, next.change, policy.version, files?.prepared.writes)
  } catch (error) {
    await files?.prepared.discard()
    if (error instanceof PolicyDocChanged) throw new ConflictError('VERSION_CONFLICT', '这条政策刚被他人修改，请刷新后重试')
    throw error
  }
  await files?.prepared.settle()
  return policyView(actor, next.policy, now)
}

/** The upload an attach-original names, checked and copied as the policy's attachment: a PDF (400 on `uploadId` otherwise). */
async function originalOf(actor: Actor, policy: PolicyDoc, uploadId: string, now: Date) {
  const owner = { kind: 'policy', id: policy.id } as const
  let prepared: Awaited<ReturnType<typeof prepareAttachments>>
  try {
    prepared = await prepareAttachments(actor, owner, [uploadId], owner, { seq: policy.version + 1 }, now)
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.message, { uploadId: error.message }, error.code)
    throw error
  }
  const file = prepared.attachments[0]!
  if (file.contentType !== ORIGINAL_CONTENT_TYPE) {
    await prepared.discard()
    throw new ValidationError(ORIGINAL_TYPE_MESSAGE, { uploadId: ORIGINAL_TYPE_MESSAGE }, 'INVALID_ATTACHMENT')
  }
  return { prepared, original: { attachmentId: file.id, fileName: file.fileName, size: file.size } }
}

/** The original PDF with a fresh link, for everyone who may read the policy. */
async function originalLink(policy: PolicyDoc): Promise<PolicyDocDetail['original']> {
  if (!policy.originalFile) return undefined
  const stored = await getAttachment({ kind: 'policy', id: policy.id }, policy.originalFile.attachmentId)
  if (!stored) return undefined
  const { fileName, size, url } = await attachmentView(stored)
  return url ? { fileName, size, url } : undefined
}

/** GET /api/policies/{id}: the policy, its change record (for those who keep it) and the FAQ entries linked to it. */
export async function getPolicyDetail(actor: Actor, id: string, now: Date): Promise<PolicyDocDetail> {
  const policy = await policyFor(actor, id)
  const editable = mayEditKitEntry(actor, policy)
  const [history, data, original] = await Promise.all([
    editable ? listPolicyDocChanges(id) : Promise.resolve(undefined),
    kitLists(),
    originalLink(policy),
    notePolicyOpened(actor, policy, now),
  ])
  const faq = data.faq.filter((f) => f.status === 'published' && f.policyIds.includes(id)).map((f) => ({ id: f.id, question: f.question }))
  return { policy: policyView(actor, policy, now), ...(history ? { history } : {}), faq, ...(original ? { original } : {}) }
}

/**
 * GET /api/policies: for enterprise staff, the published policies in force that apply to their
 * enterprise (its scale, industry and area; its own pack first); for officials, the policies of
 * their scope — those that apply to their area (all for the city) and the drafts they keep.
 */
export async function listPolicies(actor: Actor, query: PolicyDocListQuery, now: Date) {
  const { policies } = await kitLists()
  const filtered = (items: PolicyDoc[]) =>
    items.filter((p) => (!query.pack || packOf(p.appliesTo) === query.pack) && (!query.categoryId || p.categoryId === query.categoryId) && (!query.status || p.status === query.status))
  if (readsPoliciesAsEnterprise(actor)) {
    const mine = [...actor.enterpriseIds, ...actor.pendingEnterpriseIds]
    if (query.enterpriseId && !mine.includes(query.enterpriseId)) throw new NotFoundError('未找到该企业')
    const enterpriseId = query.enterpriseId ?? mine[0]
    const enterprise = enterpriseId ? await getEnterprise(enterpriseId) : undefined
    if (!enterprise) return { items: [], enterprise: null }
    const items = filtered(policiesFor(policies, enterprise, now)).map((p) => policyView(actor, p, now))
    return { items, enterprise: { id: enterprise.id, name: enterprise.name, scale: enterprise.scale, industry: enterprise.industry, areaId: enterprise.areaId } }
  }
  const inScope = (p: PolicyDoc) =>
    mayEditKitEntry(actor, p) || (p.status === 'published' && (!actor.areaId || p.appliesTo.areaIds.length === 0 || p.appliesTo.areaIds.includes(actor.areaId)))
  const items = filtered(policies.filter((p) => maySeeKitEntry(actor, p) && inScope(p)))
    .sort((a, b) => statusRank(a) - statusRank(b) || b.issuedOn.localeCompare(a.issuedOn) || a.id.localeCompare(b.id))
    .map((p) => policyView(actor, p, now))
  return { items, enterprise: null }
}

const STATUS_ORDER = { draft: 0, published: 1, withdrawn: 2 } as const
const statusRank = (p: PolicyDoc) => STATUS_ORDER[p.status]
