import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { yearScheduleSchema, type CalendarYear } from '@shared/schemas/calendar.schema'
import type { FieldErrors } from '@shared/errors'
import { mayLoadCalendarYear } from '@shared/domain/policy'
import { FormField } from '../../../components/form-field'
import { ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { listCalendarYears, loadCalendarYear } from '../../../services/admin-api'
import { fieldErrorsFromZod } from '../../../utils/validation'
import { showSubmitError } from '../../../utils/submit-error'
import { AccessGate } from '../../../components/access-gate'
import { parseDateList } from './date-list'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../components/admin.css'
import './index.css'

const SOURCE_LABEL: Record<CalendarYear['source'], string> = {
  override: '已载入官方安排',
  package: '使用内置节假日数据',
  provisional: '暂定：仅周末和固定日期节日',
}

/**
 * 工作日历 (city admin): where each year's working days come from, and loading a year's official
 * schedule once the State Council publishes it; open appeals with 暂定 deadlines are recounted.
 */
export default function CalendarPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const mayLoad = mayLoadCalendarYear(user)
  const years = useLoader(mayLoad ? 'calendar-years' : null, listCalendarYears)
  const [year, setYear] = useState(String(new Date().getFullYear() + 1))
  const [holidays, setHolidays] = useState('')
  const [workdays, setWorkdays] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const off = parseDateList(holidays)
    const on = parseDateList(workdays)
    if (off.errors.length || on.errors.length) {
      setFields({ holidays: off.errors[0] ?? '', workdays: on.errors[0] ?? '' })
      return
    }
    const parsed = yearScheduleSchema.safeParse({ year: Number(year), holidays: off.dates, workdays: on.dates })
    if (!parsed.success) {
      setFields(fieldErrorsFromZod(parsed.error))
      return
    }
    const { confirm } = await Taro.showModal({
      title: `载入 ${parsed.data.year} 年节假日安排`,
      content: `放假 ${off.dates.length} 天，调休上班 ${on.dates.length} 天。载入后，按暂定日历计算的诉求时限将重新计算。`,
    })
    if (!confirm) return
    setBusy(true)
    try {
      const result = await loadCalendarYear(parsed.data)
      void Taro.showModal({ title: '已载入', content: `已重新计算 ${result.recounted} 件诉求的时限，其中 ${result.moved} 件时限有调整。`, showCancel: false })
      setFields({})
      await years.reload()
    } catch (e) {
      showSubmitError(e, setFields)
    } finally {
      setBusy(false)
    }
  }

  if (!mayLoad) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={{ kind: 'none', message: '工作日历由市级管理员维护' }} signedIn={user !== null} />
      </View>
    )
  }

  return (
    <View className={`page ${textClass}`}>
      <View className='card'>
        <Text className='section-title'>各年份工作日来源</Text>
        {years.loading && !years.data ? (
          <LoadingState />
        ) : years.error && !years.data ? (
          <ErrorState message={years.error.message} onRetry={() => void years.reload()} />
        ) : (
          (years.data ?? []).map((y) => (
            <View key={y.year} id={`calendar-year-${y.year}`} className='kv'>
              <Text className='kv-key'>{y.year} 年</Text>
              <Text className={y.source === 'provisional' ? 'kv-value calendar-provisional' : 'kv-value'}>
                {SOURCE_LABEL[y.source]}
                {y.loadedBy ? `（${y.loadedBy}）` : ''}
              </Text>
            </View>
          ))
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>载入官方节假日安排</Text>
        <Text className='muted calendar-intro'>按国务院办公厅通知填写：放假日期逐日或按区间（如 2027-02-06 至 2027-02-13），调休上班的周末日期逐个填写，用换行或逗号分隔。</Text>
        <FormField id='calendar-year' label='年份' required error={fields.year}>
          <Input className='input' type='number' value={year} maxlength={4} onInput={(e) => setYear(e.detail.value)} />
        </FormField>
        <FormField id='calendar-holidays' label='放假日期' required error={fields.holidays}>
          <Textarea className='textarea' value={holidays} maxlength={2000} placeholder='2027-01-01&#10;2027-02-06 至 2027-02-13' onInput={(e) => setHolidays(e.detail.value)} />
        </FormField>
        <FormField id='calendar-workdays' label='调休上班日期' error={fields.workdays}>
          <Textarea className='textarea' value={workdays} maxlength={500} placeholder='2027-02-14' onInput={(e) => setWorkdays(e.detail.value)} />
        </FormField>
        <Button id='calendar-submit' className={busy ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'} disabled={busy || undefined} onClick={() => void submit()}>
          {busy ? '载入并重算中…' : '载入并重算时限'}
        </Button>
      </View>
    </View>
  )
}
