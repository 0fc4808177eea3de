import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda'
import { ValidationError } from '@shared/errors'
import { errorResponse } from './http-errors'
import { describeError, logger } from './logger'

export interface ApiRequest {
  method: string
  path: string
  /** Header names in lower case. */
  headers: Record<string, string | undefined>
  query: Record<string, string | undefined>
  params: Record<string, string | undefined>
  /** The JSON body, parsed but not yet validated; undefined when there is none. */
  body: unknown
  requestId: string
  /** The request's one reading of the clock: every use case is handed its `now`, never reads it. */
  now: Date
}

export interface ApiResponse {
  status: number
  body: unknown
  headers?: Record<string, string>
  /** A file instead of JSON: sent base64-encoded, as API Gateway expects binary bodies. */
  file?: { contentType: string; content: Uint8Array; fileName?: string; maxAgeSeconds?: number }
}

export const ok = (body: unknown, status = 200): ApiResponse => ({ status, body })

export const fileResponse = (file: NonNullable<ApiResponse['file']>): ApiResponse => ({ status: 200, body: undefined, file })

function fileResult(file: NonNullable<ApiResponse['file']>): APIGatewayProxyResultV2 {
  const headers: Record<string, string> = {
    'content-type': file.contentType,
    'cache-control': file.maxAgeSeconds ? `public, max-age=${file.maxAgeSeconds}` : 'no-store',
    // Images are drawn onto canvases by the h5 print sheet, which needs them CORS-clean.
    'access-control-allow-origin': '*',
  }
  if (file.fileName) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`
  return { statusCode: 200, headers, body: Buffer.from(file.content).toString('base64'), isBase64Encoded: true }
}

function parseBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body
  try {
    return JSON.parse(text)
  } catch {
    throw new ValidationError('请求内容不是有效的 JSON', {}, 'INVALID_JSON')
  }
}

function toRequest(event: APIGatewayProxyEventV2): ApiRequest {
  const headers: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value
  return {
    method: event.requestContext?.http?.method ?? 'GET',
    path: event.rawPath ?? '',
    headers,
    query: event.queryStringParameters ?? {},
    params: event.pathParameters ?? {},
    body: parseBody(event),
    requestId: event.requestContext?.requestId ?? '',
    now: new Date(),
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
})

/**
 * The one wrapper around every HTTP handler: builds the request, runs the handler, maps any
 * error to its status in one place and logs the outcome. CORS is answered by the HTTP API.
 */
export function httpHandler(handle: (request: ApiRequest) => Promise<ApiResponse>) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const started = Date.now()
    let request: ApiRequest | undefined
    try {
      request = toRequest(event)
      const response = await handle(request)
      logger.info('request', { route: event.routeKey, status: response.status, ms: Date.now() - started, requestId: request.requestId })
      if (response.file) return fileResult(response.file)
      return json(response.status, response.body, response.headers)
    } catch (error) {
      const { status, body } = errorResponse(error)
      const fields = { route: event.routeKey, status, code: body.error.code, ms: Date.now() - started, requestId: request?.requestId }
      if (status >= 500) logger.error('request failed', { ...fields, ...describeError(error) })
      else logger.info('request rejected', fields)
      return json(status, body)
    }
  }
}
