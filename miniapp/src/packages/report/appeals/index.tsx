import { useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AccessGate } from '../../../components/access-gate'
import { AppealCard } from '../../../components/appeal-card'
import { ListFoot } from '../../../components/list-foot'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useSessionUser } from '../../../hooks/use-session-user'
import { openAppeal } from '../../../services/navigation'
import { fetchDrillAppeals } from '../../../services/report-api'
import { drillTitle, drillUrl, parseDrill, reportAccess } from '../report-view'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../report.css'

/**
 * The appeals behind one figure of a report (统计明细): a headline figure, a bar or a breakdown
 * row of the dashboard, paged, each opening the appeal. At the end the count, which is the
 * figure tapped.
 */
export default function ReportAppealsPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const drill = useMemo(() => parseDrill(params), [])
  const user = useSessionUser()
  const access = reportAccess(user)
  const key = drill && access.kind === 'ok' ? drillUrl(drill) : null
  const [total, setTotal] = useState<number | null>(null)
  const list = usePagedList(key, async (cursor) => {
    const page = await fetchDrillAppeals(drill!, cursor)
    if (cursor === null) setTotal(page.total)
    return page
  })

  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    list.refresh().then(stop, stop)
  })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.moreError) void list.loadMore()
  })

  if (access.kind === 'none') {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={access} signedIn={user !== null} />
      </View>
    )
  }
  if (!drill) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='链接不完整，请从统计看板进入' />
      </View>
    )
  }

  return (
    <View className={`page report-page ${textClass}`}>
      <View id='drill-head' className='card'>
        <Text id='drill-title' className='section-title'>
          {drillTitle(drill)}
        </Text>
        <Text className='muted small'>
          {drill.scopeName ?? drill.scope}
          {total !== null && !list.loading && !list.error ? ` · 共 ${total} 件` : ''}
        </Text>
      </View>
      {list.loading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <EmptyState text='没有对应的诉求' />
      ) : (
        <View id='drill-list'>
          {list.items.map((appeal) => (
            <AppealCard key={appeal.id} appeal={appeal} showEnterprise onOpen={(id) => openAppeal(id)} />
          ))}
          {list.hasMore || list.loadingMore || list.moreError ? (
            <ListFoot list={list} />
          ) : (
            <View id='drill-count' className='list-foot'>
              共 {list.items.length} 件
            </View>
          )}
        </View>
      )}
    </View>
  )
}
