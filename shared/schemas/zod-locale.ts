import * as z from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'

/** Messages for checks a schema does not word itself (unknown keys, wrong types) in Chinese. */
export function useChineseValidationMessages(): void {
  z.config(zhCN())
}
