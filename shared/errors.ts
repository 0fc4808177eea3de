/**
 * Domain errors. Each carries a stable English `code` for programs and a Chinese
 * `message` for people; the HTTP mapping lives in exactly one place
 * (functions/lib/http-errors.ts) and matches these classes with `instanceof`.
 */
export type FieldErrors = Record<string, string>

export abstract class AppError extends Error {
  abstract readonly code: string
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

export class ValidationError extends AppError {
  readonly code: string
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
    code = 'VALIDATION_FAILED',
  ) {
    super(message)
    this.code = code
  }
}

export class UnauthenticatedError extends AppError {
  constructor(
    message = '请先登录',
    /** TOKEN_EXPIRED tells the client that a refresh may help; anything else means sign in again. */
    readonly code: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' = 'UNAUTHENTICATED',
  ) {
    super(message)
  }
}

/** The caller may see the object but not do this to it. */
export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN'
  constructor(message = '您没有权限执行此操作') {
    super(message)
  }
}

/** Missing, or not visible to the caller: the two are indistinguishable on purpose. */
export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND'
  constructor(message = '未找到该记录') {
    super(message)
  }
}

/** The request is well formed but conflicts with the current state. */
export class ConflictError extends AppError {
  constructor(
    readonly code: 'INVALID_TRANSITION' | 'VERSION_CONFLICT' | 'DUPLICATE',
    message: string,
  ) {
    super(message)
  }
}

/** The same Idempotency-Key was used before with a different request body. */
export class IdempotencyKeyReusedError extends AppError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED'
  constructor(message = '该幂等键已用于另一条不同的请求，请勿重复使用') {
    super(message)
  }
}

/** Too many requests, here or at an upstream service (WeChat 45011). */
export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED'
  constructor(message = '操作太频繁，请稍后再试') {
    super(message)
  }
}

/** An upstream service (the WeChat server APIs) failed or was busy; the request may be retried. */
export class UpstreamUnavailableError extends AppError {
  readonly code = 'UPSTREAM_UNAVAILABLE'
  constructor(message = '微信服务繁忙，请稍后再试') {
    super(message)
  }
}
