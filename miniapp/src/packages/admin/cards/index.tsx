import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { CardView } from '@shared/schemas/card.schema'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { cardCodeUrl, fetchAreaCards } from '../../../services/admin-api'
import { download } from '../../../utils/download'
import { routeParam } from '../admin-navigation'
import { AccessGate } from '../../../components/access-gate'
import { AreaPicker } from '../components/area-picker'
import { ContactCard } from '../components/contact-card'
import { useAdminArea } from '../hooks/use-admin-area'
import { renderCardPng } from './card-canvas'
import { CARDS_PER_SHEET, cardImageFileName, chunk } from './card-sheet'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../components/admin.css'
import './index.css'

const IS_H5 = process.env.TARO_ENV === 'h5'

/**
 * 打印联系卡: an area's contact cards as an A4 sheet, 8 to a page (print CSS in index.css).
 * Printing and 保存图片 need a desktop browser; the weapp shows the sheet and says so.
 */
export default function PrintCardsPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const area = useAdminArea(routeParam(params.areaId))
  const cards = useLoader(area.areaId ? `cards|${area.areaId}` : null, () => fetchAreaCards(area.areaId ?? ''))
  const [saving, setSaving] = useState<string | null>(null)

  if (area.scope.kind === 'none') {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={area.scope} signedIn={area.user !== null} />
      </View>
    )
  }

  const saveImage = async (card: CardView) => {
    if (saving) return
    setSaving(card.id)
    try {
      const png = await renderCardPng(card, cardCodeUrl(card.id))
      await download(png, cardImageFileName(card))
    } catch (e) {
      const message = e instanceof Error && e.message ? e.message : '生成图片失败，请稍后重试'
      void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
    } finally {
      setSaving(null)
    }
  }

  const list = cards.data?.cards ?? []
  return (
    <View className={`page cards-page ${textClass}`}>
      <View className='cards-toolbar'>
        <AreaPicker area={area} />
        {IS_H5 ? null : (
          <Text id='cards-weapp-notice' className='banner banner-info'>
            请在电脑浏览器中打开本页打印
          </Text>
        )}
        {cards.data && list.length > 0 ? (
          <View className='card cards-summary'>
            <View className='cards-summary-text'>
              <Text className='section-title cards-summary-title'>{cards.data.area.name}</Text>
              <Text className='muted small'>
                共 {list.length} 张联系卡，A4 纵向每页 {CARDS_PER_SHEET} 张，共 {Math.ceil(list.length / CARDS_PER_SHEET)} 页
              </Text>
            </View>
            {IS_H5 ? (
              <Button id='print-cards' className='btn btn-primary btn-small' onClick={() => window.print()}>
                打印
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>

      {!area.areaId ? (
        <EmptyState text='请先选择属地' />
      ) : cards.loading && !cards.data ? (
        <LoadingState text='正在生成联系卡…' />
      ) : cards.error && !cards.data ? (
        <ErrorState message={cards.error.message} onRetry={() => void cards.reload()} />
      ) : list.length === 0 ? (
        <EmptyState text='本属地还没有联系卡，请先导入企业名册' />
      ) : (
        <View id='cards-sheet' className='cards-sheet'>
          {chunk(list, CARDS_PER_SHEET).map((sheet, index) => (
            <View key={index} className='cards-sheet-page'>
              {sheet.map((card) => (
                <ContactCard key={card.id} card={card} codeUrl={cardCodeUrl(card.id)}>
                  {IS_H5 ? (
                    <Button
                      id={`save-card-${card.id}`}
                      className={saving === card.id ? 'btn btn-outline btn-small btn-busy' : 'btn btn-outline btn-small'}
                      disabled={saving !== null || undefined}
                      onClick={() => void saveImage(card)}
                    >
                      {saving === card.id ? '生成中…' : '保存图片'}
                    </Button>
                  ) : null}
                </ContactCard>
              ))}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
