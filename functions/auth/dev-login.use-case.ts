import { createHash } from 'node:crypto'
import { ValidationError } from '@shared/errors'
import type { DevIdentity, LoginResponse } from '@shared/schemas/user.schema'
import { ROLE_LABEL } from '@shared/labels'
import { isEnterpriseStaff } from '@shared/domain/policy'
import { getCatalog } from '../store/catalog.store'
import { getEnterprise, listEnterprisesOfArea } from '../store/enterprise.store'
import { putBinding } from '../store/binding.store'
import { findOpenidOfUser, getUser, linkOpenid, listUsersByRole, putUser, type UserRecord } from '../store/user.store'
import { issueSession } from './session.use-case'

const STAFF_PREFIX = 'staff:'
const staffUserId = (enterpriseId: string) => `staff-${enterpriseId}`

/**
 * Local demo login: an official by id (sp-…, dh-…, th-…, ad-…), or `staff:<enterpriseId>` as that
 * enterprise's contact person, bound and approved. Only deployed where DEV_LOGIN is on.
 */
export async function devLogin(as: string, now: Date): Promise<LoginResponse> {
  const user = as.startsWith(STAFF_PREFIX) ? await demoStaff(as.slice(STAFF_PREFIX.length), now) : await getUser(as)
  if (!user || (isEnterpriseStaff(user) && !as.startsWith(STAFF_PREFIX))) {
    throw new ValidationError('没有这个演示身份', { as: '没有这个演示身份，请从列表中选择' })
  }
  await ensureDemoOpenid(user.id, now)
  return issueSession(user, now)
}

/**
 * A demo identity gets a WeChat openid of its own the first time it logs in, as if it had signed
 * in from a phone: subscribe messages to it then show on the local page /dev/wechat.
 */
async function ensureDemoOpenid(userId: string, now: Date): Promise<void> {
  if (await findOpenidOfUser(userId)) return
  const openid = `o${createHash('sha256').update(`demo:${userId}`).digest('base64url').slice(0, 27)}`
  await linkOpenid(openid, userId, now.toISOString())
}

async function demoStaff(enterpriseId: string, now: Date): Promise<UserRecord | undefined> {
  const enterprise = await getEnterprise(enterpriseId)
  if (!enterprise) return undefined
  const user: UserRecord = { id: staffUserId(enterpriseId), name: enterprise.contact?.name ?? '企业联系人', role: 'staff', phone: enterprise.contact?.phone }
  await putUser(user)
  const at = now.toISOString()
  await putBinding({
    userId: user.id,
    userName: user.name,
    enterpriseId,
    enterpriseName: enterprise.name,
    areaId: enterprise.areaId,
    specialistId: enterprise.specialistId,
    status: 'approved',
    requestedAt: at,
    decidedAt: at,
    decidedBy: '演示数据',
    via: 'demo',
  })
  return user
}

const DEMO_STAFF_PER_AREA = 2

/** Who can be picked on the local login page: every official, and a few enterprises per area. */
export async function listDevIdentities(): Promise<DevIdentity[]> {
  const catalog = await getCatalog()
  const areaName = new Map(catalog.areas.map((a) => [a.id, a.name]))
  const departmentName = new Map(catalog.departments.map((d) => [d.id, d.name]))
  const taskForceName = new Map(catalog.taskForces.map((t) => [t.id, t.name]))
  const [admins, areaAdmins, specialists, handlers, taskForceHandlers, enterprises] = await Promise.all([
    listUsersByRole('city_admin'),
    listUsersByRole('area_admin'),
    listUsersByRole('specialist'),
    listUsersByRole('department_handler'),
    listUsersByRole('taskforce_handler'),
    Promise.all(catalog.areas.map((a) => listEnterprisesOfArea(a.id, DEMO_STAFF_PER_AREA))).then((lists) => lists.flat().sort((a, b) => a.id.localeCompare(b.id))),
  ])
  const official = (u: UserRecord, where: string | undefined): DevIdentity => ({
    as: u.id,
    name: u.name,
    role: u.role,
    description: [where, u.title ?? ROLE_LABEL[u.role]].filter(Boolean).join(' · '),
  })
  return [
    ...enterprises.map((e) => ({
      as: `${STAFF_PREFIX}${e.id}`,
      name: e.contact?.name ?? '企业联系人',
      role: 'staff' as const,
      description: `${e.name} · ${areaName.get(e.areaId) ?? ''}`,
    })),
    ...specialists.map((u) => official(u, areaName.get(u.areaId ?? ''))),
    ...handlers.map((u) => official(u, departmentName.get(u.departmentId ?? ''))),
    ...taskForceHandlers.map((u) => official(u, taskForceName.get(u.taskForceId ?? ''))),
    ...admins.map((u) => official(u, undefined)),
    ...areaAdmins.map((u) => official(u, undefined)),
  ]
}
