import { describe, expect, it } from 'vitest'
import { appealActionSchema, listAppealsQuerySchema, submitAppealRequestSchema } from '@shared/schemas/appeal.schema'
import { devLoginRequestSchema } from '@shared/schemas/user.schema'
import { useChineseValidationMessages } from '@shared/schemas/zod-locale'

useChineseValidationMessages()

const valid = { enterpriseId: 'en-0001', categoryId: 'power', title: '新线路接电', description: '新厂房需要接入 10kV 线路' }
/** The first message of each field, as the API reports them. */
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).reverse().map((i) => [i.path.join('.'), i.message]))

describe('submit appeal request', () => {
  it('accepts a complete request and trims text', () => {
    const parsed = submitAppealRequestSchema.parse({ ...valid, title: '  新线路接电  ' })
    expect(parsed.title).toBe('新线路接电')
  })

  it('explains each bad field in Chinese', () => {
    const result = submitAppealRequestSchema.safeParse({ enterpriseId: 'ENT 1', categoryId: 'power', title: '电', description: '' })
    expect(result.success).toBe(false)
    expect(messages(result)).toEqual({ enterpriseId: '企业编号格式不正确', title: '标题至少 2 个字', description: '请填写诉求内容' })
  })

  it('limits the title and description length by characters', () => {
    expect(submitAppealRequestSchema.safeParse({ ...valid, title: '电'.repeat(40) }).success).toBe(true)
    expect(messages(submitAppealRequestSchema.safeParse({ ...valid, title: '电'.repeat(41) }))).toEqual({ title: '标题不能超过 40 个字' })
    expect(submitAppealRequestSchema.safeParse({ ...valid, description: '字'.repeat(2001) }).success).toBe(false)
  })

  it('refuses fields that only actions may set', () => {
    for (const extra of [{ status: 'closed' }, { ownerId: 'sp-001' }, { areaId: 'yuhu' }]) {
      expect(submitAppealRequestSchema.safeParse({ ...valid, ...extra }).success).toBe(false)
    }
  })

  it('reports a missing field even with a wrong type elsewhere', () => {
    const result = submitAppealRequestSchema.safeParse({ enterpriseId: 'en-0001', categoryId: 7, title: '标题' })
    expect(Object.keys(messages(result)).sort()).toEqual(['categoryId', 'description'])
    expect(messages(result).description).toBe('请填写诉求内容')
  })
})

describe('appeal actions', () => {
  it('parses each action type', () => {
    expect(appealActionSchema.parse({ type: 'accept', expectedVersion: 1 })).toEqual({ type: 'accept', expectedVersion: 1 })
    expect(appealActionSchema.parse({ type: 'evaluate', rating: 'satisfied' })).toEqual({ type: 'evaluate', rating: 'satisfied', comment: '' })
    expect(appealActionSchema.parse({ type: 'respond', outcome: 'cannot', message: '政策不支持' }).type).toBe('respond')
  })

  it('rejects unknown types, bad outcomes, missing messages and extra fields', () => {
    expect(appealActionSchema.safeParse({ type: 'close' }).success).toBe(false)
    expect(appealActionSchema.safeParse({ type: 'respond', outcome: 'done', message: '好了好了' }).success).toBe(false)
    expect(messages(appealActionSchema.safeParse({ type: 'respond', outcome: 'resolved' }))).toEqual({ message: '请填写答复内容' })
    expect(appealActionSchema.safeParse({ type: 'accept', status: 'closed' }).success).toBe(false)
    expect(appealActionSchema.safeParse({ type: 'accept', expectedVersion: 1.5 }).success).toBe(false)
  })
})

describe('list query', () => {
  it('defaults the page size and splits the status filter', () => {
    expect(listAppealsQuerySchema.parse({})).toEqual({ limit: 20 })
    expect(listAppealsQuerySchema.parse({ limit: '5', status: 'assigned,in_progress' })).toEqual({ limit: 5, status: ['assigned', 'in_progress'] })
  })

  it('rejects a page size out of range and an unknown status', () => {
    expect(listAppealsQuerySchema.safeParse({ limit: '500' }).success).toBe(false)
    expect(messages(listAppealsQuerySchema.safeParse({ status: 'done' }))).toEqual({ status: '状态筛选值无效' })
  })
})

describe('dev login', () => {
  it('accepts officials and enterprise staff identities only', () => {
    for (const as of ['sp-001', 'dh-016', 'th-001', 'ad-city', 'staff:en-0001']) expect(devLoginRequestSchema.safeParse({ as }).success).toBe(true)
    for (const as of ['', 'admin', 'staff:', 'sp-001; drop', 'staff:sp-001']) expect(devLoginRequestSchema.safeParse({ as }).success).toBe(false)
  })
})

describe('routing table rows', () => {
  it('accepts a sound row and explains each bad field in Chinese', async () => {
    const { categoryRoutingSchema } = await import('@shared/schemas/catalog.schema')
    expect(categoryRoutingSchema.safeParse({ departments: ['power'], taskForce: true, firstResponseDays: 1, resolveDays: 5 }).success).toBe(true)
    const bad = categoryRoutingSchema.safeParse({ departments: ['power', 'power'], taskForce: true, firstResponseDays: 3, resolveDays: 5 })
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['departments: 经办部门有重复'])
    const order = categoryRoutingSchema.safeParse({ departments: ['power'], taskForce: true, firstResponseDays: 3, resolveDays: 2 })
    expect(order.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['resolveDays: 办结时限不能短于首次响应时限'])
    expect(categoryRoutingSchema.safeParse({ departments: [], taskForce: true, firstResponseDays: 0, resolveDays: 61, extra: 1 }).success).toBe(false)
  })
})
