import { Text, View } from '@tarojs/components'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { holderName } from '../utils/appeal'
import { formatShortDateTime } from '../utils/format'
import { Deadline } from './deadline'
import { StatusTag } from './status-tag'

interface Props {
  appeal: Appeal
  /** Officials see many enterprises; staff know whose appeal it is. */
  showEnterprise: boolean
  onOpen: (id: string) => void
}

export function AppealCard({ appeal, showEnterprise, onOpen }: Props) {
  return (
    <View id={`appeal-${appeal.id}`} className='card appeal-card' onClick={() => onOpen(appeal.id)}>
      <View className='appeal-card-head'>
        <Text className='appeal-card-title'>{appeal.title}</Text>
        <StatusTag status={appeal.status} />
      </View>
      <View className='appeal-card-meta'>
        <Text className='chip-static'>{appeal.categoryName}</Text>
        {showEnterprise ? <Text className='muted ellipsis'>{appeal.enterpriseName}</Text> : null}
        {appeal.filerRejected ? (
          <Text className='chip-static chip-warning'>提交人未通过核实</Text>
        ) : appeal.filerPending ? (
          <Text id={`filer-pending-${appeal.id}`} className='chip-static chip-warning'>
            待核实
          </Text>
        ) : null}
      </View>
      <View className='appeal-card-foot'>
        <Text className='muted'>承办：{holderName(appeal)}</Text>
        <Deadline appeal={appeal} />
      </View>
      <Text className='muted small'>提交于 {formatShortDateTime(appeal.createdAt)}</Text>
    </View>
  )
}
