import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHttpWeChatClient, describeWeChatError, WeChatError, type HttpWeChatClientOptions } from '../../functions/services/wechat-client'
import { startWeChatStandIn, type WeChatStandIn } from '../../scripts/lib/wechat-stand-in'

const APP_ID = 'wx0123456789abcdef'
const APP_SECRET = 'stand-in-secret-0123456789abcdef'
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47])
const CODE_PATH = '/wxa/getwxacodeunlimit'
const TOKEN_PATH = '/cgi-bin/stable_token'
const SESSION_PATH = '/sns/jscode2session'
const card = { scene: 'en=en-0001', page: 'pages/index/index' }

let standIn: WeChatStandIn

beforeAll(async () => {
  standIn = await startWeChatStandIn({ appId: APP_ID, appSecret: APP_SECRET })
})
afterAll(() => standIn?.close())
afterEach(() => dev('/dev/faults', undefined, 'DELETE'))

async function dev(path: string, body?: unknown, method = 'POST'): Promise<unknown> {
  const response = await fetch(`${standIn.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
  expect(response.status).toBe(200)
  return response.json()
}

const loginCode = async (deviceId: string) => ((await dev('/dev/login-code', { deviceId })) as { code: string }).code
const injectFault = (path: string, errcode: number, times: number) => dev('/dev/faults', { path, errcode, times })

/** A fresh client (so an empty token cache) whose stable_token request bodies are recorded. */
function newClient(overrides: Partial<HttpWeChatClientOptions> = {}) {
  const tokenRequests: Array<{ force_refresh: boolean }> = []
  const client = createHttpWeChatClient({
    baseUrl: standIn.url,
    appId: APP_ID,
    appSecret: APP_SECRET,
    retryDelaysMs: [5, 10],
    fetch: async (input, init) => {
      if (String(input).includes(TOKEN_PATH)) tokenRequests.push(JSON.parse(String(init?.body)) as { force_refresh: boolean })
      return fetch(input, init)
    },
    ...overrides,
  })
  return { client, tokenRequests }
}

/** Requests the stand-in received on `path` since the log had `since` entries. */
function requestsTo(path: string, since: number) {
  return standIn.requests.slice(since).filter((r) => r.path === path)
}

async function rejection(promise: Promise<unknown>): Promise<WeChatError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(WeChatError)
  return error as WeChatError
}

describe('code2Session', () => {
  it('gives the same openid to the same device every time, and another to another device', async () => {
    const { client } = newClient()
    const first = await client.code2Session(await loginCode('device-a'))
    const again = await client.code2Session(await loginCode('device-a'))
    const other = await client.code2Session(await loginCode('device-b'))
    expect(first.openid).toMatch(/^o[\w-]{27}$/)
    expect(first.sessionKey).not.toBe('')
    expect(again.openid).toBe(first.openid)
    expect(other.openid).not.toBe(first.openid)
  })

  it('refuses a code used before and a code never issued with 40029', async () => {
    const { client } = newClient()
    const code = await loginCode('device-reuse')
    await client.code2Session(code)
    expect((await rejection(client.code2Session(code))).errcode).toBe(40029)
    expect((await rejection(client.code2Session('0'.repeat(32)))).errcode).toBe(40029)
  })

  it('refuses a wrong app secret with 40125', async () => {
    const { client } = newClient({ appSecret: 'not-the-secret' })
    const error = await rejection(client.code2Session(await loginCode('device-secret')))
    expect(error.errcode).toBe(40125)
  })

  it('refuses a code older than five minutes', async () => {
    let clock = Date.parse('2026-11-20T02:00:00Z')
    const ageing = await startWeChatStandIn({ appId: APP_ID, appSecret: APP_SECRET, now: () => clock })
    try {
      const { code } = (await (await fetch(`${ageing.url}/dev/login-code`, { method: 'POST', body: JSON.stringify({ deviceId: 'device-old' }) })).json()) as { code: string }
      clock += 5 * 60_000
      const { client } = newClient({ baseUrl: ageing.url })
      expect((await rejection(client.code2Session(code))).errcode).toBe(40029)
    } finally {
      await ageing.close()
    }
  })
})

describe('retries and failures', () => {
  it('throws a rate limit (45011) at once, without retrying', async () => {
    const { client } = newClient()
    const code = await loginCode('device-rate')
    await injectFault(SESSION_PATH, 45011, 5)
    const since = standIn.requests.length
    const error = await rejection(client.code2Session(code))
    expect(error.errcode).toBe(45011)
    expect(requestsTo(SESSION_PATH, since)).toHaveLength(1)
  })

  it('retries "system busy" (-1) and succeeds when WeChat recovers', async () => {
    const { client } = newClient()
    const code = await loginCode('device-busy-once')
    await injectFault(SESSION_PATH, -1, 1)
    const since = standIn.requests.length
    const session = await client.code2Session(code)
    expect(session.openid).toMatch(/^o/)
    expect(requestsTo(SESSION_PATH, since)).toHaveLength(2)
  })

  it('gives up on "system busy" after the configured retries', async () => {
    const { client } = newClient()
    const code = await loginCode('device-busy-thrice')
    await injectFault(SESSION_PATH, -1, 3)
    const since = standIn.requests.length
    const error = await rejection(client.code2Session(code))
    expect(error.errcode).toBe(-1)
    expect(requestsTo(SESSION_PATH, since)).toHaveLength(3)
  })

  it('treats an HTTP 5xx like "system busy" and retries it', async () => {
    let calls = 0
    const { client } = newClient({
      fetch: async (input, init) => (++calls === 1 ? new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }) : fetch(input, init)),
    })
    const session = await client.code2Session(await loginCode('device-502'))
    expect(session.openid).toMatch(/^o/)
    expect(calls).toBe(2)
  })

  it('times out a request that gets no answer and reports "system busy" after the retries', async () => {
    let calls = 0
    const { client } = newClient({
      timeoutMs: 20,
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          calls++
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        }),
    })
    const error = await rejection(client.code2Session('any-code'))
    expect(error.errcode).toBe(-1)
    expect(error.errmsg).toContain('20 ms')
    expect(calls).toBe(3)
  })

  it('reports an unreachable server as "system busy" without leaking the secret', async () => {
    const closed = await startWeChatStandIn({ appId: APP_ID, appSecret: APP_SECRET })
    await closed.close()
    const { client } = newClient({ baseUrl: closed.url })
    const error = await rejection(client.code2Session('any-code'))
    expect(error.errcode).toBe(-1)
    expect(error.message).not.toContain(APP_SECRET)
  })
})

describe('getUnlimitedCode', () => {
  it('returns PNG bytes and fetches one access token for several codes', async () => {
    const { client, tokenRequests } = newClient()
    const since = standIn.requests.length
    const first = await client.getUnlimitedCode(card)
    const second = await client.getUnlimitedCode({ ...card, scene: 'en=en-0002', width: 280 })
    expect(first.contentType).toBe('image/png')
    expect(first.body.subarray(0, 4).equals(PNG_SIGNATURE)).toBe(true)
    expect(second.body.subarray(0, 4).equals(PNG_SIGNATURE)).toBe(true)
    expect(second.body.equals(first.body)).toBe(false)
    expect(requestsTo(TOKEN_PATH, since)).toHaveLength(1)
    expect(tokenRequests).toEqual([expect.objectContaining({ force_refresh: false })])
  })

  it('shares one token fetch among concurrent callers', async () => {
    const { client } = newClient()
    const since = standIn.requests.length
    const codes = await Promise.all([1, 2, 3].map((n) => client.getUnlimitedCode({ ...card, scene: `n=${n}` })))
    expect(codes.every((c) => c.body.subarray(0, 4).equals(PNG_SIGNATURE))).toBe(true)
    expect(requestsTo(TOKEN_PATH, since)).toHaveLength(1)
  })

  it('fetches a new token five minutes before the current one expires', async () => {
    let clock = Date.parse('2026-11-20T02:00:00Z')
    const { client } = newClient({ now: () => clock })
    const since = standIn.requests.length
    await client.getUnlimitedCode(card)
    clock += (7200 - 301) * 1000
    await client.getUnlimitedCode(card)
    expect(requestsTo(TOKEN_PATH, since)).toHaveLength(1)
    clock += 2000
    await client.getUnlimitedCode(card)
    expect(requestsTo(TOKEN_PATH, since)).toHaveLength(2)
  })

  it('after the tokens expire, refreshes once with force_refresh and succeeds', async () => {
    const { client, tokenRequests } = newClient()
    await client.getUnlimitedCode(card)
    await dev('/dev/expire-tokens')
    const since = standIn.requests.length
    const code = await client.getUnlimitedCode(card)
    expect(code.body.subarray(0, 4).equals(PNG_SIGNATURE)).toBe(true)
    expect(standIn.requests.slice(since).map((r) => r.path)).toEqual([CODE_PATH, TOKEN_PATH, CODE_PATH])
    expect(tokenRequests.map((r) => r.force_refresh)).toEqual([false, true])
  })

  it('throws when the refreshed token is refused too', async () => {
    const { client, tokenRequests } = newClient()
    await client.getUnlimitedCode(card)
    await injectFault(CODE_PATH, 40001, 2)
    const error = await rejection(client.getUnlimitedCode(card))
    expect(error.errcode).toBe(40001)
    expect(tokenRequests.map((r) => r.force_refresh)).toEqual([false, true])
  })

  it('accepts a 32-character scene and refuses a 33-character one with 40169', async () => {
    const { client } = newClient()
    const scene = 'a'.repeat(32)
    expect((await client.getUnlimitedCode({ ...card, scene })).contentType).toBe('image/png')
    expect((await rejection(client.getUnlimitedCode({ ...card, scene: `${scene}b` }))).errcode).toBe(40169)
    expect((await rejection(client.getUnlimitedCode({ ...card, scene: '企业' }))).errcode).toBe(40169)
  })

  it('refuses a page with a leading slash with 41030', async () => {
    const { client } = newClient()
    expect((await rejection(client.getUnlimitedCode({ ...card, page: '/pages/index/index' }))).errcode).toBe(41030)
  })
})

describe('subscribe messages and content checks', () => {
  const openid = `o${'a'.repeat(27)}`
  const message = { touser: openid, templateId: 'tpl-progress', page: 'packages/appeal/detail/index?id=ap-1', data: { thing1: { value: '新线路接电' }, phrase2: { value: '已受理' } } }

  it('sends a subscribe message that the stand-in records as the phone would show it', async () => {
    const { client } = newClient()
    await client.sendSubscribeMessage({ ...message, miniprogramState: 'trial' })
    expect(standIn.messages(openid).at(-1)).toMatchObject({ templateId: 'tpl-progress', page: message.page, data: message.data, miniprogramState: 'trial', lang: 'zh_CN' })
    const listed = (await dev(`/dev/messages?openid=${openid}`, undefined, 'GET')) as { messages: unknown[] }
    expect(listed.messages).toHaveLength(standIn.messages(openid).length)
  })

  it('is refused as WeChat refuses it: a value over its limit (47003), an unknown user (40003), no subscription (43101)', async () => {
    const { client } = newClient()
    const tooLong = { ...message, data: { ...message.data, thing1: { value: '字'.repeat(21) } } }
    expect((await rejection(client.sendSubscribeMessage(tooLong))).errcode).toBe(47003)
    expect((await rejection(client.sendSubscribeMessage({ ...message, data: { phrase2: { value: 'OK' } } }))).errcode).toBe(47003)
    expect((await rejection(client.sendSubscribeMessage({ ...message, touser: 'nobody' }))).errcode).toBe(40003)
    await injectFault('/cgi-bin/message/subscribe/send', 43101, 1)
    const since = standIn.requests.length
    expect((await rejection(client.sendSubscribeMessage(message))).errcode).toBe(43101)
    // Not retried: only "system busy" is.
    expect(requestsTo('/cgi-bin/message/subscribe/send', since)).toHaveLength(1)
  })

  it('checks a text with msgSecCheck v2: pass, review, risky', async () => {
    const { client } = newClient()
    expect(await client.checkText({ content: '新厂房需要接电', openid, scene: 1 })).toEqual({ suggest: 'pass', label: 100 })
    expect((await client.checkText({ content: '有人推销代开发票', openid, scene: 1 })).suggest).toBe('review')
    expect(await client.checkText({ content: '厂区附近有人赌博', openid, scene: 1 })).toEqual({ suggest: 'risky', label: 20006 })
    expect((await rejection(client.checkText({ content: '任何内容', openid: 'nobody', scene: 1 }))).errcode).toBe(40003)
  })
})

describe('the stand-in for the browser', () => {
  it('answers the CORS preflight of /dev/login-code', async () => {
    const response = await fetch(`${standIn.url}/dev/login-code`, { method: 'OPTIONS', headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'POST' } })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type')
  })

  it('answers a body that is not JSON with 47001 and an unknown path with 404', async () => {
    const bad = await fetch(`${standIn.url}${TOKEN_PATH}`, { method: 'POST', body: '{not json' })
    expect(await bad.json()).toEqual({ errcode: 47001, errmsg: 'data format error' })
    expect((await fetch(`${standIn.url}/no/such/path`)).status).toBe(404)
  })
})

describe('describeWeChatError', () => {
  it.each([
    [40029, 'bad-code', '微信登录凭证无效或已使用，请重新进入小程序'],
    [45011, 'rate-limited', '操作太频繁，请稍后再试'],
    [-1, 'busy', '微信服务繁忙，请稍后再试'],
    [40125, 'other', '微信服务暂时无法完成请求，请稍后再试'],
  ] as const)('maps errcode %i to %s', (errcode, kind, message) => {
    expect(describeWeChatError(new WeChatError(errcode, 'x'))).toEqual({ kind, message })
  })
})
