import type { Category, Department, Enterprise, TaskForce } from '../schemas/catalog.schema'
import type { CoHandler } from '../schemas/appeal.schema'

export interface RoutingInput {
  enterprise: Pick<Enterprise, 'id' | 'industry' | 'specialistId'>
  category: Category
  departments: readonly Department[]
  taskForces: readonly TaskForce[]
}

export interface Route {
  /** The enterprise's specialist, or null for the area's duty queue. */
  ownerId: string | null
  status: 'assigned' | 'submitted'
  coHandlers: RoutedCoHandler[]
}

/** A co-handler the routing table names; submission gives each one its task. */
export type RoutedCoHandler = Pick<CoHandler, 'kind' | 'id' | 'name'>

/**
 * DESIGN §5: the owner is the enterprise's one specialist; co-handlers run "two lines at once":
 * the departments the category maps to, plus the industry task force when the category asks.
 */
export function routeAppeal({ enterprise, category, departments, taskForces }: RoutingInput): Route {
  const coHandlers: RoutedCoHandler[] = []
  for (const departmentId of category.departments) {
    const department = departments.find((d) => d.id === departmentId)
    // A routing row naming a department that no longer exists must not block the enterprise.
    if (department) coHandlers.push({ kind: 'department', id: department.id, name: department.name })
  }
  if (category.taskForce) {
    const taskForce = taskForces.find((t) => t.industry === enterprise.industry)
    if (taskForce) coHandlers.push({ kind: 'taskForce', id: taskForce.id, name: taskForce.name })
  }
  const ownerId = enterprise.specialistId
  return { ownerId, status: ownerId ? 'assigned' : 'submitted', coHandlers }
}
