import { fitTime } from '@shared/domain/subscribe-fields'
import { ROLE_LABEL } from '@shared/labels'
import type { TemplateDefinition } from '../services/subscribe-templates'

/**
 * The local page /dev/wechat: the subscribe messages the WeChat stand-in accepted, grouped by the
 * person whose phone would show them, each drawn as WeChat draws a service notification (the
 * template's title, its fields, the time, and "进入小程序查看" opening the deep link in the h5
 * build). Pure: the handler gathers the messages, the people and the templates.
 */
export interface PageMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  at: number
}

export interface PagePerson {
  name: string
  role: keyof typeof ROLE_LABEL
  id: string
}

export interface DevWeChatPageInput {
  messages: readonly PageMessage[]
  people: ReadonlyMap<string, PagePerson>
  template: (templateId: string) => TemplateDefinition | undefined
  h5BaseUrl: string
  refreshSeconds: number
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function card(message: PageMessage, input: DevWeChatPageInput): string {
  const template = input.template(message.templateId)
  const rows = Object.entries(message.data).map(([key, { value }]) => {
    const label = template?.fields.find((f) => f.key === key)?.label ?? key
    return `<div class="row"><span class="label">${escape(label)}</span><span class="value">${escape(value)}</span></div>`
  })
  const link = `${input.h5BaseUrl.replace(/\/+$/, '')}/#/${message.page}`
  return `<article class="card">
  <header><span class="app">亲商直通</span><time>${escape(fitTime(new Date(message.at).toISOString()))}</time></header>
  <h3>${escape(template?.name ?? `模板 ${message.templateId}`)}</h3>
  ${rows.join('\n  ')}
  <a class="open" href="${escape(link)}" target="_blank">进入小程序查看 ›</a>
</article>`
}

export function renderDevWeChatPage(input: DevWeChatPageInput): string {
  const byUser = new Map<string, PageMessage[]>()
  for (const m of [...input.messages].sort((a, b) => b.at - a.at)) byUser.set(m.touser, [...(byUser.get(m.touser) ?? []), m])
  const phones = [...byUser].map(([openid, messages]) => {
    const person = input.people.get(openid)
    const who = person ? `${escape(person.name)} <small>${escape(ROLE_LABEL[person.role])} · ${escape(person.id)}</small>` : `<small>openid ${escape(openid)}</small>`
    return `<section class="phone"><h2>${who}</h2><p class="count">服务通知 ${messages.length} 条</p>${messages.map((m) => card(m, input)).join('\n')}</section>`
  })
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${input.refreshSeconds}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>微信订阅消息（本地）</title>
<style>
body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#ededed;margin:0;padding:16px;color:#191919}
h1{font-size:18px;margin:0 0 4px}.hint{color:#888;font-size:13px;margin:0 0 16px}
main{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.phone{width:340px;background:#f7f7f7;border-radius:24px;padding:16px;box-shadow:0 2px 12px #0002}
.phone h2{font-size:15px;margin:0}.phone small{color:#888;font-weight:normal}.count{color:#888;font-size:12px;margin:2px 0 10px}
.card{background:#fff;border-radius:8px;padding:12px 14px;margin-bottom:10px}
.card header{display:flex;justify-content:space-between;color:#888;font-size:12px}
.card h3{font-size:16px;margin:6px 0 10px}.row{display:flex;font-size:14px;line-height:1.7}
.label{color:#888;width:5.5em;flex:none}.value{word-break:break-all}
.open{display:block;border-top:1px solid #eee;margin-top:10px;padding-top:8px;color:#576b95;text-decoration:none;font-size:14px}
.empty{color:#888}
</style></head><body>
<h1>微信订阅消息（本地替身）</h1>
<p class="hint">本地微信替身“发出”的每一条订阅消息，按接收人分组；每 ${input.refreshSeconds} 秒刷新。只有订阅过的模板才会推送：先在小程序里订阅，或 POST /api/subscriptions。</p>
<main>${phones.length > 0 ? phones.join('\n') : '<p class="empty">还没有发出任何订阅消息。</p>'}</main>
</body></html>`
}
