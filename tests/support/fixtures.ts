import type { Actor } from '@shared/domain/actor'
import type { Appeal, AppealStatus, CoHandler } from '@shared/schemas/appeal.schema'
import type { Category } from '@shared/schemas/catalog.schema'

export const staff: Actor = { id: 'staff-en-0001', name: '范波艳', role: 'staff', enterpriseIds: ['en-0001'], pendingEnterpriseIds: [] }
export const otherStaff: Actor = { id: 'staff-en-0002', name: '韦琳', role: 'staff', enterpriseIds: ['en-0002'], pendingEnterpriseIds: [] }
export const owner: Actor = { id: 'sp-007', name: '徐慧萍', role: 'specialist', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }
export const otherSpecialist: Actor = { id: 'sp-001', name: '姜婷', role: 'specialist', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }
export const powerHandler: Actor = { id: 'dh-001', name: '林明', role: 'department_handler', departmentId: 'power', enterpriseIds: [], pendingEnterpriseIds: [] }
export const waterHandler: Actor = { id: 'dh-002', name: '金远静', role: 'department_handler', departmentId: 'water', enterpriseIds: [], pendingEnterpriseIds: [] }
export const areaAdmin: Actor = { id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }
export const otherAreaAdmin: Actor = { id: 'ad-yuhu', name: '方桂静', role: 'area_admin', areaId: 'yuhu', enterpriseIds: [], pendingEnterpriseIds: [] }
export const cityAdmin: Actor = { id: 'ad-city', name: '万明建', role: 'city_admin', enterpriseIds: [], pendingEnterpriseIds: [] }

export const powerCategory: Category = { id: 'power', name: '用电', departments: ['power', 'drc'], firstResponseDays: 1, resolveDays: 5, taskForce: true }

/** The power company's co-handling task, asked at submission with the appeal's deadline. */
export function powerTask(overrides: Partial<CoHandler> = {}): CoHandler {
  return {
    kind: 'department',
    id: 'power',
    name: '国网湘潭供电公司',
    status: 'open',
    requestedAt: '2026-11-23T02:00:00.000Z',
    dueAt: '2026-11-30T15:59:59.999Z',
    ...overrides,
  }
}

export function makeAppeal(overrides: Partial<Appeal> = {}): Appeal {
  return {
    id: 'ap-test',
    number: 'XT-20261123-0013',
    enterpriseId: 'en-0001',
    enterpriseName: '湖南锦程汽车零部件有限公司',
    areaId: 'xt-hitech',
    categoryId: 'power',
    categoryName: '用电',
    title: '新线路接电',
    description: '新厂房需要接入 10kV 线路',
    channel: 'miniapp',
    status: 'assigned',
    level: 0,
    ownerId: 'sp-007',
    ownerName: '徐慧萍',
    // The department has already replied: the owner may answer without explaining why.
    coHandlers: [powerTask({ status: 'replied', repliedAt: '2026-11-23T06:00:00.000Z', reply: '已安排勘察' })],
    filedBy: { id: staff.id, name: staff.name, role: 'staff' },
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T02:00:00.000Z',
    firstResponseDueAt: '2026-11-24T15:59:59.999Z',
    dueAt: '2026-11-30T15:59:59.999Z',
    reopenCount: 0,
    resolveDays: 5,
    version: 1,
    ...overrides,
  }
}

export const ALL_STATUSES: AppealStatus[] = ['submitted', 'assigned', 'in_progress', 'responded', 'closed', 'withdrawn']
