import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import { mayReadKit } from '@shared/domain/policy'
import { PACK_LABELS } from '@shared/domain/policy-pack'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchCatalog } from '../../../services/api'
import { actOnPolicy, fetchPolicy, policyCodeUrl } from '../../../services/kit-api'
import { asApiError } from '../../../services/request'
import { ROUTES } from '../../../settings'
import { applicabilityText, policyIdOf, STATUS_WORDS } from '../kit-view'
import { PolicyDelivery } from './delivery'
import { PolicyOriginal } from './original'
import '../kit.css'

/**
 * A policy's page — what its code opens: 一图读懂 (the key points), how to apply, 一号拨通 (tap the
 * consultation phone), 一码链接 (the original's address and the policy's own code), and the FAQ
 * entries linked to it.
 */
export default function PolicyPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const id = policyIdOf(useRouter().params)
  const key = user && mayReadKit(user) && id ? `kit-policy|${id}` : null
  const detail = useLoader(key, () => fetchPolicy(id))
  const catalog = useLoader(key ? 'catalog' : null, () => fetchCatalog())
  const [acting, setActing] = useState(false)
  // Back from 修改: show what was saved.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current && key) void detail.reload()
    shownBefore.current = true
  })

  if (!user || !mayReadKit(user)) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='请先登录后查看政策' />
      </View>
    )
  }
  if (!id) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='没有指定政策' />
      </View>
    )
  }
  if (!detail.data) {
    return (
      <View className={`page ${textClass}`}>
        {detail.error ? <ErrorState message={detail.error.message} onRetry={() => void detail.reload()} /> : <LoadingState />}
      </View>
    )
  }
  const { policy, faq } = detail.data
  const areaName = (areaId: string) => catalog.data?.areas.find((a) => a.id === areaId)?.name ?? areaId
  const call = () => void Taro.makePhoneCall({ phoneNumber: policy.phone.replace(/-/g, '') }).catch(() => undefined)
  const act = async (type: 'publish' | 'expire') => {
    setActing(true)
    try {
      await actOnPolicy(policy.id, { type, expectedVersion: policy.version })
      await detail.reload()
    } catch (error) {
      void Taro.showToast({ title: asApiError(error).message, icon: 'none' })
    } finally {
      setActing(false)
    }
  }

  return (
    <View id='policy-page' className={`page ${textClass}`}>
      <View className='card'>
        <Text id='policy-title' className='kit-title'>{policy.title}</Text>
        <Text className='muted small'>
          {policy.issuer}
          {policy.docNumber ? ` · ${policy.docNumber}` : ''}
        </Text>
        <Text className='muted small'>
          {PACK_LABELS[policy.pack]} · 施行 {policy.effectiveOn}
          {policy.expiresOn ? ` · 有效至 ${policy.expiresOn}` : ''}
        </Text>
        {policy.expired ? <Text className='kit-expired'>本政策已失效，仅供查阅</Text> : null}
        {policy.status !== 'published' ? <Text className='kit-expired'>{STATUS_WORDS[policy.status]}：企业看不到这条政策</Text> : null}
        <Text className='muted small'>适用对象：{applicabilityText(policy.appliesTo, areaName)}</Text>
        {policy.actions.includes('publish') ? (
          <Button id='policy-publish' className='btn btn-primary btn-small' disabled={acting} onClick={() => void act('publish')}>
            发布
          </Button>
        ) : null}
        {policy.actions.includes('edit') ? (
          <Button id='policy-edit-open' className='btn btn-outline btn-small' onClick={() => void Taro.navigateTo({ url: `${ROUTES.kitPolicyEdit}?id=${encodeURIComponent(policy.id)}` })}>
            修改
          </Button>
        ) : null}
        {policy.actions.includes('expire') ? (
          <Button id='policy-expire' className='btn btn-outline btn-small' disabled={acting} onClick={() => void act('expire')}>
            标记失效
          </Button>
        ) : null}
      </View>

      <View className='card'>
        <Text className='section-title'>政策要点</Text>
        {policy.keyPoints.map((point, i) => (
          <Text key={i} className='kit-point'>
            {point}
          </Text>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>怎么申报</Text>
        <Text className='kit-answer'>{policy.howToApply}</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>咨询电话</Text>
        <View id='policy-phone' className='me-menu-item' onClick={call}>
          <Text>
            {policy.phoneUnit ? `${policy.phoneUnit} ` : ''}
            {policy.phone}
          </Text>
          <Text className='kit-link'>拨打</Text>
        </View>
      </View>

      {policy.originalUrl ? (
        <View className='card'>
          <Text className='section-title'>政策原文</Text>
          <Text selectable className='kit-answer small'>
            {policy.originalUrl}
          </Text>
        </View>
      ) : null}

      <PolicyOriginal detail={detail.data} onChanged={detail.reload} />

      {faq.length > 0 ? (
        <View className='card'>
          <Text className='section-title'>相关问答</Text>
          {faq.map((entry) => (
            <View key={entry.id} className='me-menu-item' onClick={() => void Taro.navigateTo({ url: `${ROUTES.kitFaq}?open=${encodeURIComponent(entry.id)}` })}>
              <Text>{entry.question}</Text>
              <Text className='muted'>›</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='card'>
        <Text className='section-title'>政策码</Text>
        <Text className='muted small'>扫码直达本页，可打印在政策口袋书上</Text>
        <Image id='policy-code' className='kit-code' src={policyCodeUrl(policy.id)} mode='aspectFit' />
      </View>

      <PolicyDelivery user={user} policy={policy} catalog={catalog.data} />
    </View>
  )
}
