import { Text, View } from '@tarojs/components'
import { STATUS_LABEL } from '@shared/labels'
import type { SimilarAppeal } from '@shared/schemas/common-problem.schema'
import './similar-appeals.css'

/**
 * Similar-problem suggestions, each a checkbox: its title, number, enterprise, status and how
 * alike it is. Used to merge appeals into a common problem and to add more to one.
 */
export function SimilarAppealChecklist(props: {
  items: readonly SimilarAppeal[]
  selected: readonly string[]
  onToggle: (appealId: string) => void
  idPrefix?: string
}) {
  const prefix = props.idPrefix ?? 'similar'
  return (
    <View className='similar-list' role='group' aria-label='相似诉求'>
      {props.items.map(({ appeal, score, sameArea }) => {
        const checked = props.selected.includes(appeal.id)
        return (
          <View
            key={appeal.id}
            id={`${prefix}-${appeal.id}`}
            className={checked ? 'similar-item similar-item-checked' : 'similar-item'}
            role='checkbox'
            aria-checked={checked}
            onClick={() => props.onToggle(appeal.id)}
          >
            <View className={checked ? 'similar-box similar-box-checked' : 'similar-box'}>{checked ? '✓' : ''}</View>
            <View className='similar-text'>
              <Text className='similar-title'>{appeal.title}</Text>
              <Text className='muted small'>
                {appeal.number} · {appeal.enterpriseName} · {STATUS_LABEL[appeal.status]}
              </Text>
              <Text className='muted small'>
                相似度 {Math.round(score * 100)}%{sameArea ? ' · 同属地' : ''}
              </Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
