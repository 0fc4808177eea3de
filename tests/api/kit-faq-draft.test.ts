import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { faqViewSchema } from '@shared/schemas/policy.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'
import { ACTORS, ACTOR_KEYS, PERMISSION_TABLE, type ActorKey } from '../support/permission-table'

/**
 * 起草常见问答 (POST /api/faq/from-appeal) as each person of the permission table: appeals like A
 * (en-0001, power, sp-007) are answered and evaluated first, since only a closed appeal with an
 * answer can become an FAQ draft; each admin allowed to draft gets an appeal of their own (one
 * draft per appeal).
 */
const api = apiClient(inject('apiUrl'))
/** Everyone who signs in by a demo identity (the pending member joins by card and would add a join request to en-0001). */
const PEOPLE = ACTOR_KEYS.filter((k) => 'as' in ACTORS[k].login)
const tokens = {} as Record<ActorKey, string>
const answers = PERMISSION_TABLE.find((r) => r.id === 'kit.faq-from-appeal')!.answers

async function fileLikeA(): Promise<Appeal> {
  const reply = await api.call<{ appeal: Appeal }>('POST', '/api/appeals', {
    token: tokens.staff,
    headers: { 'Idempotency-Key': `kit-faq-${randomUUID()}` },
    body: { enterpriseId: 'en-0001', categoryId: 'power', title: '新车间用电增容', description: '新车间设备到货，需要把变压器从 630 千伏安增容到 1250 千伏安。' },
  })
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  return reply.body.appeal
}

async function closed(): Promise<Appeal> {
  let appeal = await fileLikeA()
  const act = async (token: string, body: Record<string, unknown>) => {
    const reply = await api.call<{ appeal: Appeal }>('POST', `/api/appeals/${appeal.id}/actions`, { token, body: { ...body, expectedVersion: appeal.version } })
    expect(reply.status, JSON.stringify(reply.body)).toBe(200)
    appeal = reply.body.appeal
  }
  await act(tokens.owner, { type: 'accept' })
  await act(tokens.owner, { type: 'respond', outcome: 'resolved', message: '供电公司已完成勘察，增容方案已批复，下周施工。', openTaskReason: '供电公司已答复' })
  await act(tokens.staff, { type: 'evaluate', rating: 'satisfied', comment: '很快' })
  expect(appeal.status).toBe('closed')
  return appeal
}

beforeAll(async () => {
  for (const key of PEOPLE) {
    const login = ACTORS[key].login
    if ('as' in login) tokens[key] = await api.login(login.as)
  }
})

describe('an FAQ draft from a closed appeal', () => {
  it('is drafted by the admins of the appeal’s area and the city, refused to everyone else as the table says', async () => {
    const shared = await closed()
    for (const key of PEOPLE) {
      if (answers[key] === 'yes') continue
      const reply = await api.call('POST', '/api/faq/from-appeal', { token: tokens[key], body: { appealId: shared.id } })
      expectError(reply, answers[key] === 'hidden' ? 404 : 403, answers[key] === 'hidden' ? 'NOT_FOUND' : 'FORBIDDEN')
    }
    for (const key of PEOPLE.filter((k) => answers[k] === 'yes')) {
      const appeal = await closed()
      const reply = await api.call('POST', '/api/faq/from-appeal', { token: tokens[key], body: { appealId: appeal.id } })
      expect(reply.status, `${key}: ${JSON.stringify(reply.body)}`).toBe(201)
      const entry = faqViewSchema.parse(reply.body.entry)
      expect(entry).toMatchObject({ status: 'draft', categoryId: 'power', answer: appeal.response!.message, fromAppeal: { id: appeal.id, number: appeal.number } })
      expect(entry.actions).toContain('edit')
      // Enterprises never see the draft until an admin has removed the details and published it.
      expectError(await api.call('GET', `/api/faq/${entry.id}`, { token: tokens.staff }), 404, 'NOT_FOUND')
      expectError(await api.call('POST', '/api/faq/from-appeal', { token: tokens[key], body: { appealId: appeal.id } }), 409, 'DUPLICATE')
    }
  })

  it('refuses an appeal not yet closed, and a malformed id', async () => {
    const open = await fileLikeA()
    expectError(await api.call('POST', '/api/faq/from-appeal', { token: tokens.cityAdmin, body: { appealId: open.id } }), 409, 'INVALID_TRANSITION')
    expectError(await api.call('POST', '/api/faq/from-appeal', { token: tokens.cityAdmin, body: { appealId: 'nope' } }), 400, 'VALIDATION_FAILED')
  })
})
