import { startWeChatStandIn } from './wechat-stand-in'

/**
 * The local mini-program's WeChat identity. The same values are the local stage's params in
 * serverless.yml, so the API and the stand-in agree without any configuration.
 */
export const LOCAL_WECHAT = { appId: 'wx-local-qinshang', appSecret: 'local-only-wechat-secret' } as const

/** The Token of the local stage's message push (WECHAT_PUSH_TOKEN in serverless.yml's local params). */
export const LOCAL_PUSH_TOKEN = 'local-only-push-token'

/** The route of the API that WeChat's message push calls (media-check verdicts). */
export const pushRouteOf = (apiUrl: string) => `${apiUrl.replace(/\/+$/, '')}/api/wechat/events`

/**
 * The stand-in WeChat server for a local stack (npm start, tests, bench); `apiUrl` is where it
 * pushes media-check verdicts, as WeChat pushes them to the URL set in the mini-program's console.
 */
export const startLocalWeChat = (port: number, apiUrl?: string) =>
  startWeChatStandIn({ port, ...LOCAL_WECHAT, pushToken: LOCAL_PUSH_TOKEN, ...(apiUrl ? { pushUrl: pushRouteOf(apiUrl) } : {}) })

/**
 * The environment that points this process's function modules at the local stand-in: the
 * delivery handler runs in-process under the local stream poller. Set it before any function
 * module is imported, since the configuration is read once.
 */
export const localWeChatEnv = (port: number) => ({
  WECHAT_API_BASE: `http://127.0.0.1:${port}`,
  WECHAT_APP_ID: LOCAL_WECHAT.appId,
  WECHAT_APP_SECRET: LOCAL_WECHAT.appSecret,
  WECHAT_MINIPROGRAM_STATE: 'developer',
  WECHAT_PUSH_TOKEN: LOCAL_PUSH_TOKEN,
})
