import { appealDetailSchema, appealPageSchema, type Appeal } from '@shared/schemas/appeal.schema'
import { bindCardResponseSchema, cardViewSchema } from '@shared/schemas/card.schema'
import { catalogSchema } from '@shared/schemas/catalog.schema'
import { notificationPageSchema, unreadCountSchema } from '@shared/schemas/notification.schema'
import { PRIVACY_VERSION } from '@shared/domain/privacy'
import { loginResponseSchema, meResponseSchema, type User } from '@shared/schemas/user.schema'
import type { ApiRequest, Route } from './simulate'

/*
 * A small fake API for the simulated mini-program: every answer is parsed with the shared schema
 * of its route first, so a fixture that no longer matches the contract fails here, not silently
 * in a page.
 */

export const CARD_ID = '7k3m9q2w5x8z4c6v1b0n'
const NOW = '2026-12-01T02:00:00.000Z'

export const card = cardViewSchema.parse({
  id: CARD_ID,
  enterprise: { id: 'en-0001', name: '湖南锦程汽车零部件有限公司', areaName: '湘潭高新区' },
  specialist: { id: 'sp-007', name: '徐慧萍', title: '企业服务专员', organisation: '湘潭高新区管委会', phone: '0731-5555 0007' },
  appeals: { open: 2, closed: 9 },
  servicePromise: '一企一专员 · 一码直通：扫码提诉求，1 个工作日内响应，办理进度全程可查',
})

const newcomer: User = { id: 'u-wx-0001', name: '微信用户', role: 'staff', bindings: [] }
const member: User = { id: 'u-wx-0001', name: '张伟', role: 'staff', bindings: [{ enterpriseId: 'en-0001', enterpriseName: card.enterprise.name, status: 'pending' }] }
export const staffUser: User = {
  id: 'staff-en-0001',
  name: '范波艳',
  role: 'staff',
  bindings: [{ enterpriseId: 'en-0001', enterpriseName: card.enterprise.name, status: 'approved' }],
  privacyConsent: { version: PRIVACY_VERSION, at: '2026-12-01T01:00:00.000Z' },
}

export const loginAsNewcomer = loginResponseSchema.parse({ token: 'simulated-token', expiresIn: 7200, refreshToken: 'simulated-refresh-token-0123456789', user: newcomer })

const catalog = catalogSchema.parse({
  categories: [{ id: 'power', name: '用电', departments: ['power'], firstResponseDays: 1, resolveDays: 5, taskForce: false }],
  areas: [{ id: 'xt-hitech', name: '湘潭高新区', kind: 'park', division: '湘潭市' }],
  departments: [{ id: 'power', name: '国网湘潭供电公司' }],
  taskForces: [],
})

export const appeal: Appeal = {
  id: 'ap-01JEYQ3ZK6W8D5T2N9R4B7C0XM',
  number: 'XT-20261201-0001',
  enterpriseId: 'en-0001',
  enterpriseName: card.enterprise.name,
  areaId: 'xt-hitech',
  categoryId: 'power',
  categoryName: '用电',
  title: '新厂房 10kV 线路接电',
  description: '新厂房已竣工，需要接入 10kV 线路，供电公司尚未排期。',
  channel: 'miniapp',
  status: 'in_progress',
  level: 0,
  ownerId: 'sp-007',
  ownerName: '徐慧萍',
  coHandlers: [],
  filedBy: { id: 'staff-en-0001', name: '范波艳', role: 'staff' },
  createdAt: NOW,
  updatedAt: NOW,
  firstResponseDueAt: '2026-12-02T10:00:00.000Z',
  dueAt: '2026-12-08T10:00:00.000Z',
  acceptedAt: '2026-12-01T03:00:00.000Z',
  reopenCount: 0,
  version: 2,
}

const appealPage = appealPageSchema.parse({ items: [appeal], cursor: null })
const appealDetail = appealDetailSchema.parse({
  appeal,
  events: [
    { appealId: appeal.id, seq: 1, type: 'submit', at: NOW, actor: appeal.filedBy, from: null, to: 'assigned', message: appeal.description },
    { appealId: appeal.id, seq: 2, type: 'accept', at: '2026-12-01T03:00:00.000Z', actor: { id: 'sp-007', name: '徐慧萍', role: 'specialist' }, from: 'assigned', to: 'in_progress', message: '已受理，正在协调供电公司排期' },
  ],
  allowedActions: ['note'],
})
const notifications = notificationPageSchema.parse({
  items: [
    {
      id: 'nt-0001',
      kind: 'accepted',
      title: '诉求已受理',
      body: '您的诉求「新厂房 10kV 线路接电」已由徐慧萍受理。',
      page: `packages/appeal/detail/index?id=${appeal.id}`,
      appealId: appeal.id,
      createdAt: '2026-12-01T03:00:00.000Z',
      read: false,
    },
  ],
  cursor: null,
  unread: 1,
})

const ok = (body: unknown) => ({ status: 200, body })
const json = (request: ApiRequest): Record<string, unknown> => (typeof request.data === 'string' ? (JSON.parse(request.data) as Record<string, unknown>) : ((request.data ?? {}) as Record<string, unknown>))

/** The routes the pages under test call; /api/me answers with the binding once the visitor asked to join. */
export function fakeApi(): { routes: Route[]; bindBodies: Record<string, unknown>[]; consents: Record<string, unknown>[] } {
  const bindBodies: Record<string, unknown>[] = []
  const consents: Record<string, unknown>[] = []
  const me = () => (bindBodies.length ? member : newcomer)
  const routes: Route[] = [
    { method: 'GET', path: /^\/api\/cards\/[0-9a-z]{20}$/, reply: () => ok(card) },
    { method: 'POST', path: /^\/api\/auth\/wechat$/, reply: () => ok(loginAsNewcomer) },
    {
      method: 'POST',
      path: /^\/api\/cards\/[0-9a-z]{20}\/bind$/,
      reply: (request) => {
        bindBodies.push(json(request))
        return ok(bindCardResponseSchema.parse({ binding: member.bindings?.[0] }))
      },
    },
    { method: 'GET', path: /^\/api\/me$/, reply: () => ok(meResponseSchema.parse({ user: me() })) },
    {
      method: 'POST',
      path: /^\/api\/me\/privacy-consent$/,
      reply: (request) => {
        consents.push(json(request))
        return ok(meResponseSchema.parse({ user: { ...me(), privacyConsent: { version: String(json(request).version), at: NOW } } }))
      },
    },
    { method: 'GET', path: /^\/api\/catalog$/, reply: () => ok(catalog) },
    { method: 'GET', path: /^\/api\/appeals$/, reply: () => ok(appealPage) },
    { method: 'GET', path: /^\/api\/appeals\/ap-[0-9A-Z]{26}$/, reply: () => ok(appealDetail) },
    { method: 'GET', path: /^\/api\/notifications$/, reply: () => ok(notifications) },
    { method: 'GET', path: /^\/api\/notifications\/unread-count$/, reply: () => ok(unreadCountSchema.parse({ unread: notifications.unread })) },
  ]
  return { routes, bindBodies, consents }
}
