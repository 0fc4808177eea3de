import { useEffect, useState } from 'react'
import type { Area, Catalog } from '@shared/schemas/catalog.schema'
import type { User } from '@shared/schemas/user.schema'
import { useLoader, type Loader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { fetchCatalog } from '../../../services/api'
import { goToLogin } from '../../../services/navigation'
import { adminScope, scopedAreaId, type AdminScope } from '../admin-scope'

export interface AdminArea {
  user: User | null
  scope: AdminScope
  /** Loaded for the city admin only: the areas to pick from. */
  catalog: Loader<Catalog>
  areas: Area[]
  /** The area the page shows; null while the city admin has not picked one. */
  areaId: string | null
  areaName: string | null
  pickArea: (areaId: string) => void
}

/**
 * Who is using an admin page and on which area: fixed for an area admin, picked (or given in
 * the URL) for the city admin. A signed-out visitor is sent to the login page.
 */
export function useAdminArea(initialAreaId: string | null): AdminArea {
  const user = useSessionUser()
  const scope = adminScope(user)
  const [picked, setPicked] = useState<string | null>(initialAreaId)
  const catalog = useLoader(scope.kind === 'city' ? 'catalog' : null, fetchCatalog)
  const areas = catalog.data?.areas ?? []
  const areaId = scopedAreaId(scope, picked)
  const areaName = areas.find((area) => area.id === areaId)?.name ?? null

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])

  return { user, scope, catalog, areas, areaId, areaName, pickArea: setPicked }
}
