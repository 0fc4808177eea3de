import { Text, View } from '@tarojs/components'
import type { WeeklyDigest } from '@shared/schemas/supervision.schema'

/** 升规入统 in the weekly digest: the pipeline's enterprises with no figure for last month. */
export function DigestUpgradeSection({ missing }: { missing: WeeklyDigest['missingUpgradeFigures'] }) {
  if (!missing || missing.items.length === 0) return null
  return (
    <View id='digest-upgrade' className='card'>
      <Text className='section-title'>
        升规培育：{Number(missing.month.slice(5))} 月数据未填报（{missing.items.length} 家）
      </Text>
      <Text className='muted small'>{missing.items.map((e) => e.name).join('、')}</Text>
    </View>
  )
}
