import { Button } from '@tarojs/components'
import { EmptyState } from './page-state'
import { goToLogin } from '../services/navigation'
import { DEV_LOGIN_ENABLED } from '../settings'

/** A page's scope for its user: `none` (with the reason) for someone who may not use the page. */
type Scope = { kind: 'none'; message: string } | { kind: string }

/** What an admin or supervision page shows to someone who may not use it; null for everyone else. */
export function AccessGate({ scope, signedIn }: { scope: Scope; signedIn: boolean }) {
  if (scope.kind !== 'none' || !('message' in scope)) return null
  return (
    <EmptyState text={scope.message}>
      {!signedIn && DEV_LOGIN_ENABLED ? (
        <Button className='btn btn-primary btn-small' onClick={goToLogin}>
          去登录
        </Button>
      ) : null}
    </EmptyState>
  )
}
