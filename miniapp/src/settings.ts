/** Build-time settings, inlined by Taro from config/index.ts. Read them here only. */
export const API_BASE: string = (process.env.TARO_APP_API_BASE || 'http://localhost:3000').replace(/\/+$/, '')

/** The local demo login page exists only in local builds (TARO_APP_DEV_LOGIN !== 'false'). */
export const DEV_LOGIN_ENABLED: boolean = process.env.TARO_APP_DEV_LOGIN !== 'false'

export const ROUTES = {
  index: '/pages/index/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  newAppeal: '/packages/appeal/new/index',
  appealDetail: '/packages/appeal/detail/index',
} as const
