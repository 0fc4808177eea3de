import { randomBytes } from 'node:crypto'
import QRCode from 'qrcode'
import * as z from 'zod'
import { PAGE_PATTERN, SCENE_PATTERN, wechatError } from './wechat-errors'
import { FAULT_PATHS, type AccessTokens, type Faults, type LoginCodes } from './state'

/**
 * The stand-in's endpoints, free of Node's http types: a request goes in as method, URL and raw
 * body text, an answer comes out. The real WeChat paths answer HTTP 200 with `{errcode, errmsg}`
 * on failure, as WeChat does; the /dev paths are ours and use ordinary HTTP statuses.
 */
export interface Answer {
  status: number
  contentType: string
  body: string | Buffer
}

export interface StandInState {
  appId: string
  appSecret: string
  codes: LoginCodes
  tokens: AccessTokens
  faults: Faults
  requestLog: () => unknown
}

const JSON_TYPE = 'application/json; charset=utf-8'
const json = (data: unknown, status = 200, contentType = JSON_TYPE): Answer => ({ status, contentType, body: JSON.stringify(data) })
const fail = (errcode: number, contentType = JSON_TYPE) => json(wechatError(errcode), 200, contentType)
const ok = () => json({ ok: true })

/** Bodies that are not JSON (or not the expected shape) get WeChat's 47001, whatever the path. */
function parseBody<S extends z.ZodType>(schema: S, text: string): z.output<S> | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = schema.safeParse(data)
  return parsed.success ? parsed.data : undefined
}

const stableTokenBody = z.object({
  grant_type: z.string().optional(),
  appid: z.string().optional(),
  secret: z.string().optional(),
  force_refresh: z.boolean().optional(),
})
const unlimitedCodeBody = z.object({
  scene: z.string().optional(),
  page: z.string().optional(),
  width: z.number().optional(),
  check_path: z.boolean().optional(),
  env_version: z.enum(['release', 'trial', 'develop']).optional(),
})
const loginCodeBody = z.object({ deviceId: z.string().min(1).max(128) })
const faultBody = z.object({ path: z.enum(FAULT_PATHS), errcode: z.number().int().refine((n) => n !== 0), times: z.number().int().min(1) })

function credentialsError(state: StandInState, appid: string | undefined | null, secret: string | undefined | null): number | undefined {
  if (appid !== state.appId) return 40013
  if (secret !== state.appSecret) return 40125
  return undefined
}

/** WeChat's answers to jscode2session are JSON labelled text/plain, errors included. */
function jscode2session(state: StandInState, url: URL): Answer {
  const TEXT = 'text/plain'
  const q = url.searchParams
  const bad = credentialsError(state, q.get('appid'), q.get('secret'))
  if (bad) return fail(bad, TEXT)
  if (q.get('grant_type') !== 'authorization_code') return fail(40002, TEXT)
  const code = q.get('js_code')
  if (!code) return fail(41008, TEXT)
  const identity = state.codes.redeem(code)
  if (!identity) return fail(40029, TEXT)
  const sessionKey = randomBytes(16).toString('base64')
  return json({ openid: identity.openid, session_key: sessionKey, unionid: identity.unionid }, 200, TEXT)
}

function stableToken(state: StandInState, text: string): Answer {
  const body = parseBody(stableTokenBody, text)
  if (!body) return fail(47001)
  const bad = credentialsError(state, body.appid, body.secret)
  if (bad) return fail(bad)
  if (body.grant_type !== 'client_credential') return fail(40002)
  const { token, expiresIn } = state.tokens.issue(body.force_refresh ?? false)
  return json({ access_token: token, expires_in: expiresIn })
}

/** Success is a PNG whose content names the page and scene, so tests can tell codes apart. */
async function unlimitedCode(state: StandInState, url: URL, text: string): Promise<Answer> {
  const token = url.searchParams.get('access_token')
  if (!token || !state.tokens.isValid(token)) return fail(40001)
  const body = parseBody(unlimitedCodeBody, text)
  if (!body) return fail(47001)
  if (body.scene === undefined || !SCENE_PATTERN.test(body.scene)) return fail(40169)
  if (body.page === undefined || !PAGE_PATTERN.test(body.page)) return fail(41030)
  const width = Math.min(1280, Math.max(280, Math.round(body.width ?? 430)))
  const png = await QRCode.toBuffer(`wxacode:${body.page}?scene=${body.scene}`, { type: 'png', width, margin: 2 })
  return { status: 200, contentType: 'image/png', body: png }
}

function devRoute(state: StandInState, method: string, path: string, text: string): Answer {
  const route = `${method} ${path}`
  switch (route) {
    case 'POST /dev/login-code': {
      const body = parseBody(loginCodeBody, text)
      return body ? json({ code: state.codes.issue(body.deviceId) }) : json(wechatError(47001), 400)
    }
    case 'POST /dev/faults': {
      const body = parseBody(faultBody, text)
      if (!body) return json(wechatError(47001), 400)
      state.faults.set(body.path, body.errcode, body.times)
      return ok()
    }
    case 'DELETE /dev/faults':
      state.faults.clear()
      return ok()
    case 'POST /dev/expire-tokens':
      return json({ ok: true, expired: state.tokens.expireAll() })
    case 'GET /dev/requests':
      return json(state.requestLog())
    default:
      return json({ errcode: 404, errmsg: `not found: ${route}` }, 404)
  }
}

const WECHAT_METHODS: Readonly<Record<string, 'GET' | 'POST'>> = {
  '/sns/jscode2session': 'GET',
  '/cgi-bin/stable_token': 'POST',
  '/wxa/getwxacodeunlimit': 'POST',
}

export async function route(state: StandInState, method: string, url: URL, text: string): Promise<Answer> {
  const path = url.pathname
  if (path.startsWith('/dev/')) return devRoute(state, method, path, text)
  const expected = WECHAT_METHODS[path]
  if (!expected) return json({ errcode: 404, errmsg: `not found: ${method} ${path}` }, 404)
  const injected = state.faults.take(path)
  if (injected !== undefined) return fail(injected, path === '/sns/jscode2session' ? 'text/plain' : JSON_TYPE)
  if (method !== expected) return fail(expected === 'GET' ? 43001 : 43002)
  if (path === '/sns/jscode2session') return jscode2session(state, url)
  if (path === '/cgi-bin/stable_token') return stableToken(state, text)
  return unlimitedCode(state, url, text)
}
