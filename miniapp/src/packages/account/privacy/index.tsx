import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PRIVACY_ITEMS, PRIVACY_OPERATOR, PRIVACY_SECTIONS, PRIVACY_TITLE, PRIVACY_VERSION } from '@shared/domain/privacy'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { localConsent } from '../../../services/privacy'
import { useSessionUser } from '../../../hooks/use-session-user'
import { formatDateTime } from '../../../utils/format'
import { PrivacySheet } from '../../../components/privacy-sheet'
import './index.css'

/**
 * 用户隐私保护指引: what is collected, why, for how long and who sees it (shared/domain/privacy.ts,
 * the one text both the sheet and this page show), and whether and when this user agreed.
 */
export default function PrivacyPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const agreed = user?.privacyConsent ?? localConsent()
  // Opened to ask (from a page without the sheet): back to that page once answered.
  const asking = useRouter().params.ask === '1'

  return (
    <View id='privacy-guide' className={`page ${textClass}`}>
      <View className='card'>
        <Text className='privacy-title'>{PRIVACY_TITLE}</Text>
        <Text className='muted'>版本 {PRIVACY_VERSION}</Text>
        <Text className='privacy-paragraph'>{PRIVACY_OPERATOR}</Text>
        {agreed ? (
          <Text id='privacy-agreed' className='muted privacy-paragraph'>
            您已于 {formatDateTime(agreed.at)} 同意版本 {agreed.version}
            {agreed.version === PRIVACY_VERSION ? '' : '（本指引已更新，下次使用时请重新确认）'}
          </Text>
        ) : null}
      </View>

      <View className='card'>
        <Text className='section-title'>我们处理哪些个人信息</Text>
        {PRIVACY_ITEMS.map((item, i) => (
          <View key={item.what} id={`privacy-item-${i}`} className='privacy-item'>
            <Text className='privacy-item-what'>{item.what}</Text>
            <Text className='privacy-line'>用途：{item.why}</Text>
            <Text className='privacy-line'>保存期限：{item.keep}</Text>
            <Text className='privacy-line'>谁能看到：{item.who}</Text>
          </View>
        ))}
      </View>

      {PRIVACY_SECTIONS.map((section) => (
        <View key={section.title} className='card'>
          <Text className='section-title'>{section.title}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph} className='privacy-paragraph'>
              {paragraph}
            </Text>
          ))}
        </View>
      ))}
      {asking ? <PrivacySheet onAnswered={() => void Taro.navigateBack()} /> : null}
    </View>
  )
}
