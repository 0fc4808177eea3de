import { Picker, Text, View } from '@tarojs/components'
import type { ReportScopeKind } from '@shared/schemas/report.schema'
import { monthLabel } from '@shared/domain/report-month'
import { monthChoices, scopeChoices, stepMonth } from '../report-view'
import type { ReportTargetState } from '../use-report-target'

interface Props {
  state: ReportTargetState
  /** The scope shown, as the report names it (it may lie outside the caller's list, after a drill). */
  shown?: { key: string; kind: ReportScopeKind; name: string } | null
}

/**
 * 统计范围 and 月份: a wheel of the caller's scopes (when there is more than one) and of the last
 * 24 months, with ‹ › to step a month.
 */
export function ReportPicker({ state, shown }: Props) {
  const { target, scopes } = state
  if (!target) return null
  const currentMonth = scopes.data?.currentMonth ?? target.month
  const scopeList = scopeChoices(scopes.data?.scopes ?? [], shown)
  const scopeIndex = scopeList.findIndex((c) => c.value === target.scope)
  const scopeName = scopeList[scopeIndex]?.label ?? shown?.name ?? '…'
  const months = monthChoices(currentMonth)
  const monthIndex = months.findIndex((c) => c.value === target.month)
  const previous = stepMonth(target.month, -1, currentMonth)
  const next = stepMonth(target.month, 1, currentMonth)

  return (
    <View id='report-picker' className='card report-picker'>
      <View className='report-picker-row'>
        <Text className='report-picker-key'>统计范围</Text>
        {scopeList.length > 1 ? (
          <Picker mode='selector' range={scopeList.map((c) => c.label)} value={Math.max(0, scopeIndex)} onChange={(e) => state.setScope(scopeList[Number(e.detail.value)]?.value ?? target.scope)}>
            <View id='scope-value' className='report-picker-value report-picker-tap'>
              {scopeName} ▾
            </View>
          </Picker>
        ) : (
          <Text id='scope-value' className='report-picker-value'>
            {scopeName}
          </Text>
        )}
      </View>
      <View className='report-picker-row'>
        <Text className='report-picker-key'>月份</Text>
        <View className='report-month'>
          <View id='month-previous' className={previous ? 'report-month-step' : 'report-month-step report-month-step-off'} onClick={() => previous && state.setMonth(previous)}>
            ‹
          </View>
          <Picker mode='selector' range={months.map((c) => c.label)} value={Math.max(0, monthIndex)} onChange={(e) => state.setMonth(months[Number(e.detail.value)]?.value ?? target.month)}>
            <View id='month-value' className='report-picker-value report-picker-tap'>
              {monthLabel(target.month)} ▾
            </View>
          </Picker>
          <View id='month-next' className={next ? 'report-month-step' : 'report-month-step report-month-step-off'} onClick={() => next && state.setMonth(next)}>
            ›
          </View>
        </View>
      </View>
    </View>
  )
}
