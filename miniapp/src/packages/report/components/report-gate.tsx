import { View } from '@tarojs/components'
import { AccessGate } from '../../../components/access-gate'
import { ErrorState, LoadingState } from '../../../components/page-state'
import type { ReportTargetState } from '../use-report-target'
import { textSizeClass } from '../../../services/text-size'

/**
 * What a report page shows before it has a scope and month to show: the access gate for those
 * who may see no report, the scopes' error, or loading. Null once the page can render itself.
 */
export function reportGate(state: ReportTargetState) {
  if (state.access.kind === 'none') {
    return (
      <View className={`page ${textSizeClass()}`}>
        <AccessGate scope={state.access} signedIn={state.user !== null} />
      </View>
    )
  }
  if (!state.target) {
    if (state.scopes.error) return <ErrorState message={state.scopes.error.message} onRetry={() => void state.scopes.reload()} />
    return <LoadingState />
  }
  return null
}
