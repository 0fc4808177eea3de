import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { notificationPageSchema } from '@shared/schemas/notification.schema'
import { policyCoverageSchema, policyDeliveryResultSchema } from '@shared/schemas/policy-delivery.schema'
import { policyDocListSchema, policyDocViewSchema } from '@shared/schemas/policy.schema'
import { policyImportResultSchema } from '@shared/schemas/policy-import.schema'
import { buildPolicyTemplate } from '../../functions/kit/policy-file'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'
import { ACTORS, ACTOR_KEYS, PERMISSION_TABLE, type ActorKey } from '../support/permission-table'

const api = apiClient(inject('apiUrl'))
/** Everyone of the permission table who signs in by a demo identity. */
const PEOPLE = ACTOR_KEYS.filter((k) => 'as' in ACTORS[k].login)
const tokens = {} as Record<ActorKey, string>
const rowAnswers = (id: string) => PERMISSION_TABLE.find((r) => r.id === id)!.answers

// No expiry: the stack runs on today's date (or the faked one of CI).
const POLICY = {
  title: '高新区中小企业数字化改造补助',
  issuer: '湘潭高新区管委会',
  categoryId: 'fire-safety',
  issuedOn: '2026-11-20',
  effectiveOn: '2026-11-20',
  appliesTo: { scales: ['above', 'near'], industries: ['industry'] },
  keyPoints: ['数字化改造投资的 15% 给予补助'],
  howToApply: '改造完成后向园区经济发展局申报。',
  phone: '0731-58290120',
}

/**
 * The template with its example row under a title of this file's own: the kit's other tests
 * write the example's title too, and an import leaves a title the kit already has alone.
 */
async function policyFile(title: string): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  // exceljs types its input as an ArrayBuffer look-alike that a Node Buffer does not satisfy.
  await workbook.xlsx.load((await buildPolicyTemplate()) as unknown as ArrayBuffer)
  workbook.getWorksheet('政策')!.getRow(2).getCell(1).value = title
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}

let policyId: string
const deliveries = () => `/api/policies/${policyId}/deliveries`
const policySentTo = async (token: string) =>
  notificationPageSchema.parse((await api.call('GET', '/api/notifications?limit=50', { token })).body).items.filter((n) => n.kind === 'policy_sent' && n.page.endsWith(`id=${policyId}`))

beforeAll(async () => {
  for (const key of PEOPLE) {
    const login = ACTORS[key].login
    if ('as' in login) tokens[key] = await api.login(login.as)
  }
  const created = await api.call('POST', '/api/policies', { token: tokens.areaAdmin, body: POLICY })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  policyId = policyDocViewSchema.parse(created.body.policy).id
})

describe('送政策', () => {
  it('never sends an unpublished policy, and the enterprise neither receives nor sees it', async () => {
    expectError(await api.call('POST', deliveries(), { token: tokens.areaAdmin, body: { enterpriseIds: ['en-0001'] } }), 409, 'INVALID_TRANSITION')
    expectError(await api.call('POST', deliveries(), { token: tokens.owner, body: { enterpriseIds: ['en-0001'] } }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', `/api/policies/${policyId}`, { token: tokens.staff }), 404, 'NOT_FOUND')
    expect(await policySentTo(tokens.staff)).toEqual([])
    const published = await api.call('POST', `/api/policies/${policyId}/actions`, { token: tokens.areaAdmin, body: { type: 'publish', expectedVersion: 1 } })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
  })

  it('refuses bad input field by field, and an unknown policy', async () => {
    for (const body of [{}, { enterpriseIds: [] }, { enterpriseIds: ['en-0001', 'en-0001'] }, { enterpriseIds: ['../x'] }, { enterpriseIds: ['en-0001'], note: 'x' }]) {
      const error = expectError(await api.call('POST', deliveries(), { token: tokens.areaAdmin, body }), 400, 'VALIDATION_FAILED')
      expect(Object.keys(error.fields ?? {}).length, JSON.stringify(body)).toBeGreaterThan(0)
    }
    expectError(await api.call('POST', '/api/policies/pd-01kzzzzzzzzzzzzzzzzzzzzzzz/deliveries', { token: tokens.areaAdmin, body: { enterpriseIds: ['en-0001'] } }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', `/api/policies/${policyId}/coverage?areaId=Not%20An%20Area`, { token: tokens.cityAdmin }), 400, 'VALIDATION_FAILED')
    expectError(await api.call('POST', deliveries(), { body: { enterpriseIds: ['en-0001'] } }), 401, 'UNAUTHENTICATED')
  })

  it('sends to en-0001 as the permission table says, once, and its staff are notified with the policy page', async () => {
    const answers = rowAnswers('kit.policy-send')
    let sentOnce = false
    for (const key of PEOPLE) {
      const reply = await api.call('POST', deliveries(), { token: tokens[key], body: { enterpriseIds: ['en-0001'] } })
      if (answers[key] !== 'yes') {
        expectError(reply, 403, 'FORBIDDEN')
        continue
      }
      expect(reply.status, `${key} ${JSON.stringify(reply.body)}`).toBe(200)
      expect(policyDeliveryResultSchema.parse(reply.body), key).toEqual(sentOnce ? { sent: [], alreadySent: ['en-0001'] } : { sent: ['en-0001'], alreadySent: [] })
      sentOnce = true
    }
    expect(sentOnce).toBe(true)
    const notices = await policySentTo(tokens.staff)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ title: '为您推送一条政策', page: `packages/kit/policy/index?id=${policyId}` })
    expect(await policySentTo(tokens.otherStaff)).toEqual([])
  })

  it('keeps another area’s admin from sending into xt-hitech, even beside their own enterprises', async () => {
    expectError(await api.call('POST', deliveries(), { token: tokens.otherAreaAdmin, body: { enterpriseIds: ['en-0241', 'en-0002'] } }), 403, 'FORBIDDEN')
    const yuhu = await api.call('POST', deliveries(), { token: tokens.otherAreaAdmin, body: { enterpriseIds: ['en-0241'] } })
    expect(policyDeliveryResultSchema.parse(yuhu.body)).toEqual({ sent: ['en-0241'], alreadySent: [] })
  })

  it('counts the enterprise’s open of the policy page, and shows the coverage as the permission table says', async () => {
    const coverage = async (token: string, query = '?areaId=xt-hitech') => api.call('GET', `/api/policies/${policyId}/coverage${query}`, { token })
    const before = policyCoverageSchema.parse((await coverage(tokens.areaAdmin)).body)
    expect(before.areas).toEqual([expect.objectContaining({ areaId: 'xt-hitech', sent: 1, opened: 0 })])
    expect((await api.call('GET', `/api/policies/${policyId}`, { token: tokens.staff })).status).toBe(200)
    expect((await api.call('GET', `/api/policies/${policyId}`, { token: tokens.staff })).status).toBe(200)
    expect((await api.call('GET', `/api/policies/${policyId}`, { token: tokens.owner })).status).toBe(200)

    const answers = rowAnswers('kit.policy-coverage-area')
    for (const key of PEOPLE) {
      const reply = await coverage(tokens[key])
      if (answers[key] === 'yes') expect(policyCoverageSchema.parse(reply.body).areas, key).toEqual([expect.objectContaining({ areaId: 'xt-hitech', sent: 1, opened: 1, openedUnsent: 0 })])
      else if (answers[key] === 'hidden') expectError(reply, 404, 'NOT_FOUND')
      else expectError(reply, 403, 'FORBIDDEN')
    }
    const city = policyCoverageSchema.parse((await coverage(tokens.cityAdmin, '')).body)
    expect(city.total).toEqual({ sent: 2, opened: 1, openedUnsent: 0 })
    expect(city.areas.find((a) => a.areaId === 'yuhu')).toMatchObject({ sent: 1, opened: 0 })
  })
})

describe('政策批量导入', () => {
  it('serves the template to anyone, as XLSX', async () => {
    const response = await fetch(`${inject('apiUrl')}/api/kit/policy-template?format=xlsx`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('spreadsheetml')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b])
    expectError(await api.call('GET', '/api/kit/policy-template?format=csv'), 400, 'VALIDATION_FAILED')
  })

  it('previews a file for the admins only, as the permission table says', async () => {
    const contentBase64 = await policyFile('高新区厂房消防改造补助（导入预览）')
    const answers = rowAnswers('kit.policy-import')
    for (const key of PEOPLE) {
      const reply = await api.call('POST', '/api/policies/import', { token: tokens[key], body: { fileName: '政策.xlsx', contentBase64, dryRun: true } })
      if (answers[key] === 'yes') expect(policyImportResultSchema.parse(reply.body), key).toMatchObject({ dryRun: true, applied: false, summary: { create: 1, invalid: 0 } })
      else expectError(reply, 403, 'FORBIDDEN')
    }
  })

  it('imports drafts that no enterprise sees, and refuses bad input field by field', async () => {
    const contentBase64 = await policyFile('高新区厂房消防改造补助（导入草稿）')
    const reply = await api.call('POST', '/api/policies/import', { token: tokens.cityAdmin, body: { fileName: '政策.xlsx', contentBase64, dryRun: false } })
    const result = policyImportResultSchema.parse(reply.body)
    expect(result).toMatchObject({ applied: true, summary: { create: 1 } })
    const id = result.rows[0]!.policyId!
    expectError(await api.call('GET', `/api/policies/${id}`, { token: tokens.staff }), 404, 'NOT_FOUND')
    expect(policyDocListSchema.parse((await api.call('GET', '/api/policies', { token: tokens.staff })).body).items.some((p) => p.id === id)).toBe(false)
    expectError(await api.call('POST', `/api/policies/${id}/deliveries`, { token: tokens.cityAdmin, body: { enterpriseIds: ['en-0001'] } }), 409, 'INVALID_TRANSITION')

    const bad = expectError(await api.call('POST', '/api/policies/import', { token: tokens.cityAdmin, body: { fileName: '政策.csv', contentBase64: '***', dryRun: 'yes' } }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['contentBase64', 'dryRun', 'fileName'])
    const unreadable = expectError(await api.call('POST', '/api/policies/import', { token: tokens.cityAdmin, body: { fileName: '政策.xlsx', contentBase64: Buffer.from('hello').toString('base64'), dryRun: true } }), 400, 'POLICIES_UNREADABLE')
    expect(unreadable.message).toContain('.xlsx')
  })
})
