import type { z } from 'zod'
import { ValidationError, type FieldErrors } from '@shared/errors'
import { useChineseValidationMessages } from '@shared/schemas/zod-locale'

useChineseValidationMessages()

/** Parses untrusted input with a shared schema; failures become one 400 with a message per field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what = '请求内容'): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const fields: FieldErrors = {}
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')) : [issue.path.join('.') || '_']
    for (const key of keys) fields[key] ??= issue.code === 'unrecognized_keys' ? '不允许的字段' : issue.message
  }
  throw new ValidationError(`${what}有误，请检查后重试`, fields)
}
