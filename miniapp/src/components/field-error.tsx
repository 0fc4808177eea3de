import { Text } from '@tarojs/components'

/** The Chinese message under a form field, from the shared schema or the API's `fields`. */
export function FieldError({ message }: { message?: string }) {
  if (!message) return null
  return <Text className='field-error'>{message}</Text>
}
