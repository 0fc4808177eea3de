import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { User } from '@shared/schemas/user.schema'
import { isCoHandlerRole, isEnterpriseStaff } from '@shared/domain/policy'
import { AppealCard } from '../../components/appeal-card'
import { InboxBell } from '../../components/inbox-bell'
import { NumberSearch } from '../../components/number-search'
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state'
import { useAppealList } from '../../hooks/use-appeal-list'
import { ListFoot } from '../../components/list-foot'
import { useSessionUser } from '../../hooks/use-session-user'
import { goToLogin, openNewAppeal } from '../../services/navigation'
import { DEV_LOGIN_ENABLED, ROUTES } from '../../settings'
import { INBOX_FILTERS, type FilterKey } from './filters'
import { asApiError } from '../../services/request'
import { userTask } from '../../utils/appeal'
import { signInWithWeChat } from '../../services/wechat-login'
import { openAppealAsking, prepareSubscriptions } from '../../services/subscriptions'
import { refreshUnread } from '../../services/unread'
import { useTextSizeClass } from '../../hooks/use-text-size'
import { PrivacySheet } from '../../components/privacy-sheet'
import { recheckPrivacy } from '../../services/privacy'
import './index.css'

/** Production builds have no demo login: a returning user signs in with WeChat from here. */
async function signInAndReload(): Promise<void> {
  try {
    await signInWithWeChat()
    await Taro.reLaunch({ url: ROUTES.index })
  } catch (e) {
    void Taro.showToast({ title: asApiError(e).message, icon: 'none', duration: 3000 })
  }
}

/** 诉求 tab: staff see their own appeals, officials their inbox with status filters. */
export default function IndexPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const isStaff = isEnterpriseStaff(user)
  const [filterKey, setFilterKey] = useState<FilterKey>('all')
  const filter = INBOX_FILTERS.find((f) => f.key === filterKey) ?? INBOX_FILTERS[0]
  const status = isStaff ? undefined : filter?.status
  const listKey = user ? `${user.id}|${isStaff ? 'all' : filterKey}` : null
  const list = useAppealList(listKey, status)

  useEffect(() => {
    if (!user) goToLogin()
    else void Taro.setNavigationBarTitle({ title: isStaff ? '我的诉求' : '待办' })
  }, [user, isStaff])

  // Coming back from a detail or the form: refresh quietly so statuses are current.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && listKey) void list.refresh()
    shownOnce.current = true
    // Officials are asked for subscribe messages when they open an appeal from this list; staff
    // when they open one of theirs (the tap before the progress they will hear of).
    if (user) prepareSubscriptions()
    // A guide updated since this phone agreed is agreed to again.
    void recheckPrivacy()
  })

  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!listKey) return stop()
    void refreshUnread()
    list.refresh().then(stop, stop)
  })

  useReachBottom(() => {
    void list.loadMore()
  })

  if (!user) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text={DEV_LOGIN_ENABLED ? '请先登录' : '扫描企业服务联系卡即可提交诉求；已绑定企业的用户请登录'}>
          {DEV_LOGIN_ENABLED ? (
            <Button className='btn btn-primary btn-small' onClick={goToLogin}>
              去登录
            </Button>
          ) : (
            <View className='index-login'>
              <Button id='wechat-login' className='btn btn-primary btn-small' onClick={() => void signInAndReload()}>
                微信一键登录
              </Button>
              <Text id='official-login' className='index-official-login' onClick={() => void Taro.navigateTo({ url: ROUTES.claimInvitation })}>
                工作人员首次登录（邀请码）
              </Text>
            </View>
          )}
        </EmptyState>
        <PrivacySheet />
      </View>
    )
  }

  return (
    <View className={`page ${textClass}`}>
      {isStaff ? (
        <View className='index-hero card'>
          <View className='index-hero-text'>
            <Text className='index-hero-title'>有困难，找专员</Text>
            <Text className='muted'>诉求直达企业服务专员，全程可查进度</Text>
          </View>
          <Button id='new-appeal' className='btn btn-primary index-new' onClick={() => openNewAppeal()}>
            提诉求
          </Button>
        </View>
      ) : (
        <View className='filters'>
          {INBOX_FILTERS.map((f) => (
            <View
              key={f.key}
              id={`filter-${f.key}`}
              className={f.key === filterKey ? 'filter filter-active' : 'filter'}
              onClick={() => setFilterKey(f.key)}
            >
              {f.label}
            </View>
          ))}
        </View>
      )}

      <View className='title-row'>
        <Text className='page-title'>{isStaff ? '我的诉求' : '待办'}</Text>
        <InboxBell />
      </View>
      {isStaff ? null : <NumberSearch onOpen={openAppealAsking} task={isCoHandlerRole(user) ? (appeal) => userTask(appeal, user) : undefined} />}
      <AppealListBody list={list} user={user} />
      <PrivacySheet />
    </View>
  )
}

function AppealListBody({ list, user }: { list: ReturnType<typeof useAppealList>; user: User }) {
  const isStaff = isEnterpriseStaff(user)
  // Department and task-force handlers work on their own task: its status leads each row.
  const isHandler = isCoHandlerRole(user)
  if (list.loading) return <LoadingState />
  if (list.error) return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  if (list.items.length === 0) {
    return <EmptyState text={isStaff ? '还没有诉求，点击“提诉求”告诉专员您的困难' : '暂无待办诉求'} />
  }
  return (
    <View className='appeal-list'>
      {list.refreshing ? <Text className='list-foot'>正在刷新…</Text> : null}
      {list.items.map((appeal) => (
        <AppealCard
          key={appeal.id}
          appeal={appeal}
          showEnterprise={!isStaff}
          task={isHandler ? userTask(appeal, user) : undefined}
          onOpen={openAppealAsking}
        />
      ))}
      <ListFoot list={list} />
    </View>
  )
}
