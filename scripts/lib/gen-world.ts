import type { Actor } from '../../shared/domain/actor'
import type { Catalog, Enterprise } from '../../shared/schemas/catalog.schema'
import type { Role } from '../../shared/schemas/common.schema'
import type { DemoCity } from './demo-data'

/** A person of the seeded city, as the user records hold them. */
export interface GenUser {
  id: string
  name: string
  role: Role
  areaId?: string
  departmentId?: string
  taskForceId?: string
}

export interface GenEnterprise extends Enterprise {
  /** Who files for the enterprise: its contact person (the demo login `staff:<id>` is the same person). */
  contactName?: string
}

/** Everything the generator needs of the seeded city; read from the table, or from the demo file in tests. */
export interface GenWorld {
  catalog: Catalog
  enterprises: GenEnterprise[]
  users: GenUser[]
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Sorted by id, so that the same city gives the same appeals whatever order the reads returned. */
export const normaliseWorld = (world: GenWorld): GenWorld => ({
  catalog: world.catalog,
  enterprises: [...world.enterprises].sort(byId),
  users: [...world.users].sort(byId),
})

/** The demo city of data/demo as `seedDemoCity` writes it (for tests: no table needed). */
export function worldFromDemoCity(city: DemoCity): GenWorld {
  const specialistOf = new Map(city.assignments.map((a) => [a.enterpriseId, a.specialistId]))
  return normaliseWorld({
    catalog: { categories: city.categories, areas: city.areas, departments: city.departments, taskForces: city.taskForces },
    enterprises: city.enterprises.map(({ contact, ...e }) => ({ ...e, specialistId: specialistOf.get(e.id) ?? null, contactName: contact.name })),
    users: [
      ...city.specialists.map((s) => ({ id: s.id, name: s.name, role: 'specialist' as const, areaId: s.areaId ?? undefined, departmentId: s.departmentId })),
      ...city.departmentHandlers.map((h) => ({ id: h.id, name: h.name, role: 'department_handler' as const, departmentId: h.departmentId })),
      ...city.taskForceHandlers.map((h) => ({ id: h.id, name: h.name, role: 'taskforce_handler' as const, taskForceId: h.taskForceId })),
      ...city.admins.map((a) => ({ id: a.id, name: a.name, role: a.role, areaId: a.areaId })),
    ],
  })
}

export class WorldNotSeededError extends Error {}

/**
 * Reads the seeded city from the table named by the environment (catalog, every area's
 * enterprises, the officials by role): Queries only. Fails with a message people can act on
 * when the city is not there.
 */
export async function loadWorld(): Promise<GenWorld> {
  const [{ getCatalog }, { listAllEnterprisesOfArea }, { listUsersByRole }] = await Promise.all([
    import('../../functions/store/catalog.store'),
    import('../../functions/store/enterprise.store'),
    import('../../functions/store/user.store'),
  ])
  const catalog = await getCatalog()
  if (catalog.categories.length === 0 || catalog.areas.length === 0) {
    throw new WorldNotSeededError('表中没有诉求类别或地区：请先运行 npm start（会写入湘潭演示城市），或用 TABLE_NAME / DYNAMODB_ENDPOINT 指向已写入演示城市的表')
  }
  const roles: Role[] = ['specialist', 'department_handler', 'taskforce_handler', 'area_admin', 'city_admin']
  const [enterprises, users] = await Promise.all([
    Promise.all(catalog.areas.map((a) => listAllEnterprisesOfArea(a.id))).then((lists) => lists.flat()),
    Promise.all(roles.map((role) => listUsersByRole(role))).then((lists) => lists.flat()),
  ])
  if (enterprises.length === 0) throw new WorldNotSeededError('表中没有企业：请先运行 npm start 写入演示城市')
  if (!users.some((u) => u.role === 'specialist')) throw new WorldNotSeededError('表中没有企业服务专员：请先运行 npm start 写入演示城市')
  return normaliseWorld({
    catalog,
    enterprises: enterprises.map(({ contact, id, creditCode, name, industry, scale, areaId, specialistId }) => ({
      id,
      creditCode,
      name,
      industry,
      scale,
      areaId,
      specialistId,
      contactName: contact?.name,
    })),
    users: users.map(({ id, name, role, areaId, departmentId, taskForceId }) => ({ id, name, role, areaId, departmentId, taskForceId })),
  })
}

/** The user as the server would establish them for an action. */
export const actorOf = (user: GenUser): Actor => ({
  id: user.id,
  name: user.name,
  role: user.role,
  ...(user.areaId ? { areaId: user.areaId } : {}),
  ...(user.departmentId ? { departmentId: user.departmentId } : {}),
  ...(user.taskForceId ? { taskForceId: user.taskForceId } : {}),
  enterpriseIds: [],
  pendingEnterpriseIds: [],
})

/** The enterprise's contact person, bound and approved: the same id the demo login `staff:<id>` uses. */
export const staffOf = (enterprise: GenEnterprise): Actor => ({
  id: `staff-${enterprise.id}`,
  name: enterprise.contactName ?? '企业联系人',
  role: 'staff',
  enterpriseIds: [enterprise.id],
  pendingEnterpriseIds: [],
})
