import { adminReach } from '@shared/domain/policy'
import type { User } from '@shared/schemas/user.schema'

/**
 * Which areas an admin works on: an area admin (属地管理员) is held to their own area by the
 * server; the city admin (市级管理员) picks one. Anyone else has no business on these pages.
 */
export type AdminScope =
  | { kind: 'area'; areaId: string }
  | { kind: 'city' }
  | { kind: 'none'; message: string }

export function adminScope(user: User | null): AdminScope {
  if (!user) return { kind: 'none', message: '请先登录' }
  const reach = adminReach(user)
  switch (reach.kind) {
    case 'city':
    case 'area':
      return reach
    case 'unassigned':
      return { kind: 'none', message: '您的账号未关联属地，请联系市级管理员' }
    case 'none':
      return { kind: 'none', message: '此页面仅供属地管理员和市级管理员使用' }
  }
}

/** The area a page shows: the admin's own, the city admin's choice, or none yet. */
export function scopedAreaId(scope: AdminScope, picked: string | null | undefined): string | null {
  if (scope.kind === 'area') return scope.areaId
  if (scope.kind === 'city') return picked || null
  return null
}
