import Taro from '@tarojs/taro'
import type { FieldErrors } from '@shared/errors'
import { asApiError } from '../services/request'

/**
 * A failed form submission, shown where it belongs: the API's field messages beside the fields,
 * anything else as a toast.
 */
export function showSubmitError(error: unknown, setFields: (fields: FieldErrors) => void): void {
  const apiError = asApiError(error)
  if (Object.keys(apiError.fields).length > 0) setFields(apiError.fields)
  else void Taro.showToast({ title: apiError.message, icon: 'none', duration: 3000 })
}
