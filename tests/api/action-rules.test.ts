import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { appealResponseSchema } from '@shared/schemas/appeal.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

/*
 * The defects found by testing the running product from outside, over HTTP as they were found:
 * a deadline extended to 9999-12-31, a title of zero-width spaces, NUL bytes and bidi overrides
 * kept, 不满意 without a reason. Nothing here depends on the date the suite runs on.
 */

const api = apiClient(inject('apiUrl'))
const body = { enterpriseId: 'en-0001', categoryId: 'power', title: '新线路接电', description: '新厂房需要接入 10kV 线路，已等三周' }

let staff: string
let specialist: string
let admin: string

const post = (token: string, payload: object) => api.call('POST', '/api/appeals', { token, body: payload, headers: { 'Idempotency-Key': `k-${randomUUID()}` } })
const act = (token: string, appealId: string, action: object) => api.call('POST', `/api/appeals/${appealId}/actions`, { token, body: action })

beforeAll(async () => {
  ;[staff, specialist, admin] = (await Promise.all(['staff:en-0001', 'sp-007', 'ad-xt-hitech'].map((as) => api.login(as)))) as [string, string, string]
})

describe('free text over HTTP', () => {
  it('answers 400 请填写标题 to a title of zero-width spaces, and keeps no NUL or U+202E', async () => {
    const empty = expectError(await post(staff, { ...body, title: '\u200B\u200B\u200B' }), 400, 'VALIDATION_FAILED')
    expect(empty.fields).toEqual({ title: '请填写标题' })
    const reply = await post(staff, { ...body, title: '\u202E新线路\u0000接电', description: '新厂房\u0000需要接入线路\u2066' })
    expect(reply.status).toBe(201)
    expect(appealResponseSchema.parse(reply.body).appeal).toMatchObject({ title: '新线路接电', description: '新厂房需要接入线路' })
  })
})

describe('actions over HTTP', () => {
  it('answers 400 on dueDate to an extension to 9999-12-31, and changes nothing', async () => {
    const appeal = appealResponseSchema.parse((await post(staff, body)).body).appeal
    const far = expectError(await act(admin, appeal.id, { type: 'extend', dueDate: '9999-12-31', reason: '需等待上级批复' }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(far.fields ?? {})).toEqual(['dueDate'])
    expect(far.fields?.dueDate).toMatch(/^最晚可延至 .+（原办理时限后 60 个工作日）$/)
    const detail = await api.call('GET', `/api/appeals/${appeal.id}`, { token: admin })
    expect(detail.body.appeal).toMatchObject({ dueAt: appeal.dueAt, version: 1 })
  })

  it('answers 400 on comment to 不满意 without a reason', async () => {
    const appeal = appealResponseSchema.parse((await post(staff, body)).body).appeal
    expect((await act(specialist, appeal.id, { type: 'accept' })).status).toBe(200)
    const answer = { type: 'respond', outcome: 'resolved', message: '线路已接通。', openTaskReason: '线路已接通，协办单位无需再办' }
    expect((await act(specialist, appeal.id, answer)).status).toBe(200)
    const bare = expectError(await act(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied' }), 400, 'VALIDATION_FAILED')
    expect(bare.fields).toEqual({ comment: '请填写不满意的原因' })
    const reopened = await act(staff, appeal.id, { type: 'evaluate', rating: 'unsatisfied', comment: '电压仍不稳定' })
    expect(reopened.status).toBe(200)
    expect(appealResponseSchema.parse(reopened.body).appeal).toMatchObject({ status: 'in_progress', level: 1, reopenCount: 1 })
  })
})
