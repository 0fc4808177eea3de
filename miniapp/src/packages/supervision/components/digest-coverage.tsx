import { Text, View } from '@tarojs/components'
import { percentVisited } from '@shared/domain/visit-rounds'
import type { DigestCoverage } from '@shared/schemas/visit-round.schema'

/** 走访进度 in the weekly digest: each running round's share visited and the specialists furthest behind. */
export function DigestCoverageSection({ coverage }: { coverage: readonly DigestCoverage[] | undefined }) {
  if (!coverage || coverage.length === 0) return null
  return (
    <View id='digest-coverage' className='card'>
      <Text className='section-title'>走访进度（谁落后了）</Text>
      {coverage.map((round) => (
        <View key={round.roundId} id={`digest-coverage-${round.roundId}`}>
          <Text className='supervision-head-title'>{round.roundName}</Text>
          <Text className='muted small'>
            {round.roundEnds} 截止 · 已走访 {round.totals.visited}/{round.totals.due} 家（{percentVisited(round.totals)}） · 发现问题 {round.totals.problemsFound} 件
          </Text>
          {round.behind.length === 0 ? (
            <Text className='muted'>各专员均已完成</Text>
          ) : (
            <View className='digest-table'>
              <View className='digest-row digest-row-head'>
                <Text className='digest-cell-name'>专员</Text>
                <Text className='digest-cell'>应走访</Text>
                <Text className='digest-cell'>已走访</Text>
                <Text className='digest-cell'>完成率</Text>
              </View>
              {round.behind.map((row) => (
                <View key={`${row.id}|${row.areaId ?? ''}`} className='digest-row'>
                  <Text className='digest-cell-name'>{row.name}</Text>
                  <Text className='digest-cell'>{row.due}</Text>
                  <Text className='digest-cell'>{row.visited}</Text>
                  <Text className='digest-cell'>{percentVisited(row)}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
