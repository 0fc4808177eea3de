import { beforeAll, describe, expect, inject, it } from 'vitest'
import { uploadTicketSchema } from '@shared/schemas/attachment.schema'
import { policyDocDetailSchema, policyDocViewSchema, type PolicyDocView } from '@shared/schemas/policy.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

/*
 * A policy's original as an uploaded PDF (政策原文): the upload form only for the admins who keep
 * the policy and only for a PDF, the bytes checked, the file recorded with the policy's change,
 * and a fresh link for everyone who may read the policy.
 */
const api = apiClient(inject('apiUrl'))
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

const POLICY = {
  title: '高新区技改设备购置贴息（原文测试）',
  issuer: '湘潭高新区管委会',
  docNumber: '潭高新发〔2026〕45号',
  categoryId: 'financing',
  issuedOn: '2026-11-20',
  effectiveOn: '2026-11-20',
  appliesTo: { scales: ['above'], industries: ['industry'] },
  keyPoints: ['技改设备贷款按实际利息的 50% 贴息', '单户每年最高 100 万元'],
  howToApply: '设备到厂并付款后，向园区经济发展局提交贷款合同和付息凭证。',
  phone: '0731-58290120',
  phoneUnit: '高新区经济发展局',
  originalUrl: null,
}

let admin: string
let staff: string
let specialist: string
let otherAdmin: string
let policy: PolicyDocView

async function uploadForm(token: string, contentType: string, bytes: Buffer, target: object = { kind: 'policy', id: policy.id }) {
  return api.call('POST', '/api/attachments/uploads', { token, body: { target, fileName: '技改贴息办法.pdf', size: bytes.length, contentType } })
}

async function upload(token: string, contentType: string, bytes: Buffer): Promise<string> {
  const reply = await uploadForm(token, contentType, bytes)
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  const ticket = uploadTicketSchema.parse(reply.body.upload)
  const form = new FormData()
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value)
  form.append('file', new Blob([bytes]), '技改贴息办法.pdf')
  expect((await fetch(ticket.url, { method: 'POST', body: form })).status).toBe(204)
  return ticket.id
}

const act = (token: string, body: object) => api.call('POST', `/api/policies/${policy.id}/actions`, { token, body: { expectedVersion: policy.version, ...body } })

beforeAll(async () => {
  ;[admin, staff, specialist, otherAdmin] = (await Promise.all(['ad-xt-hitech', 'staff:en-0001', 'sp-007', 'ad-yuhu'].map((as) => api.login(as)))) as [string, string, string, string]
  const created = await api.call('POST', '/api/policies', { token: admin, body: POLICY })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  policy = policyDocViewSchema.parse(created.body.policy)
})

describe('the original PDF of a policy', () => {
  it('gives the upload form only to the admins who keep the policy, and only for a PDF', async () => {
    expectError(await uploadForm(staff, 'application/pdf', pdf), 404, 'NOT_FOUND')
    expectError(await uploadForm(otherAdmin, 'application/pdf', pdf), 404, 'NOT_FOUND')
    const image = expectError(await uploadForm(admin, 'image/png', png), 400, 'VALIDATION_FAILED')
    expect(image.fields).toEqual({ contentType: '政策原文请上传 PDF 文件' })
    const malformed = expectError(await uploadForm(admin, 'application/pdf', pdf, { kind: 'policy', id: 'pd-nope' }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(malformed.fields ?? {})).toEqual(['target.id'])
  })

  it('refuses an upload whose bytes are not a PDF, and writes nothing', async () => {
    const disguised = await upload(admin, 'application/pdf', png)
    const refused = expectError(await act(admin, { type: 'attach-original', uploadId: disguised }), 400, 'INVALID_ATTACHMENT')
    expect(refused.fields?.uploadId).toContain('内容与文件类型不符')
    const seen = policyDocDetailSchema.parse((await api.call('GET', `/api/policies/${policy.id}`, { token: admin })).body)
    expect(seen.policy.version).toBe(policy.version)
    expect(seen.original).toBeUndefined()
  })

  it('keeps the PDF with the policy’s change, and links it for everyone who may read the policy', async () => {
    const uploadId = await upload(admin, 'application/pdf', pdf)
    const attached = await act(admin, { type: 'attach-original', uploadId })
    expect(attached.status, JSON.stringify(attached.body)).toBe(200)
    policy = policyDocViewSchema.parse(attached.body.policy)
    expect(policy.originalFile).toMatchObject({ attachmentId: uploadId, fileName: '技改贴息办法.pdf', size: pdf.length })
    // The same upload cannot be attached twice.
    expectError(await act(admin, { type: 'attach-original', uploadId }), 400, 'INVALID_ATTACHMENT')

    const published = await act(admin, { type: 'publish' })
    expect(published.status).toBe(200)
    policy = policyDocViewSchema.parse(published.body.policy)

    const detail = policyDocDetailSchema.parse((await api.call('GET', `/api/policies/${policy.id}`, { token: staff })).body)
    expect(detail.original).toMatchObject({ fileName: '技改贴息办法.pdf', size: pdf.length })
    const file = await fetch(detail.original!.url)
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')

    const history = policyDocDetailSchema.parse((await api.call('GET', `/api/policies/${policy.id}`, { token: admin })).body).history ?? []
    expect(history.map((c) => c.action)).toContain('attach-original')
  })

  it('lets no one but its admins replace it, once published', async () => {
    expectError(await uploadForm(specialist, 'application/pdf', pdf), 403, 'FORBIDDEN')
    expectError(await uploadForm(staff, 'application/pdf', pdf), 403, 'FORBIDDEN')
    expectError(await act(specialist, { type: 'attach-original', uploadId: 'up-01jzzzzzzzzzzzzzzzzzzzzzzz' }), 403, 'FORBIDDEN')
  })
})
