import type { User } from '@shared/schemas/user.schema'
import { adminPageScope, type AdminPageScope } from '../../utils/subject'

/** Which areas an admin works on; anyone else has no business on these pages. */
export type AdminScope = AdminPageScope

export const adminScope = (user: User | null): AdminScope => adminPageScope(user, '此页面仅供属地管理员和市级管理员使用')

/** The area a page shows: the admin's own, the city admin's choice, or none yet. */
export function scopedAreaId(scope: AdminScope, picked: string | null | undefined): string | null {
  if (scope.kind === 'area') return scope.areaId
  if (scope.kind === 'city') return picked || null
  return null
}
