import { Text, View } from '@tarojs/components'
import type { Appeal, CoHandler } from '@shared/schemas/appeal.schema'
import { ON_BEHALF_LABEL, TASK_STATUS_LABEL } from '@shared/labels'
import { filedByEnterprise } from '@shared/domain/policy'
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
  /** Sets this card's element ids apart when the same appeal may also be on the page's list (a search result). */
  idPrefix?: string
}

export function AppealCard({ appeal, showEnterprise, task, onOpen, idPrefix }: Props) {
  const idOf = (name: string) => (idPrefix ? `${idPrefix}-${name}-${appeal.id}` : `${name}-${appeal.id}`)
  const level = levelLabel(appeal.level)
  const overdue = isOverdue(appeal)
  return (
    <View id={idOf('appeal')} className='card appeal-card' onClick={() => onOpen(appeal.id)}>
      <View className='appeal-card-head'>
        <Text className='appeal-card-title'>{appeal.title}</Text>
        <StatusTag status={appeal.status} />
      </View>
      <View className='appeal-card-meta'>
        <Text className='chip-static'>{appeal.categoryName}</Text>
        {showEnterprise ? <Text className='muted ellipsis'>{appeal.enterpriseName}</Text> : null}
        {filedByEnterprise(appeal) ? null : (
          <Text id={idOf('on-behalf')} className='chip-static chip-on-behalf'>
            {ON_BEHALF_LABEL}
          </Text>
        )}
        {appeal.filerRejected ? (
          <Text className='chip-static chip-warning'>提交人未通过核实</Text>
        ) : appeal.filerPending ? (
          <Text id={idOf('filer-pending')} className='chip-static chip-warning'>
            待核实
          </Text>
        ) : null}
      </View>
      {task || level || overdue ? (
        <View className='appeal-card-flags'>
          {task ? (
            <Text id={idOf('task-chip')} className={`chip-static task-${task.status}`}>
              {TASK_STATUS_LABEL[task.status]}
            </Text>
          ) : null}
          {level ? (
            <Text id={idOf('level')} className='chip-static chip-level'>
              {level}
            </Text>
          ) : null}
          {overdue ? (
            <Text id={idOf('overdue')} className='chip-static chip-overdue'>
              已超期
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className='appeal-card-foot'>
        <Text className='muted'>承办：{holderName(appeal)}</Text>
        {task ? <TaskDeadline task={task} /> : <Deadline appeal={appeal} />}
      </View>
      <View className='appeal-card-foot'>
        <Text id={idOf('appeal-number')} className='muted small appeal-number'>
          {appeal.number}
        </Text>
        <Text className='muted small'>提交于 {formatShortDateTime(appeal.createdAt)}</Text>
      </View>
    </View>
  )
}
