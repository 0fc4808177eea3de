import { Button } from '@tarojs/components'
import { EmptyState } from '../../../components/page-state'
import { goToLogin } from '../../../services/navigation'
import { DEV_LOGIN_ENABLED } from '../../../settings'
import type { SupervisionScope } from '../supervision-view'

/** What a supervision page shows to someone who may not use it; null for an admin. */
export function SupervisionGate({ scope, signedIn }: { scope: SupervisionScope; signedIn: boolean }) {
  if (scope.kind !== 'none') return null
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
