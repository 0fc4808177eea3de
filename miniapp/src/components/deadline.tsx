import { Text } from '@tarojs/components'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { isOverdue } from '../utils/appeal'
import { formatShortDate } from '../utils/format'

/** 办理时限 11月30日, in red with 已超期 once the deadline has passed on an open appeal. */
export function Deadline({ appeal }: { appeal: Pick<Appeal, 'status' | 'dueAt'> }) {
  const overdue = isOverdue(appeal)
  return (
    <Text className={overdue ? 'deadline deadline-overdue' : 'deadline'}>
      办理时限 {formatShortDate(appeal.dueAt)}
      {overdue ? ' · 已超期' : ''}
    </Text>
  )
}
