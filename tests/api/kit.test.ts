import { beforeAll, describe, expect, inject, it } from 'vitest'
import {
  deflectionReportSchema,
  faqListSchema,
  faqViewSchema,
  kitSearchResultSchema,
  policyDocDetailSchema,
  policyDocListSchema,
  policyDocViewSchema,
} from '@shared/schemas/policy.schema'
import { reportScopesSchema } from '@shared/schemas/report.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'
import { ACTORS, ACTOR_KEYS, PERMISSION_TABLE, type ActorKey } from '../support/permission-table'

const api = apiClient(inject('apiUrl'))
// Deflections count in the running stack's month, as the stack itself names it.
let month: string
/** Everyone of the permission table who signs in by a demo identity (the pending member joins by card and would add a join request). */
const PEOPLE = ACTOR_KEYS.filter((k) => 'as' in ACTORS[k].login)
const tokens = {} as Record<ActorKey, string>

const POLICY = {
  title: '高新区厂房消防改造专项补助',
  issuer: '湘潭高新区管委会',
  docNumber: '潭高新发〔2026〕31号',
  categoryId: 'fire-safety',
  issuedOn: '2026-11-20',
  effectiveOn: '2026-11-20',
  appliesTo: { scales: ['above', 'near'], industries: ['industry'] },
  keyPoints: ['老旧厂房消防设施改造投资的 20% 给予补助', '单户最高 40 万元'],
  howToApply: '改造完成并通过消防验收后，向园区安全生产监督局申报。',
  phone: '0731-58290119',
  phoneUnit: '高新区安全生产监督局',
  originalUrl: 'https://example.invalid/kit/fire.html',
}

const rowAnswers = (id: string) => PERMISSION_TABLE.find((r) => r.id === id)!.answers

let draftId: string
let faqId: string

beforeAll(async () => {
  month = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: await api.login('ad-city') })).body).currentMonth
  for (const key of PEOPLE) {
    const login = ACTORS[key].login
    if ('as' in login) tokens[key] = await api.login(login.as)
  }
  const created = await api.call('POST', '/api/policies', { token: tokens.areaAdmin, body: POLICY })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  draftId = policyDocViewSchema.parse(created.body.policy).id
})

describe('policies', () => {
  it('keeps a draft from everyone but the admins who keep it', async () => {
    const answers = rowAnswers('kit.policy-area-draft-edit')
    for (const key of PEOPLE) {
      const reply = await api.call('GET', `/api/policies/${draftId}`, { token: tokens[key] })
      if (answers[key] === 'yes') expect(policyDocDetailSchema.parse(reply.body).policy.status, key).toBe('draft')
      else expectError(reply, 404, 'NOT_FOUND')
      const listed = policyDocListSchema.parse((await api.call('GET', '/api/policies', { token: tokens[key] })).body)
      expect(listed.items.some((p) => p.id === draftId), key).toBe(answers[key] === 'yes')
    }
  })

  it('lets only its keepers act on it, with the version they read', async () => {
    const answers = rowAnswers('kit.policy-area-draft-edit')
    for (const key of PEOPLE.filter((k) => answers[k] !== 'yes')) {
      expectError(await api.call('POST', `/api/policies/${draftId}/actions`, { token: tokens[key], body: { type: 'publish', expectedVersion: 1 } }), 404, 'NOT_FOUND')
    }
    expectError(await api.call('POST', `/api/policies/${draftId}/actions`, { token: tokens.areaAdmin, body: { type: 'publish', expectedVersion: 7 } }), 409, 'VERSION_CONFLICT')
    expectError(await api.call('POST', `/api/policies/${draftId}/actions`, { token: tokens.areaAdmin, body: { type: 'withdraw', expectedVersion: 1, reason: '测试' } }), 409, 'INVALID_TRANSITION')
    const published = await api.call('POST', `/api/policies/${draftId}/actions`, { token: tokens.areaAdmin, body: { type: 'publish', expectedVersion: 1 } })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect(policyDocViewSchema.parse(published.body.policy)).toMatchObject({ status: 'published', version: 2, pack: 'general', appliesTo: { areaIds: ['xt-hitech'] } })
  })

  it('shows a published policy to everyone, its change record to its keepers only', async () => {
    for (const key of PEOPLE) {
      const reply = await api.call('GET', `/api/policies/${draftId}`, { token: tokens[key] })
      expect(reply.status, key).toBe(200)
      const detail = policyDocDetailSchema.parse(reply.body)
      expect(detail.history === undefined, key).toBe(!['areaAdmin', 'cityAdmin'].includes(key))
    }
    const history = policyDocDetailSchema.parse((await api.call('GET', `/api/policies/${draftId}`, { token: tokens.cityAdmin })).body).history
    expect(history?.map((c) => c.action)).toEqual(['create', 'publish'])
  })

  it('matches the list of enterprise staff to their enterprise', async () => {
    // en-0001: above-scale industry in 湘潭高新区 — the policy applies; en-0002 is elsewhere or otherwise.
    const mine = policyDocListSchema.parse((await api.call('GET', '/api/policies', { token: tokens.staff })).body)
    expect(mine.enterprise).toMatchObject({ id: 'en-0001', areaId: 'xt-hitech' })
    expect(mine.items.map((p) => p.id)).toContain(draftId)
    expect(mine.items.every((p) => p.status === 'published')).toBe(true)
    expectError(await api.call('GET', '/api/policies?enterpriseId=en-0002', { token: tokens.staff }), 404, 'NOT_FOUND')
  })

  it('serves the policy’s own code to anyone, as a PNG of its page', async () => {
    const response = await fetch(`${inject('apiUrl')}/api/policies/${draftId}/code`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expectError(await api.call('GET', '/api/policies/pd-01kzzzzzzzzzzzzzzzzzzzzzzz/code'), 404, 'NOT_FOUND')
  })

  it('refuses bad input field by field, and writers who are not admins', async () => {
    const bad = expectError(await api.call('POST', '/api/policies', { token: tokens.cityAdmin, body: { ...POLICY, title: '', phone: 'call me', effectiveOn: '2026-13-01', surprise: 1 } }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(['title', 'phone', 'effectiveOn', 'surprise']))
    const unknown = expectError(await api.call('POST', '/api/policies', { token: tokens.cityAdmin, body: { ...POLICY, categoryId: 'nope' } }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(unknown.fields ?? {})).toEqual(['categoryId'])
    expectError(await api.call('GET', '/api/policies/not-a-policy', { token: tokens.staff }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('GET', '/api/policies/pd-01kzzzzzzzzzzzzzzzzzzzzzzz', { token: tokens.staff }), 404, 'NOT_FOUND')
    expectError(await api.call('POST', `/api/policies/${draftId}/actions`, { token: tokens.areaAdmin, body: { type: 'explode', expectedVersion: 2 } }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('GET', '/api/policies'), 401, 'UNAUTHENTICATED')
  })
})

describe('the FAQ handbook, search and deflections', () => {
  it('publishes an FAQ entry an admin wrote, and lists it per category', async () => {
    const created = await api.call('POST', '/api/faq', {
      token: tokens.cityAdmin,
      body: { question: '厂房消防改造有补助吗？', answer: '高新区老旧厂房消防设施改造投资的 20% 给予补助，验收后申报。', categoryId: 'fire-safety', policyIds: [draftId] },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const entry = faqViewSchema.parse(created.body.entry)
    faqId = entry.id
    expectError(await api.call('GET', `/api/faq/${faqId}`, { token: tokens.staff }), 404, 'NOT_FOUND')
    // The city office's draft: out of sight of an area's admin, who may not keep it.
    expectError(await api.call('POST', `/api/faq/${faqId}/actions`, { token: tokens.areaAdmin, body: { type: 'publish', expectedVersion: 1 } }), 404, 'NOT_FOUND')
    expect((await api.call('POST', `/api/faq/${faqId}/actions`, { token: tokens.cityAdmin, body: { type: 'publish', expectedVersion: 1 } })).status).toBe(200)
    const listed = faqListSchema.parse((await api.call('GET', '/api/faq?categoryId=fire-safety', { token: tokens.staff })).body)
    expect(listed.items.map((f) => f.id)).toContain(faqId)
    expect(listed.categories).toContainEqual(expect.objectContaining({ categoryId: 'fire-safety', name: '消防安全' }))
    const detail = policyDocDetailSchema.parse((await api.call('GET', `/api/policies/${draftId}`, { token: tokens.staff })).body)
    expect(detail.faq.map((f) => f.id)).toContain(faqId)
  })

  it('finds published entries with the matches marked, and never a draft', async () => {
    const hidden = await api.call('POST', '/api/policies', { token: tokens.cityAdmin, body: { ...POLICY, title: '尚未发布的厂房消防改造草稿', appliesTo: {} } })
    expect(hidden.status).toBe(201)
    for (const key of PEOPLE) {
      const reply = await api.call('GET', `/api/kit/search?q=${encodeURIComponent('厂房消防改造补助')}&limit=10`, { token: tokens[key] })
      const result = kitSearchResultSchema.parse(reply.body)
      const ids = result.items.map((i) => i.id)
      expect(ids, key).toContain(draftId)
      expect(ids, key).toContain(faqId)
      expect(ids, key).not.toContain(hidden.body.policy.id)
    }
    const traditional = kitSearchResultSchema.parse((await api.call('GET', `/api/kit/search?q=${encodeURIComponent('廠房消防改造補助')}&kind=faq`, { token: tokens.staff })).body)
    expect(traditional.items[0]?.id).toBe(faqId)
    expect(traditional.items[0]!.title.filter((p) => p.hit).map((p) => p.text).join('')).toContain('消防改造')
    const none = kitSearchResultSchema.parse((await api.call('GET', `/api/kit/search?q=${encodeURIComponent('厂房消防改造')}&categoryId=financing`, { token: tokens.staff })).body)
    expect(none.items).toEqual([])
    expectError(await api.call('GET', `/api/kit/search?q=${'长'.repeat(61)}`, { token: tokens.staff }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('GET', '/api/kit/search?q=x&limit=500', { token: tokens.staff }), 400, 'VALIDATION_FAILED')
  })

  it('counts 已解决，不再提交 from enterprise staff once a day, and shows admins the rate', async () => {
    const answers = rowAnswers('kit.deflection-record')
    for (const key of PEOPLE) {
      const reply = await api.call('POST', '/api/kit/deflections', { token: tokens[key], body: { itemId: faqId, categoryId: 'fire-safety' } })
      if (answers[key] === 'yes') expect(reply.body, key).toEqual({ counted: true })
      else expectError(reply, 403, 'FORBIDDEN')
    }
    expect((await api.call('POST', '/api/kit/deflections', { token: tokens.staff, body: { itemId: faqId, categoryId: 'fire-safety' } })).body).toEqual({ counted: false })
    expectError(await api.call('POST', '/api/kit/deflections', { token: tokens.staff, body: { itemId: 'fq-01kzzzzzzzzzzzzzzzzzzzzzzz' } }), 404, 'NOT_FOUND')
    expectError(await api.call('POST', '/api/kit/deflections', { token: tokens.staff, body: { itemId: 'nope' } }), 400, 'VALIDATION_FAILED')

    const city = deflectionReportSchema.parse((await api.call('GET', `/api/kit/deflections?month=${month}`, { token: tokens.cityAdmin })).body)
    const fire = city.categories.find((c) => c.categoryId === 'fire-safety')!
    expect(fire.deflected).toBeGreaterThanOrEqual(2)
    expect(fire.rate).toBe(Math.round((fire.deflected / (fire.deflected + fire.filed)) * 1000) / 10)
    expectError(await api.call('GET', `/api/kit/deflections?month=${month}&areaId=xt-hitech`, { token: tokens.otherAreaAdmin }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', `/api/kit/deflections?month=${month}`, { token: tokens.owner }), 403, 'FORBIDDEN')
    expectError(await api.call('GET', '/api/kit/deflections?month=2026-13', { token: tokens.cityAdmin }), 400, 'VALIDATION_FAILED')
  })
})
