import { Text } from '@tarojs/components'
import type { CoHandler } from '@shared/schemas/appeal.schema'
import { deadlineParts, isTaskOverdue, type DeadlineFields } from '../utils/appeal'
import { formatShortDate } from '../utils/format'

/**
 * 办理时限 11月30日, in red with 已超期 once a running deadline has passed on an open appeal,
 * marked 暂定 while it rests on a year whose holiday schedule is not yet published, and 暂停
 * while the clock waits for the enterprise's material.
 */
export function Deadline({ appeal, id }: { appeal: DeadlineFields; id?: string }) {
  const { overdue, provisional, paused } = deadlineParts(appeal)
  if (paused) {
    return (
      <Text id={id} className='deadline deadline-paused'>
        办理时限暂停（待补充材料）
      </Text>
    )
  }
  return (
    <Text id={id} className={overdue ? 'deadline deadline-overdue' : 'deadline'}>
      办理时限 {formatShortDate(appeal.dueAt)}
      {provisional ? <Text className='deadline-provisional'>（暂定）</Text> : null}
      {overdue ? ' · 已超期' : ''}
    </Text>
  )
}

/** A co-handling task's own deadline: 协办时限 12月2日, red with 已超期 while unanswered after it. */
export function TaskDeadline({ task, id }: { task: Pick<CoHandler, 'status' | 'dueAt'>; id?: string }) {
  const overdue = isTaskOverdue(task)
  return (
    <Text id={id} className={overdue ? 'deadline deadline-overdue' : 'deadline'}>
      协办时限 {formatShortDate(task.dueAt)}
      {overdue ? ' · 已超期' : ''}
    </Text>
  )
}
