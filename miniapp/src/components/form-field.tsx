import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/**
 * One form field: its label, the control, and under it the Chinese message from the shared
 * schema or the API's `fields` — with a character counter when the text has a limit.
 */
export function FormField(props: {
  label: string
  required?: boolean
  error?: string
  /** Characters used and allowed, for free text. */
  counter?: { length: number; max: number }
  id?: string
  children: ReactNode
}) {
  const { counter, error } = props
  const message = error ? <Text className='field-error'>{error}</Text> : null
  return (
    <View id={props.id} className={error ? 'field field-invalid' : 'field'}>
      <Text className={props.required ? 'field-label field-required' : 'field-label'}>{props.label}</Text>
      {props.children}
      {counter ? (
        <View className='field-foot'>
          {message ?? <View />}
          <Text className={counter.length > counter.max ? 'counter counter-over' : 'counter'}>
            {counter.length}/{counter.max}
          </Text>
        </View>
      ) : (
        message
      )}
    </View>
  )
}
