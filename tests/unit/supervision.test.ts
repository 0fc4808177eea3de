import { describe, expect, it } from 'vitest'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { buildDigest, buildQueue, digestWeek, endOfWeek, queueReasons, type DigestNames } from '@shared/domain/supervision'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { buildOpenApiDocument } from '../../functions/meta/openapi-document'
import { makeAppeal, powerTask } from '../support/fixtures'

/** Shanghai wall-clock time as an instant (UTC+8, no daylight saving). */
const shanghai = (local: string) => new Date(`${local}+08:00`)
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString()

const drcTask = powerTask({ id: 'drc', name: '市发展和改革委员会' })
const industryTask = powerTask({ kind: 'taskForce', id: 'tf-industry', name: '工业专班' })
const waterTask = powerTask({ id: 'water', name: '市水务集团（旧称）' })

describe('the supervision queue', () => {
  // Wednesday 25 November 2026, 10:00 in Shanghai.
  const now = shanghai('2026-11-25T10:00:00')
  const late = makeAppeal({ id: 'ap-late', status: 'assigned', firstResponseDueAt: endOf('2026-11-24'), dueAt: endOf('2026-11-30') })
  const dueFriday = makeAppeal({ id: 'ap-friday', status: 'in_progress', dueAt: endOf('2026-11-27') })
  const dueMonday = makeAppeal({ id: 'ap-monday', status: 'in_progress', dueAt: endOf('2026-11-30') })

  it('says why an appeal is there: escalated to the level or above, overdue, or due within two working days', () => {
    expect(queueReasons(late, now, CHINESE_CALENDAR, 1)).toEqual(['overdue'])
    expect(queueReasons({ ...late, level: 1 }, now, CHINESE_CALENDAR, 1)).toEqual(['escalated', 'overdue'])
    expect(queueReasons({ ...late, level: 1 }, now, CHINESE_CALENDAR, 2)).toEqual(['overdue'])
    expect(queueReasons({ ...dueMonday, level: 2 }, now, CHINESE_CALENDAR, 1)).toEqual(['escalated'])
    expect(queueReasons({ ...dueMonday, level: 2 }, now, CHINESE_CALENDAR, 2)).toEqual(['escalated'])
    expect(queueReasons(dueFriday, now, CHINESE_CALENDAR, 1)).toEqual(['due_soon'])
    // Thursday and Friday are the two working days ahead; Monday is the third.
    expect(queueReasons(dueMonday, now, CHINESE_CALENDAR, 1)).toEqual([])
  })

  it('leaves out an appeal whose clock is paused for material, and one that is closed', () => {
    const waiting = { ...late, status: 'in_progress' as const, awaitingMaterial: { since: endOf('2026-11-20'), message: '图纸' } }
    expect(queueReasons(waiting, now, CHINESE_CALENDAR, 1)).toEqual([])
    expect(queueReasons({ ...late, status: 'closed', level: 2 }, now, CHINESE_CALENDAR, 1)).toEqual([])
  })

  it('puts overdue appeals first, then the nearest deadline, and escalated ones without a running deadline last', () => {
    const later = makeAppeal({ id: 'ap-later', status: 'assigned', firstResponseDueAt: endOf('2026-11-20'), dueAt: endOf('2026-11-27') })
    const respondedEscalated = makeAppeal({ id: 'ap-responded', status: 'responded', level: 1, autoCloseAt: endOf('2026-12-03') })
    const queue = buildQueue([respondedEscalated, dueMonday, dueFriday, late, later], now, CHINESE_CALENDAR, 1)
    expect(queue.map((item) => item.appeal.id)).toEqual(['ap-later', 'ap-late', 'ap-friday', 'ap-responded'])
  })

  it('shows the queued appeals of one common problem as one line, with the enterprises they cover', () => {
    const problem = { id: 'cp-drain', title: '园区东路积水', holderId: 'sp-007' }
    const linkedLate = { ...late, id: 'ap-linked-late', enterpriseId: 'en-0001', commonProblem: problem }
    const linkedFriday = { ...dueFriday, id: 'ap-linked-friday', enterpriseId: 'en-0002', level: 1, commonProblem: problem }
    const linkedMonday = { ...dueMonday, id: 'ap-linked-monday', enterpriseId: 'en-0002', level: 1, commonProblem: problem }
    const queue = buildQueue([dueFriday, linkedFriday, linkedMonday, linkedLate], now, CHINESE_CALENDAR, 1)
    expect(queue.map((item) => item.appeal.id)).toEqual(['ap-linked-late', 'ap-friday'])
    expect(queue[0]).toMatchObject({
      reasons: ['escalated', 'overdue', 'due_soon'],
      commonProblem: { id: 'cp-drain', title: '园区东路积水', appealCount: 3, enterpriseCount: 2 },
    })
    expect(queue[1]!.commonProblem).toBeUndefined()
  })
})

describe('the digest week', () => {
  it('runs from Monday to Sunday in Shanghai and is due from Monday 09:00 Shanghai', () => {
    expect(digestWeek(shanghai('2026-11-29T23:00:00'))).toMatchObject({ week: '2026-11-23', passed: true })
    // Monday 07:30 in Shanghai is still Sunday in UTC.
    expect(digestWeek(shanghai('2026-11-30T07:30:00'))).toMatchObject({ week: '2026-11-30', passed: false })
    expect(digestWeek(shanghai('2026-11-30T08:59:00'))).toMatchObject({ week: '2026-11-30', passed: false })
    expect(digestWeek(shanghai('2026-11-30T09:00:00'))).toEqual({ week: '2026-11-30', sendAt: new Date('2026-11-30T01:00:00.000Z'), passed: true })
    expect(endOfWeek('2026-11-30').toISOString()).toBe(endOf('2026-12-06'))
  })
})

describe('the weekly digest', () => {
  const week = '2026-11-30'
  const now = shanghai('2026-11-30T09:00:00')
  const names: DigestNames = {
    department: (id) => ({ power: '国网湘潭供电公司', drc: '市发展和改革委员会' })[id],
    taskForce: (id) => ({ 'tf-industry': '工业专班' })[id],
    specialist: (id) => ({ 'sp-007': '徐慧萍' })[id],
  }
  const sp001 = { ownerId: 'sp-001', ownerName: '姜婷' }

  const overdue = makeAppeal({
    id: 'ap-a',
    status: 'assigned',
    level: 1,
    firstResponseDueAt: endOf('2026-11-27'),
    dueAt: endOf('2026-12-04'),
    coHandlers: [powerTask(), drcTask, industryTask],
    escalation: { level: 1, cause: 'overdue', reason: '超过首次响应时限（11月27日）', at: endOf('2026-11-27'), by: '系统' },
  })
  const dueThisWeek = makeAppeal({ id: 'ap-b', status: 'in_progress', dueAt: endOf('2026-12-04'), coHandlers: [powerTask()] })
  const dueNextWeek = makeAppeal({ id: 'ap-c', status: 'in_progress', dueAt: endOf('2026-12-08'), coHandlers: [waterTask], ...sp001 })
  const dutyQueue = makeAppeal({ id: 'ap-d', status: 'submitted', ownerId: null, ownerName: null, firstResponseDueAt: endOf('2026-12-01'), dueAt: endOf('2026-12-07'), coHandlers: [] })
  const reopened = makeAppeal({
    id: 'ap-e',
    status: 'in_progress',
    level: 1,
    dueAt: endOf('2026-12-07'),
    evaluation: { rating: 'unsatisfied', comment: '没解决', at: shanghai('2026-11-27T15:00:00').toISOString() },
    reopenCount: 1,
    coHandlers: [powerTask()],
    ...sp001,
  })
  const closedUnsatisfied = makeAppeal({
    id: 'ap-f',
    status: 'closed',
    level: 2,
    evaluation: { rating: 'unsatisfied', comment: '仍不满意', at: shanghai('2026-11-29T10:00:00').toISOString() },
    reopenCount: 1,
    coHandlers: [powerTask()],
  })
  const unsatisfiedLongAgo = makeAppeal({
    id: 'ap-g',
    status: 'closed',
    evaluation: { rating: 'unsatisfied', comment: '不满意', at: shanghai('2026-11-23T08:59:00').toISOString() },
    reopenCount: 1,
    ...sp001,
  })
  const waitingForMaterial = makeAppeal({ id: 'ap-h', status: 'in_progress', dueAt: endOf('2026-11-20'), awaitingMaterial: { since: endOf('2026-11-18'), message: '图纸' }, coHandlers: [], ...sp001 })

  const open: Appeal[] = [overdue, dueThisWeek, dueNextWeek, dutyQueue, reopened, waitingForMaterial]
  const digest = buildDigest(week, { kind: 'area', areaId: 'xt-hitech', name: '湘潭高新区' }, open, [reopened, closedUnsatisfied, unsatisfiedLongAgo], now, names)

  it('counts the scope: due this week means before Sunday ends and not yet late; unsatisfied means in the last 7 days', () => {
    expect(digest).toMatchObject({ week, generatedAt: now.toISOString(), scope: { areaId: 'xt-hitech' } })
    expect(digest.totals).toEqual({ open: 6, overdue: 1, dueThisWeek: 2, escalated: 2, unsatisfied: 2 })
    expect(digest.overdue.map((a) => a.id)).toEqual(['ap-a'])
    expect(digest.overdue[0]).toMatchObject({ escalationCause: 'overdue', ownerName: '徐慧萍', enterpriseName: '湖南锦程汽车零部件有限公司' })
    expect(digest.escalated.map((a) => a.id)).toEqual(['ap-a', 'ap-e'])
    expect(digest.unsatisfied.map((a) => a.id)).toEqual(['ap-f', 'ap-e'])
  })

  it('counts an appeal for every department and task force co-handling it, by their current names', () => {
    expect(digest.byDepartment).toEqual([
      { id: 'department:power', name: '国网湘潭供电公司', open: 3, overdue: 1, dueThisWeek: 1, escalated: 2, unsatisfied: 2 },
      { id: 'department:drc', name: '市发展和改革委员会', open: 1, overdue: 1, dueThisWeek: 0, escalated: 1, unsatisfied: 0 },
      { id: 'taskForce:tf-industry', name: '工业专班', open: 1, overdue: 1, dueThisWeek: 0, escalated: 1, unsatisfied: 0 },
      { id: 'department:water', name: '市水务集团（旧称）', open: 1, overdue: 0, dueThisWeek: 0, escalated: 0, unsatisfied: 0 },
    ])
  })

  it('counts each appeal for its owner, and the duty queue as 待分派', () => {
    expect(digest.bySpecialist).toEqual([
      { id: 'sp-007', name: '徐慧萍', open: 2, overdue: 1, dueThisWeek: 1, escalated: 1, unsatisfied: 1 },
      { id: 'sp-001', name: '姜婷', open: 3, overdue: 0, dueThisWeek: 0, escalated: 1, unsatisfied: 1 },
      { id: 'duty-queue', name: '待分派', open: 1, overdue: 0, dueThisWeek: 1, escalated: 0, unsatisfied: 0 },
    ])
  })

  it('takes the last instant of Sunday into the week and nothing after it', () => {
    const sunday = makeAppeal({ id: 'ap-sun', status: 'in_progress', dueAt: endOf('2026-12-06') })
    const monday = makeAppeal({ id: 'ap-mon', status: 'in_progress', dueAt: shanghai('2026-12-07T00:00:00').toISOString() })
    const edge = buildDigest(week, { kind: 'city', areaId: null, name: '全市' }, [sunday, monday], [], now, names)
    expect(edge.totals).toMatchObject({ open: 2, dueThisWeek: 1 })
  })
})

describe('the API document', () => {
  it('describes the supervision routes and the transfer candidates with their schemas', () => {
    const document = buildOpenApiDocument({ devLogin: false })
    const responses = (path: string) => Object.keys(document.paths?.[path]?.get?.responses ?? {})
    expect(responses('/api/supervision/queue')).toEqual(expect.arrayContaining(['200', '403']))
    expect(responses('/api/supervision/digests')).toEqual(expect.arrayContaining(['200', '403']))
    expect(responses('/api/supervision/digests/{week}')).toEqual(expect.arrayContaining(['200', '403', '404']))
    expect(responses('/api/appeals/{id}/transfer-candidates')).toEqual(expect.arrayContaining(['200', '404']))
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(['SupervisionQueue', 'WeeklyDigest', 'DigestList', 'TransferCandidates']))
  })
})
