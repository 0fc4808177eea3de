import { describe, expect, it } from 'vitest'
import type { User } from '@shared/schemas/user.schema'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import type { QueueItem } from '@shared/schemas/supervision.schema'
import {
  actionButtonLabel,
  arrangeActions,
  buildAction,
  emptyDraft,
  extendDateRange,
  handlerKey,
  panelFieldErrors,
  parseHandlerKey,
  toggleHandler,
} from '../../miniapp/src/utils/action-form'
import { deadlineParts, holderName, isOverdue, isTaskOverdue, levelLabel, userTask } from '../../miniapp/src/utils/appeal'
import {
  countsLine,
  digestsFor,
  digestUrl,
  filterQueue,
  queueDeadline,
  reasonChips,
  scopeAreaId,
  supervisionScope,
  weekLabel,
} from '../../miniapp/src/packages/supervision/supervision-view'
import { makeAppeal, powerTask } from '../support/fixtures'
import { badgeText, beijingDay, formatDateTime, formatShortDate, formatShortDateTime, formatTime } from '../../miniapp/src/utils/format'
import { dayLabel, groupByDay, isRead, notificationTarget, reminderText } from '../../miniapp/src/packages/inbox/inbox-view'
import { acceptAll, declinedIn, remindersOff, resultsFromAnswer, templatesToAsk } from '../../miniapp/src/utils/subscribe'
import { groupIdentities, identityElementId } from '../../miniapp/src/pages/login/groups'

describe('mini-program time display (Beijing time, no Intl)', () => {
  it('shows instants in UTC+8 whatever the device zone', () => {
    expect(formatDateTime('2026-11-23T19:13:00.000Z')).toBe('2026-11-24 03:13')
    expect(formatShortDateTime('2026-11-30T15:59:59.999Z', new Date('2026-11-24T00:00:00Z'))).toBe('11月30日 23:59')
    expect(formatShortDate('2027-01-04T15:59:59.999Z', new Date('2026-12-28T00:00:00Z'))).toBe('2027年1月4日')
    expect(formatDateTime('not a date')).toBe('')
  })
})

describe('appeal helpers', () => {
  const now = new Date('2026-12-01T00:00:00Z')
  it('marks an appeal overdue only while its resolution clock runs', () => {
    expect(isOverdue({ status: 'in_progress', dueAt: '2026-11-30T15:59:59.999Z' }, now)).toBe(true)
    expect(isOverdue({ status: 'responded', dueAt: '2026-11-30T15:59:59.999Z' }, now)).toBe(false)
    expect(isOverdue({ status: 'assigned', dueAt: '2026-12-01T15:59:59.999Z' }, now)).toBe(false)
  })

  it('names the area duty queue when there is no owner', () => {
    expect(holderName({ ownerName: null })).toBe('属地待分派')
    expect(holderName({ ownerName: '徐慧萍' })).toBe('徐慧萍')
  })
})

describe('deadline display', () => {
  it('marks provisional deadlines and overdue open appeals', () => {
    const now = new Date('2027-01-06T00:00:00Z')
    expect(deadlineParts({ status: 'in_progress', dueAt: '2027-01-05T15:59:59.999Z', deadlineProvisional: true }, now)).toEqual({
      provisional: true,
      overdue: true,
      paused: false,
    })
    expect(deadlineParts({ status: 'responded', dueAt: '2027-01-05T15:59:59.999Z' }, now)).toEqual({ provisional: false, overdue: false, paused: false })
  })
})

describe('action panel', () => {
  it('builds a valid action with the version on screen', () => {
    const result = buildAction({ ...emptyDraft('respond'), outcome: 'resolved', message: '线路已接通' }, 3)
    expect(result).toEqual({ ok: true, action: { type: 'respond', expectedVersion: 3, outcome: 'resolved', message: '线路已接通' } })
    expect(buildAction({ ...emptyDraft('evaluate'), rating: 'basically', message: '' }, 4)).toEqual({
      ok: true,
      action: { type: 'evaluate', expectedVersion: 4, rating: 'basically', comment: '' },
    })
  })

  it('explains a missing choice and missing text in Chinese, under the panel fields', () => {
    const respond = buildAction(emptyDraft('respond'), 3)
    expect(respond).toEqual({ ok: false, fields: { outcome: '请选择答复结果', message: '请填写答复内容' } })
    const withdraw = buildAction(emptyDraft('withdraw'), 1)
    expect(withdraw).toEqual({ ok: false, fields: { message: '请填写撤回原因' } })
  })
})

describe('demo login page', () => {
  it('groups identities by role in a fixed order and makes DOM-safe ids', () => {
    const groups = groupIdentities([
      { as: 'ad-city', name: '万明建', role: 'city_admin', description: '' },
      { as: 'staff:en-0001', name: '范波艳', role: 'staff', description: '' },
      { as: 'th-001', name: '邓国志', role: 'taskforce_handler', description: '' },
    ])
    expect(groups.map((g) => [g.title, g.identities.map((i) => i.as)])).toEqual([
      ['企业联系人', ['staff:en-0001']],
      ['部门经办人', ['th-001']],
      ['管理员', ['ad-city']],
    ])
    expect(identityElementId('staff:en-0001')).toBe('identity-staff-en-0001')
  })
})

describe('overdue and paused clocks on lists and the detail', () => {
  const now = new Date('2026-11-25T02:00:00Z')
  it('counts a missed first response while the appeal waits to be accepted', () => {
    const waiting = { status: 'assigned' as const, firstResponseDueAt: '2026-11-24T15:59:59.999Z', dueAt: '2026-11-30T15:59:59.999Z' }
    expect(isOverdue(waiting, now)).toBe(true)
    expect(isOverdue({ ...waiting, status: 'in_progress' }, now)).toBe(false)
  })

  it('stops the clock while the enterprise is asked for material', () => {
    const paused = { status: 'in_progress' as const, dueAt: '2026-11-20T15:59:59.999Z', awaitingMaterial: { since: '2026-11-19T02:00:00.000Z', message: '负荷表' } }
    expect(isOverdue(paused, now)).toBe(false)
    expect(deadlineParts(paused, now).paused).toBe(true)
  })

  it("trusts the sweep's mark while the marked deadline still runs, not after an extension", () => {
    const marked = makeAppeal({ status: 'in_progress', dueAt: '2026-11-30T15:59:59.999Z', overdue: { kind: 'resolution', dueAt: '2026-11-30T15:59:59.999Z', at: '2026-12-01T00:00:00.000Z' } })
    expect(isOverdue(marked, now)).toBe(true)
    expect(isOverdue({ ...marked, dueAt: '2026-12-10T15:59:59.999Z' }, now)).toBe(false)
    expect(isOverdue({ ...marked, status: 'responded' }, now)).toBe(false)
  })

  it('names supervision levels as the supervisors do', () => {
    expect(levelLabel(0)).toBeNull()
    expect(levelLabel(1)).toBe('属地督办')
    expect(levelLabel(2)).toBe('市级督办')
  })

  it("finds a handler's own task and tells when it is late", () => {
    const appeal = makeAppeal({ coHandlers: [powerTask(), powerTask({ kind: 'taskForce', id: 'tf-industry', name: '工业专班' })] })
    const handler: User = { id: 'dh-001', name: '林明', role: 'department_handler', departmentId: 'power' }
    expect(userTask(appeal, handler)?.name).toBe('国网湘潭供电公司')
    expect(userTask(appeal, { id: 'th-001', name: '邓国志', role: 'taskforce_handler', taskForceId: 'tf-industry' })?.name).toBe('工业专班')
    expect(userTask(appeal, { id: 'sp-007', name: '徐慧萍', role: 'specialist' })).toBeUndefined()
    expect(isTaskOverdue(powerTask(), new Date('2026-12-01T00:00:00Z'))).toBe(true)
    expect(isTaskOverdue(powerTask({ status: 'replied' }), new Date('2026-12-01T00:00:00Z'))).toBe(false)
  })
})

describe('action sheets for co-handling, transfer, escalation, extension and material', () => {
  it('asks departments and task forces to co-handle, 3 working days unless changed', () => {
    const chosen = toggleHandler(toggleHandler([], handlerKey('department', 'fin-office')), handlerKey('taskForce', 'tf-industry'))
    expect(parseHandlerKey('department-fin-office')).toEqual({ kind: 'department', id: 'fin-office' })
    expect(parseHandlerKey('nobody-x')).toBeNull()
    expect(toggleHandler(chosen, 'department-fin-office')).toEqual(['taskForce-tf-industry'])
    const result = buildAction({ ...emptyDraft('co-handle'), handlers: chosen, message: '请核实贷款贴息政策' }, 4)
    expect(result).toEqual({
      ok: true,
      action: {
        type: 'co-handle',
        expectedVersion: 4,
        handlers: [
          { kind: 'department', id: 'fin-office' },
          { kind: 'taskForce', id: 'tf-industry' },
        ],
        days: 3,
        message: '请核实贷款贴息政策',
      },
    })
  })

  it('refuses a co-handling request without co-handlers, with a bad time or without a request', () => {
    expect(buildAction({ ...emptyDraft('co-handle'), days: '31' }, 1)).toEqual({
      ok: false,
      fields: { handlers: '请至少选择一个协办单位', days: '协办时限不超过 30 个工作日', message: '请填写协办事项' },
    })
    const halfDay = buildAction({ ...emptyDraft('co-handle'), handlers: ['department-power'], days: '1.5', message: '请勘察' }, 1)
    expect(halfDay).toEqual({ ok: false, fields: { days: '时限须为整数' } })
    expect(buildAction({ ...emptyDraft('co-handle'), handlers: ['department-power'], days: '', message: '请勘察' }, 1)).toEqual({
      ok: false,
      fields: { days: '请填写协办时限' },
    })
  })

  it('requires the reason for answering first only while a task is open', () => {
    const draft = { ...emptyDraft('respond'), outcome: 'resolved' as const, message: '线路已接通' }
    expect(buildAction(draft, 5, { openTask: true })).toEqual({ ok: false, fields: { openTaskReason: '协办单位尚未回复，请说明先行答复企业的原因' } })
    expect(buildAction({ ...draft, openTaskReason: '企业急需答复，供电公司口头已确认' }, 5, { openTask: true })).toEqual({
      ok: true,
      action: { type: 'respond', expectedVersion: 5, outcome: 'resolved', message: '线路已接通', openTaskReason: '企业急需答复，供电公司口头已确认' },
    })
    // A reason typed before the last task replied is not sent once it has.
    expect(buildAction({ ...draft, openTaskReason: '不再需要' }, 5, { openTask: false })).toEqual({
      ok: true,
      action: { type: 'respond', expectedVersion: 5, outcome: 'resolved', message: '线路已接通' },
    })
  })

  it('builds transfer, escalation, extension, material and task replies from the one text box', () => {
    expect(buildAction({ ...emptyDraft('transfer'), toSpecialistId: 'sp-008', message: '涉及经开区用地' }, 2)).toEqual({
      ok: true,
      action: { type: 'transfer', expectedVersion: 2, toSpecialistId: 'sp-008', reason: '涉及经开区用地' },
    })
    expect(buildAction(emptyDraft('transfer'), 2)).toEqual({ ok: false, fields: { toSpecialistId: '请选择接办专员', message: '请填写转办原因' } })
    expect(buildAction({ ...emptyDraft('escalate'), message: '需市级协调' }, 2)).toEqual({
      ok: true,
      action: { type: 'escalate', expectedVersion: 2, reason: '需市级协调' },
    })
    expect(buildAction({ ...emptyDraft('extend'), message: '等待省厅批复' }, 2)).toEqual({ ok: false, fields: { dueDate: '请选择新的办结日期' } })
    expect(buildAction({ ...emptyDraft('extend'), dueDate: '2026-12-10', message: '等待省厅批复' }, 2)).toEqual({
      ok: true,
      action: { type: 'extend', expectedVersion: 2, dueDate: '2026-12-10', reason: '等待省厅批复' },
    })
    expect(buildAction(emptyDraft('request-material'), 2)).toEqual({ ok: false, fields: { message: '请填写所需材料' } })
    expect(buildAction(emptyDraft('supply-material'), 2)).toEqual({ ok: false, fields: { message: '请填写材料说明' } })
    expect(buildAction(emptyDraft('reply-task'), 2)).toEqual({ ok: false, fields: { message: '请填写协办意见' } })
    expect(buildAction(emptyDraft('accept-task'), 2)).toEqual({ ok: true, action: { type: 'accept-task', expectedVersion: 2 } })
  })

  it("puts the server's field errors under the panel's fields", () => {
    expect(panelFieldErrors('transfer', { reason: '请填写转办原因', toSpecialistId: '接办专员不存在' })).toEqual({
      message: '请填写转办原因',
      toSpecialistId: '接办专员不存在',
    })
    expect(panelFieldErrors('co-handle', { 'handlers.1.id': '协办单位不存在' })).toEqual({ handlers: '协办单位不存在' })
    expect(panelFieldErrors('respond', { openTaskReason: '请说明' })).toEqual({ openTaskReason: '请说明' })
  })

  it('offers an extension from the day after the current deadline (Shanghai)', () => {
    const extension = { dueAt: '2026-11-30T15:59:59.999Z', now: new Date('2026-11-24T02:00:00Z'), calendar: CHINESE_CALENDAR }
    expect(extendDateRange(extension)).toMatchObject({ start: '2026-12-01' })
  })

  it('keeps the likely next step in the bar and the rest under 更多', () => {
    expect(arrangeActions(['note', 'respond'])).toEqual({ bar: ['respond', 'note'], more: [] })
    expect(arrangeActions(['note', 'respond', 'co-handle'])).toEqual({ bar: ['respond', 'note', 'co-handle'], more: [] })
    expect(arrangeActions(['note', 'respond', 'co-handle', 'transfer', 'escalate', 'request-material'])).toEqual({
      bar: ['respond', 'note'],
      more: ['co-handle', 'request-material', 'escalate', 'transfer'],
    })
    expect(actionButtonLabel('escalate', 'specialist')).toBe('疑难诉求提级')
    expect(actionButtonLabel('escalate', 'area_admin')).toBe('提级督办')
  })
})

describe('supervision pages', () => {
  const item = (id: string, reasons: QueueItem['reasons'], overrides: Parameters<typeof makeAppeal>[0] = {}): QueueItem => ({
    appeal: makeAppeal({ id, ...overrides }),
    reasons,
  })
  const queue = {
    counts: { escalated: 1, overdue: 2, due_soon: 1 },
    items: [item('ap-1', ['overdue', 'escalated']), item('ap-2', ['overdue']), item('ap-3', ['due_soon'])],
  }

  it('lets area and city admins supervise, the city over all areas or one', () => {
    expect(supervisionScope({ id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin', areaId: 'xt-hitech' })).toEqual({ kind: 'area', areaId: 'xt-hitech' })
    expect(supervisionScope({ id: 'ad-city', name: '万明建', role: 'city_admin' })).toEqual({ kind: 'city' })
    expect(supervisionScope({ id: 'sp-007', name: '徐慧萍', role: 'specialist' }).kind).toBe('none')
    expect(scopeAreaId('city')).toBeNull()
    expect(scopeAreaId('xt-econ')).toBe('xt-econ')
  })

  it('filters the queue by reason, with counts on the chips', () => {
    expect(reasonChips(queue).map((c) => c.label)).toEqual(['全部 3', '已提级 1', '已超期 2', '即将到期 1'])
    expect(filterQueue(queue.items, 'overdue').map((i) => i.appeal.id)).toEqual(['ap-1', 'ap-2'])
    expect(filterQueue(queue.items, 'all')).toHaveLength(3)
  })

  it('shows the running deadline of a queue row, or that it is paused', () => {
    expect(queueDeadline(makeAppeal({ status: 'assigned' }))).toEqual({ kind: 'due', label: '首次响应', at: '2026-11-24T15:59:59.999Z' })
    expect(queueDeadline(makeAppeal({ status: 'in_progress' }))).toEqual({ kind: 'due', label: '办结时限', at: '2026-11-30T15:59:59.999Z' })
    expect(queueDeadline(makeAppeal({ status: 'in_progress', awaitingMaterial: { since: '2026-11-24T02:00:00.000Z', message: '负荷表' } }))).toEqual({
      kind: 'paused',
    })
  })

  it('lists the weeks of the chosen scope, newest first, and links each', () => {
    const totals = { open: 12, overdue: 2, dueThisWeek: 3, escalated: 1, unsatisfied: 0 }
    const summary = (week: string, areaId: string | null) => ({
      week,
      scope: { kind: areaId ? ('area' as const) : ('city' as const), areaId, name: areaId ?? '湘潭市' },
      generatedAt: `${week}T01:00:00.000Z`,
      totals,
    })
    const items = [summary('2026-11-16', null), summary('2026-11-23', null), summary('2026-11-23', 'xt-hitech')]
    expect(digestsFor(items, { kind: 'city' }, null).map((d) => d.week)).toEqual(['2026-11-23', '2026-11-16'])
    expect(digestsFor(items, { kind: 'city' }, 'xt-hitech')).toHaveLength(1)
    expect(digestUrl('2026-11-23', 'xt-hitech')).toBe('/packages/supervision/digest/index?week=2026-11-23&areaId=xt-hitech')
    expect(weekLabel('2026-11-23')).toBe('2026年11月23日—11月29日')
    expect(countsLine(totals)).toBe('未办结 12 · 已超期 2 · 本周到期 3 · 已提级 1 · 不满意 0')
  })
})

describe('inbox (消息)', () => {
  // Tuesday 24 November 2026, 09:30 in Beijing (01:30 UTC).
  const now = new Date('2026-11-24T01:30:00.000Z')

  it('reads days and times on the Beijing calendar, whatever the device zone', () => {
    // 16:30 UTC on the 23rd is already 00:30 on the 24th in Beijing.
    expect(beijingDay('2026-11-23T16:30:00.000Z')).toBe('2026-11-24')
    expect(beijingDay('2026-11-23T15:59:59.999Z')).toBe('2026-11-23')
    expect(formatTime('2026-11-23T16:05:00.000Z')).toBe('00:05')
    expect(beijingDay('not a date')).toBe('')
  })

  it('names days 今天, 昨天, then by date, with the year only when it is not this one', () => {
    expect(dayLabel('2026-11-24', now)).toBe('今天')
    expect(dayLabel('2026-11-23', now)).toBe('昨天')
    expect(dayLabel('2026-11-20', now)).toBe('11月20日')
    expect(dayLabel('2025-12-31', now)).toBe('2025年12月31日')
    // Just after midnight in Beijing (still the previous day in UTC), yesterday is the 23rd.
    expect(dayLabel('2026-11-23', new Date('2026-11-23T16:10:00.000Z'))).toBe('昨天')
    expect(dayLabel('2026-11-24', new Date('2026-11-23T16:10:00.000Z'))).toBe('今天')
  })

  it('groups notifications by Beijing day, newest first, a day split across pages still one group', () => {
    const items = [
      { id: 'a', createdAt: '2026-11-24T01:00:00.000Z' },
      { id: 'b', createdAt: '2026-11-23T16:30:00.000Z' },
      { id: 'c', createdAt: '2026-11-23T15:00:00.000Z' },
      { id: 'd', createdAt: '2026-11-20T03:00:00.000Z' },
      // A later page that repeats a day already shown.
      { id: 'e', createdAt: '2026-11-23T01:00:00.000Z' },
    ]
    const groups = groupByDay(items, now)
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['今天', ['a', 'b']],
      ['昨天', ['c', 'e']],
      ['11月20日', ['d']],
    ])
    expect(groupByDay([], now)).toEqual([])
  })

  it('leads a notification to its page, tab pages by switchTab, and nowhere for anything else', () => {
    expect(notificationTarget('packages/appeal/detail/index?id=ap-01jc')).toEqual({ url: '/packages/appeal/detail/index?id=ap-01jc', tab: false })
    expect(notificationTarget('/packages/supervision/digest/index?week=2026-11-23&areaId=xt-hitech')).toEqual({
      url: '/packages/supervision/digest/index?week=2026-11-23&areaId=xt-hitech',
      tab: false,
    })
    expect(notificationTarget('pages/index/index?filter=assigned')).toEqual({ url: '/pages/index/index', tab: true })
    expect(notificationTarget('https://example.com/')).toBeNull()
    expect(notificationTarget('')).toBeNull()
    expect(notificationTarget('../pages/index/index')).toBeNull()
  })

  it('counts on the badge: nothing at zero, at most 99+', () => {
    expect(badgeText(0)).toBe('')
    expect(badgeText(1)).toBe('1')
    expect(badgeText(99)).toBe('99')
    expect(badgeText(120)).toBe('99+')
  })

  it('keeps an item read once tapped here, before the server answers', () => {
    expect(isRead({ id: 'a', read: false }, new Set(['a']))).toBe(true)
    expect(isRead({ id: 'b', read: false }, new Set(['a']))).toBe(false)
    expect(isRead({ id: 'b', read: true }, new Set())).toBe(true)
  })

  it('invites each role to turn reminders on in its own words', () => {
    expect(reminderText('specialist')).toBe('开启消息提醒，新诉求第一时间通知您')
    expect(reminderText('area_admin')).toBe('开启消息提醒，新诉求第一时间通知您')
    expect(reminderText('department_handler')).toContain('协办任务')
    expect(reminderText('staff')).toContain('受理和答复')
  })
})

describe('subscribe messages at natural taps', () => {
  const template = (key: 'task' | 'deadline', budget: number) => ({ key, templateId: `tpl-${key}`, name: key, budget })

  it('asks for what has run out, but not again at ordinary taps for what the user declined this session', () => {
    const declined = new Set(['tpl-deadline'])
    expect(templatesToAsk(['tpl-task', 'tpl-deadline'], declined, false)).toEqual(['tpl-task'])
    // The inbox's 开启提醒 button asks for everything that has run out.
    expect(templatesToAsk(['tpl-task', 'tpl-deadline'], declined, true)).toEqual(['tpl-task', 'tpl-deadline'])
    expect(templatesToAsk([], declined, true)).toEqual([])
  })

  it("reports WeChat's answer for the asked templates only, and only the known answers", () => {
    const answer = { errMsg: 'requestSubscribeMessage:ok', 'tpl-task': 'accept', 'tpl-deadline': 'reject', 'tpl-other': 'accept', 'tpl-odd': 'maybe' }
    expect(resultsFromAnswer(answer, ['tpl-task', 'tpl-deadline', 'tpl-odd', 'tpl-missing'])).toEqual({ 'tpl-task': 'accept', 'tpl-deadline': 'reject' })
    expect(declinedIn({ 'tpl-task': 'accept', 'tpl-deadline': 'reject', 'tpl-x': 'ban' })).toEqual(['tpl-deadline', 'tpl-x'])
  })

  it("the local h5 build's stand-in user accepts everything asked", () => {
    expect(acceptAll(['tpl-task', 'tpl-deadline'])).toEqual({ 'tpl-task': 'accept', 'tpl-deadline': 'accept' })
  })

  it('calls reminders off when the most important template has nothing left', () => {
    expect(remindersOff({ templates: [template('task', 0), template('deadline', 2)] })).toBe(true)
    expect(remindersOff({ templates: [template('task', 1), template('deadline', 0)] })).toBe(false)
    // Nothing configured, or not known yet: no banner.
    expect(remindersOff({ templates: [] })).toBe(false)
    expect(remindersOff(null)).toBe(false)
  })
})
