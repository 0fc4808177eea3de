import type { Actor } from '@shared/domain/actor'
import { mayEditRouting } from '@shared/domain/policy'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { Category, CategoryRouting, RoutingChange } from '@shared/schemas/catalog.schema'
import { getCatalog, listRoutingChanges, updateCategoryRouting } from '../store/catalog.store'

const onlyCityAdmin = (actor: Actor) => {
  if (!mayEditRouting(actor)) throw new ForbiddenError('只有市级管理员可以维护诉求类别与时限')
}

const routingOf = (c: Category): CategoryRouting => ({
  departments: [...c.departments],
  taskForce: c.taskForce,
  firstResponseDays: c.firstResponseDays,
  resolveDays: c.resolveDays,
})

/**
 * The city office edits one row of the routing table: which departments co-handle a category,
 * whether the industry task force joins, and its deadlines in working days. The change and its
 * audit entry are written together; new submissions route by it, filed appeals keep theirs.
 */
export async function editCategoryRouting(actor: Actor, categoryId: string, routing: CategoryRouting, now: Date): Promise<Category> {
  onlyCityAdmin(actor)
  const catalog = await getCatalog()
  const category = catalog.categories.find((c) => c.id === categoryId)
  if (!category) throw new NotFoundError('未找到该诉求类别')
  const known = new Set(catalog.departments.map((d) => d.id))
  const unknown = routing.departments.map((id, i) => [id, i] as const).filter(([id]) => !known.has(id))
  if (unknown.length > 0) {
    throw new ValidationError('经办部门不存在', Object.fromEntries(unknown.map(([id, i]) => [`departments.${i}`, `部门「${id}」不存在`])))
  }
  const change: RoutingChange = { categoryId, categoryName: category.name, before: routingOf(category), after: routing, by: actor.name, at: now.toISOString() }
  await updateCategoryRouting(change)
  return { ...category, ...routing }
}

/** The audit trail of the routing table, newest first. */
export async function routingHistory(actor: Actor): Promise<RoutingChange[]> {
  onlyCityAdmin(actor)
  return listRoutingChanges()
}
