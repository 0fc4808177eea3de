import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { FilerContact } from '@shared/schemas/appeal.schema'

/**
 * 提交人: who of the enterprise filed the appeal. The server sends the phone in full only to those
 * the policy lets call (maySeeFilerPhone: the owner, the area's and city's admins), masked to
 * everyone else; only a full number offers the tap to call.
 */
export function FilerContactCard({ filer }: { filer: FilerContact }) {
  const callable = !filer.phoneMasked && filer.phone !== ''
  const call = () => void Taro.makePhoneCall({ phoneNumber: filer.phone }).catch(() => undefined)
  return (
    <View id='appeal-filer' className='card detail-filer'>
      <Text className='section-title'>提交人</Text>
      <View className='detail-filer-row'>
        <Text id='filer-name' className='detail-filer-name'>
          {filer.name}
        </Text>
        {filer.phone ? (
          callable ? (
            <Text id='filer-call' className='detail-filer-call' onClick={call}>
              {filer.phone}（点击拨打）
            </Text>
          ) : (
            <Text id='filer-phone' className='muted'>
              {filer.phone}
            </Text>
          )
        ) : (
          <Text className='muted'>{filer.deleted ? '账号已注销' : '未留手机号'}</Text>
        )}
      </View>
    </View>
  )
}
