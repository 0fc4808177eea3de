import type { Role } from '@shared/schemas/common.schema'
import type { DevIdentity } from '@shared/schemas/user.schema'

interface IdentityGroup {
  title: string
  roles: Role[]
}

const GROUPS: IdentityGroup[] = [
  { title: '企业联系人', roles: ['staff'] },
  { title: '企业服务专员', roles: ['specialist'] },
  { title: '部门经办人', roles: ['department_handler', 'taskforce_handler'] },
  { title: '管理员', roles: ['area_admin', 'city_admin'] },
]

/** Identities by the groups the login page shows, in that order; empty groups left out. */
export function groupIdentities(identities: DevIdentity[]): { title: string; identities: DevIdentity[] }[] {
  return GROUPS.map((group) => ({
    title: group.title,
    identities: identities.filter((identity) => group.roles.indexOf(identity.role) >= 0),
  })).filter((group) => group.identities.length > 0)
}

/** A DOM-safe id for browser tests: `staff:en-0001` → `identity-staff-en-0001`. */
export const identityElementId = (as: string): string => `identity-${as.replace(/:/g, '-')}`
