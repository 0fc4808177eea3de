import { UpstreamUnavailableError } from '@shared/errors'
import { config } from '../lib/config'
import { createHttpWeChatClient, type WeChatClient } from './wechat-client'

let client: WeChatClient | undefined

/**
 * The container's WeChat client, made on first use so that routes which never call WeChat do not
 * need its credentials. Its access token is cached for the container's life.
 */
export function wechatClient(): WeChatClient {
  if (!config.WECHAT_APP_ID || !config.WECHAT_APP_SECRET) throw new UpstreamUnavailableError('微信登录尚未配置，请联系管理员')
  client ??= createHttpWeChatClient({ baseUrl: config.WECHAT_API_BASE, appId: config.WECHAT_APP_ID, appSecret: config.WECHAT_APP_SECRET })
  return client
}
