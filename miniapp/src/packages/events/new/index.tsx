import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import type { FieldErrors } from '@shared/errors'
import { SCALE_LABEL } from '@shared/labels'
import { mayScheduleExchangeEvent, mayScheduleExchangeEvents } from '@shared/domain/policy'
import { EVENT_PLACE_MAX, EVENT_SERIES_MAX, EVENT_TITLE_MAX } from '@shared/schemas/exchange-event.schema'
import type { Scale } from '@shared/schemas/catalog.schema'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { listEnterprises } from '../../../services/admin-api'
import { fetchCatalog } from '../../../services/api'
import { scheduleExchangeEvent } from '../../../services/events-api'
import { asApiError } from '../../../services/request'
import { EVENT_ROUTES, emptyEventForm, eventFormFields, eventRequestOf, toggled, type EventForm } from '../events-view'
import '../events.css'

const SCALES: Scale[] = ['above', 'near', 'other']
const CITY = 'city'

/** 新建交流日: title, series, date and time, place, hosting leaders, departments present, whom to invite. */
export default function NewExchangeEventPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = mayScheduleExchangeEvents(user)
  const catalog = useLoader(allowed ? 'catalog' : null, fetchCatalog)
  const [form, setForm] = useState<EventForm>(() => emptyEventForm(user?.areaId ?? null))
  const [fields, setFields] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  // An invitation by list picks from the area's roster (its first hundred, as the roster page lists them).
  const rosterArea = form.inviteBy === 'list' ? form.areaId : null
  const roster = useLoader(rosterArea ? `roster|${rosterArea}` : null, () => listEnterprises({ areaId: rosterArea ?? undefined, limit: 100 }))

  if (!user || !allowed) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有属地管理员和市级管理员可以安排交流活动' />
      </View>
    )
  }
  if (!catalog.data) {
    return catalog.error ? <ErrorState message={catalog.error.message} onRetry={() => void catalog.reload()} /> : <LoadingState />
  }

  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setFields((f) => ({ ...f, [key === 'scales' || key === 'enterpriseIds' || key === 'inviteBy' ? 'invited' : key]: '' }))
  }
  const areas = catalog.data.areas.filter((a) => mayScheduleExchangeEvent(user, a.id))
  const areaOptions = [...(mayScheduleExchangeEvent(user, null) ? [{ value: CITY, label: '市级活动' }] : []), ...areas.map((a) => ({ value: a.id, label: a.name }))]

  const submit = async () => {
    const checked = eventRequestOf(form)
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setSubmitting(true)
    try {
      const event = await scheduleExchangeEvent(checked.request)
      void Taro.showToast({ title: '已安排', icon: 'success' })
      void Taro.redirectTo({ url: `${EVENT_ROUTES.detail}?id=${encodeURIComponent(event.id)}` })
    } catch (error) {
      const apiError = asApiError(error)
      if (Object.keys(apiError.fields).length > 0) setFields(eventFormFields(apiError.fields))
      else void Taro.showToast({ title: apiError.message, icon: 'none', duration: 3000 })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className={`page ${textClass}`}>
      <View className='card'>
        <FormField label='活动名称' required error={fields.title} counter={{ length: form.title.trim().length, max: EVENT_TITLE_MAX }}>
          <Input id='event-title' className='input' value={form.title} maxlength={EVENT_TITLE_MAX} placeholder='如：第16期政企交流主题日' onInput={(e) => set('title', e.detail.value)} />
        </FormField>
        <FormField label='活动系列' required error={fields.series}>
          <Input id='event-series' className='input' value={form.series} maxlength={EVENT_SERIES_MAX} placeholder='如：高新区政企交流主题日' onInput={(e) => set('series', e.detail.value)} />
        </FormField>
        <FormField label='举办属地' required error={fields.areaId}>
          <ChipGroup idPrefix='event-area' options={areaOptions} selected={form.areaId ?? CITY} onSelect={(value) => set('areaId', value === CITY ? null : value)} />
        </FormField>
        <FormField label='日期' required error={fields.date}>
          <Picker mode='date' value={form.date} onChange={(e) => set('date', String(e.detail.value))}>
            <View id='event-date' className='input picker-value'>
              {form.date || <Text className='muted'>请选择活动日期</Text>}
            </View>
          </Picker>
        </FormField>
        <FormField label='开始时间' required error={fields.time}>
          <Picker mode='time' value={form.time} onChange={(e) => set('time', String(e.detail.value))}>
            <View id='event-time' className='input picker-value'>
              {form.time}
            </View>
          </Picker>
        </FormField>
        <FormField label='地点' required error={fields.place} counter={{ length: form.place.trim().length, max: EVENT_PLACE_MAX }}>
          <Input id='event-place' className='input' value={form.place} maxlength={EVENT_PLACE_MAX} placeholder='如：园区管委会三楼会议室' onInput={(e) => set('place', e.detail.value)} />
        </FormField>
        <FormField label='主持领导' required error={fields.hosts}>
          <Textarea id='event-hosts' className='textarea textarea-short' value={form.hosts} placeholder='每行一位，或用“、”分隔' onInput={(e) => set('hosts', e.detail.value)} />
        </FormField>
        <FormField label='参会部门' error={fields.departmentIds}>
          <ChipGroup
            idPrefix='event-department'
            options={catalog.data.departments.map((d) => ({ value: d.id, label: d.name }))}
            selected={form.departmentIds}
            onSelect={(value) => set('departmentIds', toggled(form.departmentIds, value))}
          />
        </FormField>
        <FormField label='受邀企业' required error={fields.invited}>
          <ChipGroup
            idPrefix='event-invite-by'
            options={[
              { value: 'filter', label: '按规模邀请' },
              { value: 'list', label: '指定企业' },
            ]}
            selected={form.inviteBy}
            onSelect={(value) => set('inviteBy', value as EventForm['inviteBy'])}
          />
          {form.inviteBy === 'filter' ? (
            <ChipGroup
              idPrefix='event-scale'
              options={SCALES.map((s) => ({ value: s, label: SCALE_LABEL[s] }))}
              selected={form.scales}
              onSelect={(value) => set('scales', toggled(form.scales, value))}
            />
          ) : form.areaId === null ? (
            <Text className='muted small'>市级活动请按规模邀请</Text>
          ) : roster.data ? (
            <ChipGroup
              idPrefix='event-enterprise'
              options={roster.data.items.map((e) => ({ value: e.id, label: e.name }))}
              selected={form.enterpriseIds}
              onSelect={(value) => set('enterpriseIds', toggled(form.enterpriseIds, value))}
            />
          ) : roster.error ? (
            <ErrorState message={roster.error.message} onRetry={() => void roster.reload()} />
          ) : (
            <LoadingState text='正在加载企业名册…' />
          )}
        </FormField>
      </View>
      <Button id='submit-event' className={submitting ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'} disabled={submitting || undefined} onClick={() => void submit()}>
        {submitting ? '提交中…' : '安排活动'}
      </Button>
    </View>
  )
}
