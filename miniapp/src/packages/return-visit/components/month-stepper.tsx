import { Text, View } from '@tarojs/components'
import { addMonths, monthLabel } from '@shared/domain/report-month'

/** 上月 / 下月 around the month shown; no month after the current one. */
export function MonthStepper(props: { month: string; currentMonth: string; onChange: (month: string) => void }) {
  const next = addMonths(props.month, 1)
  const hasNext = next <= props.currentMonth
  return (
    <View id='rv-month' className='card rv-month'>
      <View id='rv-month-prev' className='rv-month-step' role='button' onClick={() => props.onChange(addMonths(props.month, -1))}>
        ‹ 上月
      </View>
      <Text className='section-title'>{monthLabel(props.month)}</Text>
      <View
        id='rv-month-next'
        className={hasNext ? 'rv-month-step' : 'rv-month-step rv-month-step-disabled'}
        role='button'
        aria-disabled={!hasNext}
        onClick={() => (hasNext ? props.onChange(next) : undefined)}
      >
        下月 ›
      </View>
    </View>
  )
}
