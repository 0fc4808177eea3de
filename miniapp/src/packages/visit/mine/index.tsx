import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { keepsVisits } from '@shared/domain/policy'
import { VISIT_KIND_LABELS, VISIT_TOPIC_LABELS } from '@shared/schemas/visit.schema'
import { ListFoot } from '../../../components/list-foot'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { listVisits } from '../../../services/visits-api'
import { ROUTES } from '../../../settings'
import { formatDateTime } from '../../../utils/format'
import './index.css'

/** 我的走访: the visits the signed-in official recorded, newest first. */
export default function MyVisitsPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = keepsVisits(user)
  const list = usePagedList(allowed ? `visits:${user?.id}` : null, (cursor) => listVisits({ cursor }))
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())

  if (!allowed) return <View className={`page ${textClass}`}><EmptyState text='只有企业服务专员和管理员记录走访' /></View>
  if (list.loading) return <LoadingState />
  if (list.error) return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  if (list.items.length === 0) return <View className={`page ${textClass}`}><EmptyState text='还没有走访记录：在企业名册中选择企业，或到企业现场扫描其联系卡开始记录' /></View>

  return (
    <View className={`page ${textClass}`}>
      {list.items.map((visit) => (
        <View key={visit.id} id={`visit-${visit.id}`} className='card visit-item' onClick={() => void Taro.navigateTo({ url: `${ROUTES.visitDetail}?id=${encodeURIComponent(visit.id)}` })}>
          <View className='visit-item-head'>
            <Text className='section-title'>{visit.enterpriseName}</Text>
            {visit.checkedInAt ? <Text className='visit-tag'>已签到</Text> : null}
          </View>
          <Text className='muted'>
            {formatDateTime(visit.visitedAt)} · {VISIT_KIND_LABELS[visit.kind]} · {visit.topics.map((t) => VISIT_TOPIC_LABELS[t]).join('、')}
          </Text>
          <Text className='muted'>发现问题 {visit.appealCount} 个 · 照片 {visit.attachmentCount} 张</Text>
        </View>
      ))}
      <ListFoot list={list} />
    </View>
  )
}
