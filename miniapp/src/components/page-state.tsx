import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='state state-loading'>
      <View className='spinner' />
      <Text className='state-text'>{text}</Text>
    </View>
  )
}

export function EmptyState({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className='state state-empty'>
      <View className='state-icon'>○</View>
      <Text className='state-text'>{text}</Text>
      {children}
    </View>
  )
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='state state-error'>
      <View className='state-icon state-icon-error'>!</View>
      <Text className='state-text'>{message}</Text>
      <Button className='btn btn-outline btn-small retry-button' onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}
