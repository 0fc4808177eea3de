import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { appealResponseSchema } from '@shared/schemas/appeal.schema'
import { uploadTicketSchema } from '@shared/schemas/attachment.schema'
import { areaCardsSchema } from '@shared/schemas/card.schema'
import { catalogSchema } from '@shared/schemas/catalog.schema'
import { exportJobSchema, reportScopesSchema } from '@shared/schemas/report.schema'
import { loginResponseSchema } from '@shared/schemas/user.schema'
import { apiClient, type ApiReply } from '../support/api-client'
import { ACTOR_KEYS, ACTORS, PERMISSION_TABLE, hasRoute, type ActorKey, type Answer, type Live, type PermissionRow, type Route } from '../support/permission-table'

/*
 * Object-level authorisation over HTTP, derived from the permission table
 * (tests/support/permission-table.ts) that tests/unit/policy.test.ts checks against the policy:
 * for every row with a route, the route is called as each person of the demo city; an allowed
 * person is not refused (no 401, 403 or 404), a refused one gets 404 for an object they may not
 * see and 403 for an action they may not take (or the field error the row names), and one who is
 * answered with their own part gets it without the object. Refused callers go first, so that what
 * an allowed call changes cannot let a refusal through. Nothing here depends on the day it runs.
 */

const api = apiClient(inject('apiUrl'))

const tokens = {} as Record<ActorKey, string>
const userIds = {} as Record<ActorKey, string>
const live = {} as Live

const fileAppeal = async (token: string, payload: object) => {
  const reply = await api.call('POST', '/api/appeals', { token, body: payload, headers: { 'Idempotency-Key': `matrix-${randomUUID()}` } })
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  return appealResponseSchema.parse(reply.body).appeal
}
const POWER_APPEAL = { enterpriseId: 'en-0001', categoryId: 'power', title: '新厂房接电', description: '新厂房需要接入 10kV 线路，已等三周' }
const act = async (as: ActorKey, appealId: string, action: object) => {
  const reply = await api.call('POST', `/api/appeals/${appealId}/actions`, { token: tokens[as], body: action })
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
}

/** A file uploaded for an appeal by one person, straight to the local S3 with its form; its upload id. */
async function uploadFor(as: ActorKey, appealId: string, fileName: string, contentType: string, bytes: Buffer): Promise<string> {
  const reply = await api.call('POST', '/api/attachments/uploads', { token: tokens[as], body: { target: { kind: 'appeal', id: appealId }, fileName, size: bytes.length, contentType } })
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  const ticket = uploadTicketSchema.parse(reply.body.upload)
  const form = new FormData()
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value)
  form.append('file', new Blob([bytes]), fileName)
  expect((await fetch(ticket.url, { method: 'POST', body: form })).status).toBe(204)
  return ticket.id
}
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), Buffer.alloc(64, 9)])
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')

/** A new WeChat user, as the stand-in signs one in from a phone. */
async function weChatSession(device: string) {
  const code = ((await (await fetch(`${inject('wechatUrl')}/dev/login-code`, { method: 'POST', body: JSON.stringify({ deviceId: device }) })).json()) as { code: string }).code
  const reply = await api.call('POST', '/api/auth/wechat', { body: { code } })
  expect(reply.status).toBe(200)
  return loginResponseSchema.parse(reply.body)
}

async function cardOf(enterpriseId: string, areaId: string): Promise<string> {
  const cards = areaCardsSchema.parse((await api.call('GET', `/api/areas/${areaId}/cards`, { token: tokens.cityAdmin })).body).cards
  const card = cards.find((c) => c.enterprise.id === enterpriseId)
  if (!card) throw new Error(`no card for ${enterpriseId}`)
  return card.id
}

beforeAll(async () => {
  for (const key of ACTOR_KEYS) {
    const { login } = ACTORS[key]
    if (!('as' in login)) continue
    const reply = await api.call('POST', '/api/auth/dev-login', { body: { as: login.as } })
    expect(reply.status).toBe(200)
    const session = loginResponseSchema.parse(reply.body)
    tokens[key] = session.token
    userIds[key] = session.user.id
  }

  // The pending member: a new WeChat user who scanned en-0001's card and asked to join.
  const pending = ACTORS.pendingFiler
  const session = await weChatSession('wechatDevice' in pending.login ? pending.login.wechatDevice : 'matrix')
  tokens.pendingFiler = session.token
  userIds.pendingFiler = live.pendingUserId = session.user.id
  const joined = await api.call('POST', `/api/cards/${await cardOf('en-0001', 'xt-hitech')}/bind`, { token: session.token, body: pending.contact })
  expect(joined.body).toMatchObject({ binding: { enterpriseId: 'en-0001', status: 'pending' } })

  // P, then A last: the newest appeal, first in every list that holds it.
  live.pendingAppealId = (await fileAppeal(tokens.pendingFiler, { ...POWER_APPEAL, title: '待核实成员提交的诉求' })).id
  const appeal = await fileAppeal(tokens.staff, POWER_APPEAL)
  live.appealId = appeal.id
  // The table's A: owned by sp-007, co-handled by the power company and the industry task force.
  expect(appeal).toMatchObject({ ownerId: 'sp-007', areaId: 'xt-hitech', status: 'assigned' })
  expect(appeal.coHandlers.map((c) => `${c.kind}:${c.id}`)).toEqual(expect.arrayContaining(['department:power', 'taskForce:tf-industry']))
  // A's files: a photo the enterprise added with a note, and a document of the internal note.
  live.attachmentId = await uploadFor('staff', appeal.id, '现场.png', 'image/png', PNG)
  await act('staff', appeal.id, { type: 'note', message: '补充现场照片', attachments: [live.attachmentId] })
  live.internalAttachmentId = await uploadFor('owner', appeal.id, '内部研判.pdf', 'application/pdf', PDF)
  await act('owner', appeal.id, { type: 'note', message: '已电话联系供电公司（内部）', internal: true, attachments: [live.internalAttachmentId] })
  await act('coHandler', appeal.id, { type: 'accept-task' })
  await act('coHandler', appeal.id, { type: 'reply-task', message: '已安排现场勘察' })

  live.remoteCardId = await cardOf('en-0276', 'yuetang')
  const scopes = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: tokens.cityAdmin })).body)
  live.month = scopes.currentMonth
  const queued = await api.call('POST', '/api/reports/exports', { token: tokens.owner, body: { scope: 'specialist:sp-007', month: live.month, format: 'xlsx' } })
  expect(queued.status).toBe(202)
  live.exportJobId = exportJobSchema.parse(queued.body.job).id
  const power = catalogSchema.parse((await api.call('GET', '/api/catalog', { token: tokens.cityAdmin })).body).categories.find((c) => c.id === 'power')!
  live.powerRouting = { departments: power.departments, taskForce: power.taskForce, firstResponseDays: power.firstResponseDays, resolveDays: power.resolveDays }
  const template = await fetch(`${inject('apiUrl')}/api/roster/template?format=csv`)
  expect(template.status).toBe(200)
  live.rosterCsvBase64 = Buffer.from(await template.arrayBuffer()).toString('base64')
})

/** Whether the reply holds the row's object; undefined when the route cannot tell or the body is not the list it expects. */
function holdsObject(route: Route, reply: ApiReply): boolean | undefined {
  try {
    return route.shows?.(reply.body, live)
  } catch {
    return undefined
  }
}

/** The route's path with the names of what it needs, for the test's name: /api/appeals/{appealId}. */
const pathPattern = (route: Route) => route.path(new Proxy({}, { get: (_target, name) => `{${String(name)}}` }) as Live)

/** How the reply for one person differs from the table's answer; null when it agrees. */
function mismatch(route: Route, answer: Answer, reply: ApiReply): string | null {
  const got = `${reply.status} ${JSON.stringify(reply.body)?.slice(0, 160)}`
  switch (answer) {
    case 'yes':
      if ([401, 403, 404].includes(reply.status) || reply.status >= 500) return `allowed, but refused: ${got}`
      if (route.shows && (reply.status !== 200 || !holdsObject(route, reply))) return `allowed, but the object is not in the answer: ${got}`
      return null
    case 'hidden':
      return reply.status === 404 ? null : `expected 404, got ${got}`
    case 'forbidden': {
      const status = route.forbiddenStatus ?? 403
      return reply.status === status ? null : `expected ${status}, got ${got}`
    }
    case 'absent':
      if (reply.status !== 200) return `expected their own part (200), got ${got}`
      return holdsObject(route, reply) === false ? null : `expected the object left out, got ${got}`
  }
}

async function undo(route: Route, allowed: readonly ActorKey[]) {
  if (route.undo !== 'rejectRemoteBindings') return
  // Turned away again, the requests leave these people's enterprises as they were.
  for (const key of allowed) {
    const reply = await api.call('POST', `/api/enterprises/en-0276/staff/${userIds[key]}`, { token: tokens.cityAdmin, body: { decision: 'reject' } })
    expect(reply.status, `reject ${key}`).toBe(200)
  }
}

const routed = PERMISSION_TABLE.filter(hasRoute)

describe('the permission table over HTTP', () => {
  it('has a route for most rows, and names the rows without one', () => {
    const unrouted = PERMISSION_TABLE.filter((row) => !hasRoute(row)).map((row) => row.id)
    expect(routed.length).toBeGreaterThan(unrouted.length * 3)
    expect(unrouted).toEqual([
      'appeal.receive-transfer',
      'attachment.see-flagged',
      'enterprise.receive',
      'roster.import-area',
      'invitation.staff',
      'report.drill-specialists',
      'report.drill-areas',
      'supervision.digest-city',
      'inbox.read',
      'privacy.member-phone',
      'privacy.delete-account',
      'visit.check-in',
      'visit.read',
      'visit-round.coverage-area',
      'visit-round.coverage-specialist',
      'event.see-area',
      'event.see-city',
      'event.record',
      'returnVisits.call',
      'upgrade.figures-import',
      'kit.policy-draft-see',
      'kit.policy-area-draft-edit',
      'kit.policy-published-see',
      'kit.deflection-record',
      'kit.policy-send',
      'kit.policy-coverage-area',
      'kit.policy-import',
      'kit.faq-from-appeal',
      'commonProblems.work',
    ])
  })

  it('sends every row without a route to a test file that exists', () => {
    for (const row of PERMISSION_TABLE) {
      if (!('none' in row.route)) continue
      for (const file of row.route.none.match(/tests\/[\w/.-]+\.test\.ts/g) ?? []) expect(existsSync(file), `${row.id} names ${file}`).toBe(true)
    }
  })

  it.each(routed.map((row) => [`${row.id}: ${row.route.method} ${pathPattern(row.route)} — ${row.action}`, row] as const))(
    '%s',
    async (_name, row: PermissionRow & { route: Route }) => {
      const { route } = row
      if (route.freshAppeal) live.freshAppealId = (await fileAppeal(tokens.staff, POWER_APPEAL)).id
      // Refusals first: an allowed call may change the object (a co-handler added, a level raised).
      const order = [...ACTOR_KEYS].sort((a, b) => Number(row.answers[a] === 'yes') - Number(row.answers[b] === 'yes'))
      const problems: string[] = []
      for (const key of order) {
        const reply = await api.call(route.method, route.path(live), {
          token: tokens[key],
          ...(route.body ? { body: route.body(live, key) } : {}),
          ...(route.idempotent ? { headers: { 'Idempotency-Key': `matrix-${randomUUID()}` } } : {}),
        })
        const problem = mismatch(route, row.answers[key], reply)
        if (problem) problems.push(`${key} (${ACTORS[key].who}): ${problem}`)
      }
      await undo(
        route,
        ACTOR_KEYS.filter((k) => row.answers[k] === 'yes'),
      )
      expect(problems, `${row.id}: ${row.action} — ${row.object}\n${problems.join('\n')}`).toEqual([])
    },
  )
})
