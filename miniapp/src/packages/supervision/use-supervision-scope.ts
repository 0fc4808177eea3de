import { useEffect, useState } from 'react'
import type { Area, Catalog } from '@shared/schemas/catalog.schema'
import type { User } from '@shared/schemas/user.schema'
import { useLoader, type Loader } from '../../hooks/use-loader'
import { useSessionUser } from '../../hooks/use-session-user'
import { fetchCatalog } from '../../services/api'
import { goToLogin } from '../../services/navigation'
import { CITY_SCOPE, scopeAreaId, supervisionScope, type SupervisionScope } from './supervision-view'

export interface SupervisionScopeState {
  user: User | null
  scope: SupervisionScope
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
 * Whose supervision a page shows: the area admin's own area; for the city admin the whole city
 * by default, or the area they pick (or name in the URL). A signed-out visitor goes to login.
 */
export function useSupervisionScope(initialAreaId: string | null): SupervisionScopeState {
  const user = useSessionUser()
  const scope = supervisionScope(user)
  const [picked, setPicked] = useState<string>(initialAreaId ?? CITY_SCOPE)
  const catalog = useLoader(scope.kind === 'city' ? 'catalog' : null, fetchCatalog)
  const areaId = scope.kind === 'area' ? scope.areaId : scope.kind === 'city' ? scopeAreaId(picked) : null

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])

  return { user, scope, catalog, areas: catalog.data?.areas ?? [], picked, pick: setPicked, areaId }
}
