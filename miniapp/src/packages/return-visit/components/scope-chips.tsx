import { View } from '@tarojs/components'
import { ChipGroup } from '../../../components/chip-group'
import { ErrorState, LoadingState } from '../../../components/page-state'
import { scopeChoices, type ReturnVisitScopeState } from '../use-return-visit-scope'

/** The city admin's choice between the whole city and one area (chips `rv-scope-city`, `rv-scope-<areaId>`); nothing for others. */
export function ScopeChips({ state }: { state: ReturnVisitScopeState }) {
  if (state.scope.kind !== 'city') return null
  const { catalog } = state
  if (catalog.loading && !catalog.data) return <LoadingState text='正在加载属地…' />
  if (catalog.error && !catalog.data) return <ErrorState message={catalog.error.message} onRetry={() => void catalog.reload()} />
  return (
    <View id='rv-scope' className='card'>
      <ChipGroup idPrefix='rv-scope' label='回访范围' options={scopeChoices(state.areas)} selected={state.picked} onSelect={state.pick} />
    </View>
  )
}
