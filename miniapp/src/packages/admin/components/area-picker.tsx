import { Text, View } from '@tarojs/components'
import { ChipGroup } from '../../../components/chip-group'
import { ErrorState, LoadingState } from '../../../components/page-state'
import type { AdminArea } from '../hooks/use-admin-area'

/**
 * The city admin's area choice (chips `area-<areaId>`); an area admin sees their area's name
 * only when the page knows it, and no picker.
 */
export function AreaPicker({ area }: { area: AdminArea }) {
  if (area.scope.kind !== 'city') return null
  const { catalog } = area
  if (catalog.loading && !catalog.data) return <LoadingState text='正在加载属地…' />
  if (catalog.error && !catalog.data) {
    return <ErrorState message={catalog.error.message} onRetry={() => void catalog.reload()} />
  }
  return (
    <View id='area-picker' className='card admin-area-picker'>
      <Text className='section-title'>选择属地</Text>
      {area.areas.length === 0 ? (
        <Text className='muted'>暂无属地</Text>
      ) : (
        <ChipGroup
          idPrefix='area'
          options={area.areas.map((a) => ({ value: a.id, label: a.name }))}
          selected={area.areaId}
          onSelect={area.pickArea}
        />
      )}
    </View>
  )
}
