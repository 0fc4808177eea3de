import { Text, View } from '@tarojs/components'
import type { MonthlyFieldWork } from '@shared/schemas/visit-round.schema'

/** 走访与问题来源 in the monthly report: visits made, enterprises visited, problems found per channel. */
export function FieldWorkSection({ fieldWork }: { fieldWork: MonthlyFieldWork | undefined }) {
  if (!fieldWork) return null
  return (
    <View id='monthly-field-work' className='monthly-section'>
      <Text className='monthly-heading'>走访与问题来源</Text>
      <Text className='monthly-summary'>
        本月走访 {fieldWork.visits} 次，覆盖企业 {fieldWork.enterprisesVisited} 家。
      </Text>
      <View id='table-field-work' className='rtable'>
        <View className='rtable-row rtable-head'>
          <Text className='rtable-cell rtable-label'>问题来源</Text>
          <Text className='rtable-cell rtable-value'>受理件数</Text>
        </View>
        {fieldWork.problemsByChannel.length === 0 ? (
          <View className='rtable-row'>
            <Text className='rtable-cell rtable-label'>本月暂无受理的问题</Text>
          </View>
        ) : (
          fieldWork.problemsByChannel.map((row) => (
            <View key={row.channel} id={`field-work-${row.channel}`} className='rtable-row'>
              <Text className='rtable-cell rtable-label'>{row.name}</Text>
              <Text className='rtable-cell rtable-value'>{row.count}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
