import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest'
import { appeal, card, CARD_ID, fakeApi, staffUser } from './support/api-fixtures'
import { MiniProgram } from './support/simulate'
import { PRIVACY_VERSION } from '@shared/domain/privacy'

/*
 * Real pages of the release build, run by their own scripts (Taro, React, our code, zod) against a
 * stubbed wx, rendered through WeChat's template compiler and component engine
 * (miniprogram-simulate), with `Function` refused to the build's code as WeChat refuses it.
 */

const dir = inject('weappDir')
let running: MiniProgram | undefined
afterEach(() => running?.close())

function start(route: string, query: Record<string, string> = {}, signedIn = false) {
  const api = fakeApi()
  const mp = new MiniProgram(dir, api.routes)
  running = mp
  if (signedIn) {
    mp.storage.set('qs.session.token', 'simulated-token')
    mp.storage.set('qs.session.refresh', 'simulated-refresh-token-0123456789')
    mp.storage.set('qs.session.user', staffUser)
    mp.storage.set('qs.privacy.consent', { version: PRIVACY_VERSION, at: '2026-12-01T01:00:00.000Z' })
  }
  mp.launch(route, query)
  return { mp, api }
}

describe('a first scan: card → 提诉求 → WeChat login → who you are → the appeal form', () => {
  it('walks from the printed code to the form, signing in through wx.login', async () => {
    const { mp, api } = start('pages/card/index', { scene: CARD_ID })
    const page = await mp.open('pages/card/index', { scene: CARD_ID })
    await page.waitForText(card.enterprise.name)
    expect(page.text()).toContain('徐慧萍')
    expect(page.text()).toContain('电话 0731-5555 0007（点击拨打）')
    expect(page.text()).toContain('办理中的诉求')
    expect(mp.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET https://api.qinshang.example.cn/api/cards/${CARD_ID}`])

    page.tap('card-file-appeal')
    // The privacy guide comes first: nothing is sent to WeChat or the API before the visitor agrees.
    await page.waitForText('登录前，请阅读并同意')
    expect(mp.callsOf('login')).toEqual([])
    page.trigger('privacy-agree', 'agreeprivacyauthorization')
    await page.waitForText('请先告诉专员您是谁')
    expect(mp.callsOf('login')).toHaveLength(1)
    expect(api.consents).toEqual([{ version: expect.any(String) }])
    const login = mp.requests.find((r) => r.path === '/api/auth/wechat')
    expect(login?.data).toEqual({ code: 'simulated-login-code' })
    expect(mp.storage.get('qs.session.token')).toBe('simulated-token')

    // A name is required before anything is sent.
    page.tap('join-submit')
    await page.waitForText('请填写您的姓名')
    expect(api.bindBodies).toEqual([])

    page.type('#join-name .input', '张伟')
    const beforeJoin = mp.calls.length
    page.tap('join-submit')
    const nav = await mp.navigation(beforeJoin)
    expect(api.bindBodies).toEqual([{ name: '张伟', phone: undefined }])
    expect(nav).toEqual({ api: 'navigateTo', route: 'packages/appeal/new/index', query: { enterpriseId: 'en-0001' } })

    const form = await mp.open(nav.route, nav.query)
    await form.waitForText('提交诉求')
    expect(form.text()).toContain(card.enterprise.name)
    expect(form.text()).toContain('用电')
    expect(form.text()).toContain('0/40')
    expect(mp.functionUses).toEqual([])
  })

  it('says so when the code leads to no card', async () => {
    const { mp } = start('pages/card/index', { scene: 'not-a-card' })
    const page = await mp.open('pages/card/index', { scene: 'not-a-card' })
    await page.waitForText('联系卡无效或已停用')
    expect(mp.requests).toEqual([])
  })
})

describe('a signed-in enterprise member: home, an appeal, the inbox', () => {
  it('lists the appeals, opens one with its timeline, and shows the inbox', async () => {
    const { mp } = start('pages/index/index', {}, true)
    const home = await mp.open('pages/index/index')
    await home.waitForText(appeal.title)
    expect(home.text()).toContain('办理中')
    expect(home.text()).toContain('承办：徐慧萍')
    // The bell counts the unread notification.
    expect(home.text()).toContain('1消息')
    expect(mp.requests.find((r) => r.path === '/api/appeals')?.header.Authorization).toBe('Bearer simulated-token')

    const beforeTap = mp.calls.length
    home.tap(`appeal-${appeal.id}`)
    const nav = await mp.navigation(beforeTap)
    expect(nav).toEqual({ api: 'navigateTo', route: 'packages/appeal/detail/index', query: { id: appeal.id } })
    const detail = await mp.open(nav.route, nav.query)
    await detail.waitForText('已受理，正在协调供电公司排期')
    expect(detail.text()).toContain('XT-20261201-0001')
    expect(detail.text()).toContain('办理过程')
    expect(detail.text()).toContain('专员受理')

    const inbox = await mp.open('packages/inbox/list/index')
    await inbox.waitForText('诉求已受理')
    expect(inbox.text()).toContain('1 条未读')
    expect(inbox.text()).toContain('您的诉求「新厂房 10kV 线路接电」已由徐慧萍受理。')
    expect(mp.functionUses).toEqual([])
  })
})

describe('the harness', () => {
  const fake = mkdtempSync(join(tmpdir(), 'qinshang-weapp-fake-'))
  afterAll(() => rmSync(fake, { recursive: true, force: true }))

  it('refuses Function to the build’s code, as WeChat does (the check can fail)', () => {
    writeFileSync(join(fake, 'app.js'), 'App({ onLaunch: function () { try { new Function("return 1") } catch (e) { this.refused = e.name } } })')
    const mp = new MiniProgram(fake, [])
    running = mp
    mp.launch('pages/index/index')
    expect(mp.functionUses).toHaveLength(1)
    expect(mp.functionUses[0]).toContain('new Function')
    // The harness's own code may still use it.
    expect(new Function('return 2')()).toBe(2)
  })
})
