import { isAdmin, isCoHandlerRole, isEnterpriseStaff, isSpecialist, type RoleHolder } from '@shared/domain/policy'
import type { DevIdentity } from '@shared/schemas/user.schema'

interface IdentityGroup {
  title: string
  /** Who belongs to the group, in the policy's own words for kinds of people. */
  holds: (who: RoleHolder) => boolean
}

const GROUPS: IdentityGroup[] = [
  { title: '企业联系人', holds: isEnterpriseStaff },
  { title: '企业服务专员', holds: isSpecialist },
  { title: '部门经办人', holds: isCoHandlerRole },
  { title: '管理员', holds: isAdmin },
]

/** Identities by the groups the login page shows, in that order; empty groups left out. */
export function groupIdentities(identities: DevIdentity[]): { title: string; identities: DevIdentity[] }[] {
  return GROUPS.map((group) => ({
    title: group.title,
    identities: identities.filter((identity) => group.holds(identity)),
  })).filter((group) => group.identities.length > 0)
}

/** A DOM-safe id for browser tests: `staff:en-0001` → `identity-staff-en-0001`. */
export const identityElementId = (as: string): string => `identity-${as.replace(/:/g, '-')}`
