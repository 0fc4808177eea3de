import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { addMonths, monthLabel, monthOf } from '@shared/domain/report-month'
import { useLoader } from '../../../hooks/use-loader'
import { fetchReturnVisitSummary } from '../../../services/return-visits-api'
import { ROUTES } from '../../../settings'

/**
 * 评价不一致 for the supervisor: sampled return calls of this month and the last that heard
 * 不满意 where the enterprise had rated the appeal satisfied in the app. Each line opens those
 * return visits, where the appeal may be reopened. Nothing shows while there are none.
 */
export function ReturnVisitFlags({ areaId }: { areaId: string | null }) {
  const current = monthOf(new Date())
  const months = [addMonths(current, -1), current]
  const flags = useLoader(`rv-flags|${areaId ?? 'city'}|${current}`, () =>
    Promise.all(months.map(async (month) => ({ month, count: (await fetchReturnVisitSummary(month, areaId)).figures.inconsistent }))),
  )
  const shown = (flags.data ?? []).filter((f) => f.count > 0)
  if (shown.length === 0) return null
  return (
    <View id='return-visit-flags' className='card'>
      {shown.map((f) => (
        <View
          key={f.month}
          id={`return-visit-flags-${f.month}`}
          className='supervision-flag'
          role='link'
          onClick={() => void Taro.navigateTo({ url: `${ROUTES.returnVisits}?month=${f.month}&status=inconsistent${areaId ? `&areaId=${encodeURIComponent(areaId)}` : ''}` })}
        >
          <Text className='chip-static chip-overdue'>
            {monthLabel(f.month)}回访评价不一致 {f.count} 件
          </Text>
          <Text className='muted'>›</Text>
        </View>
      ))}
    </View>
  )
}
