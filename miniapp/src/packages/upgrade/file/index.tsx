import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { shanghaiDate } from '@shared/domain/calendar'
import { PROJECTION_METHOD } from '@shared/domain/upgrade-projection'
import type { UpgradeDetail, UpgradeEvent } from '@shared/schemas/upgrade.schema'
import { FormField } from '../../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { goToLogin } from '../../../services/navigation'
import { asApiError } from '../../../services/request'
import { actOnUpgradeFile, fetchUpgradeFile, submitFigure } from '../../../services/upgrade-api'
import {
  distanceText,
  emptyFigureForm,
  MOVE_LABELS,
  MOVE_MONTH_LABEL,
  progressPercent,
  readFigureForm,
  readMoveForm,
  SECTOR_LABELS,
  STAGE_LABELS,
  type FigureForm,
  type MoveForm,
} from '../upgrade-view'
import '../upgrade.css'

const EVENT_LABELS: Record<UpgradeEvent['type'], string> = {
  open: '建立升规档案',
  apply: '申报入规',
  enter: '确认入规',
  return: '申报未通过，退回培育',
  leave: '退出培育',
  resume: '恢复培育',
  'set-sector': '调整统计行业',
  figure: '填报月度数据',
  'correct-figure': '更正月度数据',
}

/**
 * An enterprise's upgrade file (升规档案): how far it is from the threshold and how that is
 * worked out, the monthly form, every month's figures with what corrections replaced, the stage
 * moves and the timeline. Enterprise staff open it as their own progress page (我的升规进度).
 */
export default function UpgradeFilePage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const id = useRouter().params.id ?? ''
  const file = useLoader(user && id ? `upgrade-file|${id}` : null, () => fetchUpgradeFile(id))
  const [current, setCurrent] = useState<UpgradeDetail | null>(null)

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])
  useEffect(() => {
    if (file.data) setCurrent(file.data)
  }, [file.data])

  if (!id) return <View className={`page ${textClass}`}><EmptyState text='未指定企业' /></View>
  if (file.loading && !current) return <View className={`page ${textClass}`}><LoadingState /></View>
  if (file.error && !current) return <View className={`page ${textClass}`}><ErrorState message={file.error.message} onRetry={() => void file.reload()} /></View>
  if (!current) return <View className={`page ${textClass}`}><EmptyState text='未找到该企业' /></View>

  const detail = current
  const stage = detail.file?.stage ?? (detail.enterprise.scale === 'above' ? 'entered' : 'cultivating')
  return (
    <View className={`page ${textClass}`}>
      <View className='card'>
        <View className='upgrade-head'>
          <Text className='upgrade-name'>{detail.enterprise.name}</Text>
          <Text id='upgrade-stage' className='upgrade-stage'>{STAGE_LABELS[stage]}</Text>
        </View>
        <Text className='muted small upgrade-method'>
          统计行业：{SECTOR_LABELS[detail.sector]}；规上门槛：{detail.threshold.revenue !== undefined ? `${detail.threshold.measure} ${detail.threshold.revenue} 万元` : detail.threshold.measure}
        </Text>
        <Text className='muted small upgrade-method'>依据：{detail.threshold.source}（门槛由市级管理员按统计部门口径维护，可能调整）</Text>
        {detail.file?.applicationMonth ? <Text className='muted small upgrade-method'>申报月份：{detail.file.applicationMonth}</Text> : null}
        {detail.file?.acceptedMonth ? <Text className='muted small upgrade-method'>入规月份：{detail.file.acceptedMonth}</Text> : null}
        {detail.file?.leftReason ? <Text className='muted small upgrade-method'>退出原因：{detail.file.leftReason}</Text> : null}
      </View>

      <View id='upgrade-projection' className='card'>
        <Text className='section-title'>离规上还有多远</Text>
        <View className='upgrade-bar' aria-label={`已达门槛的 ${progressPercent(detail.projection)}%`}>
          <View className='upgrade-bar-fill' style={{ width: `${progressPercent(detail.projection)}%` }} />
        </View>
        <Text id='upgrade-distance' className={detail.projection.likely ? 'upgrade-distance upgrade-likely' : 'upgrade-distance'}>
          {detail.projection.projected !== undefined ? `预计全年 ${detail.projection.projected} 万元，` : ''}
          {distanceText(detail.projection)}
        </Text>
        <Text className='upgrade-explain'>{detail.projection.explanation}</Text>
        <Text className='muted small upgrade-method'>{PROJECTION_METHOD}</Text>
      </View>

      {detail.actions.includes('figure') ? <FigureFormCard detail={detail} onSaved={setCurrent} /> : null}
      {detail.actions.some((a) => a !== 'figure' && a !== 'set-sector') ? <MovesCard detail={detail} onSaved={setCurrent} /> : null}

      <View id='upgrade-figures' className='card'>
        <Text className='section-title'>月度数据</Text>
        {detail.figures.length === 0 ? (
          <Text className='muted'>尚未填报</Text>
        ) : (
          detail.figures.map((f) => (
            <View key={f.month} id={`figure-${f.month}`} className='upgrade-line-block'>
              <View className='upgrade-line'>
                <Text>{f.month}</Text>
                <Text>
                  累计 {f.revenueYtd} 万元 · {f.employees} 人
                </Text>
              </View>
              <Text className='muted small upgrade-history'>
                {f.enteredBy.name} 填报{f.lastYearRevenue !== undefined ? ` · 上年全年 ${f.lastYearRevenue} 万元` : ''}
                {f.note ? ` · ${f.note}` : ''}
              </Text>
              {f.history.map((h) => (
                <Text key={h.enteredAt} className='muted small upgrade-history'>
                  更正前：累计 {h.revenueYtd} 万元 · {h.employees} 人（{h.enteredBy.name} 填报）
                </Text>
              ))}
            </View>
          ))
        )}
      </View>

      <View id='upgrade-timeline' className='card'>
        <Text className='section-title'>升规进程</Text>
        {!detail.file ? (
          <Text className='muted'>尚未建档：填报第一个月的数据即建立升规档案</Text>
        ) : (
          [...detail.file.timeline].reverse().map((event) => (
            <View key={`${event.at}-${event.type}`} className='upgrade-line'>
              <Text>
                {event.date} {EVENT_LABELS[event.type]}
                {event.month ? `（${event.month}）` : ''}
                {event.sector ? `（${SECTOR_LABELS[event.sector]}）` : ''}
                {event.reason ? `：${event.reason}` : ''}
                {event.note ? ` · ${event.note}` : ''}
              </Text>
              <Text className='muted small'>{event.by.name}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}

function FigureFormCard({ detail, onSaved }: { detail: UpgradeDetail; onSaved: (d: UpgradeDetail) => void }) {
  const [form, setForm] = useState<FigureForm>(() => emptyFigureForm(detail.dueMonth))
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (name: keyof FigureForm) => (e: { detail: { value: string } }) => setForm((f) => ({ ...f, [name]: e.detail.value }))
  const submit = async () => {
    const read = readFigureForm(form)
    if (!read.ok) return setFields(read.fields)
    setFields({})
    setBusy(true)
    try {
      onSaved(await submitFigure(detail.enterprise.id, read.value))
      setForm(emptyFigureForm(detail.dueMonth))
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      setFields(error.fields)
      if (Object.keys(error.fields).length === 0) void Taro.showToast({ title: error.message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View id='figure-form' className='card'>
      <Text className='section-title'>填报月度数据</Text>
      {detail.dueMonthMissing ? <Text className='upgrade-warning'>{detail.dueMonth} 的数据尚未填报</Text> : null}
      <FormField label='月份（YYYY-MM）' required error={fields.month}>
        <Input id='figure-month' className='input' value={form.month} onInput={set('month')} />
      </FormField>
      <FormField label='本年累计营业收入（万元）' required error={fields.revenueYtd}>
        <Input id='figure-revenue' className='input' type='digit' value={form.revenueYtd} onInput={set('revenueYtd')} />
      </FormField>
      <FormField label='上年全年营业收入（万元，选填）' error={fields.lastYearRevenue}>
        <Input id='figure-last-year' className='input' type='digit' value={form.lastYearRevenue} onInput={set('lastYearRevenue')} />
      </FormField>
      <FormField label='从业人数' required error={fields.employees}>
        <Input id='figure-employees' className='input' type='number' value={form.employees} onInput={set('employees')} />
      </FormField>
      <FormField label='备注（选填）' error={fields.note}>
        <Input id='figure-note' className='input' value={form.note} maxlength={200} onInput={set('note')} />
      </FormField>
      <Text className='muted small upgrade-method'>同一月份再次填报即为更正，原数据保留在记录中。</Text>
      <Button id='figure-submit' className='btn btn-primary btn-block' disabled={busy} onClick={() => void submit()}>
        {busy ? '保存中…' : '保存'}
      </Button>
    </View>
  )
}

function MovesCard({ detail, onSaved }: { detail: UpgradeDetail; onSaved: (d: UpgradeDetail) => void }) {
  const today = useMemo(() => shanghaiDate(new Date()), [])
  const moves = detail.actions.filter((a): a is MoveForm['type'] => a in MOVE_LABELS)
  const [form, setForm] = useState<MoveForm | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (name: keyof MoveForm) => (e: { detail: { value: string } }) => setForm((f) => (f ? { ...f, [name]: e.detail.value } : f))
  const submit = async () => {
    if (!form) return
    const read = readMoveForm(form)
    if (!read.ok) return setFields(read.fields)
    setFields({})
    setBusy(true)
    try {
      onSaved(await actOnUpgradeFile(detail.enterprise.id, read.value))
      setForm(null)
      void Taro.showToast({ title: '已更新', icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      const { applicationMonth, acceptedMonth, ...rest } = error.fields
      setFields({ ...rest, ...(applicationMonth || acceptedMonth ? { month: (applicationMonth ?? acceptedMonth)! } : {}) })
      if (Object.keys(error.fields).length === 0) void Taro.showToast({ title: error.message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View id='upgrade-moves' className='card'>
      <Text className='section-title'>阶段变动</Text>
      <View className='upgrade-actions'>
        {moves.map((type) => (
          <Button
            key={type}
            id={`move-${type}`}
            className={form?.type === type ? 'btn btn-primary btn-small' : 'btn btn-outline btn-small'}
            onClick={() => {
              setFields({})
              setForm({ type, date: today, month: today.slice(0, 7), reason: '', note: '' })
            }}
          >
            {MOVE_LABELS[type]}
          </Button>
        ))}
      </View>
      {form ? (
        <View id='move-form'>
          <FormField label='日期（YYYY-MM-DD）' required error={fields.date}>
            <Input id='move-date' className='input' value={form.date} onInput={set('date')} />
          </FormField>
          {MOVE_MONTH_LABEL[form.type] ? (
            <FormField label={`${MOVE_MONTH_LABEL[form.type]!}（YYYY-MM）`} required error={fields.month}>
              <Input id='move-month' className='input' value={form.month} onInput={set('month')} />
            </FormField>
          ) : null}
          {form.type === 'leave' ? (
            <FormField label='退出原因' required error={fields.reason}>
              <Input id='move-reason' className='input' value={form.reason} maxlength={200} onInput={set('reason')} />
            </FormField>
          ) : null}
          <FormField label={form.type === 'return' ? '未通过的原因' : '说明（选填）'} required={form.type === 'return'} error={fields.note}>
            <Textarea id='move-note' className='textarea textarea-short' value={form.note} maxlength={500} onInput={set('note')} />
          </FormField>
          <Button id='move-submit' className='btn btn-primary btn-block' disabled={busy} onClick={() => void submit()}>
            {busy ? '提交中…' : `确认${MOVE_LABELS[form.type]}`}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
