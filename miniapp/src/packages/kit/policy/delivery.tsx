import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { maySendPolicies, policyCoverageReach } from '@shared/domain/policy'
import type { Catalog } from '@shared/schemas/catalog.schema'
import type { PolicyDocView } from '@shared/schemas/policy.schema'
import type { User } from '@shared/schemas/user.schema'
import { ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { listEnterprises } from '../../../services/admin-api'
import { fetchPolicyCoverage, sendPolicy } from '../../../services/kit-api'
import { asApiError } from '../../../services/request'

interface Props {
  user: User
  policy: PolicyDocView
  catalog: Catalog | null
}

/**
 * 送政策 on a policy's page, for the officials who serve enterprises: choose enterprises of the
 * portfolio (a specialist) or the area's roster (an admin; the city admin picks the area) and send
 * the policy — their staff are notified. Below, 送达情况: per area, sent to and opened by.
 */
export function PolicyDelivery({ user, policy, catalog }: Props) {
  const city = policyCoverageReach(user, undefined).kind === 'city'
  const areas = catalog?.areas ?? []
  const [areaIndex, setAreaIndex] = useState(0)
  const areaId = city ? areas[areaIndex]?.id : undefined
  const [choosing, setChoosing] = useState(false)
  const [q, setQ] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [sending, setSending] = useState(false)
  const sendable = policy.status === 'published' && !policy.expired
  const roster = useLoader(choosing && (!city || areaId) ? `kit-send-roster|${areaId ?? ''}|${q}` : null, () => listEnterprises({ areaId, q: q.trim() || undefined, limit: 50 }))
  const coverage = useLoader(policy.status === 'published' ? `kit-coverage|${policy.id}` : null, () => fetchPolicyCoverage(policy.id))

  if (!maySendPolicies(user)) return null
  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]))
  const send = async () => {
    setSending(true)
    try {
      const result = await sendPolicy(policy.id, chosen)
      const again = result.alreadySent.length > 0 ? `，${result.alreadySent.length} 家此前已发送` : ''
      void Taro.showToast({ title: `已发送 ${result.sent.length} 家${again}`, icon: 'none' })
      setChosen([])
      setChoosing(false)
      await coverage.reload()
    } catch (error) {
      void Taro.showToast({ title: asApiError(error).message, icon: 'none' })
    } finally {
      setSending(false)
    }
  }

  return (
    <>
      {sendable ? (
        <View id='policy-send' className='card'>
          <Text className='section-title'>发送给企业</Text>
          <Text className='muted small'>所选企业的联系人将收到消息提醒，点开即到本页</Text>
          {!choosing ? (
            <Button id='policy-send-open' className='btn btn-primary btn-small' onClick={() => setChoosing(true)}>
              选择企业
            </Button>
          ) : (
            <View>
              {city && areas.length > 0 ? (
                <Picker mode='selector' range={areas.map((a) => a.name)} value={areaIndex} onChange={(e) => setAreaIndex(Number(e.detail.value))}>
                  <View className='me-menu-item'>
                    <Text>属地：{areas[areaIndex]?.name}</Text>
                    <Text className='muted'>›</Text>
                  </View>
                </Picker>
              ) : null}
              <Input id='policy-send-search' className='input' placeholder='搜索企业名称' value={q} onInput={(e) => setQ(e.detail.value)} />
              {roster.error ? (
                <ErrorState message={roster.error.message} onRetry={() => void roster.reload()} />
              ) : !roster.data ? (
                <LoadingState />
              ) : roster.data.items.length === 0 ? (
                <Text className='muted small'>没有可发送的企业</Text>
              ) : (
                roster.data.items.map((e) => (
                  <View key={e.id} className='me-menu-item policy-send-item' onClick={() => toggle(e.id)}>
                    <Text>{e.name}</Text>
                    <Text className={chosen.includes(e.id) ? 'kit-link' : 'muted'}>{chosen.includes(e.id) ? '✓ 已选' : '选择'}</Text>
                  </View>
                ))
              )}
              <Button id='policy-send-submit' className='btn btn-primary btn-small' disabled={sending || chosen.length === 0} onClick={() => void send()}>
                {sending ? '发送中…' : `发送（${chosen.length} 家）`}
              </Button>
              <Button className='btn btn-outline btn-small' onClick={() => setChoosing(false)}>
                取消
              </Button>
            </View>
          )}
        </View>
      ) : null}
      {policy.status === 'published' ? (
        <View id='policy-coverage' className='card'>
          <Text className='section-title'>送达情况</Text>
          {coverage.error ? (
            <ErrorState message={coverage.error.message} onRetry={() => void coverage.reload()} />
          ) : !coverage.data ? (
            <LoadingState />
          ) : coverage.data.total.sent === 0 && coverage.data.total.openedUnsent === 0 ? (
            <Text className='muted small'>还没有发送给企业</Text>
          ) : (
            <>
              <Text className='muted small'>
                共发送 {coverage.data.total.sent} 家，已查看 {coverage.data.total.opened} 家
                {coverage.data.total.openedUnsent > 0 ? `；另有 ${coverage.data.total.openedUnsent} 家自行查看` : ''}
              </Text>
              {coverage.data.areas
                .filter((a) => a.sent > 0 || a.openedUnsent > 0)
                .map((a) => (
                  <View key={a.areaId} className='me-menu-item'>
                    <Text>{a.name}</Text>
                    <Text className='muted small'>
                      发送 {a.sent} · 已查看 {a.opened}
                    </Text>
                  </View>
                ))}
            </>
          )}
        </View>
      ) : null}
    </>
  )
}
