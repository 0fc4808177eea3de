import { startWeChatStandIn } from './wechat-stand-in'

/**
 * The local mini-program's WeChat identity. The same values are the local stage's params in
 * serverless.yml, so the API and the stand-in agree without any configuration.
 */
export const LOCAL_WECHAT = { appId: 'wx-local-qinshang', appSecret: 'local-only-wechat-secret' } as const

/** The stand-in WeChat server for a local stack (npm start, tests, bench). */
export const startLocalWeChat = (port: number) => startWeChatStandIn({ port, ...LOCAL_WECHAT })
