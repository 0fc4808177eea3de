import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { appealDetailSchema, appealPageSchema, appealResponseSchema } from '@shared/schemas/appeal.schema'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { notificationPageSchema, subscriptionsSchema, unreadCountSchema } from '@shared/schemas/notification.schema'
import { loginResponseSchema } from '@shared/schemas/user.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

const api = apiClient(inject('apiUrl'))
const body = { enterpriseId: 'en-0001', categoryId: 'power', title: '新线路接电', description: '新厂房需要接入 10kV 线路，已等三周' }
const key = () => `k-${randomUUID()}`

let staff: string
let otherStaff: string
let specialist: string
let otherSpecialist: string
let admin: string

async function file(token = staff, payload: object = body) {
  const reply = await api.call('POST', '/api/appeals', { token, body: payload, headers: { 'Idempotency-Key': key() } })
  expect(reply.status).toBe(201)
  return appealResponseSchema.parse(reply.body).appeal
}

beforeAll(async () => {
  ;[staff, otherStaff, specialist, otherSpecialist, admin] = (await Promise.all(
    ['staff:en-0001', 'staff:en-0002', 'sp-007', 'sp-001', 'ad-xt-hitech'].map((as) => api.login(as)),
  )) as [string, string, string, string, string]
})

describe('POST /api/auth/dev-login', () => {
  it('logs in a staff member bound to the enterprise', async () => {
    const reply = await api.call('POST', '/api/auth/dev-login', { body: { as: 'staff:en-0001' } })
    expect(reply.status).toBe(200)
    const { user } = loginResponseSchema.parse(reply.body)
    expect(user).toMatchObject({ role: 'staff', bindings: [{ enterpriseId: 'en-0001', status: 'approved' }] })
  })

  it('logs in officials by their demo id', async () => {
    for (const [as, role] of [['sp-001', 'specialist'], ['dh-001', 'department_handler'], ['ad-city', 'city_admin']] as const) {
      const reply = await api.call('POST', '/api/auth/dev-login', { body: { as } })
      expect(reply.status).toBe(200)
      expect(reply.body.user.role).toBe(role)
    }
  })

  it('rejects an unknown identity with a field message', async () => {
    const error = expectError(await api.call('POST', '/api/auth/dev-login', { body: { as: 'sp-999' } }), 400, 'VALIDATION_FAILED')
    expect(error.fields).toHaveProperty('as')
    expectError(await api.call('POST', '/api/auth/dev-login', { body: { as: 'staff:en-9999' } }), 400, 'VALIDATION_FAILED')
  })
})

describe('POST /api/appeals', () => {
  it('files and routes an appeal: 201 with id, status, owner, version and due date', async () => {
    const reply = await api.call('POST', '/api/appeals', { token: staff, body, headers: { 'Idempotency-Key': key() } })
    expect(reply.status).toBe(201)
    const { appeal } = appealResponseSchema.parse(reply.body)
    expect(appeal).toMatchObject({ status: 'assigned', ownerId: 'sp-007', version: 1, enterpriseId: 'en-0001' })
    expect(Date.parse(appeal.dueAt)).toBeGreaterThan(Date.parse(appeal.createdAt))
  })

  it('returns the same appeal for a repeated key, also when both arrive at once, storing one', async () => {
    const idem = key()
    const before = await api.call('GET', '/api/appeals?limit=50', { token: specialist })
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => api.call('POST', '/api/appeals', { token: staff, body, headers: { 'Idempotency-Key': idem } })),
    )
    for (const r of replies) expect([200, 201]).toContain(r.status)
    expect(new Set(replies.map((r) => r.body.appeal.id)).size).toBe(1)
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1)
    const later = await api.call('POST', '/api/appeals', { token: staff, body, headers: { 'Idempotency-Key': idem } })
    expect(later.status).toBe(200)
    expect(later.body.appeal.id).toBe(replies[0]!.body.appeal.id)
    const after = await api.call('GET', '/api/appeals?limit=50', { token: specialist })
    expect(after.body.items.length).toBe(before.body.items.length + 1)
  })

  it('refuses the same key with a different body (422)', async () => {
    const idem = key()
    await api.call('POST', '/api/appeals', { token: staff, body, headers: { 'Idempotency-Key': idem } })
    expectError(await api.call('POST', '/api/appeals', { token: staff, body: { ...body, title: '另一件事' }, headers: { 'Idempotency-Key': idem } }), 422, 'IDEMPOTENCY_KEY_REUSED')
  })

  it('requires an Idempotency-Key', async () => {
    const error = expectError(await api.call('POST', '/api/appeals', { token: staff, body }), 400, 'VALIDATION_FAILED')
    expect(error.fields).toHaveProperty('idempotency-key')
  })

  it('answers bad bodies with 400 and Chinese field messages, never 500', async () => {
    const error = expectError(
      await api.call('POST', '/api/appeals', { token: staff, body: { enterpriseId: 'en-0001', categoryId: 'power', title: '电', status: 'closed' }, headers: { 'Idempotency-Key': key() } }),
      400,
      'VALIDATION_FAILED',
    )
    expect(error.fields).toMatchObject({ title: '标题至少 2 个字', description: '请填写诉求内容', status: '不允许的字段' })
    expectError(await api.call('POST', '/api/appeals', { token: staff, raw: '{"title": ', headers: { 'Idempotency-Key': key() } }), 400, 'INVALID_JSON')
    expectError(await api.call('POST', '/api/appeals', { token: staff, body: [1, 2], headers: { 'Idempotency-Key': key() } }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('POST', '/api/appeals', { token: staff, headers: { 'Idempotency-Key': key() } }), 400, 'VALIDATION_FAILED')
    const category = expectError(await api.call('POST', '/api/appeals', { token: staff, body: { ...body, categoryId: 'no-such' }, headers: { 'Idempotency-Key': key() } }), 400, 'VALIDATION_FAILED')
    expect(category.fields).toHaveProperty('categoryId')
  })

  it('answers 404 for an enterprise the caller is not bound to', async () => {
    expectError(await api.call('POST', '/api/appeals', { token: otherStaff, body, headers: { 'Idempotency-Key': key() } }), 404, 'NOT_FOUND')
    expectError(await api.call('POST', '/api/appeals', { token: specialist, body, headers: { 'Idempotency-Key': key() } }), 404, 'NOT_FOUND')
  })

  it('requires a valid token', async () => {
    expectError(await api.call('POST', '/api/appeals', { body, headers: { 'Idempotency-Key': key() } }), 401, 'UNAUTHENTICATED')
    expectError(await api.call('GET', '/api/appeals', { token: `${staff}x` }), 401, 'UNAUTHENTICATED')
  })
})

describe('GET /api/appeals and /api/appeals/{id}', () => {
  it('lists what the caller may see, newest first, paginated by cursor', async () => {
    const mine = [await file(), await file(), await file()]
    const first = await api.call('GET', '/api/appeals?limit=2', { token: staff })
    expect(first.status).toBe(200)
    const page = appealPageSchema.parse(first.body)
    expect(page.items.map((a) => a.id)).toEqual([mine[2]!.id, mine[1]!.id])
    expect(page.cursor).toEqual(expect.any(String))
    const second = appealPageSchema.parse((await api.call('GET', `/api/appeals?limit=2&cursor=${encodeURIComponent(page.cursor!)}`, { token: staff })).body)
    expect(second.items[0]!.id).toBe(mine[0]!.id)
    const others = appealPageSchema.parse((await api.call('GET', '/api/appeals?limit=50', { token: otherStaff })).body)
    expect(others.items.some((a) => a.enterpriseId === 'en-0001')).toBe(false)
  })

  it('rejects bad list parameters with 400', async () => {
    expectError(await api.call('GET', '/api/appeals?limit=0', { token: staff }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('GET', '/api/appeals?status=finished', { token: staff }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('GET', '/api/appeals?cursor=garbage', { token: staff }), 400, 'VALIDATION_FAILED')
  })

  it('returns the appeal with its timeline and the caller’s allowed actions', async () => {
    const appeal = await file()
    const reply = await api.call('GET', `/api/appeals/${appeal.id}`, { token: specialist })
    expect(reply.status).toBe(200)
    const detail = appealDetailSchema.parse(reply.body)
    expect(detail.appeal.id).toBe(appeal.id)
    expect(detail.events).toMatchObject([{ type: 'submit', seq: 1, to: 'assigned' }])
    expect(detail.allowedActions).toEqual(['accept', 'note', 'co-handle', 'transfer', 'escalate', 'set-measure'])
  })

  it('answers 404 across enterprises and portfolios', async () => {
    const appeal = await file()
    expectError(await api.call('GET', `/api/appeals/${appeal.id}`, { token: otherStaff }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', `/api/appeals/${appeal.id}`, { token: otherSpecialist }), 404, 'NOT_FOUND')
    expectError(await api.call('POST', `/api/appeals/${appeal.id}/actions`, { token: otherStaff, body: { type: 'withdraw', reason: '不需要了' } }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', '/api/appeals/ap-01kzzzzzzzzzzzzzzzzzzzzzzz', { token: staff }), 404, 'NOT_FOUND')
    expect((await api.call('GET', `/api/appeals/${appeal.id}`, { token: admin })).status).toBe(200)
  })
})

describe('POST /api/appeals/{id}/actions', () => {
  it('runs accept → note → respond → evaluate to closed', async () => {
    const appeal = await file()
    const act = (token: string, action: object) => api.call('POST', `/api/appeals/${appeal.id}/actions`, { token, body: action })
    expect((await act(specialist, { type: 'accept', expectedVersion: 1 })).body.appeal).toMatchObject({ status: 'in_progress', version: 2 })
    expect((await act(specialist, { type: 'note', message: '已约现场勘察', expectedVersion: 2 })).status).toBe(200)
    // The routed co-handlers have not replied yet: answering first needs a stated reason.
    const unexplained = expectError(await act(specialist, { type: 'respond', outcome: 'resolved', message: '线路已接通', expectedVersion: 3 }), 400, 'VALIDATION_FAILED')
    expect(unexplained.fields).toHaveProperty('openTaskReason')
    const responded = await act(specialist, { type: 'respond', outcome: 'resolved', message: '线路已接通', openTaskReason: '线路已接通，协办单位无需再办', expectedVersion: 3 })
    expect(responded.body.appeal.status).toBe('responded')
    const closed = await act(staff, { type: 'evaluate', rating: 'satisfied', comment: '很及时', expectedVersion: 4 })
    expect(closed.status).toBe(200)
    expect(appealResponseSchema.parse(closed.body).appeal).toMatchObject({ status: 'closed', version: 5, evaluation: { rating: 'satisfied' } })
    const detail = appealDetailSchema.parse((await api.call('GET', `/api/appeals/${appeal.id}`, { token: staff })).body)
    expect(detail.events.map((e) => e.type)).toEqual(['submit', 'accept', 'note', 'respond', 'evaluate'])
  })

  it('answers 409 to an invalid transition and to a stale version', async () => {
    const appeal = await file()
    const act = (token: string, action: object) => api.call('POST', `/api/appeals/${appeal.id}/actions`, { token, body: action })
    expectError(await act(specialist, { type: 'respond', outcome: 'resolved', message: '还没受理就答复' }), 409, 'INVALID_TRANSITION')
    await act(specialist, { type: 'accept' })
    expectError(await act(specialist, { type: 'note', message: '旧版本', expectedVersion: 1 }), 409, 'VERSION_CONFLICT')
    expectError(await act(staff, { type: 'withdraw', reason: '受理后撤回' }), 409, 'INVALID_TRANSITION')
  })

  it('answers 403 to a visible appeal acted on by the wrong party, and 400 to bad actions', async () => {
    const appeal = await file()
    const act = (token: string, action: object) => api.call('POST', `/api/appeals/${appeal.id}/actions`, { token, body: action })
    expectError(await act(staff, { type: 'accept' }), 403, 'FORBIDDEN')
    const bad = expectError(await act(specialist, { type: 'respond', outcome: 'maybe' }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['message', 'outcome'])
    expectError(await act(specialist, { type: 'close' }), 400, 'VALIDATION_FAILED')
    expectError(await act(specialist, { type: 'accept', status: 'closed' }), 400, 'VALIDATION_FAILED')
  })

  it('lets staff withdraw an appeal not yet accepted', async () => {
    const appeal = await file()
    const reply = await api.call('POST', `/api/appeals/${appeal.id}/actions`, { token: staff, body: { type: 'withdraw', reason: '问题已自行解决' } })
    expect(reply.body.appeal).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '问题已自行解决' } })
  })
})

describe('the rest of the surface', () => {
  it('serves an OpenAPI 3 document generated from the schemas', async () => {
    const reply = await api.call('GET', '/api/openapi.json')
    expect(reply.status).toBe(200)
    expect(reply.body.openapi).toMatch(/^3\./)
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining(['/api/appeals', '/api/appeals/{id}', '/api/appeals/{id}/actions', '/api/auth/dev-login']),
    )
    expect(reply.body.components.schemas).toHaveProperty('Appeal')
    expect(reply.body.components.schemas.SubmitAppealRequest.required).toEqual(expect.arrayContaining(['enterpriseId', 'categoryId', 'title', 'description']))
  })

  it('serves the catalog and the caller', async () => {
    const catalog = await api.call('GET', '/api/catalog', { token: staff })
    expect(catalog.body.categories).toHaveLength(14)
    expect(catalog.body.categories[0]).toMatchObject({ id: 'power', name: '用电' })
    const me = await api.call('GET', '/api/me', { token: specialist })
    expect(me.body.user).toMatchObject({ id: 'sp-007', role: 'specialist' })
    expect(me.body.user).not.toHaveProperty('phone')
  })

  it('answers CORS preflights for the h5 app, Idempotency-Key included', async () => {
    const response = await fetch(`${inject('apiUrl')}/api/appeals`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:10086', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key' },
    })
    expect(response.status).toBeLessThan(300)
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key')
  })
})

describe('cards, WeChat sign-in and the roster', () => {
  const loginCode = async (deviceId: string) =>
    ((await (await fetch(`${inject('wechatUrl')}/dev/login-code`, { method: 'POST', body: JSON.stringify({ deviceId }) })).json()) as { code: string }).code

  it('signs in with WeChat, binds by card, and refreshes the session once', async () => {
    const cards = await api.call('GET', '/api/areas/xt-hitech/cards', { token: admin })
    expect(cards.status).toBe(200)
    const card = cards.body.cards[0]
    const view = await api.call('GET', `/api/cards/${card.id}`)
    expect(view.status).toBe(200)
    expect(view.body).toMatchObject({ id: card.id, enterprise: { id: card.enterprise.id } })

    const login = await api.call('POST', '/api/auth/wechat', { body: { code: await loginCode('contract-phone') } })
    expect(login.status).toBe(200)
    const session = loginResponseSchema.parse(login.body)
    const nameless = await api.call('POST', `/api/cards/${card.id}/bind`, { token: session.token, body: { phone: '123' } })
    expect(nameless.status).toBe(400)
    expect(Object.keys(nameless.body.error.fields).sort()).toEqual(['name', 'phone'])
    const bound = await api.call('POST', `/api/cards/${card.id}/bind`, { token: session.token, body: { name: '合同测试', phone: '' } })
    expect(bound.body).toEqual({ binding: { enterpriseId: card.enterprise.id, enterpriseName: card.enterprise.name, status: 'pending' } })

    const refreshed = await api.call('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.user).toMatchObject({ name: '合同测试', bindings: [bound.body.binding] })
    const replay = await api.call('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })
    expect(replay.status).toBe(401)
  })

  it('answers bad WeChat codes and bad card ids with 4xx and Chinese messages', async () => {
    const badCode = await api.call('POST', '/api/auth/wechat', { body: { code: 'not-a-code' } })
    expect(badCode.status).toBe(400)
    expect(badCode.body.error.code).toBe('WECHAT_CODE_INVALID')
    expect((await api.call('POST', '/api/auth/wechat', { body: {} })).body.error.fields).toHaveProperty('code')
    const badCard = await api.call('GET', '/api/cards/not-a-card')
    expect(badCard.status).toBe(400)
    expect(errorBodySchema.parse(badCard.body).error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect((await api.call('GET', '/api/cards/0000000000000000000a')).status).toBe(404)
  })

  it('serves card codes and roster templates as files', async () => {
    const cards = await api.call('GET', '/api/areas/xt-hitech/cards', { token: admin })
    const png = await fetch(`${inject('apiUrl')}/api/cards/${cards.body.cards[0].id}/code`)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await png.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const xlsx = await fetch(`${inject('apiUrl')}/api/roster/template?format=xlsx`)
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-disposition')).toContain('.xlsx')
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
    const csv = await fetch(`${inject('apiUrl')}/api/roster/template?format=csv`)
    expect(Buffer.from(await csv.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect((await api.call('GET', '/api/roster/template?format=pdf')).status).toBe(400)
  })

  it('links an official’s WeChat with a single-use invitation', async () => {
    const invitation = await api.call('POST', '/api/users/sp-001/invitation', { token: admin })
    expect(invitation.status).toBe(201)
    expect((await api.call('POST', '/api/users/sp-001/invitation', { token: specialist })).status).toBe(404)
    const claim = await api.call('POST', '/api/auth/claim-invitation', { body: { code: await loginCode('sp-001-phone'), invitation: invitation.body.code } })
    expect(claim.status).toBe(200)
    expect(claim.body.user).toMatchObject({ id: 'sp-001', role: 'specialist' })
    const again = await api.call('POST', '/api/auth/claim-invitation', { body: { code: await loginCode('other-phone'), invitation: invitation.body.code } })
    expect(again.status).toBe(400)
    expect(again.body.error.code).toBe('INVITATION_INVALID')
    const malformed = await api.call('POST', '/api/auth/claim-invitation', { body: { code: 'x', invitation: '12' } })
    expect(malformed.body.error.fields).toHaveProperty('invitation')
  })

  it('keeps roster routes to admins of the scope', async () => {
    expect((await api.call('GET', '/api/areas/yuhu/cards', { token: admin })).status).toBe(404)
    expect((await api.call('GET', '/api/enterprises', { token: staff })).status).toBe(403)
    expect((await api.call('GET', '/api/enterprises?scale=huge', { token: admin })).status).toBe(400)
    const list = await api.call('GET', '/api/enterprises?limit=5', { token: admin })
    expect(list.status).toBe(200)
    expect(list.body.items).toHaveLength(5)
    expect((await api.call('POST', '/api/roster/import', { token: specialist, body: { fileName: 'a.xlsx', contentBase64: 'UEs=', dryRun: true } })).status).toBe(403)
    const badFile = await api.call('POST', '/api/roster/import', { token: admin, body: { fileName: 'a.pdf', contentBase64: 'UEs=', dryRun: true } })
    expect(badFile.status).toBe(400)
    expect(badFile.body.error.fields).toHaveProperty('fileName')
    const reassign = await api.call('POST', '/api/enterprises/en-0001/reassign', { token: admin, body: { specialistId: 'sp-001' } })
    expect(reassign.status).toBe(400)
    expect(reassign.body.error.fields).toHaveProperty('reason')
  })
})

describe('the working calendar', () => {
  it('lists where each year comes from, and lets only the city admin load a year, with field messages', async () => {
    const years = await api.call('GET', '/api/calendar/years', { token: specialist })
    expect(years.status).toBe(200)
    expect(years.body.items.map((y: { source: string }) => y.source)).toContain('package')
    expect((await api.call('GET', '/api/calendar/years', { token: staff })).status).toBe(403)
    // A year no appeal of this suite can reach, whatever day it runs on: none is recounted.
    const schedule = { year: 2099, holidays: ['2099-01-01'], workdays: [] }
    expect((await api.call('POST', '/api/calendar/years', { token: admin, body: schedule })).status).toBe(403)
    const city = await api.login('ad-city')
    const bad = await api.call('POST', '/api/calendar/years', { token: city, body: { year: 2099, holidays: ['2098-12-31'], workdays: ['2099-01-06'] } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields).toEqual({ 'holidays.0': '2098-12-31 不在 2099 年内', 'workdays.0': '2099-01-06 不是周末，无需调休上班' })
    const loaded = await api.call('POST', '/api/calendar/years', { token: city, body: schedule })
    expect(loaded.status).toBe(200)
    expect(loaded.body).toMatchObject({ year: { year: 2099, source: 'override' }, recounted: 0 })
  })
})


describe('notifications and subscribe messages', () => {
  it('answers the unread count only with a session', async () => {
    expectError(await api.call('GET', '/api/notifications/unread-count'), 401, 'UNAUTHENTICATED')
    const reply = await api.call('GET', '/api/notifications/unread-count', { token: specialist })
    expect(reply.status).toBe(200)
    // sp-007 owns every appeal filed for en-0001 above: each told them so.
    expect(unreadCountSchema.parse(reply.body).unread).toBeGreaterThan(0)
  })

  it('pushes to a staff member who subscribed, through the stream poller, as /dev/wechat shows it', async () => {
    const member = await api.login('staff:en-0003')
    const offered = await api.call('GET', '/api/subscriptions', { token: member })
    expect(subscriptionsSchema.parse(offered.body)).toMatchObject({ templates: [{ key: 'progress', budget: 0 }], askFor: ['local-tpl-progress'] })
    const wrong = await api.call('POST', '/api/subscriptions', { token: member, body: { results: { 'local-tpl-task': 'accept' } } })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.fields).toHaveProperty(['results.local-tpl-task'])
    const granted = await api.call('POST', '/api/subscriptions', { token: member, body: { results: { 'local-tpl-progress': 'accept' } } })
    expect(subscriptionsSchema.parse(granted.body).askFor).toEqual([])

    const appeal = await file(member, { ...body, enterpriseId: 'en-0003', title: '新厂房接电推送测试' })
    const ownerToken = await api.login(appeal.ownerId!)
    expect((await api.call('POST', `/api/appeals/${appeal.id}/actions`, { token: ownerToken, body: { type: 'accept' } })).status).toBe(200)

    const wechat = inject('wechatUrl')
    const deadline = Date.now() + 10_000
    type Pushed = { templateId: string; page: string; data: Record<string, { value: string }> }
    let pushed: Pushed | undefined
    while (!pushed && Date.now() < deadline) {
      const { messages } = (await (await fetch(`${wechat}/dev/messages`)).json()) as { messages: Pushed[] }
      pushed = messages.find((m) => m.page.endsWith(appeal.id))
      if (!pushed) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(pushed).toMatchObject({ templateId: 'local-tpl-progress', data: { thing1: { value: '新厂房接电推送测试' }, phrase2: { value: '已受理' } } })

    const inbox = notificationPageSchema.parse((await api.call('GET', '/api/notifications?limit=5', { token: member })).body)
    expect(inbox.items[0]).toMatchObject({ kind: 'accepted', appealId: appeal.id, read: false })
    const read = await api.call('POST', '/api/notifications/read', { token: member, body: { all: true } })
    expect(read.body).toEqual({ marked: inbox.unread, unread: 0 })
    expect((await api.call('POST', '/api/notifications/read', { token: member, body: { ids: [] } })).status).toBe(400)

    const page = await fetch(`${inject('apiUrl')}/dev/wechat`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('诉求办理进度通知')
  })
})
