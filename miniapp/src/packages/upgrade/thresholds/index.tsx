import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { mayEditUpgradeThresholds } from '@shared/domain/policy'
import type { Threshold } from '@shared/schemas/upgrade.schema'
import { AccessGate } from '../../../components/access-gate'
import { FormField } from '../../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { goToLogin } from '../../../services/navigation'
import { asApiError } from '../../../services/request'
import { fetchThresholds, saveThreshold } from '../../../services/upgrade-api'
import { readThresholdForm, type ThresholdForm } from '../upgrade-view'
import '../upgrade.css'

/**
 * 门槛设置: the thresholds of the statistics per sector line, each with its measure and source.
 * The city admin edits one line (amount and source); everyone else reads them.
 */
export default function UpgradeThresholdsPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const editable = user !== null && mayEditUpgradeThresholds(user)
  const thresholds = useLoader(user ? 'upgrade-thresholds' : null, fetchThresholds)
  const [editing, setEditing] = useState<string | null>(null)

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    thresholds.reload().then(stop, stop)
  })

  if (!user) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={{ kind: 'none', message: '请先登录' }} signedIn={false} />
      </View>
    )
  }
  return (
    <View className={`page ${textClass}`}>
      <View className='card'>
        <Text className='muted small upgrade-method'>
          {editable ? '规上门槛按统计行业设置，修改时请写明依据（文件名称与文号）；修改后清单、档案和看板的推算立即按新门槛计算。' : '规上门槛由市级管理员维护，以下为当前口径与依据。'}
        </Text>
      </View>
      {thresholds.loading && !thresholds.data ? (
        <LoadingState />
      ) : thresholds.error ? (
        <ErrorState message={thresholds.error.message} onRetry={() => void thresholds.reload()} />
      ) : !thresholds.data || thresholds.data.length === 0 ? (
        <EmptyState text='暂无门槛数据' />
      ) : (
        thresholds.data.map((t) =>
          editing === t.sector ? (
            <EditCard key={t.sector} threshold={t} onDone={() => setEditing(null)} onSaved={() => void thresholds.reload()} />
          ) : (
            <View key={t.sector} id={`threshold-${t.sector}`} className='card'>
              <View className='upgrade-row-head'>
                <Text className='upgrade-name'>{t.label}</Text>
                <Text className='upgrade-stage'>{t.revenue !== undefined ? `${t.revenue.toLocaleString('zh-CN')} 万元` : '按资质'}</Text>
              </View>
              <Text className='muted small'>口径：{t.measure}</Text>
              <Text className='muted small upgrade-method'>依据：{t.source}</Text>
              {t.updatedAt ? (
                <Text className='muted small'>
                  {t.updatedBy?.name ?? ''} 修改于 {t.updatedAt.slice(0, 10)}
                </Text>
              ) : null}
              {editable ? (
                <Button id={`threshold-edit-${t.sector}`} className='btn btn-outline btn-small' onClick={() => setEditing(t.sector)}>
                  修改
                </Button>
              ) : null}
            </View>
          ),
        )
      )}
    </View>
  )
}

function EditCard(props: { threshold: Threshold; onDone: () => void; onSaved: () => void }) {
  const t = props.threshold
  const hasAmount = t.revenue !== undefined
  const [form, setForm] = useState<ThresholdForm>({ sector: t.sector, revenue: hasAmount ? String(t.revenue) : '', source: t.source })
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const save = async () => {
    const read = readThresholdForm(form, hasAmount)
    if (!read.ok) {
      setFields(read.fields)
      return
    }
    setBusy(true)
    try {
      await saveThreshold(read.value)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      props.onSaved()
      props.onDone()
    } catch (e) {
      const error = asApiError(e)
      setFields(Object.keys(error.fields ?? {}).length > 0 ? (error.fields as Record<string, string>) : { _: error.message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View id={`threshold-form-${t.sector}`} className='card'>
      <Text className='section-title'>修改「{t.label}」门槛</Text>
      {hasAmount ? (
        <FormField label={`${t.measure}（万元）`} required error={fields.revenue}>
          <Input id='threshold-revenue' className='input' type='digit' value={form.revenue} onInput={(e) => setForm({ ...form, revenue: e.detail.value })} />
        </FormField>
      ) : (
        <Text className='muted small'>该行业按资质纳入统计，不设营业收入门槛；可更新依据。</Text>
      )}
      <FormField label='依据' required error={fields.source} counter={{ length: form.source.length, max: 200 }}>
        <Textarea id='threshold-source' className='textarea' value={form.source} maxlength={200} onInput={(e) => setForm({ ...form, source: e.detail.value })} />
      </FormField>
      {fields._ ? <Text className='banner banner-error'>{fields._}</Text> : null}
      <View className='row'>
        <Button id='threshold-save' className='btn btn-primary btn-small' disabled={busy || undefined} onClick={() => void save()}>
          {busy ? '保存中…' : '保存'}
        </Button>
        <Button className='btn btn-outline btn-small' disabled={busy || undefined} onClick={props.onDone}>
          取消
        </Button>
      </View>
    </View>
  )
}
