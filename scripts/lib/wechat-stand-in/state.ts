import { createHash, randomBytes } from 'node:crypto'

/**
 * What the stand-in remembers, per server instance: issued login codes, access tokens and
 * injected faults. No I/O here; the clock is passed in so expiry can be tested.
 */
type Clock = () => number

/** WeChat's login codes live five minutes. */
export const LOGIN_CODE_TTL_MS = 5 * 60_000

const hash = (text: string) => createHash('sha256').update(text).digest('base64url')

/** The same device in the same app is always the same WeChat user, like a phone's WeChat account. */
export function openidFor(appId: string, deviceId: string): string {
  return `o${hash(`${appId}:${deviceId}`).slice(0, 27)}`
}

/** A unionid spans the apps of one developer, so it depends on the device only. */
export function unionidFor(deviceId: string): string {
  return `o${hash(`unionid:${deviceId}`).slice(0, 27)}`
}

export interface LoginIdentity {
  openid: string
  unionid: string
}

export class LoginCodes {
  private readonly codes = new Map<string, LoginIdentity & { issuedAt: number }>()

  constructor(
    private readonly appId: string,
    private readonly now: Clock,
  ) {}

  /** The local wx.login. */
  issue(deviceId: string): string {
    const code = randomBytes(16).toString('hex')
    this.codes.set(code, { openid: openidFor(this.appId, deviceId), unionid: unionidFor(deviceId), issuedAt: this.now() })
    return code
  }

  /** Single use, as on WeChat: the code is spent even when it turns out to be too old. */
  redeem(code: string): LoginIdentity | undefined {
    const entry = this.codes.get(code)
    this.codes.delete(code)
    if (!entry || this.now() - entry.issuedAt >= LOGIN_CODE_TTL_MS) return undefined
    return { openid: entry.openid, unionid: entry.unionid }
  }
}

export class AccessTokens {
  private readonly expiresAt = new Map<string, number>()
  private current: string | undefined

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: Clock,
  ) {}

  /** stable_token: the current token while it lasts; a forced refresh replaces every older one. */
  issue(forceRefresh: boolean): { token: string; expiresIn: number } {
    const current = this.current
    const currentExpiry = current === undefined ? undefined : this.expiresAt.get(current)
    if (!forceRefresh && current !== undefined && currentExpiry !== undefined && currentExpiry > this.now()) {
      return { token: current, expiresIn: Math.ceil((currentExpiry - this.now()) / 1000) }
    }
    this.expiresAt.clear()
    const token = randomBytes(48).toString('base64url')
    this.expiresAt.set(token, this.now() + this.ttlSeconds * 1000)
    this.current = token
    return { token, expiresIn: this.ttlSeconds }
  }

  isValid(token: string): boolean {
    const expiry = this.expiresAt.get(token)
    return expiry !== undefined && expiry > this.now()
  }

  /** Every token issued so far stops working, as after a secret reset or a forced refresh elsewhere. */
  expireAll(): number {
    const count = this.expiresAt.size
    this.expiresAt.clear()
    this.current = undefined
    return count
  }
}

export const FAULT_PATHS = ['/sns/jscode2session', '/cgi-bin/stable_token', '/wxa/getwxacodeunlimit', '/cgi-bin/message/subscribe/send', '/wxa/msg_sec_check', '/wxa/media_check_async'] as const
export type FaultPath = (typeof FAULT_PATHS)[number]

/** Injected failures: the next `times` requests to a path answer with `errcode`. */
export class Faults {
  private readonly pending = new Map<string, { errcode: number; times: number }>()

  set(path: FaultPath, errcode: number, times: number): void {
    this.pending.set(path, { errcode, times })
  }

  take(path: string): number | undefined {
    const fault = this.pending.get(path)
    if (!fault) return undefined
    if (--fault.times <= 0) this.pending.delete(path)
    return fault.errcode
  }

  clear(): void {
    this.pending.clear()
  }
}

/** A subscribe message WeChat accepted: what the user's phone would show. */
export interface SentMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState: string
  lang: string
  /** When the stand-in accepted it (ms since the epoch). */
  at: number
}

/**
 * Every subscribe message "sent", newest last. WeChat itself keeps no count the server could
 * read; whether a user still has a subscription is answered by injecting 43101 (/dev/faults).
 */
export class SentMessages {
  private readonly messages: SentMessage[] = []

  record(message: SentMessage): void {
    this.messages.push(message)
  }

  list(openid?: string): SentMessage[] {
    return openid ? this.messages.filter((m) => m.touser === openid) : [...this.messages]
  }

  clear(): void {
    this.messages.length = 0
  }
}
