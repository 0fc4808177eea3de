import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { FieldErrors } from '@shared/errors'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { API_BASE } from '../settings'
import { loginResponseSchema } from '@shared/schemas/user.schema'
import { clearSession, getSession, getToken, saveSession } from './session'
import { goToLogin } from './navigation'

/**
 * The only module that talks to the network (STYLE rule 10): base URL, bearer token, JSON,
 * error unwrapping and one retry of idempotent reads. Callers get parsed JSON or an ApiError.
 */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** Stable English code from the API (VALIDATION_FAILED, VERSION_CONFLICT…) or NETWORK. */
    readonly code: string,
    message: string,
    /** Field path → Chinese message, for forms. */
    readonly fields: FieldErrors = {},
  ) {
    super(message)
    this.name = 'ApiError'
    // The weapp build compiles classes to ES5, where subclassing Error loses the prototype.
    Object.setPrototypeOf(this, ApiError.prototype)
  }
}

export const NETWORK_MESSAGE = '网络异常，请检查网络后重试'
const TIMEOUT_MS = 15_000

export type Query = Record<string, string | number | undefined | null>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE'
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  /** Milliseconds; long work such as a roster import may need more than the default. */
  timeout?: number
}

function queryString(query: Query | undefined): string {
  if (!query) return ''
  const parts = Object.keys(query)
    .filter((key) => query[key] !== undefined && query[key] !== null && query[key] !== '')
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(query[key]))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function toApiError(status: number, data: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(data)
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error
    return new ApiError(status, code, message, fields ?? {})
  }
  if (status >= 500) return new ApiError(status, 'SERVER_ERROR', '服务暂时不可用，请稍后重试')
  return new ApiError(status, 'HTTP_ERROR', `请求失败（${status}）`)
}

interface RawResponse {
  statusCode: number
  /** Not trusted: the endpoint functions in api.ts check it against the shared schemas. */
  data: unknown
}

async function send(url: string, options: RequestOptions, authorise = true): Promise<RawResponse> {
  const token = authorise ? getToken() : null
  const header: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (token) header.Authorization = `Bearer ${token}`
  if (options.body !== undefined) header['Content-Type'] = 'application/json'
  try {
    const response = await Taro.request({
      url,
      method: options.method ?? 'GET',
      header,
      data: options.body,
      dataType: 'json',
      timeout: options.timeout ?? TIMEOUT_MS,
    })
    return { statusCode: response.statusCode, data: response.data as unknown }
  } catch {
    // Both targets reject only when no HTTP answer arrived (offline, DNS, CORS, timeout).
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE)
  }
}

let refreshing: Promise<boolean> | null = null

/**
 * Trades the stored refresh token for a new session, once for all requests that found their
 * token expired at the same moment (a refresh token can be spent only once).
 */
function refreshSession(): Promise<boolean> {
  const session = getSession()
  if (!session) return Promise.resolve(false)
  refreshing ??= send(`${API_BASE}/api/auth/refresh`, { method: 'POST', body: { refreshToken: session.refreshToken } }, false)
    .then((response) => {
      const parsed = loginResponseSchema.safeParse(response.data)
      if (response.statusCode !== 200 || !parsed.success) return false
      saveSession({ token: parsed.data.token, refreshToken: parsed.data.refreshToken, user: parsed.data.user })
      return true
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null
    })
  return refreshing
}

async function sendWithRetry(url: string, options: RequestOptions): Promise<RawResponse> {
  try {
    return await send(url, options)
  } catch (error) {
    // A GET changes nothing, so a single retry is safe; writes are retried by the user.
    if ((options.method ?? 'GET') !== 'GET' || !(error instanceof ApiError) || error.code !== 'NETWORK') throw error
    return send(url, options)
  }
}

/** Sends one request and returns the response body, or throws ApiError. */
export async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const url = `${API_BASE}${path}${queryString(options.query)}`
  let response = await sendWithRetry(url, options)
  let error = response.statusCode >= 200 && response.statusCode < 300 ? null : toApiError(response.statusCode, response.data)
  // An expired token is renewed once and the request sent again: the server rejected it before
  // doing anything, so even a write is safe to repeat.
  if (error?.code === 'TOKEN_EXPIRED' && (await refreshSession())) {
    response = await sendWithRetry(url, options)
    error = response.statusCode >= 200 && response.statusCode < 300 ? null : toApiError(response.statusCode, response.data)
  }
  if (!error) return response.data
  if (response.statusCode === 401) {
    clearSession()
    goToLogin()
  }
  throw error
}

/** A JSON POST to a server other than the API (the local WeChat stand-in); no credentials sent. */
export async function postJsonTo(url: string, body: unknown): Promise<unknown> {
  const response = await send(url, { method: 'POST', body }, false)
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data
  throw toApiError(response.statusCode, response.data)
}

/** Checks a response body against a shared schema; a mismatch is the server's fault, said plainly. */
export function parseResponse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data)
  if (!result.success) throw new ApiError(200, 'BAD_RESPONSE', '服务返回的数据格式不正确，请稍后重试')
  return result.data
}

/** Anything a page catches, as an ApiError with a message fit to show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(0, 'CLIENT', '出错了，请稍后重试')
}
