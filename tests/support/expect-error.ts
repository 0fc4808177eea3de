import { expect } from 'vitest'
import { errorBodySchema } from '@shared/schemas/common.schema'

/** An error reply: this status and code, a Chinese message; returns the error for field checks. */
export function expectError(reply: { status: number; body: unknown }, status: number, code: string) {
  expect(reply.status).toBe(status)
  const parsed = errorBodySchema.parse(reply.body)
  expect(parsed.error.code).toBe(code)
  expect(parsed.error.message).toMatch(/[\u4e00-\u9fa5]/)
  return parsed.error
}
