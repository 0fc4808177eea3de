import { Text } from '@tarojs/components'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { deadlineParts } from '../utils/appeal'
import { formatShortDate } from '../utils/format'

/**
 * 办理时限 11月30日, in red with 已超期 once the deadline has passed on an open appeal, and marked
 * 暂定 while it rests on a year whose holiday schedule is not yet published.
 */
export function Deadline({ appeal }: { appeal: Pick<Appeal, 'status' | 'dueAt' | 'deadlineProvisional'> }) {
  const { overdue, provisional } = deadlineParts(appeal)
  return (
    <Text className={overdue ? 'deadline deadline-overdue' : 'deadline'}>
      办理时限 {formatShortDate(appeal.dueAt)}
      {provisional ? <Text className='deadline-provisional'>（暂定）</Text> : null}
      {overdue ? ' · 已超期' : ''}
    </Text>
  )
}
