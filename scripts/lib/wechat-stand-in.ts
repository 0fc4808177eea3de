import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { route, type Answer, type MediaChecks } from './wechat-stand-in/routes'
import { AccessTokens, Faults, LoginCodes, SentMessages, type SentMessage } from './wechat-stand-in/state'
import { wechatError } from './wechat-stand-in/wechat-errors'

/**
 * A local stand-in for WeChat's servers (api.weixin.qq.com): the same paths, JSON shapes and
 * error codes for jscode2session, stable_token, getwxacodeunlimit, subscribeMessage.send and
 * msgSecCheck, plus /dev endpoints that replace wx.login for the h5 build, let tests inject
 * faults and list the subscribe messages "sent" (GET /dev/messages?openid=). State lives in
 * memory, per server.
 */
export interface WeChatStandIn {
  url: string
  port: number
  close(): Promise<void>
  /** WeChat API requests only (not /dev ones): what a client under test actually sent. */
  requests: ReadonlyArray<{ method: string; path: string; at: number }>
  /** Subscribe messages accepted, oldest first (what /dev/messages answers). */
  messages(openid?: string): SentMessage[]
  /** Media-check verdicts pushed so far, once every check under way has been pushed. */
  mediaChecks(): Promise<Array<{ traceId: string; suggest: string; status: number }>>
}

export interface WeChatStandInOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  appId: string
  appSecret: string
  tokenTtlSeconds?: number
  now?: () => number
  /** Where mediaCheckAsync verdicts are pushed (the API's message-push route), and the Token that signs them. */
  pushUrl?: string
  pushToken?: string
}

/** Nothing the stand-in accepts comes near this; it only guards against runaway clients. */
const MAX_BODY_BYTES = 1024 * 1024

class BodyTooLargeError extends Error {
  constructor() {
    super(`request body over ${MAX_BODY_BYTES} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The h5 app calls /dev/login-code from a browser page on another port, hence CORS on every answer. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { ...CORS, 'content-type': answer.contentType, 'cache-control': 'no-store' })
  res.end(answer.body)
}

export async function startWeChatStandIn(options: WeChatStandInOptions): Promise<WeChatStandIn> {
  const now = options.now ?? Date.now
  const requests: Array<{ method: string; path: string; at: number }> = []
  const state = {
    appId: options.appId,
    appSecret: options.appSecret,
    codes: new LoginCodes(options.appId, now),
    tokens: new AccessTokens(options.tokenTtlSeconds ?? 7200, now),
    faults: new Faults(),
    messages: new SentMessages(),
    requestLog: () => requests,
    now,
    media: { pushUrl: options.pushUrl, pushToken: options.pushToken ?? '', pushed: [], inFlight: new Set<Promise<void>>() } as MediaChecks,
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', 'http://stand-in')
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS).end()
      return
    }
    // The query is left out of the log: it carries the app secret and the access token.
    if (!url.pathname.startsWith('/dev/')) requests.push({ method, path: url.pathname, at: now() })
    let text: string
    try {
      text = await readBody(req)
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error
      send(res, { status: 413, contentType: 'application/json; charset=utf-8', body: JSON.stringify(wechatError(47001)) })
      return
    }
    send(res, await route(state, method, url, text))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // WeChat's own answer to trouble on its side; clients retry it.
      if (!res.headersSent) send(res, { status: 500, contentType: 'application/json; charset=utf-8', body: JSON.stringify(wechatError(-1)) })
      else res.destroy()
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    messages: (openid) => state.messages.list(openid),
    mediaChecks: async () => {
      await Promise.all([...state.media.inFlight])
      return state.media.pushed
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Clients' keep-alive connections would otherwise hold close() open for seconds.
        server.closeAllConnections()
      }),
  }
}
