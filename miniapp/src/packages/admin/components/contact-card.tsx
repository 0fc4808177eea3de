import type { ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { CardView } from '@shared/schemas/card.schema'
import { CARD_TITLE, SCAN_HINT, cardIdLine, specialistLines } from '../cards/card-sheet'

/**
 * One 企业服务联系卡 as printed: title, code, enterprise, specialist, the service promise and
 * the card id. `children` (e.g. 保存图片) sit under the card and are left out of print.
 */
export function ContactCard({ card, codeUrl, children }: { card: CardView; codeUrl: string; children?: ReactNode }) {
  const lines = specialistLines(card)
  return (
    <View className='contact-card-cell'>
      <View id={`card-${card.id}`} className='contact-card'>
        <View className='contact-card-head'>
          <Text className='contact-card-title'>{CARD_TITLE}</Text>
          <Text className='contact-card-area'>{card.enterprise.areaName}</Text>
        </View>
        <View className='contact-card-body'>
          <View className='contact-card-code-box'>
            <Image className='contact-card-code' src={codeUrl} mode='aspectFit' nativeProps={{ alt: `${card.enterprise.name}的联系卡小程序码` }} />
            <Text className='contact-card-hint'>{SCAN_HINT}</Text>
          </View>
          <View className='contact-card-text'>
            <Text className='contact-card-enterprise'>{card.enterprise.name}</Text>
            <Text className='contact-card-specialist'>{lines.name}</Text>
            <Text className='contact-card-org'>{lines.organisation}</Text>
            {lines.phone ? <Text className='contact-card-phone'>{lines.phone}</Text> : null}
          </View>
        </View>
        <Text className='contact-card-promise'>{card.servicePromise}</Text>
        <Text className='contact-card-id'>{cardIdLine(card)}</Text>
      </View>
      {children ? <View className='contact-card-actions'>{children}</View> : null}
    </View>
  )
}
