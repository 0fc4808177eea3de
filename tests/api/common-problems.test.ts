import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { appealDetailSchema, appealResponseSchema, type Appeal } from '@shared/schemas/appeal.schema'
import { commonProblemActionResultSchema, commonProblemDetailSchema, commonProblemSchema, similarAppealSchema } from '@shared/schemas/common-problem.schema'
import { monthlyReportSchema } from '@shared/schemas/report.schema'
import { supervisionQueueSchema } from '@shared/schemas/supervision.schema'
import { monthOf } from '@shared/domain/report-month'
import * as z from 'zod'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'
import { ACTORS, ACTOR_KEYS, PERMISSION_TABLE } from '../support/permission-table'

/*
 * 共性问题 on the running stack. 天易经开区 (tianyi) is this file's area: no other API test files
 * appeals there. sp-018 serves en-0097, en-0105, en-0116 and en-0123 there; in 湘潭高新区, sp-007
 * serves en-0026 and en-0037, which no other test uses (the permission rows' problem).
 */
const api = apiClient(inject('apiUrl'))
const tokens = new Map<string, string>()
async function tokenOf(as: string): Promise<string> {
  if (!tokens.has(as)) tokens.set(as, await api.login(as))
  return tokens.get(as)!
}

const DRAIN = '园区东路一下雨就积水，排水管网堵塞'
async function file(enterpriseId: string, categoryId: string, title: string, description: string): Promise<Appeal> {
  const reply = await api.call('POST', '/api/appeals', {
    token: await tokenOf(`staff:${enterpriseId}`),
    body: { enterpriseId, categoryId, title, description },
    headers: { 'Idempotency-Key': `cp-${randomUUID()}` },
  })
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  return appealResponseSchema.parse(reply.body).appeal
}
const detail = async (appealId: string, as: string) => appealDetailSchema.parse((await api.call('GET', `/api/appeals/${appealId}`, { token: await tokenOf(as) })).body)
const similar = async (appealId: string, as: string) => api.call('GET', `/api/appeals/${appealId}/similar`, { token: await tokenOf(as) })
const create = async (as: string, body: unknown) => api.call('POST', '/api/common-problems', { token: await tokenOf(as), body })
const act = async (problemId: string, as: string, body: unknown) => api.call('POST', `/api/common-problems/${problemId}/actions`, { token: await tokenOf(as), body })

let drains: Appeal[]
let unrelated: Appeal
let otherCategory: Appeal

beforeAll(async () => {
  drains = [
    await file('en-0097', 'other', '园区东路积水严重', `${DRAIN}，货车进出困难，请协调市政疏通。`),
    await file('en-0105', 'other', '厂门口道路雨后积水', `每逢下雨${DRAIN.slice(5)}，员工上下班涉水。`),
    await file('en-0116', 'other', '东路排水不畅积水', `${DRAIN}，已影响原料入库。`),
  ]
  unrelated = await file('en-0123', 'other', '厂区门口路灯不亮', '门口三盏路灯坏了一个月，夜班员工出行不便。')
  otherCategory = await file('en-0123', 'water', '园区东路积水，排水管网堵塞', `${DRAIN}，请供水公司查看。`)
  // One of them already taken into handling: the answer accepts the others first.
  expect((await api.call('POST', `/api/appeals/${drains[0]!.id}/actions`, { token: await tokenOf('sp-018'), body: { type: 'accept' } })).status).toBe(200)
}, 120_000)

describe('GET /api/appeals/{id}/similar', () => {
  it('proposes the open appeals of the same category with similar text, best first, and nothing else', async () => {
    const reply = await similar(drains[0]!.id, 'sp-018')
    expect(reply.status).toBe(200)
    const items = z.object({ items: z.array(similarAppealSchema) }).parse(reply.body).items
    const ids = items.map((i) => i.appeal.id)
    expect(ids.slice(0, 2).sort()).toEqual([drains[1]!.id, drains[2]!.id].sort())
    expect(ids).not.toContain(unrelated.id)
    expect(ids).not.toContain(otherCategory.id)
    expect(ids).not.toContain(drains[0]!.id)
    expect(items[0]!.sameArea).toBe(true)
    expect(items[0]!.score).toBeGreaterThan(0.1)
  })

  it('is for the officials who may link the appeal: its staff get 403, anyone who cannot see it 404', async () => {
    expect((await similar(drains[0]!.id, 'ad-tianyi')).status).toBe(200)
    expect((await similar(drains[0]!.id, 'ad-city')).status).toBe(200)
    expectError(await similar(drains[0]!.id, 'staff:en-0097'), 403, 'FORBIDDEN')
    expectError(await similar(drains[0]!.id, 'sp-017'), 404, 'NOT_FOUND')
    expectError(await similar(drains[0]!.id, 'ad-yuhu'), 404, 'NOT_FOUND')
    expectError(await similar(drains[0]!.id, 'staff:en-0105'), 404, 'NOT_FOUND')
  })
})

describe('a common problem, linked and answered once', () => {
  let problemId: string

  it('refuses bad input field by field and writes nothing', async () => {
    const bad = expectError(await create('sp-018', { title: '积', responsibleUnit: '', appealIds: [drains[0]!.id], extra: 1 }), 400, 'VALIDATION_FAILED')
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['appealIds', 'extra', 'responsibleUnit', 'title'])
    const twice = expectError(await create('sp-018', { title: '园区东路积水', responsibleUnit: '市政公司', appealIds: [drains[0]!.id, drains[0]!.id] }), 400, 'VALIDATION_FAILED')
    expect(twice.fields?.appealIds).toBe('诉求重复')
    // Another category, an appeal the caller cannot link: one field each, and nothing linked.
    const mixed = expectError(
      await create('sp-018', { title: '园区东路积水', responsibleUnit: '市政公司', appealIds: [drains[0]!.id, otherCategory.id, 'ap-01jzzzzzzzzzzzzzzzzzzzzzzz'] }),
      400,
      'NOT_LINKABLE',
    )
    expect(mixed.fields?.['appealIds.1']).toContain('类别不同')
    expect(mixed.fields?.['appealIds.2']).toBe('诉求不存在，或您不能将它并入共性问题')
    expect((await detail(drains[0]!.id, 'sp-018')).appeal.commonProblem).toBeUndefined()
    expectError(await create('staff:en-0097', { title: '园区东路积水', responsibleUnit: '市政公司', appealIds: [drains[0]!.id, drains[1]!.id] }), 403, 'FORBIDDEN')
  })

  it('links the three appeals: one measure, one responsible unit, each timeline says so', async () => {
    const reply = await create('sp-018', {
      title: '园区东路雨后积水',
      responsibleUnit: '天易经开区建设局',
      appealIds: drains.map((a) => a.id),
      measure: { text: '疏通东路排水管网并加装雨水篦子', unit: '天易经开区建设局', dueDate: '2099-06-30' },
    })
    expect(reply.status, JSON.stringify(reply.body)).toBe(201)
    const result = commonProblemActionResultSchema.parse(reply.body)
    problemId = result.problem.id
    expect(result).toMatchObject({ applied: 3, skipped: [], problem: { appealCount: 3, enterpriseCount: 3, areaId: 'tianyi', status: 'open', holder: { id: 'sp-018' } } })
    expect(result.appeals.map((a) => a.id).sort()).toEqual(drains.map((a) => a.id).sort())
    for (const appeal of drains) {
      const seen = await detail(appeal.id, 'sp-018')
      expect(seen.appeal.commonProblem).toMatchObject({ id: problemId, title: '园区东路雨后积水' })
      expect(seen.events.map((e) => e.type)).toContain('common_linked')
    }
    // An appeal already linked cannot join a second problem.
    const again = expectError(await create('sp-018', { title: '东路积水二', responsibleUnit: '市政公司', appealIds: [drains[0]!.id, unrelated.id] }), 400, 'NOT_LINKABLE')
    expect(again.fields?.['appealIds.0']).toContain('已并入共性问题')
    const list = z.object({ items: z.array(commonProblemSchema) }).parse((await api.call('GET', '/api/common-problems', { token: await tokenOf('sp-018') })).body)
    expect(list.items.map((p) => p.id)).toEqual([problemId])
  })

  it('a progress note reaches every linked appeal’s timeline', async () => {
    const reply = await act(problemId, 'sp-018', { type: 'note', message: '建设局已派人现场查看' })
    expect(reply.status, JSON.stringify(reply.body)).toBe(200)
    expect(commonProblemActionResultSchema.parse(reply.body).applied).toBe(3)
    for (const appeal of drains) {
      const events = (await detail(appeal.id, `staff:${appeal.enterpriseId}`)).events
      expect(events.some((e) => e.type === 'note' && e.message?.includes('建设局已派人现场查看'))).toBe(true)
    }
  })

  it('the area’s supervision queue shows the linked appeals escalated to it as one line, with the enterprises they cover', async () => {
    for (const appeal of drains.slice(0, 2)) {
      const escalated = await api.call('POST', `/api/appeals/${appeal.id}/actions`, { token: await tokenOf('sp-018'), body: { type: 'escalate', reason: '涉及市政管网，需要属地协调' } })
      expect(escalated.status, JSON.stringify(escalated.body)).toBe(200)
    }
    const queue = supervisionQueueSchema.parse((await api.call('GET', '/api/supervision/queue', { token: await tokenOf('ad-tianyi') })).body)
    const lines = queue.items.filter((item) => item.commonProblem?.id === problemId)
    expect(lines).toHaveLength(1)
    // Two escalated, the third awaiting its first response within a working day (due soon): one line.
    expect(lines[0]!.commonProblem).toMatchObject({ title: '园区东路雨后积水', appealCount: 3, enterpriseCount: 3 })
    expect(lines[0]!.reasons).toEqual(expect.arrayContaining(['escalated', 'due_soon']))
    expect(queue.items.filter((item) => drains.some((d) => d.id === item.appeal.id))).toHaveLength(1)
  })

  it('one answer answers them all; each enterprise evaluates its own', async () => {
    const reply = await act(problemId, 'sp-018', { type: 'respond', outcome: 'resolved', message: '东路排水管网已疏通，雨水篦子已加装。' })
    expect(reply.status, JSON.stringify(reply.body)).toBe(200)
    const result = commonProblemActionResultSchema.parse(reply.body)
    expect(result).toMatchObject({ applied: 3, skipped: [], problem: { status: 'answered', answer: { outcome: 'resolved' } } })
    for (const appeal of drains) {
      const seen = await detail(appeal.id, `staff:${appeal.enterpriseId}`)
      expect(seen.appeal.status).toBe('responded')
      expect(seen.appeal.response?.message).toBe('东路排水管网已疏通，雨水篦子已加装。')
    }
    const evaluated = await api.call('POST', `/api/appeals/${drains[1]!.id}/actions`, { token: await tokenOf('staff:en-0105'), body: { type: 'evaluate', rating: 'satisfied' } })
    expect(evaluated.status, JSON.stringify(evaluated.body)).toBe(200)
    expect((await detail(drains[2]!.id, 'staff:en-0116')).appeal.status).toBe('responded')
    // The area's monthly report counts the problem and the appeals it covered (the month of the stack's clock).
    const month = monthOf(new Date(result.problem.createdAt))
    const report = monthlyReportSchema.parse((await api.call('GET', `/api/reports/monthly?scope=area:tianyi&month=${month}`, { token: await tokenOf('ad-tianyi') })).body)
    expect(report.commonProblems).toEqual({ created: 1, answered: 1, appealsCovered: 3, enterprisesCovered: 3 })
    // Answered: no second answer, no new appeals.
    expectError(await act(problemId, 'sp-018', { type: 'respond', outcome: 'resolved', message: '再次答复' }), 409, 'INVALID_TRANSITION')
    expectError(await act(problemId, 'sp-018', { type: 'link', appealIds: [unrelated.id] }), 409, 'INVALID_TRANSITION')
  })

  it('is never shown to enterprise staff, nor to officials who do not work it', async () => {
    expectError(await api.call('GET', '/api/common-problems', { token: await tokenOf('staff:en-0097') }), 403, 'FORBIDDEN')
    expectError(await api.call('GET', `/api/common-problems/${problemId}`, { token: await tokenOf('staff:en-0097') }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', `/api/common-problems/${problemId}`, { token: await tokenOf('sp-017') }), 404, 'NOT_FOUND')
    expectError(await act(problemId, 'ad-yuhu', { type: 'note', message: '越权操作' }), 404, 'NOT_FOUND')
    expect((await api.call('GET', `/api/common-problems/${problemId}`, { token: await tokenOf('ad-tianyi') })).status).toBe(200)
  })
})

describe('the permission rows of a common problem of 湘潭高新区 held by sp-007', () => {
  let problemId: string
  let appeals: Appeal[]

  beforeAll(async () => {
    appeals = [
      await file('en-0026', 'other', '园区西门道路破损', '西门进厂道路坑洼，货车颠簸，请尽快修补路面。'),
      await file('en-0037', 'other', '西门道路坑洼破损', '园区西门道路破损坑洼严重，请修补路面。'),
    ]
    const reply = await create('sp-007', { title: '园区西门道路破损', responsibleUnit: '高新区建设局', appealIds: appeals.map((a) => a.id) })
    expect(reply.status, JSON.stringify(reply.body)).toBe(201)
    problemId = commonProblemActionResultSchema.parse(reply.body).problem.id
  }, 60_000)

  it('is read and worked by exactly the people its row names', async () => {
    const row = PERMISSION_TABLE.find((r) => r.id === 'commonProblems.work')!
    for (const key of ACTOR_KEYS) {
      const actor = ACTORS[key]
      if (!('as' in actor.login)) continue
      const reply = await api.call('GET', `/api/common-problems/${problemId}`, { token: await tokenOf(actor.login.as) })
      expect({ key, status: reply.status }).toEqual({ key, status: row.answers[key] === 'yes' ? 200 : 404 })
      if (reply.status === 200) commonProblemDetailSchema.parse(reply.body)
    }
  })

  it('an admin over the area unlinks an appeal: its owner works it alone again', async () => {
    const reply = await act(problemId, 'ad-xt-hitech', { type: 'unlink', appealId: appeals[1]!.id })
    expect(reply.status, JSON.stringify(reply.body)).toBe(200)
    const result = commonProblemActionResultSchema.parse(reply.body)
    expect(result).toMatchObject({ applied: 1, problem: { appealCount: 1, enterpriseCount: 1 } })
    const seen = await detail(appeals[1]!.id, 'sp-007')
    expect(seen.appeal.commonProblem).toBeUndefined()
    expect(seen.events.map((e) => e.type)).toContain('common_unlinked')
    expectError(await act(problemId, 'ad-xt-hitech', { type: 'unlink', appealId: appeals[1]!.id }), 400, 'NOT_LINKED')
  })
})
