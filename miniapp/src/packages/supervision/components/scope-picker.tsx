import { View } from '@tarojs/components'
import { ChipGroup } from '../../../components/chip-group'
import { ErrorState, LoadingState } from '../../../components/page-state'
import { scopeOptions } from '../supervision-view'
import type { SupervisionScopeState } from '../use-supervision-scope'

/** The city admin's choice between the whole city and one area (chips `scope-city`, `scope-<areaId>`); nothing for others. */
export function ScopePicker({ state }: { state: SupervisionScopeState }) {
  if (state.scope.kind !== 'city') return null
  const { catalog } = state
  if (catalog.loading && !catalog.data) return <LoadingState text='正在加载属地…' />
  if (catalog.error && !catalog.data) return <ErrorState message={catalog.error.message} onRetry={() => void catalog.reload()} />
  return (
    <View id='scope-picker' className='card supervision-scope'>
      <ChipGroup idPrefix='scope' options={scopeOptions(state.areas)} selected={state.picked} onSelect={state.pick} />
    </View>
  )
}
