import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { mayWorkCommonProblems } from '@shared/domain/policy'
import type { CommonProblem, CommonProblemStatus } from '@shared/schemas/common-problem.schema'
import { ChipGroup } from '../../../components/chip-group'
import { ListFoot } from '../../../components/list-foot'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { listCommonProblems } from '../../../services/common-problems-api'
import { ROUTES } from '../../../settings'
import { COMMON_STATUS_LABEL, reachLine } from '../../../utils/common-problem'
import { formatShortDate } from '../../../utils/format'
import '../common.css'

const TABS: readonly { value: CommonProblemStatus; label: string }[] = [
  { value: 'open', label: COMMON_STATUS_LABEL.open },
  { value: 'answered', label: COMMON_STATUS_LABEL.answered },
]

/** 共性问题: those in the caller's scope, 未答复 or 已答复, newest first. */
export default function CommonProblemsPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = mayWorkCommonProblems(user)
  const [status, setStatus] = useState<CommonProblemStatus>('open')
  const key = user && allowed ? `common|${user.id}|${status}` : null
  const list = usePagedList(key, async (cursor) => {
    const page = await listCommonProblems({ status, cursor })
    return { items: page.items, cursor: page.nextCursor ?? null }
  })

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && key) void list.refresh()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    list.refresh().then(stop, stop)
  })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.moreError) void list.loadMore()
  })

  if (!user || !allowed) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有企业服务专员和管理员可以查看共性问题' />
      </View>
    )
  }

  return (
    <View className={`page ${textClass}`}>
      <ChipGroup idPrefix='common-tab' label='答复状态' options={TABS} selected={status} onSelect={setStatus} />
      {list.loading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <EmptyState text={status === 'open' ? '没有未答复的共性问题。在诉求详情页“查找相似诉求”即可合并。' : '还没有已答复的共性问题'} />
      ) : (
        <View id='common-list'>
          {list.items.map((problem) => (
            <ProblemRow key={problem.id} problem={problem} />
          ))}
          <ListFoot list={list} />
        </View>
      )}
    </View>
  )
}

function ProblemRow({ problem }: { problem: CommonProblem }) {
  return (
    <View
      id={`common-${problem.id}`}
      className='card common-row'
      onClick={() => void Taro.navigateTo({ url: `${ROUTES.commonProblem}?id=${encodeURIComponent(problem.id)}` })}
    >
      <Text className='common-row-title'>{problem.title}</Text>
      <Text className='muted small'>
        {problem.categoryName} · {problem.responsibleUnit}
      </Text>
      <Text className='small common-reach'>{reachLine(problem)}</Text>
      <Text className='muted small'>
        {problem.holder.name} · {formatShortDate(problem.createdAt)}
      </Text>
    </View>
  )
}
