import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/*
 * The built mini-program run as WeChat runs it, minus WeChat: the build's own app.js and page
 * scripts (Taro's runtime, React, our code, in the chunks WeChat would load) against a stubbed
 * `wx`, with each page's template compiled by WeChat's wcc and rendered by WeChat's component
 * engine (exparser) through miniprogram-simulate. What renders is what Taro's runtime put there
 * through the page's setData calls.
 *
 * Not WeChat: the stub answers every wx API (the network from fixtures), there is no native
 * component (an <input> is a plain node), no layout, and navigation is recorded, not performed —
 * the test opens the next page itself.
 */

const require = createRequire(import.meta.url)

interface DomNode {
  textContent: string | null
}
interface DomWindow {
  document: { createElement(tag: string): DomNode }
}
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: { pretendToBeVisual: boolean }) => { window: DomWindow } }
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
const globals = globalThis as unknown as Record<string, unknown>
// jsdom's DOM in place of Node's own Event: j-component dispatches its events on jsdom nodes.
for (const key of ['document', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'MutationObserver']) {
  globals[key] = (dom.window as unknown as Record<string, unknown>)[key]
}
globals.window = dom.window

interface SimulatedComponent {
  dom: DomNode
  attach(parent: DomNode): void
  querySelector(selector: string): SimulatedComponent | undefined
  dispatchEvent(name: string, options?: { detail?: unknown }): void
}
const simulate = require('miniprogram-simulate') as {
  load(path: string, options: { rootPath: string }): string
  render(id: string): SimulatedComponent
}

export interface ApiRequest {
  method: string
  url: string
  path: string
  data: unknown
  header: Record<string, string>
}

/** An answer of the fake API: status and body, or a function of the request. */
export type Route = { method: string; path: RegExp; reply: (request: ApiRequest) => { status: number; body: unknown } }

export interface WxCall {
  api: string
  options: Record<string, unknown> | undefined
}

type PageOptions = Record<string, unknown> & { data?: unknown }

export interface OpenPage {
  route: string
  component: SimulatedComponent
  text(): string
  has(selector: string): boolean
  /** A tap on the Taro component with this id (what a finger does). */
  tap(id: string): void
  /** Another event WeChat fires on a component, e.g. `agreeprivacyauthorization` on an open-type button. */
  trigger(id: string, event: string, detail?: unknown): void
  /** Typing into the input this selector finds (e.g. `#join-name .input`). */
  type(selector: string, value: string): void
  waitForText(text: string, timeoutMs?: number): Promise<void>
}

/** Every method of WeChat's `wx` object, read from WeChat's own typings (miniprogram-api-typings). */
function wechatApiNames(): string[] {
  const typings = readFileSync(join(dirname(require.resolve('miniprogram-api-typings/package.json')), 'types', 'wx', 'lib.wx.api.d.ts'), 'utf8')
  const start = typings.indexOf('interface Wx {')
  let depth = 0
  let end = start
  for (let i = start; i < typings.length; i += 1) {
    if (typings[i] === '{') depth += 1
    if (typings[i] === '}' && --depth === 0) {
      end = i
      break
    }
  }
  const names = [...typings.slice(start, end).matchAll(/^\s{8}(\w+)\s*(?:<[^>]*>)?\s*\(/gm)].map((match) => match[1] as string)
  if (names.length < 300) throw new Error(`read only ${names.length} wx APIs from miniprogram-api-typings`)
  return [...new Set(names)]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export class MiniProgram {
  readonly calls: WxCall[] = []
  readonly requests: ApiRequest[] = []
  readonly storage = new Map<string, unknown>()
  private readonly stack: Record<string, unknown>[] = []
  private app: Record<string, (...args: unknown[]) => unknown> | undefined
  private pendingRoute: { route: string; query: Record<string, string> } | undefined

  constructor(
    private readonly dir: string,
    private readonly routes: Route[],
  ) {}

  /** Everything WeChat would offer: the APIs the app needs answered as WeChat would, any other as a success. */
  private wx(): Record<string, unknown> {
    const succeed = (options: Record<string, unknown> | undefined, result: Record<string, unknown>) => {
      setTimeout(() => {
        ;(options?.success as ((r: unknown) => void) | undefined)?.(result)
        ;(options?.complete as ((r: unknown) => void) | undefined)?.(result)
      }, 0)
    }
    const known: Record<string, (options?: Record<string, unknown>) => unknown> = {
      getSystemInfoSync: () => ({ platform: 'android', model: 'simulated', windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50', system: 'Android 14' }),
      getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, statusBarHeight: 20 }),
      getStorageSync: (key) => (this.storage.has(String(key)) ? this.storage.get(String(key)) : ''),
      setStorageSync: (key, value?: unknown) => void this.storage.set(String(key), value),
      removeStorageSync: (key) => void this.storage.delete(String(key)),
      nextTick: (fn) => void setTimeout(fn as unknown as () => void, 0),
      login: (options) => succeed(options, { code: 'simulated-login-code', errMsg: 'login:ok' }),
      request: (options) => {
        const url = String(options?.url)
        const path = new URL(url).pathname
        const request: ApiRequest = { method: String(options?.method ?? 'GET').toUpperCase(), url, path, data: options?.data, header: (options?.header ?? {}) as Record<string, string> }
        this.requests.push(request)
        const route = this.routes.find((r) => r.method === request.method && r.path.test(path))
        const answer = route ? route.reply(request) : { status: 404, body: { error: { code: 'NOT_FOUND', message: '未找到' } } }
        succeed(options, { statusCode: answer.status, data: answer.body, header: { 'content-type': 'application/json' }, errMsg: 'request:ok' })
        return { abort: () => undefined }
      },
    }
    // WeChat's API surface, every name of the `wx` interface: the ones above answer as WeChat
    // would, any other succeeds with nothing. A name WeChat lacks stays undefined, as there.
    const wx: Record<string, unknown> = {}
    for (const api of wechatApiNames()) {
      wx[api] = (options?: Record<string, unknown>, ...rest: unknown[]) => {
        this.calls.push({ api, options })
        const own = known[api]
        if (own) return (own as (...args: unknown[]) => unknown)(options, ...rest)
        succeed(options, { errMsg: `${api}:ok`, confirm: true })
        return undefined
      }
    }
    return wx
  }

  /** Calls of `Function` (or `new Function`) made by the build's own code; WeChat refuses every one. */
  readonly functionUses: string[] = []
  private readonly realFunction = globalThis.Function

  /** `Function` as WeChat has it for the build's code: refused. The harness's own use (wcc's output) is let through. */
  private banFunction(): void {
    const { dir, functionUses, realFunction } = this
    const refuseFromBuild = (kind: string) => {
      const caller = (new Error().stack ?? '').split('\n')[3] ?? ''
      if (!caller.includes(dir)) return
      functionUses.push(`${kind} from ${caller.trim()}`)
      throw new EvalError('Function is not allowed in WeChat')
    }
    const banned = new Proxy(realFunction, {
      construct(target, args, newTarget) {
        refuseFromBuild('new Function')
        return Reflect.construct(target, args, newTarget) as object
      },
      apply(target, self, args) {
        refuseFromBuild('Function()')
        return Reflect.apply(target, self, args) as unknown
      },
    })
    globalThis.Function = banned
    // `fn.constructor === Function` must still hold (WXS and WeChat's template runtime test it).
    Object.defineProperty(realFunction.prototype, 'constructor', { value: banned, writable: true, configurable: true, enumerable: false })
  }

  /** Puts the real Function back. */
  close(): void {
    globalThis.Function = this.realFunction
    Object.defineProperty(this.realFunction.prototype, 'constructor', { value: this.realFunction, writable: true, configurable: true, enumerable: false })
  }

  /** Loads app.js (and with it the chunks WeChat loads first) and launches the app as WeChat would on a scan of `route`. */
  launch(route: string, query: Record<string, string> = {}): void {
    this.banFunction()
    globals.wx = this.wx()
    globals.App = (options: Record<string, (...args: unknown[]) => unknown>) => {
      this.app = options
    }
    globals.getApp = () => this.app
    globals.getCurrentPages = () => this.stack
    globals.Page = (options: PageOptions) => this.registerPage(options)
    // A fresh start: the build's scripts run again, as on a cold launch.
    for (const loaded of Object.keys(require.cache)) if (loaded.startsWith(this.dir)) delete require.cache[loaded]
    require(join(this.dir, 'app.js'))
    if (!this.app) throw new Error('app.js did not call App()')
    this.app.onLaunch?.call(this.app, { path: route, query, scene: 1047 })
    this.app.onShow?.call(this.app, { path: route, query, scene: 1047 })
  }

  /** Page() as WeChat's page: an exparser component whose attach runs onLoad, onShow and onReady. */
  private registerPage(options: PageOptions): void {
    const pending = this.pendingRoute
    if (!pending) throw new Error('Page() called outside open()')
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
    const stack = this.stack
    ;(globals.Component as (definition: object) => void)({
      data: options.data,
      methods,
      lifetimes: {
        attached(this: Record<string, unknown> & { onLoad?: (q: object) => void; onShow?: () => void; onReady?: () => void }) {
          this.route = pending.route
          this.__route__ = pending.route
          this.options = pending.query
          stack.push(this)
          this.onLoad?.(pending.query)
          this.onShow?.()
          this.onReady?.()
        },
      },
    })
  }

  /** Opens a built page with a query, as a navigation to it would. */
  async open(route: string, query: Record<string, string> = {}): Promise<OpenPage> {
    this.pendingRoute = { route, query }
    const id = simulate.load(join(this.dir, route), { rootPath: this.dir })
    this.pendingRoute = undefined
    const component = simulate.render(id)
    component.attach(dom.window.document.createElement('parent-wrapper'))
    await sleep(0)
    const text = () => component.dom.textContent ?? ''
    const find = (selector: string) => {
      const found = component.querySelector(selector)
      if (!found) throw new Error(`${route}: no ${selector} in ${text().slice(0, 300)}`)
      return found
    }
    return {
      route,
      component,
      text,
      has: (selector) => Boolean(component.querySelector(selector)),
      tap: (id) => find(`#${id}`).dispatchEvent('tap', { detail: { x: 1, y: 1 } }),
      trigger: (id, event, detail = {}) => find(`#${id}`).dispatchEvent(event, { detail }),
      type: (selector, value) => find(selector).dispatchEvent('input', { detail: { value, cursor: value.length } }),
      waitForText: async (expected, timeoutMs = 3000) => {
        const until = Date.now() + timeoutMs
        while (!text().includes(expected)) {
          if (Date.now() > until) throw new Error(`${route}: waited for 「${expected}」, showing: ${text().slice(0, 400)}`)
          await sleep(10)
        }
      },
    }
  }

  /** The calls of one wx API, in order. */
  callsOf(api: string): WxCall[] {
    return this.calls.filter((call) => call.api === api)
  }

  /** Waits for the app to ask WeChat to go somewhere after the `after`-th wx call (e.g. `calls.length` before a tap). */
  async navigation(after: number, timeoutMs = 3000): Promise<{ api: string; route: string; query: Record<string, string> }> {
    const until = Date.now() + timeoutMs
    while (Date.now() < until) {
      const navigated = this.calls.slice(after).some((c) => ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab'].includes(c.api))
      if (navigated) return this.lastNavigation()!
      await sleep(10)
    }
    throw new Error(`no navigation within ${timeoutMs} ms; wx calls since: ${this.calls.slice(after).map((c) => c.api).join(', ')}`)
  }

  /** Where the app last asked WeChat to go (navigateTo, redirectTo, reLaunch, switchTab): the page and its query. */
  lastNavigation(): { api: string; route: string; query: Record<string, string> } | undefined {
    const call = [...this.calls].reverse().find((c) => ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab'].includes(c.api))
    if (!call) return undefined
    const [path = '', search = ''] = String(call.options?.url ?? '').split('?')
    return { api: call.api, route: path.replace(/^\//, ''), query: Object.fromEntries(new URLSearchParams(search)) }
  }
}
