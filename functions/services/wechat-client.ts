import * as z from 'zod'

/**
 * The WeChat server API, as far as this product needs it: turning a wx.login code into an openid,
 * drawing mini-program codes, pushing subscribe messages and checking user-written text. The HTTP client below talks to api.weixin.qq.com in production
 * and to scripts/lib/wechat-stand-in.ts locally and in tests; both answer the same way.
 */
export interface WeChatSession {
  openid: string
  unionid?: string
  sessionKey: string
}

export interface UnlimitedCodeRequest {
  /** At most 32 visible characters; becomes the `scene` query of the page opened by the code. */
  scene: string
  /** e.g. 'pages/index/index', without a leading slash. */
  page: string
  width?: number
  checkPath?: boolean
  envVersion?: 'release' | 'trial' | 'develop'
}

/** One subscribe message (subscribeMessage.send); every value already fits its field's limits. */
export interface SubscribeMessage {
  touser: string
  templateId: string
  /** The page the message opens, e.g. 'packages/appeal/detail/index?id=ap-…' (no leading slash). */
  page: string
  data: Record<string, { value: string }>
  /** Which build of the mini-program the message opens. */
  miniprogramState?: 'developer' | 'trial' | 'formal'
}

/** msgSecCheck v2: WeChat's verdict on a user-written text. */
export type TextVerdict = 'pass' | 'review' | 'risky'

export interface TextCheckRequest {
  content: string
  /** A user who opened the mini-program within the last two hours, as WeChat requires. */
  openid: string
  /** 1 资料, 2 评论, 3 论坛, 4 社交日志. */
  scene: 1 | 2 | 3 | 4
}

/** mediaCheckAsync v2: an image WeChat fetches and judges later, answering by message push. */
export interface MediaCheckRequest {
  /** Where WeChat fetches the image (a presigned link that lasts long enough). */
  mediaUrl: string
  /** A user who opened the mini-program within the last two hours, as WeChat requires. */
  openid: string
  /** 1 资料, 2 评论, 3 论坛, 4 社交日志. */
  scene: 1 | 2 | 3 | 4
}

export interface WeChatClient {
  /** wx.login code → openid (GET /sns/jscode2session). */
  code2Session(code: string): Promise<WeChatSession>
  /** Mini-program code image bytes (POST /wxa/getwxacodeunlimit). */
  getUnlimitedCode(request: UnlimitedCodeRequest): Promise<{ contentType: string; body: Buffer }>
  /** Push one subscribe message (POST /cgi-bin/message/subscribe/send); 43101 when the user has no subscription left. */
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>
  /** Check a text before it leaves the mini-program (POST /wxa/msg_sec_check, version 2). */
  checkText(request: TextCheckRequest): Promise<{ suggest: TextVerdict; label: number }>
  /** Ask WeChat to check an image (POST /wxa/media_check_async, version 2); the verdict comes later as a pushed event. */
  checkMediaAsync(request: MediaCheckRequest): Promise<{ traceId: string }>
}

/** WeChat said no: `errcode` is WeChat's own number, -1 also stands for "no usable answer at all". */
export class WeChatError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat error ${errcode}: ${errmsg}`)
    this.name = 'WeChatError'
    // Keeps `instanceof` working when the class is compiled down to an ES5-style constructor.
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/** WeChat's error codes this client acts on. */
export const WECHAT_ERRCODE = {
  busy: -1,
  invalidCredential: 40001,
  invalidAccessToken: 40014,
  accessTokenExpired: 42001,
  invalidCode: 40029,
  codeUsed: 40163,
  rateLimited: 45011,
  /** subscribeMessage.send: the user has not subscribed (or has used up) this template. */
  notSubscribed: 43101,
} as const

/** Access-token errors: the token we hold is stale, so one forced refresh is worth a try. */
const TOKEN_ERRCODES: ReadonlySet<number> = new Set([
  WECHAT_ERRCODE.invalidCredential,
  WECHAT_ERRCODE.invalidAccessToken,
  WECHAT_ERRCODE.accessTokenExpired,
])

export type WeChatErrorKind = 'bad-code' | 'rate-limited' | 'busy' | 'other'

/** What a WeChat failure means to the person in front of the mini-program. */
export function describeWeChatError(error: WeChatError): { kind: WeChatErrorKind; message: string } {
  switch (error.errcode) {
    case WECHAT_ERRCODE.invalidCode:
    case WECHAT_ERRCODE.codeUsed:
      return { kind: 'bad-code', message: '微信登录凭证无效或已使用，请重新进入小程序' }
    case WECHAT_ERRCODE.rateLimited:
      return { kind: 'rate-limited', message: '操作太频繁，请稍后再试' }
    case WECHAT_ERRCODE.busy:
      return { kind: 'busy', message: '微信服务繁忙，请稍后再试' }
    default:
      return { kind: 'other', message: '微信服务暂时无法完成请求，请稍后再试' }
  }
}

export interface HttpWeChatClientOptions {
  /** https://api.weixin.qq.com in production; the stand-in's URL locally. */
  baseUrl: string
  appId: string
  appSecret: string
  fetch?: typeof fetch
  now?: () => number
  /** Pauses before each retry of a "system busy" answer; its length is the number of retries. */
  retryDelaysMs?: readonly number[]
  /** Per attempt, not per call. */
  timeoutMs?: number
}

/** A token is refreshed this long before WeChat says it expires, so no call races its expiry. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000

const errorReplySchema = z.object({ errcode: z.number().int().optional(), errmsg: z.string().optional() })
const sessionReplySchema = z.object({ openid: z.string().min(1), session_key: z.string().min(1), unionid: z.string().min(1).optional() })
const tokenReplySchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() })
const mediaCheckReplySchema = z.object({ trace_id: z.string().min(1) })
const textCheckReplySchema = z.object({ result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().int() }) })

interface Reply {
  contentType: string
  bytes: Buffer
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The real client. One instance per Lambda container: its access token is cached in memory and
 * shared by all invocations, because WeChat limits how often a token may be fetched.
 */
export function createHttpWeChatClient(options: HttpWeChatClientOptions): WeChatClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const fetchImpl = options.fetch ?? globalThis.fetch
  const now = options.now ?? Date.now
  const retryDelaysMs = options.retryDelaysMs ?? [200, 800]
  const timeoutMs = options.timeoutMs ?? 5000

  /** One HTTP exchange. Anything that is not an answer from WeChat counts as "system busy". */
  async function exchange(url: string, init: RequestInit): Promise<Reply> {
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), timeoutMs)
    try {
      const response = await fetchImpl(url, { ...init, signal: abort.signal })
      const bytes = Buffer.from(await response.arrayBuffer())
      if (response.status >= 500) throw new WeChatError(WECHAT_ERRCODE.busy, `HTTP ${response.status} from WeChat`)
      return { contentType: response.headers.get('content-type') ?? '', bytes }
    } catch (error) {
      if (error instanceof WeChatError) throw error
      // The URL carries the app secret, so only the cause's own message is kept.
      const reason = abort.signal.aborted ? `no answer within ${timeoutMs} ms` : `network error: ${(error as Error).message}`
      throw new WeChatError(WECHAT_ERRCODE.busy, reason)
    } finally {
      clearTimeout(timer)
    }
  }

  /** WeChat answers JSON, sometimes labelled text/plain, so the text is parsed whatever its type. */
  function readJson(reply: Reply): unknown {
    let data: unknown
    try {
      data = JSON.parse(reply.bytes.toString('utf8'))
    } catch {
      throw new WeChatError(WECHAT_ERRCODE.busy, `unreadable answer (${reply.contentType || 'no content-type'})`)
    }
    // errcode 0 or absent is success; a success body is checked by its own schema later.
    const status = errorReplySchema.safeParse(data)
    if (status.success && status.data.errcode) throw new WeChatError(status.data.errcode, status.data.errmsg ?? '')
    return data
  }

  function parseReply<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
    const parsed = schema.safeParse(data)
    if (!parsed.success) throw new WeChatError(WECHAT_ERRCODE.busy, `unexpected ${what} answer`)
    return parsed.data
  }

  /** Retries "system busy" only: every other error code would come back the same way. */
  async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        return await attempt()
      } catch (error) {
        const delay = retryDelaysMs[retry]
        if (!(error instanceof WeChatError) || error.errcode !== WECHAT_ERRCODE.busy || delay === undefined) throw error
        await sleep(delay)
      }
    }
  }

  // Access token: cached until shortly before expiry; concurrent callers share one fetch.
  let cached: { token: string; refreshAt: number } | undefined
  let inFlight: { forced: boolean; promise: Promise<string> } | undefined

  function fetchToken(forceRefresh: boolean): Promise<string> {
    const promise = withRetry(async () => {
      const reply = await exchange(`${baseUrl}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: options.appId, secret: options.appSecret, force_refresh: forceRefresh }),
      })
      return parseReply(tokenReplySchema, readJson(reply), 'stable_token')
    })
      .then((reply) => {
        cached = { token: reply.access_token, refreshAt: now() + reply.expires_in * 1000 - TOKEN_REFRESH_MARGIN_MS }
        return reply.access_token
      })
      .finally(() => {
        if (inFlight?.promise === promise) inFlight = undefined
      })
    inFlight = { forced: forceRefresh, promise }
    return promise
  }

  function accessToken(): Promise<string> {
    if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token)
    return inFlight?.promise ?? fetchToken(false)
  }

  /** After WeChat rejected `rejected`: a caller that already refreshed it has done the work for us. */
  function tokenReplacing(rejected: string): Promise<string> {
    if (cached && cached.token !== rejected && now() < cached.refreshAt) return Promise.resolve(cached.token)
    // An unforced fetch in flight could hand back the very token WeChat just refused.
    if (inFlight?.forced) return inFlight.promise
    return fetchToken(true)
  }

  async function withAccessToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await accessToken()
    try {
      return await call(token)
    } catch (error) {
      if (!(error instanceof WeChatError) || !TOKEN_ERRCODES.has(error.errcode)) throw error
      return call(await tokenReplacing(token))
    }
  }

  return {
    async code2Session(code) {
      const query = new URLSearchParams({ appid: options.appId, secret: options.appSecret, js_code: code, grant_type: 'authorization_code' })
      const reply = await withRetry(async () => {
        const data = readJson(await exchange(`${baseUrl}/sns/jscode2session?${query}`, { method: 'GET' }))
        return parseReply(sessionReplySchema, data, 'jscode2session')
      })
      return { openid: reply.openid, sessionKey: reply.session_key, ...(reply.unionid ? { unionid: reply.unionid } : {}) }
    },

    getUnlimitedCode(request) {
      const body = JSON.stringify({
        scene: request.scene,
        page: request.page,
        width: request.width,
        check_path: request.checkPath,
        env_version: request.envVersion,
      })
      return withAccessToken((token) =>
        withRetry(async () => {
          const reply = await exchange(`${baseUrl}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
          // Success is the image itself; failure is JSON. Only the content-type tells them apart.
          if (reply.contentType.toLowerCase().startsWith('image/')) return { contentType: reply.contentType, body: reply.bytes }
          readJson(reply)
          throw new WeChatError(WECHAT_ERRCODE.busy, 'no image in the getwxacodeunlimit answer')
        }),
      )
    },

    async sendSubscribeMessage(message) {
      const body = JSON.stringify({
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: message.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      })
      await withAccessToken((token) =>
        withRetry(async () => {
          const reply = await exchange(`${baseUrl}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
          readJson(reply)
        }),
      )
    },

    checkText(request) {
      const body = JSON.stringify({ content: request.content, version: 2, scene: request.scene, openid: request.openid })
      return withAccessToken((token) =>
        withRetry(async () => {
          const reply = await exchange(`${baseUrl}/wxa/msg_sec_check?access_token=${encodeURIComponent(token)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
          return parseReply(textCheckReplySchema, readJson(reply), 'msg_sec_check').result
        }),
      )
    },

    checkMediaAsync(request) {
      // media_type 2: an image.
      const body = JSON.stringify({ media_url: request.mediaUrl, media_type: 2, version: 2, scene: request.scene, openid: request.openid })
      return withAccessToken((token) =>
        withRetry(async () => {
          const reply = await exchange(`${baseUrl}/wxa/media_check_async?access_token=${encodeURIComponent(token)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
          return { traceId: parseReply(mediaCheckReplySchema, readJson(reply), 'media_check_async').trace_id }
        }),
      )
    },
  }
}
