import { describe, expect, it } from 'vitest'
import { ConflictError, ForbiddenError, IdempotencyKeyReusedError, NotFoundError, UnauthenticatedError, ValidationError } from '@shared/errors'
import { errorResponse } from '../../functions/lib/http-errors'

describe('error → HTTP mapping', () => {
  it.each([
    [new ValidationError('请求内容有误', { title: '请填写标题' }), 400, 'VALIDATION_FAILED'],
    [new UnauthenticatedError(), 401, 'UNAUTHENTICATED'],
    [new ForbiddenError(), 403, 'FORBIDDEN'],
    [new NotFoundError(), 404, 'NOT_FOUND'],
    [new ConflictError('INVALID_TRANSITION', '不能受理'), 409, 'INVALID_TRANSITION'],
    [new ConflictError('VERSION_CONFLICT', '已被更新'), 409, 'VERSION_CONFLICT'],
    [new IdempotencyKeyReusedError(), 422, 'IDEMPOTENCY_KEY_REUSED'],
  ])('%s → %i %s', (error, status, code) => {
    const response = errorResponse(error)
    expect(response.status).toBe(status)
    expect(response.body.error.code).toBe(code)
    expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('carries field messages for validation errors only when there are some', () => {
    expect(errorResponse(new ValidationError('x', { title: '请填写标题' })).body.error.fields).toEqual({ title: '请填写标题' })
    expect(errorResponse(new ValidationError('x')).body.error).not.toHaveProperty('fields')
  })

  it('never leaks the details of an unexpected error', () => {
    const response = errorResponse(new TypeError("Cannot read properties of undefined (reading 'pk')"))
    expect(response).toEqual({ status: 500, body: { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后重试' } } })
  })
})
