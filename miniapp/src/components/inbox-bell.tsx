import { useEffect } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useUnread } from '../hooks/use-unread'
import { refreshUnread } from '../services/unread'
import { ROUTES } from '../settings'
import { badgeText } from '../utils/format'

/**
 * The bell on the tab pages: the inbox's unread count, read again each time the page shows and
 * updated at once when the inbox marks something read. Tapping it opens the inbox (消息).
 * It sits in the weapp main package: keep it to this.
 */
export function InboxBell() {
  const count = useUnread()

  // A bell that appears after its page showed (the page was still loading) wants a number too;
  // requests made at the same moment are shared.
  useEffect(() => {
    void refreshUnread()
  }, [])
  useDidShow(() => {
    void refreshUnread()
  })

  const badge = badgeText(count ?? 0)
  return (
    <View id='inbox-bell' className='bell' onClick={() => void Taro.navigateTo({ url: ROUTES.inbox })}>
      <View className='bell-icon'>
        <View className='bell-cup' />
        <View className='bell-clapper' />
        {badge ? (
          <Text id='inbox-badge' className='bell-badge'>
            {badge}
          </Text>
        ) : null}
      </View>
      <Text className='bell-label'>消息</Text>
    </View>
  )
}
