/// <reference types="@tarojs/taro" />

declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** 'weapp' | 'h5', set by Taro at build time. */
    TARO_ENV: 'weapp' | 'h5' | string
    /** API base URL, injected by config/index.ts. */
    TARO_APP_API_BASE: string
    /** 'false' removes the local demo login page. */
    TARO_APP_DEV_LOGIN: 'true' | 'false'
    TARO_APP_WECHAT_STAND_IN: string
  }
}
