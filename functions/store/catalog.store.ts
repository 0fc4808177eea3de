import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Area, Catalog, Category, Department, RoutingChange, TaskForce } from '@shared/schemas/catalog.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { batchWriteAll } from './batch'
import { transactWrite } from './transact'
import { containerCache } from '../lib/container-cache'

/** The routing table and the city's fixed lists live together in one partition: one Query reads all. */
const CATALOG_PK = 'CATALOG'
type CatalogEntity = 'CATEGORY' | 'AREA' | 'DEPARTMENT' | 'TASKFORCE'

const catalogSk = (entity: CatalogEntity, id: string) => `${entity}#${id}`
const catalogKey = (entity: CatalogEntity, id: string) => ({ pk: CATALOG_PK, sk: catalogSk(entity, id), entity })

/** Access pattern: the whole catalog (categories with routing, areas, departments, task forces). */
export async function getCatalog(): Promise<Catalog> {
  const catalog: Catalog = { categories: [], areas: [], departments: [], taskForces: [] }
  const categoryOrder = new Map<string, number>()
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await dynamo.send(
      new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': CATALOG_PK }, ExclusiveStartKey: startKey }),
    )
    for (const item of page.Items ?? []) {
      const entity = item.entity as CatalogEntity
      if (entity === 'CATEGORY') {
        // Categories keep the order the city office gave them, not the order of their ids.
        const { order, ...category } = stripKeys<Category & { order: number }>(item)
        categoryOrder.set(category.id, order)
        catalog.categories.push(category)
      }
      else if (entity === 'AREA') catalog.areas.push(stripKeys<Area>(item))
      else if (entity === 'DEPARTMENT') catalog.departments.push(stripKeys<Department>(item))
      else if (entity === 'TASKFORCE') catalog.taskForces.push(stripKeys<TaskForce>(item))
    }
    startKey = page.LastEvaluatedKey
  } while (startKey)
  catalog.categories.sort((a, b) => (categoryOrder.get(a.id) ?? 0) - (categoryOrder.get(b.id) ?? 0))
  return catalog
}

/** Access pattern: replace catalog entries (seeding, routing-table edits). */
export async function putCatalog(catalog: Catalog): Promise<void> {
  const items = [
    ...catalog.categories.map((c, order) => ({ ...catalogKey('CATEGORY', c.id), ...c, order })),
    ...catalog.areas.map((a) => ({ ...catalogKey('AREA', a.id), ...a })),
    ...catalog.departments.map((d) => ({ ...catalogKey('DEPARTMENT', d.id), ...d })),
    ...catalog.taskForces.map((t) => ({ ...catalogKey('TASKFORCE', t.id), ...t })),
  ]
  await batchWriteAll(items)
}

const catalogCache = containerCache(getCatalog, 60_000)

/**
 * The catalog as of at most a minute ago, kept per container: every submission routes through
 * it, and the city office edits it a few times a year. An edit reaches all containers within
 * a minute; a failed read is not cached.
 */
export const getCatalogCached = (now = Date.now()): Promise<Catalog> => catalogCache.get(now)

/*
 * The routing table's audit trail lives in its own partition, CATALOG-AUDIT / <at>#<categoryId>,
 * so that reading the catalog (every submission) never reads the history.
 */
const AUDIT_PK = 'CATALOG-AUDIT'

/**
 * Access pattern: change one category's routing, and record the change, in one transaction.
 * The edit reaches this container at once and the others within the cache's minute.
 */
export async function updateCategoryRouting(change: RoutingChange): Promise<void> {
  const { after } = change
  await transactWrite([
    {
      Update: {
        TableName: TABLE,
        Key: { pk: CATALOG_PK, sk: catalogSk('CATEGORY', change.categoryId) },
        UpdateExpression: 'SET departments = :departments, taskForce = :taskForce, firstResponseDays = :first, resolveDays = :resolve',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':departments': after.departments, ':taskForce': after.taskForce, ':first': after.firstResponseDays, ':resolve': after.resolveDays },
      },
    },
    { Put: { TableName: TABLE, Item: { pk: AUDIT_PK, sk: `${change.at}#${change.categoryId}`, entity: 'ROUTING_CHANGE', ...change } } },
  ])
  catalogCache.forget()
}

/** Access pattern: the latest changes of the routing table, newest first. */
export async function listRoutingChanges(limit = 50): Promise<RoutingChange[]> {
  const result = await dynamo.send(
    new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': AUDIT_PK }, ScanIndexForward: false, Limit: limit }),
  )
  return (result.Items ?? []).map((item) => stripKeys<RoutingChange>(item))
}
