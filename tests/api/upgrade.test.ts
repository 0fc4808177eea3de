import { beforeAll, describe, expect, inject, it } from 'vitest'
import { addMonths } from '@shared/domain/report-month'
import { thresholdListSchema, upgradeBoardSchema, upgradeDetailSchema, upgradeListSchema } from '@shared/schemas/upgrade.schema'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

/**
 * 升规入统 over HTTP: a specialist enters a month's figures and moves an enterprise to 申报, the
 * area's board follows; enterprise staff see and fill in only their own; bad figures are field
 * errors in Chinese; the thresholds carry their sources. The server's clock decides "this month":
 * the test reads it from the file (dueMonth, the date a file opens) and asserts what holds on any day.
 */
const api = apiClient(inject('apiUrl'))

// en-0043 (湘潭百川电子科技, near-scale industry, 湘潭高新区) is served by sp-001.
const ENTERPRISE = 'en-0043'

let specialist: string
let admin: string
let member: string

beforeAll(async () => {
  ;[specialist, admin, member] = await Promise.all([api.login('sp-001'), api.login('ad-xt-hitech'), api.login(`staff:${ENTERPRISE}`)])
})

const detail = async (token: string) => {
  const reply = await api.call('GET', `/api/upgrade/enterprises/${ENTERPRISE}`, { token })
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  return upgradeDetailSchema.parse(reply.body)
}
const board = async () => {
  const reply = await api.call('GET', '/api/upgrade/board', { token: admin })
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  return upgradeBoardSchema.parse(reply.body)
}

describe('the upgrade pipeline over HTTP', () => {
  it('lists the thresholds with their sources', async () => {
    const reply = await api.call('GET', '/api/upgrade/thresholds', { token: member })
    expect(reply.status).toBe(200)
    const { items } = thresholdListSchema.parse(reply.body)
    expect(items.find((t) => t.sector === 'retail')).toMatchObject({ revenue: 500, source: expect.stringContaining('国家统计局') })
    expectError(await api.call('POST', '/api/upgrade/thresholds', { token: admin, body: { sector: 'retail', revenue: 600, source: '调整' } }), 403, 'FORBIDDEN')
  })

  it('takes a month’s figure from the specialist and moves the enterprise to 申报; the board changes', async () => {
    const before = await board()
    const opened = await detail(specialist)
    expect(opened.file).toBeNull()
    expect(opened.actions).toContain('apply')

    const entered = await api.call('POST', `/api/upgrade/enterprises/${ENTERPRISE}/figures`, {
      token: specialist,
      body: { month: opened.dueMonth, revenueYtd: 1900, employees: 85, note: '走访时核实' },
    })
    expect(entered.status, JSON.stringify(entered.body)).toBe(200)
    const file = upgradeDetailSchema.parse(entered.body)
    expect(file).toMatchObject({ dueMonthMissing: false, file: { stage: 'cultivating', lastFigureMonth: opened.dueMonth } })
    expect(file.figures[0]).toMatchObject({ month: opened.dueMonth, revenueYtd: 1900, enteredBy: { id: 'sp-001' }, history: [] })
    expect(file.projection.method).toBe('linear')

    const today = file.file!.stageDate
    const applied = await api.call('POST', `/api/upgrade/enterprises/${ENTERPRISE}/actions`, {
      token: specialist,
      body: { type: 'apply', date: today, applicationMonth: today.slice(0, 7), note: '已报统计局' },
    })
    expect(applied.status, JSON.stringify(applied.body)).toBe(200)
    expect(upgradeDetailSchema.parse(applied.body).file).toMatchObject({ stage: 'applying', applicationMonth: today.slice(0, 7) })

    const after = await board()
    expect(after.stages.applying).toBe(before.stages.applying + 1)
    expect(after.movedThisMonth.map((e) => e.id)).toContain(ENTERPRISE)
    expect(after.bySpecialist.find((s) => s.specialistId === 'sp-001')?.stages.applying).toBeGreaterThanOrEqual(1)

    // The same move again is not a move: 409, and the timeline keeps one 申报.
    expectError(
      await api.call('POST', `/api/upgrade/enterprises/${ENTERPRISE}/actions`, { token: specialist, body: { type: 'apply', date: today, applicationMonth: today.slice(0, 7) } }),
      409,
      'INVALID_TRANSITION',
    )
    expect((await detail(admin)).file!.timeline.filter((e) => e.type === 'apply')).toHaveLength(1)
  })

  it('lets the enterprise’s own staff fill in and correct their figures, keeping the old value, but not move the stage', async () => {
    const mine = await detail(member)
    expect(mine.actions).toEqual(['figure'])
    const corrected = await api.call('POST', `/api/upgrade/enterprises/${ENTERPRISE}/figures`, { token: member, body: { month: mine.dueMonth, revenueYtd: 1950, employees: 86 } })
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200)
    const figure = upgradeDetailSchema.parse(corrected.body).figures.find((f) => f.month === mine.dueMonth)!
    expect(figure).toMatchObject({ revenueYtd: 1950, enteredBy: { role: 'staff' } })
    expect(figure.history).toEqual([expect.objectContaining({ revenueYtd: 1900, enteredBy: expect.objectContaining({ id: 'sp-001' }) })])
    expectError(await api.call('POST', `/api/upgrade/enterprises/${ENTERPRISE}/actions`, { token: member, body: { type: 'leave', date: '2026-01-05', reason: '不想' } }), 403, 'FORBIDDEN')
    // Another enterprise's staff: the file does not exist for them.
    const stranger = await api.login('staff:en-0002')
    expectError(await api.call('GET', `/api/upgrade/enterprises/${ENTERPRISE}`, { token: stranger }), 404, 'NOT_FOUND')
    expectError(await api.call('POST', `/api/upgrade/enterprises/${ENTERPRISE}/figures`, { token: stranger, body: { month: mine.dueMonth, revenueYtd: 1, employees: 1 } }), 404, 'NOT_FOUND')
  })

  it('answers bad figures with a message per field, and writes nothing', async () => {
    const { dueMonth, file } = await detail(specialist)
    const future = expectError(
      await api.call('POST', `/api/upgrade/enterprises/${ENTERPRISE}/figures`, { token: specialist, body: { month: addMonths(dueMonth, 2), revenueYtd: 2500, employees: 90 } }),
      400,
      'VALIDATION_FAILED',
    )
    expect(future.fields).toEqual({ month: '不能填报未来月份的数据' })
    const bad = expectError(
      await api.call('POST', `/api/upgrade/enterprises/${ENTERPRISE}/figures`, { token: specialist, body: { month: dueMonth, revenueYtd: -3, employees: 1.5, extra: 1 } }),
      400,
      'VALIDATION_FAILED',
    )
    expect(bad.fields).toMatchObject({ revenueYtd: expect.stringMatching(/不能为负数/), employees: expect.stringMatching(/整数/), extra: '不允许的字段' })
    expect((await detail(specialist)).file!.version).toBe(file!.version)
  })

  it('gives the specialist their list, nearest to the threshold first, and nobody else’s', async () => {
    const reply = await api.call('GET', '/api/upgrade/enterprises', { token: specialist })
    expect(reply.status).toBe(200)
    const list = upgradeListSchema.parse(reply.body)
    expect(list.items.map((i) => i.enterpriseId)).toContain(ENTERPRISE)
    expect(list.items.every((i) => i.specialistId === 'sp-001')).toBe(true)
    const distances = list.items.filter((i) => i.projection.distance !== undefined && i.stage !== 'entered' && i.stage !== 'left').map((i) => i.projection.distance!)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    expectError(await api.call('GET', '/api/upgrade/enterprises?specialistId=sp-007', { token: specialist }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', '/api/upgrade/enterprises', { token: member }), 403, 'FORBIDDEN')
    const city = await api.login('ad-city')
    expect(expectError(await api.call('GET', '/api/upgrade/enterprises', { token: city }), 400, 'VALIDATION_FAILED').fields).toHaveProperty('areaId')
    expect(upgradeListSchema.parse((await api.call('GET', '/api/upgrade/enterprises?areaId=xt-hitech', { token: city })).body).items.map((i) => i.enterpriseId)).toContain(ENTERPRISE)
  })

  it('refuses malformed enterprise ids in the path with a field message, and unknown ones with 404', async () => {
    const routes: [string, string, unknown][] = [
      ['GET', '', undefined],
      ['POST', '/figures', { month: '2026-01', revenueYtd: 100, employees: 10 }],
      ['POST', '/actions', { type: 'set-sector', sector: 'wholesale' }],
    ]
    for (const [method, tail, body] of routes) {
      for (const bad of ['A'.repeat(300), '../x', 'en-\u0001', 'ap-0001']) {
        const reply = await api.call(method, `/api/upgrade/enterprises/${encodeURIComponent(bad)}${tail}`, { token: admin, ...(body ? { body } : {}) })
        expect([400, 404], `${method} ${tail} ${bad.slice(0, 10)} → ${reply.status}`).toContain(reply.status)
        expect(reply.body?.error?.message).toMatch(/[\u4e00-\u9fa5]/)
      }
      expectError(await api.call(method, `/api/upgrade/enterprises/en-9999${tail}`, { token: admin, ...(body ? { body } : {}) }), 404, 'NOT_FOUND')
    }
  })

  it('keeps the city board to the areas and refuses it to those without a board', async () => {
    const city = await api.login('ad-city')
    const reply = await api.call('GET', '/api/upgrade/board', { token: city })
    expect(reply.status).toBe(200)
    const whole = upgradeBoardSchema.parse(reply.body)
    expect(whole.scope).toEqual({ kind: 'city', areaId: null })
    expect(whole.byArea).toHaveLength(7)
    expect(whole.byArea.find((a) => a.areaId === 'xt-hitech')!.stages.applying).toBeGreaterThanOrEqual(1)
    expectError(await api.call('GET', '/api/upgrade/board', { token: specialist }), 403, 'FORBIDDEN')
    expectError(await api.call('GET', '/api/upgrade/board?areaId=yuhu', { token: admin }), 403, 'FORBIDDEN')
    expectError(await api.call('GET', '/api/upgrade/board?areaId=nowhere', { token: city }), 404, 'NOT_FOUND')
  })
})
