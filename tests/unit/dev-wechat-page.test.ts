import { describe, expect, it } from 'vitest'
import { renderDevWeChatPage } from '../../functions/notifications/dev-wechat-page'
import { TEMPLATES } from '../../functions/services/subscribe-templates'

describe('the local page of subscribe messages', () => {
  const message = (touser: string, at: number, title: string) => ({
    touser,
    templateId: 'local-tpl-progress',
    page: 'packages/appeal/detail/index?id=ap-1',
    data: { thing1: { value: title }, phrase2: { value: '已受理' }, character_string5: { value: 'XT-20261123-0013' } },
    at,
  })
  const html = renderDevWeChatPage({
    messages: [message('o-staff', Date.parse('2026-11-23T07:01:00Z'), '<script>alert(1)</script>'), message('o-staff', Date.parse('2026-11-23T08:00:00Z'), '第二条'), message('o-unknown', 0, '无人认领')],
    people: new Map([['o-staff', { id: 'staff-en-0001', name: '范波艳', role: 'staff' as const }]]),
    template: (id) => (id === 'local-tpl-progress' ? TEMPLATES.progress : undefined),
    h5BaseUrl: 'http://localhost:10086/',
    refreshSeconds: 3,
  })

  it('shows each person’s messages as the phone would: the template’s title, labelled fields, the time, the link', () => {
    expect(html).toContain('范波艳 <small>企业联系人 · staff-en-0001</small>')
    expect(html).toContain('<h3>诉求办理进度通知</h3>')
    expect(html).toContain('<span class="label">办理进度</span><span class="value">已受理</span>')
    expect(html).toContain('<span class="label">诉求编号</span><span class="value">XT-20261123-0013</span>')
    // The appeal's id is only in the link's address, never in what the page shows.
    expect(html.replace(/href="[^"]*"/g, '')).not.toContain('ap-1')
    expect(html).toContain('2026年11月23日 15:01')
    expect(html).toContain('href="http://localhost:10086/#/packages/appeal/detail/index?id=ap-1"')
    expect(html).toContain('<meta http-equiv="refresh" content="3">')
    // Newest first within a person.
    expect(html.indexOf('第二条')).toBeLessThan(html.indexOf('alert'))
  })

  it('escapes what the messages carry, and names an unknown recipient by openid', () => {
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(html).toContain('openid o-unknown')
  })
})
