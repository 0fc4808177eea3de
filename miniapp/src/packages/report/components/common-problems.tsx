import { Text, View } from '@tarojs/components'
import type { CommonProblemMonth } from '@shared/schemas/common-problem.schema'

/** 共性问题 in the monthly report: problems linked in the month and the appeals they answered at once. */
export function CommonProblemSection({ commonProblems }: { commonProblems: CommonProblemMonth | undefined }) {
  if (!commonProblems) return null
  return (
    <View id='monthly-common-problems' className='monthly-section'>
      <Text className='monthly-heading'>共性问题</Text>
      <Text className='monthly-summary'>
        {commonProblems.created === 0
          ? '本月未合并共性问题。'
          : `本月合并共性问题 ${commonProblems.created} 个，涉及诉求 ${commonProblems.appealsCovered} 件、企业 ${commonProblems.enterprisesCovered} 家；已统一答复 ${commonProblems.answered} 个。`}
      </Text>
    </View>
  )
}
