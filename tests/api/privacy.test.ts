import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { DELETED_USER_NAME, PRIVACY_VERSION } from '@shared/domain/privacy'
import { areaCardsSchema } from '@shared/schemas/card.schema'
import { loginResponseSchema, personalDataSchema } from '@shared/schemas/user.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

/**
 * Personal data over HTTP: consent recorded, 我的个人信息, the filer's phone in full only for the
 * officials who handle the appeal, and 注销账号 — refused to officials, and for a member the end of
 * their sessions and identity while their appeal stays with the enterprise. The member joins
 * en-0003 (湘潭高新区, served by sp-004), which no other suite's people join.
 */
const api = apiClient(inject('apiUrl'))
const ENTERPRISE = 'en-0003'
const PHONE = '13912340003'

async function weChatSession(device: string) {
  const code = ((await (await fetch(`${inject('wechatUrl')}/dev/login-code`, { method: 'POST', body: JSON.stringify({ deviceId: device }) })).json()) as { code: string }).code
  const reply = await api.call('POST', '/api/auth/wechat', { body: { code } })
  expect(reply.status).toBe(200)
  return loginResponseSchema.parse(reply.body)
}

const tokens: Record<string, string> = {}
const device = `privacy-${randomUUID().slice(0, 8)}`
let member: Awaited<ReturnType<typeof weChatSession>>
let appealId = ''
let colleagueTitle = ''

beforeAll(async () => {
  for (const as of ['sp-004', 'sp-001', 'sp-007', 'dh-001', 'th-001', 'ad-xt-hitech', 'ad-yuhu', 'ad-city', `staff:${ENTERPRISE}`]) tokens[as] = await api.login(as)
  member = await weChatSession(device)
  const cards = areaCardsSchema.parse((await api.call('GET', '/api/areas/xt-hitech/cards', { token: tokens['ad-city'] })).body).cards
  const card = cards.find((c) => c.enterprise.id === ENTERPRISE)!
  const bind = await api.call('POST', `/api/cards/${card.id}/bind`, { token: member.token, body: { name: '隐私测试员', phone: PHONE } })
  expect(bind.status).toBeLessThan(300)
  const filed = await api.call('POST', '/api/appeals', {
    token: member.token,
    headers: { 'idempotency-key': `privacy-${randomUUID()}` },
    body: { enterpriseId: ENTERPRISE, categoryId: 'power', title: '隐私测试：新线路接电', description: '新厂房需要接入 10kV 线路' },
  })
  expect(filed.status).toBe(201)
  appealId = filed.body.appeal.id
  colleagueTitle = `同事的诉求 ${randomUUID().slice(0, 6)}`
  const colleague = await api.call('POST', '/api/appeals', {
    token: tokens[`staff:${ENTERPRISE}`],
    headers: { 'idempotency-key': `privacy-${randomUUID()}` },
    body: { enterpriseId: ENTERPRISE, categoryId: 'water', title: colleagueTitle, description: '厂区供水压力不足，影响生产' },
  })
  expect(colleague.status).toBe(201)
}, 60_000)

describe('POST /api/me/privacy-consent', () => {
  it('records the version in force with its time on the user', async () => {
    const reply = await api.call('POST', '/api/me/privacy-consent', { token: member.token, body: { version: PRIVACY_VERSION } })
    expect(reply.status).toBe(200)
    expect(reply.body.user.privacyConsent.version).toBe(PRIVACY_VERSION)
    expect(Date.parse(reply.body.user.privacyConsent.at)).not.toBeNaN()
    const me = await api.call('GET', '/api/me', { token: member.token })
    expect(me.body.user.privacyConsent).toEqual(reply.body.user.privacyConsent)
  })

  it('refuses another version with a field message, and a caller without a session', async () => {
    const stale = expectError(await api.call('POST', '/api/me/privacy-consent', { token: member.token, body: { version: '2020-01-01' } }), 400, 'VALIDATION_FAILED')
    expect(stale.fields?.version).toContain('已更新')
    expectError(await api.call('POST', '/api/me/privacy-consent', { body: { version: PRIVACY_VERSION } }), 401, 'UNAUTHENTICATED')
  })
})

describe('GET /api/me/data', () => {
  it('shows the caller’s own profile, binding, consent and appeals — and nobody else’s', async () => {
    const reply = await api.call('GET', '/api/me/data', { token: member.token })
    expect(reply.status).toBe(200)
    const data = personalDataSchema.parse(reply.body)
    expect(data.profile).toMatchObject({ id: member.user.id, name: '隐私测试员', role: 'staff', phone: PHONE, wechatLinked: true })
    expect(data.bindings).toEqual([expect.objectContaining({ enterpriseId: ENTERPRISE, status: 'pending', phone: PHONE })])
    expect(data.consents.map((c) => c.version)).toEqual([PRIVACY_VERSION])
    expect(data.appeals.map((a) => a.id)).toEqual([appealId])
    expect(data.appeals[0]?.title).toBe('隐私测试：新线路接电')
    const text = JSON.stringify(reply.body)
    expect(text).not.toContain(colleagueTitle)
    expect(text).not.toContain('openid')
  })

  it('needs a session', async () => {
    expectError(await api.call('GET', '/api/me/data'), 401, 'UNAUTHENTICATED')
  })
})

describe('the filer’s phone, per caller', () => {
  it('is in full for the owner and the admins, masked for colleagues and co-handlers, hidden with the appeal for others', async () => {
    for (const as of ['sp-004', 'ad-xt-hitech', 'ad-city']) {
      const reply = await api.call('GET', `/api/appeals/${appealId}`, { token: tokens[as] })
      expect(reply.body.filer, as).toEqual({ name: '隐私测试员', phone: PHONE, phoneMasked: false })
    }
    for (const as of [`staff:${ENTERPRISE}`, 'dh-001', 'th-001']) {
      const reply = await api.call('GET', `/api/appeals/${appealId}`, { token: tokens[as] })
      expect(reply.body.filer, as).toEqual({ name: '隐私测试员', phone: '139****0003', phoneMasked: true })
      expect(JSON.stringify(reply.body), as).not.toContain(PHONE)
    }
    for (const as of ['sp-001', 'sp-007', 'ad-yuhu']) expectError(await api.call('GET', `/api/appeals/${appealId}`, { token: tokens[as] }), 404, 'NOT_FOUND')
  })

  it('is in full in the enterprise’s people for its specialist, masked for a colleague', async () => {
    const bySpecialist = await api.call('GET', `/api/enterprises/${ENTERPRISE}/staff`, { token: tokens['sp-004'] })
    expect(bySpecialist.body.items.find((m: { userId: string }) => m.userId === member.user.id)?.phone).toBe(PHONE)
    const byColleague = await api.call('GET', `/api/enterprises/${ENTERPRISE}/staff`, { token: tokens[`staff:${ENTERPRISE}`] })
    expect(byColleague.body.items.find((m: { userId: string }) => m.userId === member.user.id)?.phone).toBe('139****0003')
  })
})

describe('DELETE /api/me', () => {
  it('is refused to every official: their accounts belong to the roster', async () => {
    for (const as of ['sp-007', 'dh-001', 'th-001', 'ad-xt-hitech', 'ad-city']) {
      expectError(await api.call('DELETE', '/api/me', { token: tokens[as], body: { confirm: '注销账号' } }), 403, 'FORBIDDEN')
    }
    expect((await api.call('GET', '/api/me', { token: tokens['sp-007'] })).status).toBe(200)
  })

  it('asks for the confirming words', async () => {
    const error = expectError(await api.call('DELETE', '/api/me', { token: member.token, body: { confirm: '好的' } }), 400, 'VALIDATION_FAILED')
    expect(error.fields?.confirm).toContain('注销账号')
    expect((await api.call('GET', '/api/me', { token: member.token })).status).toBe(200)
  })

  it('deletes the member: sessions and identity gone, the appeal kept by the enterprise under 已注销用户', async () => {
    const reply = await api.call('DELETE', '/api/me', { token: member.token, body: { confirm: '注销账号' } })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ deleted: true, appealsKept: 1 })

    expectError(await api.call('GET', '/api/me', { token: member.token }), 401, 'UNAUTHENTICATED')
    expectError(await api.call('GET', '/api/me/data', { token: member.token }), 401, 'UNAUTHENTICATED')
    expectError(await api.call('POST', '/api/auth/refresh', { body: { refreshToken: member.refreshToken } }), 401, 'UNAUTHENTICATED')

    const seen = await api.call('GET', `/api/appeals/${appealId}`, { token: tokens['sp-004'] })
    expect(seen.status).toBe(200)
    expect(seen.body.appeal).toMatchObject({ enterpriseId: ENTERPRISE, filedBy: { name: DELETED_USER_NAME } })
    expect(seen.body.filer).toEqual({ name: DELETED_USER_NAME, phone: '', phoneMasked: true, deleted: true })
    expect(JSON.stringify(seen.body)).not.toContain('隐私测试员')
    const people = await api.call('GET', `/api/enterprises/${ENTERPRISE}/staff`, { token: tokens['sp-004'] })
    expect(people.body.items.some((m: { userId: string }) => m.userId === member.user.id)).toBe(false)

    // The same WeChat comes back as a stranger: a new account, bound to nothing.
    const again = await weChatSession(device)
    expect(again.user.id).not.toBe(member.user.id)
    expect(again.user.bindings ?? []).toEqual([])
  })
})
