import { Text } from '@tarojs/components'
import { maySeeVisitDates } from '@shared/domain/policy'
import type { User } from '@shared/schemas/user.schema'
import { useLoader } from '../hooks/use-loader'
import { fetchVisitsSeen } from '../services/visits-api'
import { subjectOf } from '../utils/subject'

/** 专员于 X 月 X 日走访: the latest visit to one of the staff's enterprises, and nothing of its record. */
export function VisitsSeenLine({ user, enterpriseId }: { user: User; enterpriseId: string }) {
  const subject = subjectOf(user)
  // The policy needs the enterprise's area and specialist only for officials; staff are decided by their binding.
  const allowed = subject !== null && maySeeVisitDates(subject, { id: enterpriseId, areaId: '', specialistId: null })
  const seen = useLoader(allowed ? `visits-seen:${enterpriseId}` : null, () => fetchVisitsSeen(enterpriseId))
  const latest = seen.data?.[0]
  if (!latest) return null
  return (
    <Text id={`visits-seen-${enterpriseId}`} className='muted small'>
      {latest.line}
    </Text>
  )
}
