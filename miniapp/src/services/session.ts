import Taro from '@tarojs/taro'
import { userSchema, type User } from '@shared/schemas/user.schema'

/**
 * The signed-in session: token and user, persisted so that a restart keeps the login.
 * Only the session lives in storage; pages keep their UI state in React.
 */
const TOKEN_KEY = 'qs.session.token'
const REFRESH_KEY = 'qs.session.refresh'
const USER_KEY = 'qs.session.user'

export interface Session {
  token: string
  /** Spent once to get a new token when this one expires. */
  refreshToken: string
  user: User
}

let cached: Session | null | undefined

function read(): Session | null {
  try {
    const token: unknown = Taro.getStorageSync(TOKEN_KEY)
    const refreshToken: unknown = Taro.getStorageSync(REFRESH_KEY)
    // A user stored by an older build may no longer match the schema: treat it as signed out.
    const user = userSchema.safeParse(Taro.getStorageSync(USER_KEY))
    if (typeof token === 'string' && token && typeof refreshToken === 'string' && user.success) return { token, refreshToken, user: user.data }
  } catch {
    // Unreadable storage counts as signed out.
  }
  return null
}

export function getSession(): Session | null {
  if (cached === undefined) cached = read()
  return cached
}

export const getToken = (): string | null => getSession()?.token ?? null
export const getUser = (): User | null => getSession()?.user ?? null

export function saveSession(session: Session): void {
  cached = session
  Taro.setStorageSync(TOKEN_KEY, session.token)
  Taro.setStorageSync(REFRESH_KEY, session.refreshToken)
  Taro.setStorageSync(USER_KEY, session.user)
}

/** Replaces the stored user (e.g. after GET /api/me) and keeps the token. */
export function updateUser(user: User): void {
  const current = getSession()
  if (current) saveSession({ ...current, user })
}

export function clearSession(): void {
  cached = null
  Taro.removeStorageSync(TOKEN_KEY)
  Taro.removeStorageSync(REFRESH_KEY)
  Taro.removeStorageSync(USER_KEY)
}
