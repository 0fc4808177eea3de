import { useEffect, useState } from 'react'
import type { Area, Catalog } from '@shared/schemas/catalog.schema'
import type { User } from '@shared/schemas/user.schema'
import { useLoader, type Loader } from '../../hooks/use-loader'
import { useSessionUser } from '../../hooks/use-session-user'
import { fetchCatalog } from '../../services/api'
import { goToLogin } from '../../services/navigation'
import { adminPageScope, type AdminPageScope } from '../../utils/subject'

export const CITY_CHOICE = 'city'

export interface ReturnVisitScopeState {
  user: User | null
  scope: AdminPageScope
  /** Loaded for the city admin only: the areas to pick from. */
  catalog: Loader<Catalog>
  areas: Area[]
  /** The city admin's chip: `city` or an area id. */
  picked: string
  pick: (value: string) => void
  /** The area the page shows; null for the whole city (or nobody). */
  areaId: string | null
}

/**
 * Whose return visits a page shows: the area admin's own area; for the city admin the whole city
 * by default, or the area they pick (or name in the URL). A signed-out visitor goes to login.
 */
export function useReturnVisitScope(initialAreaId: string | null): ReturnVisitScopeState {
  const user = useSessionUser()
  const scope = adminPageScope(user, '抽查回访仅供属地管理员和市级管理员使用')
  const [picked, setPicked] = useState<string>(initialAreaId ?? CITY_CHOICE)
  const catalog = useLoader(scope.kind === 'city' ? 'catalog' : null, fetchCatalog)
  const areaId = scope.kind === 'area' ? scope.areaId : scope.kind === 'city' && picked !== CITY_CHOICE ? picked : null

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])

  return { user, scope, catalog, areas: catalog.data?.areas ?? [], picked, pick: setPicked, areaId }
}

export const scopeChoices = (areas: readonly Pick<Area, 'id' | 'name'>[]) => [{ value: CITY_CHOICE, label: '全市' }, ...areas.map((a) => ({ value: a.id, label: a.name }))]
