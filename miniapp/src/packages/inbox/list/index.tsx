import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { NOTIFICATION_KIND_LABEL } from '@shared/labels'
import { isOfficial } from '@shared/domain/policy'
import type { Notification } from '@shared/schemas/notification.schema'
import type { User } from '@shared/schemas/user.schema'
import { ListFoot } from '../../../components/list-foot'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { usePagedList, type PagedList } from '../../../hooks/use-paged-list'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useUnread } from '../../../hooks/use-unread'
import { goToLogin } from '../../../services/navigation'
import { listNotifications, markNotificationsRead } from '../../../services/notifications-api'
import { asApiError } from '../../../services/request'
import { askAtTap, askForReminders, CAN_SUBSCRIBE, loadSubscriptions, prepareSubscriptions } from '../../../services/subscriptions'
import { setUnread } from '../../../services/unread'
import { formatTime } from '../../../utils/format'
import { remindersOff } from '../../../utils/subscribe'
import { groupByDay, isRead, notificationTarget, reminderText } from '../inbox-view'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import './index.css'

const PAGE_SIZE = 20

/** 消息: the signed-in user's notifications by day, newest first; tap one to read it and go to its page. */
export default function InboxPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const official = isOfficial(user)
  const unread = useUnread()
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(() => new Set())
  const [markingAll, setMarkingAll] = useState(false)

  const loadPage = useCallback(async (cursor: string | null) => {
    const page = await listNotifications({ cursor, limit: PAGE_SIZE })
    setUnread(page.unread)
    return page
  }, [])
  const list = usePagedList<Notification>(user ? `inbox|${user.id}` : null, loadPage)
  const subscriptions = useLoader(user && CAN_SUBSCRIBE ? `subscriptions|${user.id}` : null, loadSubscriptions)

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])

  // Back from a notification's page: read marks and new notifications as the server has them.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && user) {
      void list.refresh()
      if (CAN_SUBSCRIBE) void subscriptions.reload()
    }
    shownOnce.current = true
    if (official) prepareSubscriptions()
  })

  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!user) return stop()
    if (CAN_SUBSCRIBE) void subscriptions.reload()
    list.refresh().then(stop, stop)
  })

  useReachBottom(() => {
    void list.loadMore()
  })

  const markRead = (id: string, read: boolean) =>
    setReadHere((current) => {
      const next = new Set(current)
      if (read) next.add(id)
      else next.delete(id)
      return next
    })

  const open = (item: Notification) => {
    // Opening an appeal is a natural tap to ask officials for subscribe messages: ask first.
    const asked = official ? askAtTap() : Promise.resolve()
    if (!isRead(item, readHere)) {
      markRead(item.id, true)
      markNotificationsRead({ ids: [item.id] }).then(
        (answer) => setUnread(answer.unread),
        // Still unread on the server: show it so.
        () => markRead(item.id, false),
      )
    }
    const target = notificationTarget(item.page)
    if (!target) return
    void asked.then(() => (target.tab ? Taro.switchTab({ url: target.url }) : Taro.navigateTo({ url: target.url })))
  }

  const markAll = async () => {
    if (markingAll) return
    setMarkingAll(true)
    try {
      const answer = await markNotificationsRead({ all: true })
      setUnread(answer.unread)
      setReadHere(new Set(list.items.map((item) => item.id)))
      void Taro.showToast({ title: '已全部标为已读', icon: 'none' })
    } catch (e) {
      void Taro.showToast({ title: asApiError(e).message, icon: 'none', duration: 3000 })
    } finally {
      setMarkingAll(false)
    }
  }

  const enableReminders = async () => {
    const result = await askForReminders()
    if (result && !remindersOff(result)) void Taro.showToast({ title: '已开启提醒', icon: 'success' })
    void subscriptions.reload()
  }

  if (!user) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='请先登录' />
      </View>
    )
  }

  const unreadLeft = unread ?? list.items.filter((item) => !isRead(item, readHere)).length
  return (
    <View className={`page ${textClass}`}>
      {remindersOff(subscriptions.data) ? <ReminderBanner user={user} onEnable={() => void enableReminders()} /> : null}
      <View className='title-row'>
        <Text className='page-title'>
          消息
          {unreadLeft > 0 ? (
            <Text id='inbox-unread' className='inbox-unread'>
              {unreadLeft} 条未读
            </Text>
          ) : null}
        </Text>
        {/* Faded, not [disabled]: on h5 Taro's disabled style blanks an outline button's text. */}
        <Button
          id='mark-all-read'
          className={`btn btn-outline btn-small${markingAll || unreadLeft === 0 ? ' btn-busy' : ''}`}
          onClick={unreadLeft === 0 ? undefined : () => void markAll()}
        >
          全部已读
        </Button>
      </View>
      <InboxBody list={list} readHere={readHere} onOpen={open} />
    </View>
  )
}

/** Shown while the role's most important template has no budget: the tap on 开启提醒 asks again. */
function ReminderBanner({ user, onEnable }: { user: User; onEnable: () => void }) {
  return (
    <View id='reminder-banner' className='card inbox-reminder'>
      <Text className='inbox-reminder-text'>{reminderText(user.role)}</Text>
      <Button id='enable-reminders' className='btn btn-primary btn-small' onClick={onEnable}>
        开启提醒
      </Button>
    </View>
  )
}

function InboxBody({ list, readHere, onOpen }: { list: PagedList<Notification>; readHere: ReadonlySet<string>; onOpen: (item: Notification) => void }) {
  if (list.loading) return <LoadingState />
  if (list.error) return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  if (list.items.length === 0) return <EmptyState text='暂无消息' />
  return (
    <View id='inbox-list'>
      {list.refreshing ? <Text className='list-foot'>正在刷新…</Text> : null}
      {groupByDay(list.items).map((group) => (
        <View key={group.day} id={`day-${group.day}`} className='inbox-day'>
          <Text className='inbox-day-label'>{group.label}</Text>
          {group.items.map((item) => (
            <NotificationRow key={item.id} item={item} read={isRead(item, readHere)} onOpen={onOpen} />
          ))}
        </View>
      ))}
      <ListFoot list={list} />
    </View>
  )
}

function NotificationRow({ item, read, onOpen }: { item: Notification; read: boolean; onOpen: (item: Notification) => void }) {
  return (
    <View id={`notification-${item.id}`} className={read ? 'card inbox-item' : 'card inbox-item inbox-item-unread'} onClick={() => onOpen(item)}>
      <View className='inbox-item-head'>
        {read ? null : (
          <View id={`unread-${item.id}`} className='inbox-dot'>
            <Text className='sr-only'>未读</Text>
          </View>
        )}
        <Text className='inbox-item-title'>{item.title}</Text>
        <Text className='muted small'>{formatTime(item.createdAt)}</Text>
      </View>
      <Text className='inbox-item-body'>{item.body}</Text>
      <View className='inbox-item-foot'>
        <Text className='chip-static'>{NOTIFICATION_KIND_LABEL[item.kind]}</Text>
        {notificationTarget(item.page) ? <Text className='inbox-item-open'>查看 ›</Text> : null}
      </View>
    </View>
  )
}
