import { createHash, randomBytes } from 'node:crypto'
import QRCode from 'qrcode'
import * as z from 'zod'
import { PAGE_PATTERN, SCENE_PATTERN, wechatError } from './wechat-errors'
import { FAULT_PATHS, type AccessTokens, type Faults, type LoginCodes, type SentMessages } from './state'
import { invalidField } from './subscribe-rules'

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
  messages: SentMessages
  requestLog: () => unknown
  now: () => number
  /** mediaCheckAsync: where verdicts are pushed (the API's message-push route) and the Token they are signed with. */
  media: MediaChecks
}

/** What the stand-in does with images handed to mediaCheckAsync: judge each, push the verdict. */
export interface MediaChecks {
  pushUrl?: string
  pushToken: string
  /** Verdicts pushed (or that could not be pushed), oldest first. */
  pushed: Array<{ traceId: string; suggest: string; status: number }>
  /** Pushes still under way, so that a test (or a close) can wait for them. */
  inFlight: Set<Promise<void>>
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
const subscribeSendBody = z.object({
  touser: z.string().optional(),
  template_id: z.string().optional(),
  page: z.string().optional(),
  data: z.record(z.string(), z.object({ value: z.unknown() })).optional(),
  miniprogram_state: z.string().optional(),
  lang: z.string().optional(),
})
const textCheckBody = z.object({ content: z.string().optional(), version: z.number().optional(), scene: z.number().optional(), openid: z.string().optional() })
const mediaCheckBody = z.object({ media_url: z.string().optional(), media_type: z.number().optional(), version: z.number().optional(), scene: z.number().optional(), openid: z.string().optional() })
const pushUrlBody = z.object({ url: z.url() })
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

const OPENID_PATTERN = /^o[\w-]{27}$/
const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal'])

/** subscribeMessage.send: checked as WeChat checks it, then recorded as what the phone shows. */
function subscribeSend(state: StandInState, url: URL, text: string): Answer {
  const token = url.searchParams.get('access_token')
  if (!token || !state.tokens.isValid(token)) return fail(40001)
  const body = parseBody(subscribeSendBody, text)
  if (!body) return fail(47001)
  if (!body.touser || !OPENID_PATTERN.test(body.touser)) return fail(40003)
  if (!body.template_id) return fail(40037)
  const bad = body.data ? invalidField(body.data) : 'data'
  if (bad) return json({ errcode: 47003, errmsg: `argument invalid! ${bad} invalid` })
  if (body.page !== undefined && body.page.startsWith('/')) return json({ errcode: 47003, errmsg: 'argument invalid! page invalid' })
  if (body.miniprogram_state !== undefined && !MINIPROGRAM_STATES.has(body.miniprogram_state)) return json({ errcode: 47003, errmsg: 'argument invalid! miniprogram_state invalid' })
  state.messages.record({
    touser: body.touser,
    templateId: body.template_id,
    page: body.page ?? '',
    data: Object.fromEntries(Object.entries(body.data ?? {}).map(([key, entry]) => [key, { value: String(entry.value) }])),
    miniprogramState: body.miniprogram_state ?? 'formal',
    lang: body.lang ?? 'zh_CN',
    at: state.now(),
  })
  return json({ errcode: 0, errmsg: 'ok', msgid: state.messages.list().length })
}

/**
 * The stand-in's content rules for msgSecCheck v2, so that local runs and tests can produce each
 * verdict: these words make a text risky, those make it one for review; everything else passes.
 */
export const RISKY_WORDS: ReadonlyArray<{ word: string; label: number }> = [
  { word: '赌博', label: 20006 },
  { word: '色情', label: 20002 },
]
export const REVIEW_WORDS: ReadonlyArray<{ word: string; label: number }> = [{ word: '代开发票', label: 21000 }]

function textCheck(state: StandInState, url: URL, text: string): Answer {
  const token = url.searchParams.get('access_token')
  if (!token || !state.tokens.isValid(token)) return fail(40001)
  const body = parseBody(textCheckBody, text)
  if (!body || body.content === undefined || body.version !== 2 || body.scene === undefined || ![1, 2, 3, 4].includes(body.scene)) return fail(47001)
  if (!body.openid || !OPENID_PATTERN.test(body.openid)) return fail(40003)
  const risky = RISKY_WORDS.find((w) => body.content!.includes(w.word))
  const review = REVIEW_WORDS.find((w) => body.content!.includes(w.word))
  const [suggest, label] = risky ? ['risky', risky.label] : review ? ['review', review.label] : ['pass', 100]
  return json({ errcode: 0, errmsg: 'ok', result: { suggest, label }, detail: [{ strategy: 'content_model', errcode: 0, suggest, label }], trace_id: `trace-${state.now()}` })
}

/** An image carrying this text anywhere in its bytes is judged risky; every other image passes. */
export const RISKY_IMAGE_MARKER = 'qinshang-risky'

/** Message push in plaintext mode: signature = sha1 of the sorted Token, timestamp and nonce. */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')
}

/** mediaCheckAsync v2: accepted at once with a trace id; the image is fetched, judged and the verdict pushed a moment later. */
function mediaCheck(state: StandInState, url: URL, text: string): Answer {
  const token = url.searchParams.get('access_token')
  if (!token || !state.tokens.isValid(token)) return fail(40001)
  const body = parseBody(mediaCheckBody, text)
  if (!body || !body.media_url || body.media_type !== 2 || body.version !== 2 || body.scene === undefined || ![1, 2, 3, 4].includes(body.scene)) return fail(47001)
  if (!body.openid || !OPENID_PATTERN.test(body.openid)) return fail(40003)
  const traceId = `media-${randomBytes(8).toString('hex')}`
  const job: Promise<void> = judgeAndPush(state, traceId, body.media_url, body.openid).finally(() => state.media.inFlight.delete(job))
  state.media.inFlight.add(job)
  return json({ errcode: 0, errmsg: 'ok', trace_id: traceId })
}

async function judgeAndPush(state: StandInState, traceId: string, mediaUrl: string, openid: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20))
  let suggest = 'pass'
  let label = 100
  let errcode = 0
  try {
    const image = Buffer.from(await (await fetch(mediaUrl)).arrayBuffer())
    if (image.includes(RISKY_IMAGE_MARKER)) [suggest, label] = ['risky', 20002]
  } catch {
    // WeChat could not fetch the image: it says so in the event.
    errcode = -1008
  }
  const event = {
    ToUserName: 'gh_local_qinshang',
    FromUserName: openid,
    CreateTime: Math.floor(state.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: state.appId,
    trace_id: traceId,
    version: 2,
    detail: [{ strategy: 'content_model', errcode, suggest, label, prob: 90 }],
    errcode,
    errmsg: errcode ? 'media download failed' : 'ok',
    result: { suggest, label },
  }
  if (!state.media.pushUrl) {
    state.media.pushed.push({ traceId, suggest, status: 0 })
    return
  }
  const timestamp = String(Math.floor(state.now() / 1000))
  const nonce = randomBytes(6).toString('hex')
  const target = new URL(state.media.pushUrl)
  target.searchParams.set('signature', pushSignature(state.media.pushToken, timestamp, nonce))
  target.searchParams.set('timestamp', timestamp)
  target.searchParams.set('nonce', nonce)
  let status = 0
  try {
    status = (await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) })).status
  } catch {
    status = 0
  }
  state.media.pushed.push({ traceId, suggest, status })
}

function devRoute(state: StandInState, method: string, url: URL, text: string): Answer {
  const path = url.pathname
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
    case 'GET /dev/messages':
      return json({ messages: state.messages.list(url.searchParams.get('openid') ?? undefined) })
    case 'POST /dev/push-url': {
      const body = parseBody(pushUrlBody, text)
      if (!body) return json(wechatError(47001), 400)
      state.media.pushUrl = body.url
      return ok()
    }
    case 'GET /dev/media-checks':
      return json({ pushed: state.media.pushed })
    case 'DELETE /dev/messages':
      state.messages.clear()
      return ok()
    default:
      return json({ errcode: 404, errmsg: `not found: ${route}` }, 404)
  }
}

const WECHAT_METHODS: Readonly<Record<string, 'GET' | 'POST'>> = {
  '/sns/jscode2session': 'GET',
  '/cgi-bin/stable_token': 'POST',
  '/wxa/getwxacodeunlimit': 'POST',
  '/cgi-bin/message/subscribe/send': 'POST',
  '/wxa/media_check_async': 'POST',
  '/wxa/msg_sec_check': 'POST',
}

export async function route(state: StandInState, method: string, url: URL, text: string): Promise<Answer> {
  const path = url.pathname
  if (path.startsWith('/dev/')) return devRoute(state, method, url, text)
  const expected = WECHAT_METHODS[path]
  if (!expected) return json({ errcode: 404, errmsg: `not found: ${method} ${path}` }, 404)
  const injected = state.faults.take(path)
  if (injected !== undefined) return fail(injected, path === '/sns/jscode2session' ? 'text/plain' : JSON_TYPE)
  if (method !== expected) return fail(expected === 'GET' ? 43001 : 43002)
  if (path === '/sns/jscode2session') return jscode2session(state, url)
  if (path === '/cgi-bin/stable_token') return stableToken(state, text)
  if (path === '/cgi-bin/message/subscribe/send') return subscribeSend(state, url, text)
  if (path === '/wxa/msg_sec_check') return textCheck(state, url, text)
  if (path === '/wxa/media_check_async') return mediaCheck(state, url, text)
  return unlimitedCode(state, url, text)
}
