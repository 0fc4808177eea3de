import { Text, View } from '@tarojs/components'
import type { SpecialistSummary } from '@shared/schemas/roster.schema'

/**
 * A scrollable list of an area's specialists to receive enterprises, one selected. Each row has
 * the id `<idPrefix>-<specialistId>`; the specialist who gives the enterprises away is shown but
 * cannot be chosen.
 */
export function SpecialistPicker(props: {
  idPrefix: string
  specialists: readonly SpecialistSummary[]
  selected: string
  currentId: string | null
  onSelect: (specialistId: string) => void
}) {
  if (props.specialists.length === 0) return <Text className='muted'>本属地暂无专员</Text>
  return (
    <View className='specialist-picker'>
      {props.specialists.map((s) => {
        const current = s.id === props.currentId
        const selected = s.id === props.selected
        const className = `specialist-option${selected ? ' specialist-option-selected' : ''}${current ? ' specialist-option-current' : ''}`
        return (
          <View
            key={s.id}
            id={`${props.idPrefix}-${s.id}`}
            className={className}
            onClick={current ? undefined : () => props.onSelect(s.id)}
          >
            <View className='specialist-option-main'>
              <Text className='specialist-option-name'>
                {selected ? '✓ ' : ''}
                {s.name}
              </Text>
              <Text className='muted small ellipsis'>
                {s.title} · {s.organisation}
              </Text>
            </View>
            <View className='specialist-option-side'>
              {current ? <Text className='chip-static'>当前</Text> : null}
              <Text className='muted small'>
                名下 {s.portfolioSize} 家 · 未办结 {s.openAppeals} 件
              </Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
