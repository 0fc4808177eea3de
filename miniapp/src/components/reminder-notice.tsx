import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useLoader } from '../hooks/use-loader'
import { useSessionUser } from '../hooks/use-session-user'
import { askForReminders, CAN_SUBSCRIBE, loadSubscriptions } from '../services/subscriptions'
import { remindersOff } from '../utils/subscribe'
import './reminder-notice.css'

/**
 * 未开启提醒: shown while the user's most important subscribe-message template can push nothing
 * (no one-time budget left, or a long-term one not accepted), with the one tap that asks WeChat
 * again. The subscriptions are loaded when it mounts, so that the tap can ask at once, as WeChat
 * requires.
 */
export function ReminderNotice({ id }: { id: string }) {
  const user = useSessionUser()
  const subscriptions = useLoader(user && CAN_SUBSCRIBE ? `subscriptions|${user.id}|${id}` : null, loadSubscriptions)
  if (!remindersOff(subscriptions.data)) return null

  const enable = async () => {
    const result = await askForReminders()
    await subscriptions.reload()
    if (result && !remindersOff(result)) void Taro.showToast({ title: '已开启提醒', icon: 'success' })
  }

  return (
    <View id={id} className='card reminder-notice'>
      <View className='reminder-notice-text'>
        <Text className='reminder-notice-title'>未开启提醒</Text>
        <Text className='muted'>有新进展或需要您处理时，将无法通过微信服务通知提醒您</Text>
      </View>
      <Button id={`${id}-enable`} className='btn btn-primary btn-small' onClick={() => void enable()}>
        开启提醒
      </Button>
    </View>
  )
}
