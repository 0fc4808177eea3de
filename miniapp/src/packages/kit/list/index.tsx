import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { mayManageKit, mayReadKit } from '@shared/domain/policy'
import type { PolicyDocView } from '@shared/schemas/policy.schema'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { listPolicies } from '../../../services/kit-api'
import { ROUTES } from '../../../settings'
import { packSections, STATUS_WORDS } from '../kit-view'
import '../kit.css'

/**
 * 政策包: for an enterprise, the policies in force that apply to it — its own pack first (规上政策包
 * for above-scale firms, 升规指南 for near-scale ones); for officials, those of their scope, the
 * drafts they keep marked. Entries to the FAQ handbook and the search.
 */
export default function PolicyPackPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const key = user && mayReadKit(user) ? `kit-policies|${user.id}` : null
  const list = useLoader(key, () => listPolicies())

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && key) void list.reload()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    list.reload().then(stop, stop)
  })

  if (!user || !mayReadKit(user)) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='请先登录后查看政策包' />
      </View>
    )
  }

  return (
    <View className={`page ${textClass}`}>
      <View className='kit-search-bar'>
        <Button id='kit-open-search' className='btn btn-primary btn-small' onClick={() => void Taro.navigateTo({ url: ROUTES.kitSearch })}>
          搜政策、找答案
        </Button>
        <Button id='kit-open-faq' className='btn btn-outline btn-small' onClick={() => void Taro.navigateTo({ url: ROUTES.kitFaq })}>
          高频问题解答
        </Button>
        {mayManageKit(user) ? (
          <Button id='kit-open-sheet' className='btn btn-outline btn-small' onClick={() => void Taro.navigateTo({ url: ROUTES.kitSheet })}>
            打印口袋书
          </Button>
        ) : null}
        {mayManageKit(user) ? (
          <Button id='kit-new-policy' className='btn btn-outline btn-small' onClick={() => void Taro.navigateTo({ url: ROUTES.kitPolicyEdit })}>
            新建政策
          </Button>
        ) : null}
        {mayManageKit(user) ? (
          <Button id='kit-open-import' className='btn btn-outline btn-small' onClick={() => void Taro.navigateTo({ url: ROUTES.kitImport })}>
            批量导入
          </Button>
        ) : null}
      </View>
      {list.data ? (
        <View id='policy-list'>
          {list.data.enterprise ? <Text className='muted small'>按 {list.data.enterprise.name} 的规模、行业和属地匹配</Text> : null}
          {list.data.items.length === 0 ? (
            <EmptyState text='暂时没有适用的政策' />
          ) : (
            packSections(list.data.items).map((section) => (
              <View key={section.pack} id={`pack-${section.pack}`}>
                <Text className='section-title'>{section.label}</Text>
                {section.items.map((policy) => (
                  <PolicyRow key={policy.id} policy={policy} />
                ))}
              </View>
            ))
          )}
        </View>
      ) : list.error ? (
        <ErrorState message={list.error.message} onRetry={() => void list.reload()} />
      ) : (
        <LoadingState />
      )}
    </View>
  )
}

function PolicyRow({ policy }: { policy: PolicyDocView }) {
  return (
    <View
      id={`policy-${policy.id}`}
      className='card kit-row'
      onClick={() => void Taro.navigateTo({ url: `${ROUTES.kitPolicy}?id=${encodeURIComponent(policy.id)}` })}
    >
      <Text className='kit-row-title'>{policy.title}</Text>
      <Text className='muted small'>
        {policy.issuer}
        {policy.docNumber ? ` · ${policy.docNumber}` : ''}
        {policy.status !== 'published' ? ` · ${STATUS_WORDS[policy.status]}` : ''}
      </Text>
      {policy.expired ? <Text className='small kit-expired'>已失效</Text> : null}
    </View>
  )
}
