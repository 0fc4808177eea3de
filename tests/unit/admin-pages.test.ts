import { describe, expect, it } from 'vitest'
import type { CardView } from '@shared/schemas/card.schema'
import type { EnterpriseSummary, RosterImportResult, RosterRowResult } from '@shared/schemas/roster.schema'
import type { StaffMember, User } from '@shared/schemas/user.schema'
import { decisionsFor } from '../../miniapp/src/packages/enterprise/staff/staff-decisions'
import { adminScope, scopedAreaId } from '../../miniapp/src/packages/admin/admin-scope'
import { cardPageUrl, enterprisesUrl, routeParam } from '../../miniapp/src/packages/admin/admin-navigation'
import {
  buildHandoverRequest,
  buildReassignRequest,
  handoverDoneMessage,
  reassignDoneMessage,
  transferFieldErrors,
} from '../../miniapp/src/packages/admin/transfer'
import {
  appealCountsText,
  enterpriseListKey,
  enterpriseQuery,
  enterprisesView,
  portfolioEmptyText,
  portfolioFilters,
  portfolioListKey,
  specialistLabel,
  type EnterpriseFilters,
} from '../../miniapp/src/packages/admin/enterprises/enterprise-filters'
import {
  applyBlockedReason,
  canApply,
  fileFieldError,
  filterRows,
  formatBytes,
  importResultMessage,
  rowErrorLines,
  rowFilterOptions,
  summaryItems,
} from '../../miniapp/src/packages/admin/roster/roster-view'
import {
  cardImageFileName,
  chunk,
  specialistLines,
  wrapText,
} from '../../miniapp/src/packages/admin/cards/card-sheet'

const user = (patch: Partial<User>): User => ({ id: 'ad-1', name: '万明建', role: 'area_admin', ...patch })

function row(patch: Partial<RosterRowResult> & Pick<RosterRowResult, 'row' | 'action'>): RosterRowResult {
  return { creditCode: '91430300MA4L000001', enterpriseName: '湘潭电机', changes: [], errors: [], ...patch }
}

function rosterResult(patch: Partial<RosterImportResult> = {}): RosterImportResult {
  return {
    dryRun: true,
    applied: false,
    summary: { create: 1, update: 1, unchanged: 1, invalid: 0 },
    rows: [
      row({ row: 4, action: 'unchanged' }),
      row({ row: 2, action: 'create', enterpriseName: '湘钢配套' }),
      row({ row: 3, action: 'update', changes: ['专员：徐慧萍 → 邓国志'] }),
    ],
    fileProblems: [],
    newSpecialists: 0,
    reassignments: 0,
    ...patch,
  }
}

describe('admin scope', () => {
  it('holds an area admin to their area and lets the city admin pick', () => {
    expect(adminScope(user({ areaId: 'xt-hitech' }))).toEqual({ kind: 'area', areaId: 'xt-hitech' })
    expect(adminScope(user({ role: 'city_admin' }))).toEqual({ kind: 'city' })
    expect(scopedAreaId({ kind: 'area', areaId: 'xt-hitech' }, 'yuhu')).toBe('xt-hitech')
    expect(scopedAreaId({ kind: 'city' }, 'yuhu')).toBe('yuhu')
    expect(scopedAreaId({ kind: 'city' }, null)).toBeNull()
  })

  it('turns away everyone else with a Chinese reason', () => {
    expect(adminScope(null)).toEqual({ kind: 'none', message: '请先登录' })
    expect(adminScope(user({ role: 'specialist' }))).toMatchObject({ kind: 'none', message: '此页面仅供属地管理员和市级管理员使用' })
    expect(adminScope(user({ areaId: undefined }))).toMatchObject({ kind: 'none' })
  })

  it('links to one specialist’s portfolio and reads encoded route values', () => {
    expect(enterprisesUrl({ areaId: 'xt-hitech', specialistId: 'sp-001' })).toBe(
      '/packages/admin/enterprises/index?areaId=xt-hitech&specialistId=sp-001',
    )
    expect(enterprisesUrl()).toBe('/packages/admin/enterprises/index')
    expect(routeParam('sp-001')).toBe('sp-001')
    expect(routeParam('%E6%B9%98')).toBe('湘')
    expect(routeParam(undefined)).toBeNull()
  })
})

describe('enterprise list filters', () => {
  const filters: EnterpriseFilters = { areaId: 'xt-hitech', scale: 'all', openOnly: false, specialistId: null }

  it('sends only the filters in use', () => {
    expect(enterpriseQuery(filters, null)).toEqual({
      areaId: 'xt-hitech',
      scale: undefined,
      specialistId: undefined,
      hasOpenAppeals: undefined,
      limit: 20,
      cursor: null,
    })
    expect(enterpriseQuery({ ...filters, scale: 'near', openOnly: true, specialistId: 'sp-002' }, 'c1')).toMatchObject({
      scale: 'near',
      hasOpenAppeals: true,
      specialistId: 'sp-002',
      cursor: 'c1',
    })
  })

  it('starts a new list when any filter changes, and waits for an area', () => {
    expect(enterpriseListKey({ ...filters, areaId: null })).toBeNull()
    expect(enterpriseListKey(filters)).not.toBe(enterpriseListKey({ ...filters, openOnly: true }))
    expect(enterpriseListKey(filters)).not.toBe(enterpriseListKey({ ...filters, specialistId: 'sp-001' }))
  })

  it('shows a specialist their own portfolio, read-only, and admins the area roster', () => {
    expect(enterprisesView(user({ id: 'sp-025', role: 'specialist', areaId: 'xiangxiang' }))).toEqual({ kind: 'portfolio', specialistId: 'sp-025' })
    expect(enterprisesView(user({ areaId: 'xt-hitech' }))).toEqual({ kind: 'roster' })
    expect(enterprisesView(user({ role: 'city_admin' }))).toEqual({ kind: 'roster' })
    // Everyone else meets the roster page's gate, which says why.
    expect(enterprisesView(user({ role: 'staff' }))).toEqual({ kind: 'roster' })
    expect(enterprisesView(null)).toEqual({ kind: 'roster' })
  })

  it('lists a portfolio at once, by specialist and without an area, with the page’s filters', () => {
    const mine = portfolioFilters('sp-025', 'all', false)
    expect(enterpriseQuery(mine, null)).toEqual({
      areaId: undefined,
      scale: undefined,
      specialistId: 'sp-025',
      hasOpenAppeals: undefined,
      limit: 20,
      cursor: null,
    })
    expect(portfolioListKey(mine)).not.toBe(portfolioListKey(portfolioFilters('sp-025', 'all', true)))
    expect(portfolioListKey(mine)).not.toBe(portfolioListKey(portfolioFilters('sp-025', 'near', false)))
    expect(portfolioListKey(mine)).not.toBe(portfolioListKey(portfolioFilters('sp-026', 'all', false)))
    expect(portfolioEmptyText(mine)).toBe('您名下暂无企业，如有疑问请联系属地管理员')
    expect(portfolioEmptyText(portfolioFilters('sp-025', 'near', false))).toBe('没有符合条件的企业')
    expect(cardPageUrl('2b3c4d5e6f7g8h9j0k1m')).toBe('/pages/card/index?scene=2b3c4d5e6f7g8h9j0k1m&view=card')
  })

  it('names the duty queue for an enterprise without a specialist', () => {
    const enterprise: EnterpriseSummary = {
      id: 'en-0001',
      creditCode: '91430300MA4L000001',
      name: '湘潭电机',
      industry: 'industry',
      scale: 'above',
      areaId: 'xt-hitech',
      specialistId: null,
      specialistName: null,
      cardId: null,
      openAppeals: 2,
      closedAppeals: 5,
    }
    expect(specialistLabel(enterprise)).toBe('未分配（值班队列）')
    expect(specialistLabel({ ...enterprise, specialistId: 'sp-001', specialistName: '徐慧萍' })).toBe('徐慧萍')
    expect(appealCountsText(enterprise)).toBe('未办结 2 件 · 已办结 5 件')
  })
})

describe('reassign and handover forms', () => {
  it('builds the requests with the shared schemas', () => {
    expect(buildReassignRequest({ specialistId: 'sp-002', reason: '  专员岗位调整 ' })).toEqual({
      ok: true,
      body: { specialistId: 'sp-002', reason: '专员岗位调整' },
    })
    expect(buildHandoverRequest({ specialistId: 'sp-003', reason: '专员离职' })).toEqual({
      ok: true,
      body: { toSpecialistId: 'sp-003', reason: '专员离职' },
    })
  })

  it('says what is missing beside the picker and the reason', () => {
    expect(buildReassignRequest({ specialistId: '', reason: '' })).toEqual({
      ok: false,
      fields: { specialist: '请选择专员', reason: '请填写调整原因' },
    })
    expect(buildHandoverRequest({ specialistId: 'sp-003', reason: '走' })).toEqual({
      ok: false,
      fields: { reason: '调整原因至少 2 个字' },
    })
  })

  it('places the API’s field errors and reports the counts', () => {
    expect(transferFieldErrors({ toSpecialistId: '不能移交给本人', other: 'x' }, 'toSpecialistId')).toEqual({
      specialist: '不能移交给本人',
    })
    expect(transferFieldErrors({ reason: '太长' }, 'specialistId')).toEqual({ reason: '太长' })
    expect(reassignDoneMessage({ enterprises: 1, movedAppeals: 3 })).toBe('已调整，3 件未办结诉求随企业转移')
    expect(handoverDoneMessage({ enterprises: 12, movedAppeals: 4 })).toBe('已移交 12 家企业，4 件未办结诉求随之转移')
  })
})

describe('roster import view', () => {
  it('summarises a check in a fixed order', () => {
    expect(summaryItems(rosterResult()).map((i) => `${i.label}${i.count}`)).toEqual(['新增1', '更新1', '无变化1', '错误0'])
  })

  it('allows 确认导入 only for a clean check that changes something', () => {
    expect(canApply(rosterResult())).toBe(true)
    expect(applyBlockedReason(rosterResult())).toBeNull()

    const invalid = rosterResult({ summary: { create: 1, update: 1, unchanged: 1, invalid: 2 } })
    expect(canApply(invalid)).toBe(false)
    expect(applyBlockedReason(invalid)).toContain('有 2 行错误')

    const nothing = rosterResult({ summary: { create: 0, update: 0, unchanged: 3, invalid: 0 } })
    expect(canApply(nothing)).toBe(false)
    expect(applyBlockedReason(nothing)).toBe('名册与现有数据一致，无需导入')

    const badFile = rosterResult({ fileProblems: ['缺少列：统一社会信用代码'] })
    expect(canApply(badFile)).toBe(false)
    expect(applyBlockedReason(badFile)).toContain('文件存在问题')

    expect(canApply(rosterResult({ dryRun: false }))).toBe(false)
    expect(canApply(null)).toBe(false)
  })

  it('tells applied from refused imports', () => {
    const applied = importResultMessage(
      rosterResult({ dryRun: false, applied: true, summary: { create: 3, update: 2, unchanged: 1, invalid: 0 }, newSpecialists: 1 }),
    )
    expect(applied).toEqual({ ok: true, title: '导入完成', detail: '新增 3 家，更新 2 家，无变化 1 家；新增专员 1 名' })
    const refused = importResultMessage(rosterResult({ dryRun: false, summary: { create: 1, update: 0, unchanged: 0, invalid: 1 } }))
    expect(refused.ok).toBe(false)
    expect(refused.detail).toContain('有 1 行错误，未写入任何数据')
  })

  it('lists rows by row number, filtered by action, with errors in words', () => {
    const result = rosterResult()
    expect(filterRows(result.rows, 'all').map((r) => r.row)).toEqual([2, 3, 4])
    expect(filterRows(result.rows, 'update').map((r) => r.row)).toEqual([3])
    expect(rowFilterOptions(result).map((o) => o.label)).toEqual(['全部 3', '新增 1', '更新 1', '无变化 1'])
    const bad = row({ row: 5, action: 'invalid', errors: [{ field: 'creditCode', message: '统一社会信用代码应为 18 位' }] })
    expect(rowErrorLines(bad)).toEqual(['统一社会信用代码应为 18 位'])
  })

  it('puts the API’s file errors beside the file field', () => {
    expect(fileFieldError({ contentBase64: '文件不能超过 4 MB' })).toBe('文件不能超过 4 MB')
    expect(fileFieldError({ fileName: '只支持 .xlsx 或 .csv 文件' })).toBe('只支持 .xlsx 或 .csv 文件')
    expect(fileFieldError({ dryRun: 'x' })).toBeUndefined()
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(2048)).toBe('2 KB')
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB')
  })
})

describe('contact card sheet', () => {
  const card: CardView = {
    id: 'a1b2c3d4e5f6g7h8j9k0',
    enterprise: { id: 'en-0001', name: '湘潭电机/股份 有限公司', areaName: '湘潭高新区' },
    specialist: { id: 'sp-001', name: '徐慧萍', title: '企业服务专员', organisation: '高新区管委会', phone: '0731-58000001' },
    appeals: { open: 0, closed: 0 },
    servicePromise: '一企一专员 · 一码直通',
  }

  it('puts 8 cards on each A4 sheet', () => {
    const pages = chunk(Array.from({ length: 17 }, (_, i) => i), 8)
    expect(pages.map((p) => p.length)).toEqual([8, 8, 1])
    expect(chunk([], 8)).toEqual([])
  })

  it('prints the specialist or the duty queue', () => {
    expect(specialistLines(card)).toEqual({ name: '徐慧萍 · 企业服务专员', organisation: '高新区管委会', phone: '联系电话 0731-58000001' })
    expect(specialistLines({ ...card, specialist: null })).toEqual({
      name: '专员待分配',
      organisation: '湘潭高新区值班专员先行受理',
      phone: '',
    })
  })

  it('names the saved image after the enterprise, without path characters', () => {
    expect(cardImageFileName(card)).toBe('联系卡-湘潭电机股份有限公司.png')
  })

  it('wraps Chinese text by width and ends a cut line with an ellipsis', () => {
    const measure = (s: string) => Array.from(s).length * 10
    expect(wrapText('一企一专员一码直通', 40, measure)).toEqual(['一企一专', '员一码直', '通'])
    expect(wrapText('一企一专员一码直通', 40, measure, 2)).toEqual(['一企一专', '员一码…'])
    expect(wrapText('', 40, measure)).toEqual([])
  })
})

describe('calendar date lists', () => {
  it('reads single dates and holiday periods as the notice writes them', async () => {
    const { parseDateList } = await import('../../miniapp/src/packages/admin/calendar/date-list')
    expect(parseDateList('2027-01-01\n2027-02-06 至 2027-02-08，2027-05-01~2027-05-02')).toEqual({
      dates: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-05-01', '2027-05-02'],
      errors: [],
    })
    expect(parseDateList('2027-02-30, 二月六日, 2027-03-05 至 2027-03-01').errors).toEqual([
      '「2027-02-30」不是日期或日期区间',
      '「二月六日」不是日期或日期区间',
      '「2027-03-05 至 2027-03-01」的区间不正确',
    ])
    expect(parseDateList('  ')).toEqual({ dates: [], errors: [] })
  })
})

describe('an enterprise’s people', () => {
  const member = (userId: string, status: 'pending' | 'approved' | 'rejected'): StaffMember => ({
    userId,
    userName: '测试联系人',
    enterpriseId: 'en-0001',
    enterpriseName: '湖南锦程汽车零部件有限公司',
    status,
    requestedAt: '2026-11-23T02:00:00.000Z',
  })

  it('offers what a member’s status allows, and nothing on the viewer’s own membership (the server refuses it)', () => {
    expect(decisionsFor(member('u-1', 'pending'), { id: 'sp-007' })).toEqual(['approve', 'reject'])
    expect(decisionsFor(member('u-1', 'approved'), { id: 'staff-en-0001' })).toEqual(['revoke'])
    expect(decisionsFor(member('staff-en-0001', 'approved'), { id: 'staff-en-0001' })).toEqual([])
    expect(decisionsFor(member('u-1', 'rejected'), { id: 'sp-007' })).toEqual([])
    expect(decisionsFor(member('u-1', 'pending'), null)).toEqual([])
  })
})
