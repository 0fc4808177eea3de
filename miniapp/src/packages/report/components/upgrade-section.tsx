import { Text, View } from '@tarojs/components'
import { STAGE_LABELS } from '@shared/domain/upgrade-pipeline'
import type { MonthlyReport } from '@shared/schemas/report.schema'

const STAGES = ['cultivating', 'applying', 'entered', 'left'] as const

/** 升规入统 in the monthly report: enterprises per stage, the month's moves, and the new 入规 by name. */
export function UpgradeSection({ upgrade }: { upgrade: MonthlyReport['upgrade'] }) {
  if (!upgrade) return null
  return (
    <View id='monthly-upgrade' className='monthly-section'>
      <Text className='monthly-heading'>升规入统</Text>
      <Text className='monthly-summary'>
        本月新增培育 {upgrade.newThisMonth.cultivating} 家、申报 {upgrade.newThisMonth.applying} 家、入规 {upgrade.newThisMonth.entered} 家，退出培育 {upgrade.newThisMonth.left} 家。
        {upgrade.newlyEntered.length > 0 ? `本月入规：${upgrade.newlyEntered.map((e) => e.name).join('、')}。` : ''}
      </Text>
      <View id='table-upgrade' className='rtable'>
        <View className='rtable-row rtable-head'>
          <Text className='rtable-cell rtable-label'>阶段</Text>
          <Text className='rtable-cell rtable-value'>现有企业</Text>
          <Text className='rtable-cell rtable-value'>本月新增</Text>
        </View>
        {STAGES.map((stage) => (
          <View key={stage} id={`upgrade-stage-${stage}`} className='rtable-row'>
            <Text className='rtable-cell rtable-label'>{STAGE_LABELS[stage]}</Text>
            <Text className='rtable-cell rtable-value'>{upgrade.stages[stage]}</Text>
            <Text className='rtable-cell rtable-value'>{upgrade.newThisMonth[stage]}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
