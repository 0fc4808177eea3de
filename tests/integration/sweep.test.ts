import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { getAppealWithEvents } from '../../functions/store/appeal.store'
import { runSweep } from '../../functions/supervision/sweep.use-case'
import { areaAdmin, owner, staff } from '../support/fixtures'
import { shanghai } from '../support/clock'

/*
 * One table for the whole file and every sweep reads all of it, so the tests run along one
 * timeline (November–December 2026, on the published calendar): each only moves the clock
 * forward, and what an earlier test left behind is either done with or waiting on purpose.
 */

/** Shanghai wall-clock time as an instant (UTC+8, no daylight saving). */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString()
const quiet = () => undefined

/** A power appeal of en-0001 (owner sp-007): first response in 1 working day, resolution in 5. */
const file = (at: Date) =>
  submitAppeal(staff, `sweep-${randomUUID()}`, { enterpriseId: 'en-0001', categoryId: 'power', title: '用电诉求', description: '新厂房需要接入 10kV 线路' }, at).then(
    (r) => r.appeal,
  )

async function stored(id: string) {
  const found = await getAppealWithEvents(id)
  if (!found) throw new Error(`appeal ${id} missing`)
  return { ...found, overdueEvents: found.events.filter((e) => e.type === 'overdue') }
}

let first: string

describe('the scheduled sweep', () => {
  it('marks a missed first response and escalates to the area exactly once, however often it runs', async () => {
    const appeal = await file(shanghai('2026-11-23T10:00:00'))
    first = appeal.id
    expect(appeal.firstResponseDueAt).toBe(endOf('2026-11-24'))

    await runSweep(shanghai('2026-11-24T20:00:00'), quiet)
    expect((await stored(first)).appeal.version).toBe(1)

    const now = shanghai('2026-11-25T10:00:00')
    const once = await runSweep(now, quiet)
    const twice = await runSweep(now, quiet)
    expect(once).toMatchObject({ examined: 1, overdue: 1, escalated: 1, autoClosed: 0, failed: 0 })
    expect(twice).toMatchObject({ examined: 0, overdue: 0, escalated: 0 })

    const { appeal: swept, events, overdueEvents } = await stored(first)
    expect(swept).toMatchObject({
      level: 1,
      version: 2,
      overdue: { kind: 'first_response', dueAt: endOf('2026-11-24') },
      escalation: { level: 1, cause: 'overdue', by: '系统' },
    })
    expect(events.map((e) => e.type)).toEqual(['submit', 'overdue'])
    expect(overdueEvents[0]).toMatchObject({ actor: { role: 'system' }, message: '已超过首次响应时限（11月24日），自动提级至属地督办' })
  })

  it('escalates once when two sweeps run at the same moment', async () => {
    const appeal = await file(shanghai('2026-11-24T10:00:00'))
    const now = shanghai('2026-11-26T10:00:00')
    const [a, b] = await Promise.all([runSweep(now, quiet), runSweep(now, quiet)])
    expect(a.overdue + b.overdue).toBe(1)
    expect(a.escalated + b.escalated).toBe(1)
    expect(a.failed + b.failed).toBe(0)

    const { appeal: swept, overdueEvents } = await stored(appeal.id)
    expect(swept).toMatchObject({ level: 1, version: 2, overdue: { kind: 'first_response' } })
    expect(overdueEvents).toHaveLength(1)
  })

  it('escalates once more for a missed resolution deadline, to the city, and never beyond it', async () => {
    const now = shanghai('2026-12-01T10:00:00')
    await runSweep(now, quiet)
    await runSweep(now, quiet)
    let { appeal, overdueEvents } = await stored(first)
    expect(appeal).toMatchObject({ level: 2, overdue: { kind: 'resolution', dueAt: endOf('2026-11-30') }, escalation: { level: 2, cause: 'overdue' } })
    expect(overdueEvents.map((e) => e.data?.kind)).toEqual(['first_response', 'resolution'])

    // At the city already: an extension missed again is marked, and the level stays.
    await actOnAppeal(owner, first, { type: 'accept' }, now)
    await actOnAppeal(areaAdmin, first, { type: 'extend', dueDate: '2026-12-03', reason: '需协调线路走廊' }, now)
    const later = shanghai('2026-12-04T10:00:00')
    await runSweep(later, quiet)
    await runSweep(later, quiet)
    ;({ appeal, overdueEvents } = await stored(first))
    expect(appeal).toMatchObject({ level: 2, overdue: { kind: 'resolution', dueAt: endOf('2026-12-03') }, escalation: { level: 2, at: now.toISOString() } })
    expect(overdueEvents).toHaveLength(3)
    expect(overdueEvents[2]!.message).toBe('已超过办理时限（12月3日），已在市级督办')
  })

  it('leaves alone an appeal whose clock is paused for the enterprise’s material', async () => {
    const appeal = await file(shanghai('2026-12-07T10:00:00'))
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, shanghai('2026-12-07T11:00:00'))
    await actOnAppeal(owner, appeal.id, { type: 'request-material', message: '请补充厂房平面图' }, shanghai('2026-12-07T12:00:00'))

    await runSweep(shanghai('2026-12-21T10:00:00'), quiet)
    const { appeal: after, events } = await stored(appeal.id)
    expect(after).toMatchObject({ version: 3, level: 0, status: 'in_progress' })
    expect(after.overdue).toBeUndefined()
    expect(events.map((e) => e.type)).toEqual(['submit', 'accept', 'request_material'])
  })

  it('closes a responded appeal as not evaluated after 7 working days, not before', async () => {
    const appeal = await file(shanghai('2026-12-07T10:00:00'))
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, shanghai('2026-12-07T11:00:00'))
    const responded = await actOnAppeal(
      owner,
      appeal.id,
      { type: 'respond', outcome: 'resolved', message: '线路已接通', openTaskReason: '供电公司已口头确认' },
      shanghai('2026-12-08T10:00:00'),
    )
    expect(responded.autoCloseAt).toBe(endOf('2026-12-17'))

    expect(await runSweep(shanghai('2026-12-17T23:00:00'), quiet)).toMatchObject({ autoClosed: 0 })
    expect((await stored(appeal.id)).appeal.status).toBe('responded')

    expect(await runSweep(shanghai('2026-12-18T00:10:00'), quiet)).toMatchObject({ examined: 1, autoClosed: 1, overdue: 0 })
    const { appeal: closed, events } = await stored(appeal.id)
    expect(closed).toMatchObject({ status: 'closed', notEvaluated: true, closedAt: shanghai('2026-12-18T00:10:00').toISOString() })
    expect(closed.evaluation).toBeUndefined()
    expect(closed.autoCloseAt).toBeUndefined()
    expect(events.at(-1)).toMatchObject({ type: 'auto_close', from: 'responded', to: 'closed', actor: { role: 'system' } })
  })

  it('reads only the appeals that are due: one not yet due keeps its version', async () => {
    const start = shanghai('2026-12-21T10:00:00')
    await runSweep(start, quiet)
    const notDue = await file(start)
    const due = await file(shanghai('2026-12-16T10:00:00'))

    const result = await runSweep(shanghai('2026-12-21T11:00:00'), quiet)
    expect(result).toMatchObject({ examined: 1, overdue: 1, escalated: 1 })
    expect((await stored(due.id)).appeal).toMatchObject({ level: 1, overdue: { kind: 'first_response', dueAt: endOf('2026-12-17') } })
    const untouched = (await stored(notDue.id)).appeal
    expect(untouched).toMatchObject({ version: 1, level: 0 })
    expect(untouched.overdue).toBeUndefined()
  })
})
