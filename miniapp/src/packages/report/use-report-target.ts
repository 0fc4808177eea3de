import { useEffect, useState } from 'react'
import type { ReportScopes } from '@shared/schemas/report.schema'
import type { User } from '@shared/schemas/user.schema'
import { useLoader, type Loader } from '../../hooks/use-loader'
import { useSessionUser } from '../../hooks/use-session-user'
import { goToLogin } from '../../services/navigation'
import { fetchReportScopes } from '../../services/report-api'
import { reportAccess, type ReportAccess, type ReportTarget } from './report-view'

export interface ReportTargetState {
  user: User | null
  access: ReportAccess
  /** The scopes the caller may view, the default one and the current month. */
  scopes: Loader<ReportScopes>
  /** What to show: known once both scope and month are (from the address, or the defaults). */
  target: ReportTarget | null
  setScope: (scope: string) => void
  setMonth: (month: string) => void
}

/**
 * Whose figures and which month a report page shows: the address's scope and month when it
 * names them, else the caller's default scope and the current month. A signed-out visitor goes
 * to login.
 */
export function useReportTarget(initial: Partial<ReportTarget>): ReportTargetState {
  const user = useSessionUser()
  const access = reportAccess(user)
  const scopes = useLoader(access.kind === 'ok' && user ? `report-scopes|${user.id}` : null, fetchReportScopes)
  const [scope, setScope] = useState<string | null>(initial.scope ?? null)
  const [month, setMonth] = useState<string | null>(initial.month ?? null)

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])

  const shownScope = scope ?? scopes.data?.defaultScope ?? null
  const shownMonth = month ?? scopes.data?.currentMonth ?? null
  const target = access.kind === 'ok' && shownScope && shownMonth ? { scope: shownScope, month: shownMonth } : null
  return { user, access, scopes, target, setScope, setMonth }
}
