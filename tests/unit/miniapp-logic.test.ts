import { describe, expect, it } from 'vitest'
import { buildAction, emptyDraft } from '../../miniapp/src/utils/action-form'
import { deadlineParts, holderName, isOverdue } from '../../miniapp/src/utils/appeal'
import { formatDateTime, formatShortDate, formatShortDateTime } from '../../miniapp/src/utils/format'
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
    expect(deadlineParts({ status: 'in_progress', dueAt: '2027-01-05T15:59:59.999Z', deadlineProvisional: true }, now)).toEqual({ provisional: true, overdue: true })
    expect(deadlineParts({ status: 'responded', dueAt: '2027-01-05T15:59:59.999Z' }, now)).toEqual({ provisional: false, overdue: false })
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
