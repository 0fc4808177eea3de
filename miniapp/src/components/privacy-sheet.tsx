import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { PRIVACY_ITEMS, PRIVACY_TITLE } from '@shared/domain/privacy'
import { answerPrivacy, observePrivacyAsk, type PrivacyAsk } from '../services/privacy'
import { ROUTES } from '../settings'
import './privacy-sheet.css'

const LEAD: Record<PrivacyAsk['reason'], string> = {
  'sign-in': '登录前，请阅读并同意',
  wechat: '使用该功能前，请阅读并同意',
  updated: '我们更新了',
}

/**
 * The consent sheet (用户隐私保护指引): what is collected and why in a few lines, the whole guide
 * one tap away, 同意 and 不同意. In weapp 同意 is WeChat's agreePrivacyAuthorization button, which
 * is what lets the pending privacy API go on. Render it on every page that can sign in.
 */
export function PrivacySheet({ onAnswered }: { onAnswered?: () => void } = {}) {
  const [ask, setAsk] = useState<PrivacyAsk | null>(null)
  useEffect(() => observePrivacyAsk(setAsk), [])
  if (!ask) return null
  const answer = (agreed: boolean) => {
    answerPrivacy(agreed)
    onAnswered?.()
  }

  return (
    <View className='privacy-layer'>
      <View className='sheet-mask' />
      <View id='privacy-sheet' className='sheet privacy-sheet' role='dialog' aria-labelledby='privacy-sheet-title'>
        <Text id='privacy-sheet-title' className='sheet-title'>
          {LEAD[ask.reason]}《{PRIVACY_TITLE}》
        </Text>
        <Text className='privacy-sheet-lead'>为办理您的诉求，我们会处理：</Text>
        {PRIVACY_ITEMS.map((item) => (
          <Text key={item.what} className='privacy-sheet-item'>
            · {item.what}：{item.why}
          </Text>
        ))}
        {onAnswered ? null : (
          <Text id='privacy-open-guide' className='privacy-sheet-link' onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
            阅读完整的隐私保护指引 ›
          </Text>
        )}
        <Text className='muted privacy-sheet-note'>不同意也可以继续浏览企业服务联系卡，但无法登录和提交诉求。</Text>
        <View className='sheet-actions'>
          <Button id='privacy-decline' className='btn btn-outline' onClick={() => answer(false)}>
            不同意
          </Button>
          <Button
            id='privacy-agree'
            className='btn btn-primary'
            openType={process.env.TARO_ENV === 'weapp' ? 'agreePrivacyAuthorization' : undefined}
            onAgreePrivacyAuthorization={() => answer(true)}
            onClick={process.env.TARO_ENV === 'weapp' ? undefined : () => answer(true)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
