import * as z from 'zod'
import { NotFoundError, UpstreamUnavailableError } from '@shared/errors'
import { config } from '../lib/config'
import { fileResponse, httpHandler } from '../lib/http'
import { findUserIdByOpenid, getUser } from '../store/user.store'
import { renderDevWeChatPage, type PagePerson } from './dev-wechat-page'
import { templateById } from '../services/subscribe-templates'

const messagesSchema = z.object({
  messages: z.array(z.object({ touser: z.string(), templateId: z.string(), page: z.string(), data: z.record(z.string(), z.object({ value: z.string() })), at: z.number() })),
})

/**
 * GET /dev/wechat, local stage only (sls/functions-local.yml): what the WeChat stand-in "sent",
 * as the phones would show it. Refuses, like the demo login, wherever DEV_LOGIN is off.
 */
export const handler = httpHandler(async (request) => {
  if (!config.DEV_LOGIN) throw new NotFoundError('接口不存在')
  const openid = request.query.openid
  const reply = await fetch(`${config.WECHAT_API_BASE}/dev/messages${openid ? `?openid=${encodeURIComponent(openid)}` : ''}`).catch(() => undefined)
  const parsed = reply?.ok ? messagesSchema.safeParse(await reply.json()) : undefined
  if (!parsed?.success) throw new UpstreamUnavailableError('本地微信替身没有应答')
  const { messages } = parsed.data
  const people = new Map<string, PagePerson>()
  for (const touser of new Set(messages.map((m) => m.touser))) {
    const userId = await findUserIdByOpenid(touser)
    const user = userId ? await getUser(userId) : undefined
    if (user) people.set(touser, { id: user.id, name: user.name, role: user.role })
  }
  const html = renderDevWeChatPage({ messages, people, template: (id) => templateById(id, config), h5BaseUrl: config.H5_BASE_URL, refreshSeconds: 3 })
  return fileResponse({ contentType: 'text/html; charset=utf-8', content: Buffer.from(html, 'utf8') })
})
