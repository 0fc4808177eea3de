import { Text, View } from '@tarojs/components'
import { useTextSize } from '../hooks/use-text-size'
import { setTextSize, type TextSize } from '../services/text-size'
import { ChipGroup, type ChipOption } from './chip-group'

const OPTIONS: readonly ChipOption<TextSize>[] = [
  { value: 'normal', label: '标准字号' },
  { value: 'large', label: '大字（长辈模式）' },
]

/** 我的 → 字体大小: 长辈模式 enlarges the text of every page, remembered on this phone. */
export function TextSizeSetting() {
  const size = useTextSize()
  return (
    <View id='text-size-setting' className='card'>
      <Text className='section-title'>字体大小</Text>
      <ChipGroup idPrefix='text-size' label='字体大小' options={OPTIONS} selected={size} onSelect={setTextSize} />
      <Text className='muted text-size-note'>长辈模式下所有页面的文字更大，本机会记住这一选择。</Text>
    </View>
  )
}
