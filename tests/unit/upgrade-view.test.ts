import { describe, expect, it } from 'vitest'
import { distanceText, emptyFigureForm, missingText, progressPercent, readFigureForm, readMoveForm } from '../../miniapp/src/packages/upgrade/upgrade-view'

/** The upgrade pages' words and forms (miniapp/src/packages/upgrade/upgrade-view.ts). */
describe('the upgrade pages', () => {
  it('words the distance to the threshold', () => {
    expect(distanceText({ method: 'linear', projected: 1800, threshold: 2000, distance: 200, likely: false, explanation: '' })).toBe('还差约 200 万元')
    expect(distanceText({ method: 'seasonal', projected: 2250, threshold: 2000, distance: -250, likely: true, explanation: '' })).toBe('预计超过门槛约 250 万元')
    expect(distanceText({ method: 'none', threshold: 2000, likely: false, explanation: '' })).toBe('暂无推算')
    expect(distanceText({ method: 'none', likely: false, explanation: '' })).toBe('按资质认定')
  })

  it('fills the bar up to the threshold and no further', () => {
    expect(progressPercent({ method: 'linear', projected: 1500, threshold: 2000, distance: 500, likely: false, explanation: '' })).toBe(75)
    expect(progressPercent({ method: 'linear', projected: 2600, threshold: 2000, distance: -600, likely: true, explanation: '' })).toBe(100)
    expect(progressPercent({ method: 'none', likely: false, explanation: '' })).toBe(0)
  })

  it('says what is missing', () => {
    expect(missingText({ missing: ['file', 'figure', 'visit'] }, '2026-10')).toEqual(['尚未建档', '缺 10 月数据', '本季度未走访'])
  })

  it('reads the monthly form into the shared schema, or gives the message of each field', () => {
    expect(readFigureForm({ ...emptyFigureForm('2026-10'), revenueYtd: '1200.5', employees: '48' })).toEqual({ ok: true, value: { month: '2026-10', revenueYtd: 1200.5, employees: 48 } })
    const bad = readFigureForm({ ...emptyFigureForm('2026-10'), revenueYtd: '-1', employees: '' , lastYearRevenue: 'abc' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(Object.keys(bad.fields).sort()).toEqual(['employees', 'lastYearRevenue', 'revenueYtd'])
  })

  it('reads a stage move, naming the month field as the form does', () => {
    expect(readMoveForm({ type: 'apply', date: '2026-11-20', month: '2026-11', reason: '', note: '' })).toEqual({ ok: true, value: { type: 'apply', date: '2026-11-20', applicationMonth: '2026-11' } })
    const bad = readMoveForm({ type: 'enter', date: '2026/11/20', month: '11月', reason: '', note: '' })
    expect(bad).toEqual({ ok: false, fields: { date: expect.any(String), month: expect.any(String) } })
    expect(readMoveForm({ type: 'leave', date: '2026-11-20', month: '', reason: ' ', note: '' })).toEqual({ ok: false, fields: { reason: '请填写退出培育的原因' } })
  })
})
