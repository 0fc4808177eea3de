import { Children, cloneElement, isValidElement, type ReactNode } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { ChipGroup } from './chip-group'

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
      {labelControls(props.children, props.label)}
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

/**
 * The field's label, given to the text boxes and choice groups in it for screen readers. On h5
 * Taro draws the real <input> inside its own element, where only `nativeProps` reach; WeChat
 * reads the label written above the box.
 */
function labelControls(children: ReactNode, label: string): ReactNode {
  return Children.map(children, (child) => {
    if (!isValidElement<{ nativeProps?: Record<string, unknown>; label?: string }>(child)) return child
    if (process.env.TARO_ENV === 'h5' && (child.type === Input || child.type === Textarea)) {
      return cloneElement(child, { nativeProps: { 'aria-label': label, ...child.props.nativeProps } })
    }
    if (child.type === ChipGroup) return cloneElement(child, { label: child.props.label ?? label })
    return child
  })
}
