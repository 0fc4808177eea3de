import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useTextSizeClass } from '../hooks/use-text-size'

/* Each state may be all a page shows: it carries the text-size class as a page root does. */
export function LoadingState({ text = '加载中…' }: { text?: string }) {
  const textClass = useTextSizeClass()
  return (
    <View className={`state state-loading ${textClass}`}>
      <View className='spinner' />
      <Text className='state-text'>{text}</Text>
    </View>
  )
}

export function EmptyState({ text, children }: { text: string; children?: ReactNode }) {
  const textClass = useTextSizeClass()
  return (
    <View className={`state state-empty ${textClass}`}>
      <View className='state-icon'>○</View>
      <Text className='state-text'>{text}</Text>
      {children}
    </View>
  )
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  const textClass = useTextSizeClass()
  return (
    <View className={`state state-error ${textClass}`}>
      <View className='state-icon state-icon-error'>!</View>
      <Text className='state-text'>{message}</Text>
      <Button className='btn btn-outline btn-small retry-button' onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}
