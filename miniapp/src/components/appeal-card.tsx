import { Text, View } from '@tarojs/components'
import type { Appeal, CoHandler } from '@shared/schemas/appeal.schema'
import { TASK_STATUS_LABEL } from '@shared/labels'
import { holderName, isOverdue, levelLabel } from '../utils/appeal'
import { formatShortDateTime } from '../utils/format'
import { Deadline, TaskDeadline } from './deadline'
import { StatusTag } from './status-tag'

interface Props {
  appeal: Appeal
  /** Officials see many enterprises; staff know whose appeal it is. */
  showEnterprise: boolean
  /** A department or task-force handler's own co-handling task: its status and deadline lead. */
  task?: CoHandler
  onOpen: (id: string) => void
}

export function AppealCard({ appeal, showEnterprise, task, onOpen }: Props) {
  const level = levelLabel(appeal.level)
  const overdue = isOverdue(appeal)
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
      {task || level || overdue ? (
        <View className='appeal-card-flags'>
          {task ? (
            <Text id={`task-chip-${appeal.id}`} className={`chip-static task-${task.status}`}>
              {TASK_STATUS_LABEL[task.status]}
            </Text>
          ) : null}
          {level ? (
            <Text id={`level-${appeal.id}`} className='chip-static chip-level'>
              {level}
            </Text>
          ) : null}
          {overdue ? (
            <Text id={`overdue-${appeal.id}`} className='chip-static chip-overdue'>
              已超期
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className='appeal-card-foot'>
        <Text className='muted'>承办：{holderName(appeal)}</Text>
        {task ? <TaskDeadline task={task} /> : <Deadline appeal={appeal} />}
      </View>
      <Text className='muted small'>提交于 {formatShortDateTime(appeal.createdAt)}</Text>
    </View>
  )
}
