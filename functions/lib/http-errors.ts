import {
  AppError,
  ConflictError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UpstreamUnavailableError,
  ValidationError,
} from '@shared/errors'
import type { ErrorBody } from '@shared/schemas/common.schema'

export interface ErrorResponse {
  status: number
  body: ErrorBody
}

/** The one place that turns an error into an HTTP status; unknown errors never leak internals. */
export function errorResponse(error: unknown): ErrorResponse {
  if (error instanceof ValidationError) {
    const fields = Object.keys(error.fields).length > 0 ? { fields: error.fields } : {}
    return { status: 400, body: { error: { code: error.code, message: error.message, ...fields } } }
  }
  const status =
    error instanceof UnauthenticatedError ? 401
    : error instanceof ForbiddenError ? 403
    : error instanceof NotFoundError ? 404
    : error instanceof ConflictError ? 409
    : error instanceof IdempotencyKeyReusedError ? 422
    : error instanceof RateLimitedError ? 429
    : error instanceof UpstreamUnavailableError ? 503
    : undefined
  if (status !== undefined && error instanceof AppError) {
    return { status, body: { error: { code: error.code, message: error.message } } }
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后重试' } } }
}
