import { ulid } from 'ulid'
import { actorRef, type Actor } from '@shared/domain/actor'
import { faqDraftFromAppeal } from '@shared/domain/policy-pack'
import { kitOwnerAreaOf, mayDraftFaqFromAppeal, mayEditKitEntry, maySeeAppeal, maySeeKitEntry, mayWriteKitEntry } from '@shared/domain/policy'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { FaqAction, FaqEntry, FaqInput, FaqView } from '@shared/schemas/policy.schema'
import { getAppeal } from '../store/appeal.store'
import { getCatalogCached } from '../store/catalog.store'
import { FaqAlreadyDrafted, FaqEntryChanged, getFaqEntry, saveFaqEntry } from '../store/faq.store'
import { kitLists } from '../services/kit-lists'

type FaqTransition = FaqView['actions'][number]

function faqActionsFrom(entry: FaqEntry): FaqTransition[] {
  return entry.status === 'draft' ? ['edit', 'publish'] : ['edit', 'unpublish']
}

export const faqView = (actor: Actor, entry: FaqEntry): FaqView => ({ ...entry, actions: mayEditKitEntry(actor, entry) ? faqActionsFrom(entry) : [] })

/** The category must be the catalog's and the linked policies must exist. */
async function checkInput(input: FaqInput, now: Date, prefix = ''): Promise<void> {
  const [catalog, data] = await Promise.all([getCatalogCached(now.getTime()), kitLists()])
  const fields: Record<string, string> = {}
  if (!catalog.categories.some((c) => c.id === input.categoryId)) fields[`${prefix}categoryId`] = '请选择诉求类别'
  const unknown = input.policyIds.filter((id) => !data.policies.some((p) => p.id === id))
  if (unknown.length > 0) fields[`${prefix}policyIds`] = '关联的政策不存在'
  if (Object.keys(fields).length > 0) throw new ValidationError('问答内容有误，请检查后重试', fields)
}

async function entryFor(actor: Actor, id: string): Promise<FaqEntry> {
  const entry = await getFaqEntry(id)
  if (!entry || !maySeeKitEntry(actor, entry)) throw new NotFoundError('未找到该问答')
  return entry
}

/** POST /api/faq: a new entry, unpublished (admins). */
export async function createFaq(actor: Actor, input: FaqInput, now: Date): Promise<FaqView> {
  const owner = kitOwnerAreaOf(actor)
  if (!mayWriteKitEntry(actor) || owner === undefined) throw new ForbiddenError('只有属地或市级管理员可以编写问答')
  await checkInput(input, now)
  const at = now.toISOString()
  const entry: FaqEntry = {
    id: `fq-${ulid(now.getTime()).toLowerCase()}`,
    ...input,
    status: 'draft',
    ownerAreaId: owner,
    fromAppeal: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: actorRef(actor),
    publishedAt: null,
  }
  await saveFaqEntry(entry, null)
  return faqView(actor, entry)
}

/**
 * POST /api/faq/from-appeal: a draft from a closed appeal's answer, one per appeal. The admin
 * must see the appeal and administer its area; the draft copies its title and answer and stays
 * unpublished until the admin has taken personal and enterprise details out and publishes it.
 */
export async function draftFaqFromAppeal(actor: Actor, appealId: string, now: Date): Promise<FaqView> {
  const owner = kitOwnerAreaOf(actor)
  const appeal = await getAppeal(appealId)
  if (!appeal || !maySeeAppeal(actor, appeal)) throw new NotFoundError('未找到该诉求')
  if (owner === undefined || !mayDraftFaqFromAppeal(actor, appeal)) throw new ForbiddenError('只有该属地或市级管理员可以把诉求整理为问答')
  const entry = faqDraftFromAppeal(`fq-${ulid(now.getTime()).toLowerCase()}`, appeal, owner, actorRef(actor), now)
  if (!entry) throw new ConflictError('INVALID_TRANSITION', '只有已办结并有答复的诉求可以整理为问答')
  try {
    await saveFaqEntry(entry, null)
  } catch (error) {
    if (error instanceof FaqAlreadyDrafted) throw new ConflictError('DUPLICATE', '这条诉求已整理过问答')
    throw error
  }
  return faqView(actor, entry)
}

/** POST /api/faq/{id}/actions: edit, publish, unpublish. */
export async function actOnFaq(actor: Actor, id: string, action: FaqAction, now: Date): Promise<FaqView> {
  const entry = await entryFor(actor, id)
  if (!mayEditKitEntry(actor, entry)) throw new ForbiddenError('您不能修改这条问答')
  if (action.expectedVersion !== entry.version) throw new ConflictError('VERSION_CONFLICT', '这条问答刚被他人修改，请刷新后重试')
  if (!faqActionsFrom(entry).includes(action.type)) throw new ConflictError('INVALID_TRANSITION', action.type === 'publish' ? '这条问答已发布' : '这条问答尚未发布')
  if (action.type === 'edit') await checkInput(action.entry, now, 'entry.')
  const at = now.toISOString()
  const base = { ...entry, version: entry.version + 1, updatedAt: at, updatedBy: actorRef(actor) }
  const next: FaqEntry =
    action.type === 'edit'
      ? { ...base, ...action.entry }
      : action.type === 'publish'
        ? { ...base, status: 'published', publishedAt: at }
        : { ...base, status: 'draft' }
  try {
    await saveFaqEntry(next, entry.version)
  } catch (error) {
    if (error instanceof FaqEntryChanged) throw new ConflictError('VERSION_CONFLICT', '这条问答刚被他人修改，请刷新后重试')
    throw error
  }
  return faqView(actor, next)
}

/** GET /api/faq/{id}. */
export async function getFaq(actor: Actor, id: string): Promise<FaqView> {
  return faqView(actor, await entryFor(actor, id))
}

/** GET /api/faq: the entries the caller may see (published; admins also the drafts they keep), per category. */
export async function listFaq(actor: Actor, query: { categoryId?: string; status?: 'draft' | 'published' }, now: Date) {
  const [{ faq }, catalog] = await Promise.all([kitLists(), getCatalogCached(now.getTime())])
  const visible = faq.filter((f) => maySeeKitEntry(actor, f) && (!query.status || f.status === query.status))
  const categories = catalog.categories
    .map((c) => ({ categoryId: c.id, name: c.name, count: visible.filter((f) => f.categoryId === c.id).length }))
    .filter((c) => c.count > 0)
  const items = visible
    .filter((f) => !query.categoryId || f.categoryId === query.categoryId)
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'draft' ? -1 : 1) || b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    .map((f) => faqView(actor, f))
  return { items, categories }
}
